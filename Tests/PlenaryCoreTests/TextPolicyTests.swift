import Testing
@testable import PlenaryEngine
@testable import PlenaryReports

/// The same hostile text through every place user text goes (docs/DECISIONS.md 53): the screen
/// (`TerminalText.sanitized`), a one-line field (`LineEditor`), a multi-line field (`TextEditor`), an open answer
/// (`BallotValidation.normalized`), a Markdown or CSV report (`ReportText.printable`) and the HTML report
/// (`HTMLReport.escape`).
@Suite struct TextPolicyTests {
    /// One input and what each destination makes of it. `lines` is both the multi-line editor's and the reports'.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var input: String
        var screen: String
        var line: String
        var lines: String
        var ballot: String
        var testDescription: String { name }
    }

    /// Control Pictures for C0, U+FFFD for C1; both dropped from stored text.
    static let c0Controls: [Case] = (UInt32(0)..<0x20).compactMap { value in
        if value == 0x09 || TextPolicy.isLineBreak(value) || value == 0x1B { return nil }
        let control = String(Unicode.Scalar(value)!)
        let picture = String(Unicode.Scalar(0x2400 + value)!)
        return Case(name: "C0 \(value)", input: "a\(control)b", screen: "a\(picture)b", line: "ab", lines: "ab", ballot: "ab")
    }

    static let c1Controls: [Case] = (UInt32(0x80)...0x9F).compactMap { value in
        if value == 0x85 { return nil }
        let control = String(Unicode.Scalar(value)!)
        return Case(name: "C1 \(value)", input: "a\(control)b", screen: "a\u{FFFD}b", line: "ab", lines: "ab", ballot: "ab")
    }

    static let bidiFormatting: [Case] = (Array(UInt32(0x202A)...0x202E) + Array(UInt32(0x2066)...0x2069)).map { value in
        let control = String(Unicode.Scalar(value)!)
        return Case(name: "bidi \(value)", input: "a\(control)b", screen: "ab", line: "ab", lines: "ab", ballot: "ab")
    }

    static let others: [Case] = [
        Case(name: "ESC alone", input: "a\u{1B}", screen: "a␛", line: "a", lines: "a", ballot: "a"),
        Case(name: "CSI clear screen", input: "x\u{1B}[2Jy", screen: "x␛[2Jy", line: "xy", lines: "xy", ballot: "xy"),
        Case(name: "SGR colours", input: "\u{1B}[31mred\u{1B}[0m", screen: "␛[31mred␛[0m", line: "red", lines: "red", ballot: "red"),
        Case(name: "OSC title to BEL", input: "x\u{1B}]0;pwned\u{7}y", screen: "x␛]0;pwned␇y", line: "xy", lines: "xy", ballot: "xy"),
        Case(name: "OSC 8 link to ST", input: "x\u{1B}]8;;http://e\u{1B}\\link\u{1B}]8;;\u{1B}\\y",
             screen: "x␛]8;;http://e␛\\link␛]8;;␛\\y", line: "xlinky", lines: "xlinky", ballot: "xlinky"),
        Case(name: "DEL", input: "a\u{7F}b", screen: "a␡b", line: "ab", lines: "ab", ballot: "ab"),
        Case(name: "tab", input: "a\tb", screen: "a b", line: "a b", lines: "a b", ballot: "a b"),
        Case(name: "LF", input: "a\nb", screen: "a␊b", line: "a b", lines: "a\nb", ballot: "a b"),
        Case(name: "CR", input: "a\rb", screen: "a␍b", line: "a b", lines: "a\nb", ballot: "a b"),
        Case(name: "CR LF", input: "a\r\nb", screen: "a␍␊b", line: "a b", lines: "a\nb", ballot: "a b"),
        Case(name: "VT (PowerPoint's line break)", input: "a\u{B}b", screen: "a␋b", line: "a b", lines: "a\nb", ballot: "a b"),
        Case(name: "FF", input: "a\u{C}b", screen: "a␌b", line: "a b", lines: "a\nb", ballot: "a b"),
        Case(name: "NEL", input: "a\u{85}b", screen: "a\u{FFFD}b", line: "a b", lines: "a\nb", ballot: "a b"),
        Case(name: "LINE SEPARATOR", input: "a\u{2028}b", screen: "a\u{FFFD}b", line: "a b", lines: "a\nb", ballot: "a b"),
        Case(name: "PARAGRAPH SEPARATOR", input: "a\u{2029}b", screen: "a\u{FFFD}b", line: "a b", lines: "a\nb", ballot: "a b"),
        Case(name: "Trojan Source", input: "\u{202E}txt.exe\u{202C}", screen: "txt.exe", line: "txt.exe", lines: "txt.exe", ballot: "txt.exe"),
        Case(name: "RLM, LRM, ALM", input: "שלום\u{200F}! x\u{200E}y\u{61C}z",
             screen: "שלום! xyz", line: "שלום\u{200F}! x\u{200E}y\u{61C}z", lines: "שלום\u{200F}! x\u{200E}y\u{61C}z",
             ballot: "שלום\u{200F}! x\u{200E}y\u{61C}z"),
        Case(name: "ZWJ in an emoji sequence", input: "👩‍🔬 ❤️‍🔥", screen: "👩🔬 ❤️🔥", line: "👩‍🔬 ❤️‍🔥", lines: "👩‍🔬 ❤️‍🔥",
             ballot: "👩‍🔬 ❤️‍🔥"),
        Case(name: "U+FFFD", input: "a\u{FFFD}b", screen: "a\u{FFFD}b", line: "a\u{FFFD}b", lines: "a\u{FFFD}b", ballot: "a\u{FFFD}b"),
        Case(name: "combining marks", input: "Bene\u{301}di\u{301} Ángela", screen: "Bene\u{301}di\u{301} Ángela",
             line: "Bene\u{301}di\u{301} Ángela", lines: "Bene\u{301}di\u{301} Ángela", ballot: "Bene\u{301}di\u{301} Ángela"),
        Case(name: "CJK and Hangul", input: "東京 한국어", screen: "東京 한국어", line: "東京 한국어", lines: "東京 한국어", ballot: "東京 한국어"),
        Case(name: "emoji with skin tone", input: "👍🏽 🇪🇺", screen: "👍🏽 🇪🇺", line: "👍🏽 🇪🇺", lines: "👍🏽 🇪🇺", ballot: "👍🏽 🇪🇺"),
    ]

    static let allCases = c0Controls + c1Controls + bidiFormatting + others

    // MARK: - The destinations

    static func screen(_ text: String) -> String { TerminalText.sanitized(text) }

    static func oneLineField(_ text: String) -> String {
        var editor = LineEditor()
        editor.apply(.insert(text))
        return editor.text
    }

    static func multiLineField(_ text: String) -> String {
        var editor = TextEditor()
        editor.apply(.insert(text))
        return editor.text
    }

    static func ballot(_ text: String) -> String {
        guard case .open(let clean) = BallotValidation.normalized(.open(text: text)) else { return "not an open answer" }
        return clean
    }

    static func report(_ text: String) -> String { ReportText.printable(text) }

    static func html(_ text: String) -> String { HTMLReport.escape(text) }

    // MARK: - Tests

    @Test(arguments: allCases)
    func everyDestinationTakesTheHostileInputAsThePolicySays(_ row: Case) {
        #expect(scalars(Self.screen(row.input)) == scalars(row.screen), "screen")
        #expect(scalars(Self.oneLineField(row.input)) == scalars(row.line), "one-line field")
        #expect(scalars(Self.multiLineField(row.input)) == scalars(row.lines), "multi-line field")
        #expect(scalars(Self.ballot(row.input)) == scalars(row.ballot), "open answer")
        #expect(scalars(Self.report(row.input)) == scalars(row.lines), "Markdown and CSV report")
        #expect(scalars(Self.html(row.input)) == scalars(row.lines), "HTML report")
    }

    /// Scalars in a wide sample (ASCII, Latin, the general punctuation block with every bidi and width control,
    /// CJK, the specials), each between two letters: which ones each destination drops without a trace.
    @Test func theDestinationsAgreeOnWhatTheyDrop() {
        let sample = (Array(0...0x33FF) + Array(0xFE00...0xFFFD) + [0x1F469, 0x1F52C, 0xE0001])
            .compactMap { Unicode.Scalar(UInt32($0)) }
        func dropped(_ destination: (String) -> String) -> Set<UInt32> {
            Set(sample.filter { destination("a\($0)b") == "ab" }.map(\.value))
        }
        let stored = dropped(Self.oneLineField)
        #expect(dropped(Self.multiLineField) == stored)
        #expect(dropped(Self.ballot) == stored)
        #expect(dropped(Self.report) == stored)
        #expect(dropped(Self.html) == stored)

        // Stored text drops exactly the controls (not tab or line breaks; ESC takes the "b" with it as a sequence's
        // final byte, see the table) and the bidi overrides.
        let expected = Set(sample.map(\.value).filter {
            (TextPolicy.isControl($0) && $0 != 0x09 && $0 != 0x1B && !TextPolicy.isLineBreak($0)) || TextPolicy.isBidiFormatting($0)
        })
        #expect(stored == expected)

        // The screen never shows what stored text drops: a bidi override goes, a control shows as a visible stand-in.
        let screenDropped = dropped(Self.screen)
        for value in stored {
            let shown = Self.screen("a\(Unicode.Scalar(value)!)b")
            #expect(screenDropped.contains(value) || shown.unicodeScalars.count == 3, "U+\(String(value, radix: 16))")
            #expect(!shown.unicodeScalars.contains { $0.value == value }, "U+\(String(value, radix: 16)) reached the screen")
        }
        // What the screen alone drops is what terminals cannot draw faithfully: the marks and the joiner, and
        // invisible format characters with nothing to attach to (a zero width space is a grapheme of its own).
        let screenOnly = screenDropped.subtracting(stored)
        #expect(screenOnly.isSuperset(of: [0x200E, 0x200F, 0x061C, 0x200D]))
        for value in screenOnly {
            let properties = Unicode.Scalar(value)!.properties
            #expect(properties.isDefaultIgnorableCodePoint || properties.generalCategory == .format,
                    "U+\(String(value, radix: 16)) vanished from the screen")
        }
    }

    @Test func everyDestinationIsIdempotent() {
        for row in Self.allCases {
            for destination in [Self.screen, Self.oneLineField, Self.multiLineField, Self.ballot, Self.report] {
                let once = destination(row.input)
                #expect(scalars(destination(once)) == scalars(once), "\(row.name)")
            }
        }
    }

    private func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }
}
