import Testing
@testable import PlenaryEngine

@Suite struct TextEditorTests {
    typealias Position = TextEditor.Position

    /// An editor holding `text` with the cursor moved to (line, column).
    static func editor(_ text: String, at line: Int, _ column: Int, multiline: Bool = true, limit: Int? = nil) -> TextEditor {
        var editor = TextEditor(text, multiline: multiline, limit: limit)
        editor.moveCursor(to: Position(line: line, column: column))
        return editor
    }

    // MARK: - Typing, splitting and joining

    @Test func startsWithTheCursorAtTheEnd() {
        let editor = TextEditor("Theme\nFirst step")
        #expect(editor.lines == [Array("Theme"), Array("First step")])
        #expect(editor.cursor == Position(line: 1, column: 10))
        #expect(editor.count == 16)
        #expect(TextEditor().isEmpty)
        #expect(TextEditor().lines == [[]])
        #expect(TextEditor("\n").lines == [[], []])
    }

    @Test func typingAndNewlinesSplitLines() {
        var editor = TextEditor()
        #expect(editor.apply(.insert("Partners")) == .edited)
        #expect(editor.apply(.newline) == .edited)
        editor.apply(.insert("Regional council"))
        editor.apply(.home)
        editor.apply(.wordRight)
        #expect(editor.apply(.newline) == .edited)
        #expect(editor.text == "Partners\nRegional\n council")
        #expect(editor.cursor == Position(line: 2, column: 0))
        editor.apply(.insert("a\nb"))
        #expect(editor.text == "Partners\nRegional\na\nb council")
        #expect(editor.cursor == Position(line: 3, column: 1))
    }

    @Test func backspaceJoinsLinesAtTheirStart() {
        var editor = Self.editor("SWOT\nStrengths", at: 1, 0)
        #expect(editor.apply(.backspace) == .edited)
        #expect(editor.text == "SWOTStrengths")
        #expect(editor.cursor == Position(line: 0, column: 4))
        editor.apply(.backspace)
        #expect(editor.text == "SWOStrengths")

        var atStart = Self.editor("SWOT", at: 0, 0)
        #expect(atStart.apply(.backspace) == .unchanged)
        #expect(atStart == Self.editor("SWOT", at: 0, 0))
    }

    @Test func deleteForwardJoinsTheNextLineAtTheEnd() {
        var editor = Self.editor("Weak\nnesses", at: 0, 4)
        #expect(editor.apply(.deleteForward) == .edited)
        #expect(editor.text == "Weaknesses")
        #expect(editor.cursor == Position(line: 0, column: 4))
        editor.apply(.deleteForward)
        #expect(editor.text == "Weakesses")
        editor.apply(.documentEnd)
        #expect(editor.apply(.deleteForward) == .unchanged)
    }

    // MARK: - Motion

    @Test func leftAndRightCrossLineEnds() {
        var editor = Self.editor("ab\ncd", at: 1, 0)
        #expect(editor.apply(.left) == .moved)
        #expect(editor.cursor == Position(line: 0, column: 2))
        editor.apply(.right)
        #expect(editor.cursor == Position(line: 1, column: 0))
        editor.apply(.documentStart)
        #expect(editor.apply(.left) == .unchanged)
        editor.apply(.documentEnd)
        #expect(editor.cursor == Position(line: 1, column: 2))
        #expect(editor.apply(.right) == .unchanged)
    }

    @Test func homeEndAndDocumentEnds() {
        var editor = Self.editor("Opportunities\nThreats\nRisks", at: 1, 3)
        editor.apply(.home)
        #expect(editor.cursor == Position(line: 1, column: 0))
        editor.apply(.end)
        #expect(editor.cursor == Position(line: 1, column: 7))
        #expect(editor.apply(.end) == .unchanged)
        editor.apply(.documentStart)
        #expect(editor.cursor == Position(line: 0, column: 0))
        editor.apply(.documentEnd)
        #expect(editor.cursor == Position(line: 2, column: 5))
    }

    @Test func upAndDownKeepThePreferredColumnAcrossShortLines() {
        var editor = Self.editor("expected outcome\nok\nfirst step here", at: 0, 9)
        #expect(editor.apply(.down) == .moved)
        #expect(editor.cursor == Position(line: 1, column: 2))
        #expect(editor.preferredColumn == 9)
        editor.apply(.down)
        #expect(editor.cursor == Position(line: 2, column: 9))
        #expect(editor.apply(.down) == .unchanged)
        editor.apply(.up)
        editor.apply(.up)
        #expect(editor.cursor == Position(line: 0, column: 9))
        #expect(editor.apply(.up) == .unchanged)
        // Any other motion forgets the goal.
        editor.apply(.down)
        editor.apply(.left)
        #expect(editor.preferredColumn == nil)
        editor.apply(.down)
        #expect(editor.cursor == Position(line: 2, column: 1))
    }

    @Test func wordMotionCrossesLinesAndPunctuation() {
        // Words are letters and digits: hyphens, commas, brackets, emoji and line ends separate them.
        var editor = TextEditor("Île-de-France, 東京\n(partners) 2025! 👍")
        let stops: [Position] = [
            Position(line: 1, column: 11), Position(line: 1, column: 1), Position(line: 0, column: 15),
            Position(line: 0, column: 7), Position(line: 0, column: 4), Position(line: 0, column: 0),
        ]
        for stop in stops {
            editor.apply(.wordLeft)
            #expect(editor.cursor == stop)
        }
        #expect(editor.apply(.wordLeft) == .unchanged)
        let ends: [Position] = [
            Position(line: 0, column: 3), Position(line: 0, column: 6), Position(line: 0, column: 13),
            Position(line: 0, column: 17), Position(line: 1, column: 9), Position(line: 1, column: 15),
            Position(line: 1, column: 18),
        ]
        for end in ends {
            editor.apply(.wordRight)
            #expect(editor.cursor == end)
        }
        #expect(editor.apply(.wordRight) == .unchanged)
    }

    @Test func moveCursorClampsAndEndsTheTypingStep() {
        var editor = TextEditor("ab\ncd")
        editor.moveCursor(to: Position(line: 9, column: 9))
        #expect(editor.cursor == Position(line: 1, column: 2))
        editor.moveCursor(to: Position(line: -1, column: -3), preferredDisplayColumn: 4)
        #expect(editor.cursor == Position(line: 0, column: 0))
        #expect(editor.preferredDisplayColumn == 4)
        editor.apply(.right)
        #expect(editor.preferredDisplayColumn == nil)
    }

    // MARK: - Deleting more than a character

    @Test func deleteWordBackwardJoinsAcrossALineStart() {
        var editor = TextEditor("first step:\n  call")
        editor.apply(.deleteWordBackward)
        #expect(editor.text == "first step:\n  ")
        editor.apply(.deleteWordBackward)
        #expect(editor.text == "first ")
        #expect(editor.cursor == Position(line: 0, column: 6))
        editor.apply(.deleteWordBackward)
        #expect(editor.text == "")
        #expect(editor.apply(.deleteWordBackward) == .unchanged)
    }

    @Test func deleteWordForwardJoinsAcrossALineEnd() {
        var editor = Self.editor("first step:\n  call them", at: 0, 0)
        #expect(editor.apply(.deleteWordForward) == .edited)
        #expect(editor.text == " step:\n  call them")
        editor.apply(.deleteWordForward)
        #expect(editor.text == ":\n  call them")
        // Separators first, the line break among them, then the word.
        editor.apply(.deleteWordForward)
        #expect(editor.text == " them")
        #expect(editor.cursor == Position(line: 0, column: 0))
        editor.apply(.end)
        #expect(editor.apply(.deleteWordForward) == .unchanged)
        // A word deletion is an undo step of its own.
        editor.apply(.undo)
        #expect(editor.text == ":\n  call them")
    }

    @Test func moveToIsAClampedMotionThatKeepsTheDisplayGoal() {
        var editor = Self.editor("ab\ncdef", at: 0, 0)
        editor.apply(.insert("x"))
        #expect(editor.apply(.moveTo(Position(line: 1, column: 3), preferredDisplayColumn: 7)) == .moved)
        #expect(editor.cursor == Position(line: 1, column: 3))
        #expect(editor.preferredDisplayColumn == 7)
        #expect(editor.apply(.moveTo(Position(line: 1, column: 3), preferredDisplayColumn: 7)) == .unchanged)
        #expect(editor.apply(.moveTo(Position(line: 5, column: 99), preferredDisplayColumn: nil)) == .moved)
        #expect(editor.cursor == Position(line: 1, column: 4))
        // The motion ended the typing step: the next letter is a step of its own.
        editor.apply(.insert("y"))
        editor.apply(.undo)
        #expect(editor.text == "xab\ncdef")
    }

    @Test func deleteToLineStartKeepsOtherLines() {
        var editor = Self.editor("theme\ncircular economy", at: 1, 7)
        editor.apply(.deleteToLineStart)
        #expect(editor.text == "theme\nr economy")
        #expect(editor.cursor == Position(line: 1, column: 0))
        #expect(editor.apply(.deleteToLineStart) == .unchanged)
    }

    @Test func deleteLineKillsToTheEndThenJoins() {
        var editor = Self.editor("partners: city, NGOs\nschools", at: 0, 9)
        editor.apply(.deleteLine)
        #expect(editor.text == "partners:\nschools")
        editor.apply(.deleteLine)
        #expect(editor.text == "partners:schools")
        #expect(editor.cursor == Position(line: 0, column: 9))
        editor.apply(.documentEnd)
        #expect(editor.apply(.deleteLine) == .unchanged)
    }

    // MARK: - Limits

    @Test func theLimitRefusesTypingAndWholePastes() {
        var editor = TextEditor("Zürich", limit: 10)
        #expect(editor.apply(.insert(" 東京")) == .edited)
        #expect(editor.count == 9)
        let before = editor
        #expect(editor.apply(.paste("ab")) == .refused)
        #expect(editor == before)
        #expect(editor.apply(.insert("👩‍🔬")) == .edited)
        #expect(editor.count == 10)
        #expect(editor.apply(.insert("x")) == .refused)
        #expect(editor.apply(.newline) == .refused)
        #expect(editor.text == "Zürich 東京👩‍🔬")
        #expect(editor.apply(.backspace) == .edited)
        #expect(editor.apply(.newline) == .edited)
        #expect(editor.count == 10)
    }

    @Test func aLineBreakCountsAsOneCharacter() {
        var editor = TextEditor("ab\ncd", limit: 6)
        #expect(editor.count == 5)
        #expect(editor.apply(.paste("\r\n")) == .edited)
        #expect(editor.apply(.paste("\n")) == .refused)
    }

    @Test func textLongerThanTheLimitIsKeptAndMayOnlyShrink() {
        var editor = TextEditor("expected outcome", limit: 5)
        #expect(editor.text == "expected outcome")
        #expect(editor.apply(.insert("!")) == .refused)
        #expect(editor.apply(.deleteWordBackward) == .edited)
        #expect(editor.text == "expected ")
        // Replacing nothing by something the same length is not growth.
        #expect(editor.apply(.left) == .moved)
        #expect(editor.apply(.insert("\u{301}")) == .edited)
        #expect(editor.text == "expected\u{301} ")
        #expect(editor.count == 9)
    }

    // MARK: - Cleaning input

    @Test func controlsAndBidiOverridesNeverEnter() {
        var editor = TextEditor()
        editor.apply(.insert("a\u{1B}[2Jb\u{7}\u{0}c\u{7F}d\u{9B}e\tf"))
        #expect(editor.text == "abcde f")
        editor.apply(.insert("\u{202E}evil\u{202C} \u{2066}x\u{2069}\u{202A}\u{202B}\u{202D}\u{2067}\u{2068}"))
        #expect(editor.text == "abcde fevil x")
        #expect(editor.apply(.insert("\u{1}\u{202E}")) == .unchanged)
    }

    @Test func crlfAndCarriageReturnsBecomeOneLineBreak() {
        var editor = TextEditor()
        editor.apply(.paste("Strengths\r\nWeaknesses\rOpportunities\nThreats\r\n"))
        #expect(editor.lines.map { String($0) } == ["Strengths", "Weaknesses", "Opportunities", "Threats", ""])
        #expect(editor.cursor == Position(line: 4, column: 0))
        #expect(TextEditor("a\r\n\r\nb").text == "a\n\nb")
        #expect(TextEditor("a\u{2028}b").text == "a\nb")
    }

    @Test func aSingleLineTurnsLineBreaksIntoSpaces() {
        var editor = TextEditor("one\r\ntwo", multiline: false)
        #expect(editor.text == "one two")
        #expect(editor.apply(.newline) == .unchanged)
        editor.apply(.paste("\nthree\r"))
        #expect(editor.text == "one two three ")
        #expect(editor.lines.count == 1)
        #expect(editor.apply(.up) == .unchanged)
        #expect(editor.apply(.down) == .unchanged)
    }

    // MARK: - Characters

    @Test func emojiCombiningMarksAndCJKAreSingleCharacters() {
        var editor = TextEditor("e\u{301}東👩‍🔬👍🏽🇪🇺")
        #expect(editor.lines[0].count == 5)
        #expect(editor.cursor.column == 5)
        editor.apply(.left)
        editor.apply(.left)
        #expect(editor.cursor.column == 3)
        editor.apply(.backspace)
        #expect(editor.text == "e\u{301}東👍🏽🇪🇺")
        editor.apply(.backspace)
        editor.apply(.backspace)
        #expect(editor.text == "👍🏽🇪🇺")
        editor.apply(.deleteForward)
        #expect(editor.text == "🇪🇺")
    }

    @Test func aMarkTypedAfterALetterJoinsIt() {
        var editor = TextEditor("cafe")
        editor.apply(.insert("\u{301}"))
        #expect(editor.lines[0].count == 4)
        #expect(editor.cursor.column == 4)
        editor.apply(.insert("s"))
        #expect(editor.text == "cafe\u{301}s")
        // Regional indicators typed one by one pair up into a flag.
        var flag = TextEditor()
        flag.apply(.insert("🇪"))
        flag.apply(.insert("🇺"))
        #expect(flag.lines[0].count == 1)
        #expect(flag.cursor.column == 1)
    }

    // MARK: - Undo

    @Test func typingIsOneUndoStepAndAPasteAnother() {
        var editor = TextEditor()
        for character in "Theme" { editor.apply(.insert(String(character))) }
        editor.apply(.paste(": mobility"))
        editor.apply(.insert("!"))
        #expect(editor.apply(.undo) == .edited)
        #expect(editor.text == "Theme: mobility")
        editor.apply(.undo)
        #expect(editor.text == "Theme")
        #expect(editor.cursor == Position(line: 0, column: 5))
        editor.apply(.undo)
        #expect(editor.text == "")
        #expect(editor.apply(.undo) == .unchanged)
        editor.apply(.redo)
        editor.apply(.redo)
        #expect(editor.text == "Theme: mobility")
        editor.apply(.backspace)
        #expect(!editor.canRedo)
        #expect(editor.apply(.redo) == .unchanged)
    }

    @Test func motionEndsAnUndoStep() {
        var editor = TextEditor()
        editor.apply(.insert("a"))
        editor.apply(.insert("b"))
        editor.apply(.left)
        editor.apply(.insert("c"))
        editor.apply(.backspace)
        editor.apply(.backspace)
        #expect(editor.text == "b")
        editor.apply(.undo)
        #expect(editor.text == "acb")
        editor.apply(.undo)
        #expect(editor.text == "ab")
        #expect(editor.cursor == Position(line: 0, column: 1))
        editor.apply(.undo)
        #expect(editor.text == "")
    }

    @Test func refusedEditsLeaveNoUndoStep() {
        var editor = TextEditor(limit: 2)
        editor.apply(.insert("ab"))
        editor.apply(.paste("cd"))
        editor.apply(.undo)
        #expect(editor.text == "")
    }

    // MARK: - Properties

    /// Input pieces chosen to hit joins, merges and cleaning: marks, flags, emoji sequences, controls.
    static let pieces = [
        "a", "Z", "7", " ", "  ", "-", ",", "é", "e", "\u{301}", "東", "京", "👩‍🔬", "\u{200D}", "👍", "🏽",
        "🇪", "🇺", "\n", "\r\n", "\r", "\t", "\u{1B}", "\u{85}", "\u{202E}", "\u{FE0F}", "한", "\u{1161}",
        "Île-de-France", "partners\nschools", "",
    ]

    static func randomEdit(_ generator: inout Xorshift) -> TextEdit {
        let piece = pieces[generator.below(pieces.count)]
        switch generator.below(24) {
        case 0...5: return .insert(piece)
        case 6: return .paste(piece + pieces[generator.below(pieces.count)])
        case 7: return .newline
        case 8, 9: return .backspace
        case 10: return .deleteForward
        case 11: return .left
        case 12: return .right
        case 13: return .up
        case 14: return .down
        case 15: return [.home, .end][generator.below(2)]
        case 16: return [.documentStart, .documentEnd][generator.below(2)]
        case 17: return .wordLeft
        case 18: return .wordRight
        case 19: return .deleteWordBackward
        case 20: return .deleteToLineStart
        case 21: return .deleteLine
        case 22: return .undo
        default: return .redo
        }
    }

    @Test(arguments: [(1 as UInt64, true, nil as Int?), (2, true, 40), (3, false, nil), (4, false, 12)])
    func anyEditAtAnyPositionKeepsTheEditorValid(seed: UInt64, multiline: Bool, limit: Int?) {
        var generator = Xorshift(seed: seed)
        var editor = TextEditor(multiline: multiline, limit: limit)
        var outcomes: Set<String> = []
        for step in 0..<5_000 {
            let edit = Self.randomEdit(&generator)
            let before = editor
            let outcome = editor.apply(edit)
            outcomes.insert("\(outcome)")
            let context = "step \(step) \(edit) on \(before.text.unicodeScalars.map(\.value)) at \(before.cursor)"
            #expect(!editor.lines.isEmpty, "\(context)")
            #expect(editor.lines.indices.contains(editor.cursor.line), "\(context)")
            guard editor.lines.indices.contains(editor.cursor.line) else { return }
            #expect((0...editor.lines[editor.cursor.line].count).contains(editor.cursor.column), "\(context)")
            #expect(editor.lines.allSatisfy { Array(String($0)) == $0 && !$0.contains("\n") }, "\(context)")
            #expect(!editor.text.unicodeScalars.contains { $0.value < 0x0A || (0x0B..<0x20).contains($0.value) || $0.value == 0x7F }, "\(context)")
            if !multiline { #expect(editor.lines.count == 1, "\(context)") }
            if let limit { #expect(editor.count <= limit, "\(context)") }
            if outcome == .unchanged || outcome == .refused { #expect(editor == before, "\(context)") }
            if outcome == .moved { #expect(editor.lines == before.lines, "\(context)") }
        }
        // The sequence really reached every kind of result.
        #expect(outcomes.isSuperset(of: ["edited", "moved", "unchanged"]))
        if limit != nil { #expect(outcomes.contains("refused")) }
    }

    @Test func undoingEveryStepGivesBackTheStart() {
        var generator = Xorshift(seed: 9)
        for round in 0..<200 {
            let start = TextEditor("Theme: mobility\npartners: city", limit: round % 2 == 0 ? nil : 60)
            var editor = start
            for _ in 0..<generator.below(40) {
                let edit = Self.randomEdit(&generator)
                if edit != .undo && edit != .redo { editor.apply(edit) }
            }
            while editor.canUndo { editor.apply(.undo) }
            #expect(editor.lines == start.lines, "round \(round)")
        }
    }
}

/// xorshift64*: a few lines of seeded randomness so the property tests repeat exactly.
struct Xorshift {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x2545_F491_4F6C_DD1D | 1 }

    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }

    /// A number in 0..<bound (bound > 0).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

/// What `TextEditor.cleaned` keeps of typed or pasted text.
@Suite struct TextCleaningTests {
    @Test func escapeSequencesGoWholeNotJustTheirEscape() {
        let cases: [(String, String)] = [
            ("a \u{1B}[2J b", "a  b"),                                          // CSI
            ("\u{1B}[31mred\u{1B}[0m", "red"),                                  // colours
            ("x\u{1B}]0;pwned\u{7}y", "xy"),                                    // OSC to BEL
            ("x\u{1B}]8;;http://e\u{1B}\\link\u{1B}]8;;\u{1B}\\y", "xlinky"),   // OSC to ESC \
            ("\u{1B}(Bplain", "plain"),                                         // ESC, intermediate, final
            ("\u{1B}[1;5Dé", "é"),
            ("broken \u{1B}[12é", "broken é"),                                  // a CSI cut short keeps what follows
        ]
        for (typed, kept) in cases {
            #expect(TextEditor.cleaned(typed, multiline: false) == kept, "\(typed.debugDescription)")
        }
    }
}
