import Testing
@testable import PlenaryEngine
@testable import PlenaryUI

@Suite struct TextLayoutTests {
    @Test(arguments: [
        ("Ángela Negrete Benedí", 30, "Ángela Negrete Benedí"),
        ("Ángela Negrete Benedí", 21, "Ángela Negrete Benedí"),
        ("Ángela Negrete Benedí", 20, "Ángela Negrete Bene…"),
        ("Bene\u{301}di\u{301} Negrete", 5, "Bene\u{301}…"),
        ("東京都庁", 8, "東京都庁"),
        ("東京都庁", 7, "東京都…"),
        ("東京都庁", 6, "東京…"),
        ("東京都庁", 4, "東…"),
        ("東京都庁", 2, "…"),
        ("東京都庁", 1, "…"),
        ("東京都庁", 0, ""),
        ("東京都庁", -3, ""),
        ("👩‍🔬 lab", 5, "👩🔬…"),
        ("👍🏽👍🏽", 6, "👍🏽…"),
        ("👍🏽👍🏽", 4, "…"),
        ("\u{1B}[2J reset", 6, "␛[2J …"),
        ("ab", 1, "…"),
        ("a", 1, "a"),
        ("", 3, ""),
    ] as [(String, Int, String)])
    func truncates(text: String, width: Int, expected: String) {
        let result = text.truncated(toWidth: width)
        #expect(scalars(result) == scalars(expected))
        #expect(result.terminalWidth <= max(0, width))
    }

    @Test func truncatesWithOtherEllipses() {
        #expect("Negrete".truncated(toWidth: 5, ellipsis: "...") == "Ne...")
        #expect("Negrete".truncated(toWidth: 2, ellipsis: "...") == "Ne")
        #expect("Negrete".truncated(toWidth: 4, ellipsis: "") == "Negr")
        #expect("東京都".truncated(toWidth: 3, ellipsis: "") == "東")
        #expect("Negrete".truncated(toWidth: 4, ellipsis: "\u{1B}") == "Neg␛")
        #expect("東京".truncated(toWidth: 3, ellipsis: "東") == "東")
    }

    @Test(arguments: [
        ("Ángela", 8, "Ángela  "),
        ("東京", 5, "東京 "),
        ("東京都", 5, "東京…"),
        ("東京都", 4, "東… "),
        ("東", 1, "…"),
        ("e\u{301}", 3, "e\u{301}  "),
        ("\u{1B}[2J", 5, "␛[2J "),
        ("", 2, "  "),
        ("abc", 0, ""),
        ("abc", -1, ""),
    ] as [(String, Int, String)])
    func pads(text: String, width: Int, expected: String) {
        let result = text.padded(toWidth: width)
        #expect(scalars(result) == scalars(expected))
        #expect(result.terminalWidth == max(0, width))
    }

    @Test(arguments: [
        ("Ángela Negrete Benedí", 10, ["Ángela", "Negrete", "Benedí"]),
        ("Ángela Negrete Benedí", 14, ["Ángela Negrete", "Benedí"]),
        ("Ángela Negrete Benedí", 100, ["Ángela Negrete Benedí"]),
        ("  two   spaces  ", 20, ["two spaces"]),
        ("first\nsecond\r\nthird", 20, ["first", "second", "third"]),
        ("a\n\nb", 5, ["a", "", "b"]),
        ("", 5, [""]),
        ("   ", 5, [""]),
        ("Negrete", 3, ["Neg", "ret", "e"]),
        ("a Negrete b", 3, ["a", "Neg", "ret", "e b"]),
        ("東京都庁", 4, ["東京", "都庁"]),
        ("東京都庁", 5, ["東京", "都庁"]),
        ("東京都庁", 3, ["東", "京", "都", "庁"]),
        ("東京 ab", 1, ["…", "…", "a", "b"]),
        ("👍🏽👍🏽", 3, ["……"]),
        ("👍🏽 👍🏽", 3, ["…", "…"]),
        ("👩‍🔬 lab", 4, ["👩🔬", "lab"]),
        ("Bene\u{301}di\u{301}", 4, ["Bene\u{301}", "di\u{301}"]),
        ("\u{1B}[2J clear", 4, ["␛[2J", "clea", "r"]),
        ("tab\there", 8, ["tab here"]),
        ("\u{301}\u{301}\u{301}", 1, ["\u{25CC}\u{301}\u{301}\u{301}"]),
        ("\u{200B}\u{200B}", 1, [""]),
        ("x", 1, ["x"]),
    ] as [(String, Int, [String])])
    func wraps(text: String, width: Int, expected: [String]) {
        let lines = text.wrapped(toWidth: width)
        #expect(lines.map(scalars) == expected.map(scalars))
        #expect(lines.allSatisfy { $0.terminalWidth <= width })
    }

    /// The byte-by-byte wrap of plain ASCII gives exactly the lines of the character-by-character wrap: runs of
    /// spaces, blank paragraphs, words longer than a line, widths from 1 up; and it leaves any other text alone.
    @Test func plainASCIIWrapsAsTheGeneralFormDoes() {
        let pieces = ["a", "Bb", "word", "longerword", "averyveryverylongword", " ", "  ", "\n", "\n\n", "-", "x.y", "~"]
        var seed: UInt64 = 99
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<3_000 {
            let text = (0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined()
            let width = 1 + next(14)
            #expect(text.asciiWrapped(toWidth: width) == text.characterWrapped(toWidth: width), "\(text.debugDescription) at \(width)")
        }
        for other in ["tab\there", "café au lait", "cr\r\nlf", "bell\u{7}"] {
            #expect(other.asciiWrapped(toWidth: 10) == nil, "\(other.debugDescription)")
            #expect(other.asciiWithoutBlankLinesAtEnds == nil, "\(other.debugDescription)")
        }
        for _ in 0..<3_000 {
            let text = (0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined()
            #expect(text.asciiWithoutBlankLinesAtEnds == text.characterWithoutBlankLinesAtEnds, "\(text.debugDescription)")
        }
    }

    @Test func wrapsToNothingWithoutColumns() {
        #expect("anything".wrapped(toWidth: 0) == [])
        #expect("anything".wrapped(toWidth: -2) == [])
    }
}
