import Testing
@testable import PlenaryEngine

@Suite struct LineEditorTests {
    @Test func typingMovingAndDeleting() {
        var editor = LineEditor()
        editor.apply(.insert("Région Värmland"))
        editor.apply(.wordLeft)
        #expect(editor.cursor == 7)
        editor.apply(.insert("de "))
        #expect(editor.text == "Région de Värmland")
        editor.apply(.home)
        editor.apply(.deleteForward)
        editor.apply(.end)
        editor.apply(.backspace)
        #expect(editor.text == "égion de Värmlan")
        editor.apply(.deleteWordBackward)
        #expect(editor.text == "égion de ")
        editor.apply(.left)
        editor.apply(.deleteToStart)
        #expect(editor.text == " ")
    }

    @Test func controlCharactersNeverEnterAndNewlinesBecomeSpaces() {
        var editor = LineEditor()
        editor.apply(.insert("a\u{1B}[2Jb\nc\u{7}"))
        #expect(editor.text == "ab c")
    }

    @Test func aLineBreakIsOneSpaceAndBidiOverridesNeverEnter() {
        var editor = LineEditor()
        editor.apply(.insert("a\r\nb\u{202E}c\td"))
        #expect(editor.text == "a bc d")
    }

    @Test func aPasteLosesTheLineBreaksAtItsEndsAndItsControls() {
        var editor = LineEditor("x", limit: 20)
        editor.apply(.home)
        editor.apply(.paste("\r\nfirst\nsecond\u{1B}[2J\n"))
        #expect(editor.text == "first secondx")
        #expect(editor.cursor == 12)
        // More than the room the limit leaves: refused whole, like typing.
        editor.apply(.paste("12345678"))
        #expect(editor.text == "first secondx" && editor.refusedCount == 8)
        editor.apply(.paste("1234567"))
        #expect(editor.text == "first second1234567x")
    }

    @Test func emojiAndCombiningMarksAreSingleCharacters() {
        var editor = LineEditor("e\u{301}👩‍🔬")
        editor.apply(.backspace)
        #expect(editor.text == "e\u{301}")
        editor.apply(.backspace)
        #expect(editor.text.isEmpty)
    }

    @Test func theLimitCountsCharactersNotBytes() {
        var editor = LineEditor(limit: 5)
        editor.apply(.insert("東京 Zürich"))
        #expect(editor.text.isEmpty && editor.refusedCount == 9)
        editor.apply(.insert("東京 Zü"))
        #expect(editor.text == "東京 Zü" && editor.room == 0)
    }

    /// Text is never cut where the limit falls: what does not fit is refused whole, and the editor says how much
    /// was refused so the screen can show it. A paste cut at the limit used to end in a fragment ("…lon").
    @Test func whatDoesNotFitIsRefusedWholeNeverCut() {
        var editor = LineEditor(limit: 10)
        editor.apply(.insert("open "))
        editor.apply(.paste("and long"))
        #expect(editor.text == "open ")
        #expect(editor.refusedCount == 8)
        editor.apply(.insert("sky"))
        #expect(editor.text == "open sky")
        #expect(editor.refusedCount == 0)
        editor.apply(.insert("!!"))
        #expect(editor.text == "open sky!!")
        editor.apply(.insert("x"))
        #expect(editor.text == "open sky!!" && editor.refusedCount == 1)
        editor.apply(.backspace)
        #expect(editor.refusedCount == 0)
    }

    /// The word list counts what the voter sent; a long answer pasted into the ballot is refused, not cut, so no
    /// fragment of a word reaches it.
    @Test func aTooLongAnswerNeverFeedsAFragmentToTheWordList() {
        let poll = PollDefinition(id: "word", question: "One word?", type: .open, maxLength: 20)
        var draft = BallotDraft(poll: poll)
        draft.apply(.line(.paste("we need a really long")), poll: poll)
        #expect(draft.text.text.isEmpty && draft.text.refusedCount == 21)
        draft.apply(.line(.insert("long breaks")), poll: poll)
        guard case .open(let answer) = draft.ballot(for: poll) else { Issue.record("not an open ballot"); return }
        let words = WordFrequency.terms(in: [answer], language: "en").map(\.term)
        #expect(words.sorted() == ["breaks", "long"])
    }
}
