@testable import PlenaryCurses
import Testing

/// Which cells take the one-byte way to the screen: exactly one printable ASCII character. Everything else
/// (controls, DEL, accents, combining marks, wide and empty cells) goes through the width and fallback checks.
@Suite struct CellTextTests {
    @Test func onePrintableASCIICharacterIsItsByte() {
        #expect(CursesTerminal.printableASCII(" ") == 0x20)
        #expect(CursesTerminal.printableASCII("a") == UInt8(ascii: "a"))
        #expect(CursesTerminal.printableASCII("~") == 0x7E)
    }

    @Test func everythingElseTakesTheCheckedWay() {
        for text in ["", "\u{1F}", "\u{7F}", "\t", "ab", "é", "e\u{301}", "東", "☀️", "\u{1B}"] {
            #expect(CursesTerminal.printableASCII(text) == nil, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
