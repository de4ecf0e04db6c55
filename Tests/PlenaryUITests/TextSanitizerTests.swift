import Testing
@testable import PlenaryEngine
@testable import PlenaryUI

@Suite struct TextSanitizerTests {
    @Test(arguments: [
        // Ordinary text is returned untouched (same scalars, combining marks stay on their base).
        ("Ángela Negrete Benedí", "Ángela Negrete Benedí"),
        ("Bene\u{301}di\u{301}", "Bene\u{301}di\u{301}"),
        ("東京 한국어 العربية שָׁלוֹם", "東京 한국어 العربية שָׁלוֹם"),
        ("🇪🇺 👍🏽 1️⃣ ☀️", "🇪🇺 👍🏽 1️⃣ ☀️"),
        // C0 controls: Control Pictures; tab: one space; DEL: ␡; C1: U+FFFD.
        ("\u{1B}[2J", "␛[2J"),
        ("\u{1B}]0;title\u{7}", "␛]0;title␇"),
        ("a\u{0}b\u{8}c", "a␀b␈c"),
        ("line\nnext\r\n", "line␊next␍␊"),
        ("a\tb", "a b"),
        ("x\u{7F}", "x␡"),
        ("\u{9B}2J\u{85}", "\u{FFFD}2J\u{FFFD}"),
        // Bidirectional controls are dropped; RTL letters stay in logical order.
        ("\u{202E}txt.exe\u{202C}", "txt.exe"),
        ("\u{2067}שלום\u{2069} \u{200F}x\u{200E}\u{61C}", "שלום x"),
        ("\u{202A}\u{202B}\u{202D}\u{2066}\u{2068}", ""),
        // The zero width joiner is dropped (tmux 3.3a and ncurses disagree about it).
        ("👩‍🔬", "👩🔬"),
        ("❤️‍🔥", "❤️🔥"),
        // Scalars glibc cannot print become U+FFFD.
        ("\u{1FAE8}", "\u{FFFD}"),
        ("a\u{2028}b", "a\u{FFFD}b"),
        // Marks without a base get the dotted circle; invisible leftovers are dropped.
        ("\u{301}", "\u{25CC}\u{301}"),
        ("\u{301}e\u{301}", "\u{25CC}\u{301}e\u{301}"),
        ("\u{1B}\u{301}", "␛\u{25CC}\u{301}"),
        ("\u{200B}", ""),
        ("\u{FEFF}hi", "hi"),
        ("\u{FE0F}a", "a"),
        ("\u{200D}\u{200D}", ""),
        ("\u{1161}", "\u{FFFD}"),
        ("\u{1100}\u{1161}\u{11A8}", "\u{1100}\u{1161}\u{11A8}"),
        // At most four zero-width scalars on one base.
        ("e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}x", "e\u{301}\u{302}\u{303}\u{304}x"),
    ] as [(String, String)])
    func sanitizes(input: String, expected: String) {
        let output = TerminalText.sanitized(input)
        #expect(scalars(output) == scalars(expected))
        #expect(scalars(TerminalText.sanitized(output)) == scalars(output))
    }

    @Test func escapeSequencesCannotReachTheTerminal() {
        let hostile = "\u{1B}[2J\u{1B}[H\u{9B}31m\u{1B}P+q\u{1B}\\\u{7}\u{8}\u{7F}\r"
        let clean = TerminalText.sanitized(hostile)
        #expect(clean.unicodeScalars.allSatisfy { DisplayWidth.wcwidth($0) >= 1 })
        #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
        #expect(clean.hasPrefix("␛[2J␛[H"))
    }

    @Test func everyGraphemeStartsWithAVisibleScalar() {
        let text = "\u{301}a\u{200B}\u{302}\u{AD}\u{303}\u{11A8}\u{FE0F}"
        for character in TerminalText.sanitized(text) {
            #expect(DisplayWidth.wcwidth(character.unicodeScalars.first!) >= 1)
            #expect(character.terminalWidth >= 1)
        }
    }

    @Test func splitsGraphemesIntoNcursesCells() {
        let cells = TerminalText.cells(of: "👍🏽")
        #expect(cells.map(\.text) == ["👍", "🏽"])
        #expect(cells.map(\.width) == [2, 2])
        #expect(TerminalText.cells(of: "🇪🇺").map(\.width) == [1, 1])
        #expect(TerminalText.cells(of: "1️⃣").map { scalars($0.text) } == [[0x31, 0xFE0F, 0x20E3]])
        #expect(TerminalText.cells(of: "\u{1100}\u{1161}\u{11A8}").map(\.width) == [2])
        #expect(TerminalText.cells(of: "\u{301}").map(\.text) == ["\u{25CC}\u{301}"])
    }
}
