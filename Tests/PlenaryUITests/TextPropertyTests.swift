import Testing
import PlenaryTestSupport
@testable import PlenaryEngine
@testable import PlenaryUI

/// Invariants over a few thousand random strings from a hostile mixed alphabet (seeded, so
/// every run tests the same strings).
@Suite struct TextPropertyTests {
    static let alphabet: [String] = [
        "a", "Z", "7", " ", " ", " ", "  ", "-", "é", "e\u{301}", "\u{301}", "\u{302}", "Ω", "Я",
        "東", "京", "한", "\u{1100}", "\u{1161}", "\u{11A8}", "ｆ", "\u{3000}",
        "ا", "\u{64E}", "ש", "\u{5B8}", "\u{600}", "\u{903}",
        "👩", "\u{200D}", "🔬", "\u{FE0F}", "☀", "👍", "🏽", "🇪", "🇺", "1", "\u{20E3}", "\u{E0067}",
        "\u{1B}", "[2J", "\u{0}", "\t", "\n", "\r\n", "\u{7F}", "\u{85}", "\u{9B}",
        "\u{202E}", "\u{2067}", "\u{200E}", "\u{200B}", "\u{AD}", "\u{FEFF}", "\u{1FAE8}", "\u{2028}",
        "…", "\u{FFFD}", "\u{E000}",
    ]

    static func randomStrings(count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            let length = Int.random(in: 0...24, using: &generator)
            return (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
        }
    }

    @Test func sanitizedTextIsSafeAndStable() {
        for text in Self.randomStrings(count: 3000, seed: 1) {
            let clean = TerminalText.sanitized(text)
            #expect(scalars(TerminalText.sanitized(clean)) == scalars(clean), "not idempotent: \(scalars(text))")
            #expect(clean.unicodeScalars.allSatisfy { DisplayWidth.wcwidth($0) >= 0 }, "\(scalars(text))")
            #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || TextPolicy.isBidiFormatting($0.value) || TextPolicy.isDirectionalMark($0.value) || $0.value == 0x200D })
            for character in clean {
                #expect(DisplayWidth.wcwidth(character.unicodeScalars.first!) >= 1, "grapheme \(scalars(String(character))) in \(scalars(text))")
            }
            let width = text.terminalWidth
            #expect(width == clean.reduce(0) { $0 + $1.terminalWidth })
            #expect(width == clean.reduce(0) { $0 + TerminalText.cells(of: $1).reduce(0) { $0 + $1.width } })
        }
    }

    @Test func truncationAndPaddingStayWithinTheWidth() {
        var generator = SeededGenerator(seed: 2)
        for text in Self.randomStrings(count: 3000, seed: 3) {
            let width = Int.random(in: -1...14, using: &generator)
            let cut = text.truncated(toWidth: width)
            #expect(cut.terminalWidth <= max(0, width), "\(scalars(text)) to \(width)")
            if width > 0 && text.terminalWidth <= width {
                #expect(scalars(cut) == scalars(TerminalText.sanitized(text)))
            }
            #expect(text.truncated(toWidth: width, ellipsis: "...").terminalWidth <= max(0, width))
            #expect(text.padded(toWidth: width).terminalWidth == max(0, width), "\(scalars(text)) to \(width)")
        }
    }

    @Test func wrappedLinesFitAndKeepEveryVisibleCharacter() {
        var generator = SeededGenerator(seed: 4)
        for text in Self.randomStrings(count: 3000, seed: 5) {
            let width = Int.random(in: 1...10, using: &generator)
            let lines = text.wrapped(toWidth: width)
            #expect(!lines.isEmpty)
            for line in lines {
                #expect(line.terminalWidth <= width, "\(scalars(text)) to \(width): \(scalars(line))")
                #expect(!line.hasPrefix(" ") && !line.hasSuffix(" "))
            }
            // Same scalars apart from spaces, with graphemes wider than the line shown as "…".
            var expected: [UInt32] = []
            for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline }) {
                for character in TerminalText.sanitized(String(paragraph)) {
                    expected += character.terminalWidth > width ? scalars("…") : scalars(String(character))
                }
            }
            #expect(scalars(lines.joined()).filter { $0 != 0x20 } == expected.filter { $0 != 0x20 }, "\(scalars(text)) to \(width)")
        }
    }

    @Test func gridRowsStayAligned() {
        var generator = SeededGenerator(seed: 6)
        let texts = Self.randomStrings(count: 3000, seed: 7)
        var index = 0
        while index < texts.count {
            let columns = Int.random(in: 1...12, using: &generator)
            var grid = CellGrid(size: TerminalSize(columns: columns, rows: 3))
            for _ in 0..<6 where index < texts.count {
                let text = texts[index]
                index += 1
                let x = Int.random(in: -4...columns, using: &generator)
                let y = Int.random(in: 0..<3, using: &generator)
                switch Int.random(in: 0..<10, using: &generator) {
                case 0:
                    grid.fill(text, x: x, y: y, width: Int.random(in: 0...columns, using: &generator), height: 2)
                case 1:
                    var other = CellGrid(size: TerminalSize(columns: Int.random(in: 1...6, using: &generator), rows: 2))
                    other.put(text, x: 0, y: 0)
                    grid.blit(other, x: x, y: y - 1)
                default:
                    let maxWidth: Int? = Bool.random(using: &generator) ? Int.random(in: 0...columns, using: &generator) : nil
                    let used = grid.put(text, x: x, y: y, maxWidth: maxWidth)
                    if x >= 0 { #expect(used <= max(0, min(columns, maxWidth.map { x + $0 } ?? columns) - x)) }
                }
                if let problem = gridAlignmentProblem(grid) {
                    Issue.record("\(problem) after \(scalars(text)) at x \(x) on \(columns) columns")
                    return
                }
            }
        }
    }
}
