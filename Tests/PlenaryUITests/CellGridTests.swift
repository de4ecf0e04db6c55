import Testing
import PlenaryEngine
@testable import PlenaryUI

@Suite struct CellGridTests {
    private func grid(_ columns: Int, _ rows: Int) -> CellGrid {
        CellGrid(size: TerminalSize(columns: columns, rows: rows))
    }

    @Test func writesMixedTextByDisplayWidth() {
        var g = grid(12, 5)
        #expect(g.put("Ángela Negrete Benedí", x: 0, y: 0) == 12)
        #expect(g.put("東京", x: 1, y: 1) == 4)
        #expect(g.put("👩‍🔬e\u{301}!", x: 0, y: 2) == 6)
        #expect(g.put("\u{1B}[2J", x: 3, y: 3) == 4)
        #expect(g.put("Benedi\u{301} 東京", x: 2, y: 4) == 10)
        #expect(g.lines == [
            "Ángela Negre",
            " 東京",
            "👩🔬é!",
            "   ␛[2J",
            "  Benedí 東",
        ])
        #expect(scalars(g.lines[2]) == scalars("👩🔬e\u{301}!"))
        #expect(gridAlignmentProblem(g) == nil)
    }

    @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var g = grid(8, 4)
        g.put("東京東京", x: 0, y: 0)
        g.put("x", x: 1, y: 0)  // right half of 東
        g.put("y", x: 4, y: 0)  // left half of the second 東
        g.put("東京東京", x: 0, y: 1)
        g.put("京", x: 1, y: 1)  // straddles 東 and 京
        g.put("Ángela", x: 0, y: 2)
        g.put("東京", x: 5, y: 2)  // 京 would straddle the edge
        g.put("e\u{301}e\u{301}", x: 0, y: 3)
        g.put("👩‍🔬", x: 1, y: 3)
        g.put("\u{1B}", x: 2, y: 3)  // left half of 🔬... right half of 👩
        #expect(g.lines == [
            " x京y 京",
            " 京 東京",
            "Ángel東",
            "é ␛🔬",
        ])
        #expect(gridAlignmentProblem(g) == nil)
    }

    @Test func clipsAtTheEdgesWithoutShiftingTheRow() {
        var g = grid(6, 4)
        #expect(g.put("東京", x: 0, y: 0, maxWidth: 3) == 3)
        g.put("|", x: 3, y: 0)
        #expect(g.put("京東", x: -1, y: 1) == 4)  // 京 half off the left edge
        #expect(g.put("ab東京", x: 1, y: 2) == 5)
        #expect(g.put("👍🏽👍🏽", x: 0, y: 3) == 6)
        #expect(g.lines == [
            "東 |",
            " 東",
            " ab東",
            "👍🏽",
        ])
        #expect(g.put("anything", x: 6, y: 0) == 0)
        #expect(g.put("anything", x: 0, y: 4) == 0)
        #expect(g.put("anything", x: 0, y: 0, maxWidth: 0) == 0)
        #expect(gridAlignmentProblem(g) == nil)
    }

    /// Printable ASCII takes a path of its own (one cell per byte, decision 95): clipped, counted and styled as any
    /// text, while control characters (tab, DEL) still go through sanitising.
    @Test func asciiTextIsClippedCountedAndStyledLikeAnyText() {
        var g = grid(8, 5)
        #expect(g.put("abcdef", x: -2, y: 0, style: .title) == 6)  // counted from x, as for any text
        #expect(g.put("0123456789", x: 3, y: 1) == 5)
        #expect(g.put("xyz", x: 1, y: 2, maxWidth: 2) == 2)
        let controls = TerminalText.sanitized("a\tb\u{7F}")
        #expect(controls != "a\tb\u{7F}")
        #expect(g.put("a\tb\u{7F}", x: 0, y: 3) == controls.terminalWidth)
        g.put("東京東京", x: 0, y: 4)
        #expect(g.put("~", x: 3, y: 4) == 1)  // right half of 京
        var shown = controls
        while shown.last == " " { shown.removeLast() }
        #expect(g.lines == ["cdef", "   01234", " xy", shown, "東 ~東京"])
        #expect(g.styleLines[0] == "TTTT....")
        #expect(gridAlignmentProblem(g) == nil)
    }

    /// Text that needs no sanitising and fits is written one cell per scalar without finding its graphemes: the cells
    /// must be exactly those `TerminalText.cells` gives grapheme by grapheme, also where a grapheme holds several
    /// scalars of one or two columns (flags, skin tones, Devanagari spacing marks), and over wide characters.
    @Test func textThatFitsIsWrittenAsItsGraphemesWouldBe() {
        let samples = ["────┼────", "Málaga · Sevilla ▼ 7 min", "東京 café", "🇪🇺🇪🇸", "👍🏽 ok", "नमस्ते कः", "한국어",
                       "é\u{301}", "a\u{200B}b", "…▶◀●○"]
        for text in samples {
            var expected: [Cell] = [Cell("|")]
            for character in TerminalText.sanitized(text) {
                for cell in TerminalText.cells(of: character) {
                    expected.append(Cell(cell.text))
                    if cell.width == 2 { expected.append(Cell("")) }
                }
            }
            var g = grid(expected.count + 2, 1)
            g.put("東東東東東東東東東東東東", x: 0, y: 0)
            g.put("|", x: 0, y: 0)
            let written = g.put(text, x: 1, y: 0)
            #expect(written == text.terminalWidth, "\(text)")
            #expect(Array(g.cells[0..<expected.count]) == expected, "\(text): \(g.lines[0])")
            #expect(gridAlignmentProblem(g) == nil, "\(text)")
        }
    }

    @Test func wideCharactersKeepTheirStyleOnBothCells() {
        var g = grid(6, 1)
        g.put("a東", x: 0, y: 0, style: .title)
        g.put("\u{301}", x: 3, y: 0, style: .alert)
        #expect(g.styleLines == ["TTTA.."])
        #expect(scalars(g.lines[0]) == scalars("a東\u{25CC}\u{301}"))
    }

    @Test func blitsAndFillsKeepWideCharactersWhole() {
        var source = grid(4, 1)
        source.put("東京", x: 0, y: 0)
        var g = grid(5, 4)
        g.blit(source, x: -1, y: 0)  // 東 cut by the left edge
        g.blit(source, x: 2, y: 1)  // 京 cut by the right edge
        g.fill("東", x: 0, y: 2, width: 5)
        g.fill("", x: 1, y: 2, width: 1)  // right half of the first 東
        g.fill("\u{1B}", x: 0, y: 3, width: 2)
        #expect(g.lines == [
            " 京",
            "  東",
            "  東",
            "␛␛",
        ])
        #expect(gridAlignmentProblem(g) == nil)
    }

    @Test func paintAndFillIgnoreRectanglesOutsideTheGrid() {
        var g = grid(3, 2)
        g.paint(.title, x: 5, y: 5, width: 2, height: 2)
        g.fill("x", x: -5, y: 9, width: 2)
        g.paint(.alert, x: -1, y: -1, width: 2, height: 2)
        #expect(g.styleLines == ["A..", "..."])
        #expect(g.lines == ["", ""])
    }
}
