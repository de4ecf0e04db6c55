import Testing
import PlenaryEngine
@testable import PlenaryUI

/// Bars for poll results: eighth-block precision, ASCII fallback, label cutting by display width,
/// the stacked and label-only layouts, "… N more", and never drawing outside the rectangle.
@Suite struct BarChartTests {
    private func row(_ label: String, _ value: Double, _ fraction: Double, _ valueText: String) -> PollResults.Row {
        PollResults.Row(label: label, optionIndex: nil, value: value, fraction: fraction, valueText: valueText)
    }

    private func chart(_ rows: [PollResults.Row], width: Int, height: Int, glyphs: Glyphs = .unicode,
                       used expectedUsed: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> CellGrid {
        var grid = CellGrid(size: TerminalSize(columns: width, rows: height))
        let used = BarChart.draw(rows, into: &grid, x: 0, y: 0, width: width, height: height, glyphs: glyphs)
        if let expectedUsed { #expect(used == expectedUsed, sourceLocation: sourceLocation) }
        #expect(gridAlignmentProblem(grid) == nil, sourceLocation: sourceLocation)
        for line in grid.lines { #expect(line.terminalWidth <= width, sourceLocation: sourceLocation) }
        return grid
    }

    /// Three rows whose bar column is exactly 10 wide at 27 columns (label 7, gap, bar 10, gap, value 8).
    private var tenColumnRows: [PollResults.Row] {
        [
            row("Funding", 10, 0.5, "10 · 50%"),
            row("Skills", 11, 0.55, "11 · 55%"),
            row("Data", 0, 0, "0 · 0%"),
        ]
    }

    // MARK: - Bars

    @Test func barsHaveEighthBlockPrecision() {
        func bar(_ fraction: Double, _ width: Int = 10) -> String {
            BarChart.bar(fraction: fraction, width: width, nonZero: fraction > 0, glyphs: .unicode)
        }
        #expect(bar(0.5) == "█████")
        #expect(bar(0.55) == "█████▌")  // 5.5 cells: five blocks and a half block
        #expect(bar(0.5375) == "█████▍")  // 5.375 cells: three eighths
        #expect(bar(0.5 + 0.4 / 80) == "█████")  // 40.4 eighths round down
        #expect(bar(0.5 + 0.6 / 80) == "█████▏")  // 40.6 eighths round up
        let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
        for k in 0...8 {
            #expect(bar(Double(k) / 8, 1) == eighths[k], "\(k)/8 of one cell")
            #expect(bar((3 + Double(k) / 8) / 4, 4) == "███" + eighths[k], "3 \(k)/8 of four cells")
        }
        #expect(bar(1) == String(repeating: "█", count: 10))
        #expect(bar(1.7) == String(repeating: "█", count: 10))
        #expect(bar(-0.3) == "")
        #expect(bar(.nan) == "")
        #expect(bar(0.5, 0) == "")
    }

    @Test func asciiBarsRoundToWholeCells() {
        func bar(_ fraction: Double, _ width: Int = 10) -> String {
            BarChart.bar(fraction: fraction, width: width, nonZero: fraction > 0, glyphs: .ascii)
        }
        #expect(bar(0.5) == "#####")
        #expect(bar(0.55) == "######")  // 5.5 rounds up
        #expect(bar(0.54) == "#####")
        #expect(bar(0.999) == "##########")
        #expect(bar(0) == "")
    }

    @Test func aNonZeroValueAlwaysShowsASliver() {
        #expect(BarChart.bar(fraction: 1.0 / 400, width: 10, nonZero: true, glyphs: .unicode) == "▏")
        #expect(BarChart.bar(fraction: 1.0 / 400, width: 10, nonZero: true, glyphs: .ascii) == "#")
        // Even when the fraction says nothing (a value with a zero fraction), the value is shown.
        #expect(BarChart.bar(fraction: 0, width: 10, nonZero: true, glyphs: .unicode) == "▏")
        #expect(BarChart.bar(fraction: 0, width: 10, nonZero: false, glyphs: .unicode) == "")

        let rows = [
            row("Funding beyond projects", 199, 199.0 / 200, "199"),
            row("Aligning ecosystems", 1, 1.0 / 200, "1"),
            row("Governance", 0, 0, "0"),
        ]
        expectLines(chart(rows, width: 40, height: 3), [
            "Funding beyond … ██████████████████▉ 199",
            "Aligning ecosys… ▏                     1",
            "Governance                             0",
        ])
        expectLines(chart(rows, width: 40, height: 3, glyphs: .ascii), [
            "Funding beyon... ################### 199",
            "Aligning ecos... #                     1",
            "Governance                             0",
        ])
    }

    // MARK: - Layouts

    @Test func inlineRowsWithABarOfTenColumns() {
        let grid = chart(tenColumnRows, width: 27, height: 5, used: 5)
        expectLines(grid, [
            "Funding █████      10 · 50%",
            "",
            "Skills  █████▌     11 · 55%",
            "",
            "Data                 0 · 0%",
        ])
        #expect(grid.styleLines == [
            "........ccccc..............",
            "...........................",
            "........cccccc.............",
            "...........................",
            "...........................",
        ])
    }

    @Test func highlightStylesTheBars() {
        var grid = CellGrid(size: TerminalSize(columns: 27, rows: 1))
        BarChart.draw([tenColumnRows[0]], into: &grid, x: 0, y: 0, width: 27, height: 1, glyphs: .unicode, highlight: .warning)
        #expect(grid.styleLines == ["........WWWWW.............."])
    }

    @Test func asciiInlineRows() {
        expectLines(chart(tenColumnRows, width: 27, height: 5, glyphs: .ascii, used: 5), [
            "Funding #####      10 - 50%",
            "",
            "Skills  ######     11 - 55%",
            "",
            "Data                 0 - 0%",
        ])
    }

    @Test func rowsArePackedWhenThereIsNoRoomForBlankLines() {
        expectLines(chart(tenColumnRows, width: 27, height: 4, used: 3), [
            "Funding █████      10 · 50%",
            "Skills  █████▌     11 · 55%",
            "Data                 0 · 0%",
        ])
    }

    @Test func longLabelsStandAboveTheirBars() {
        let rows = [
            row("Building capacity for interregional cooperation", 15, 0.75, "15 · 75%"),
            row("Aligning ecosystems", 5, 0.25, "5 · 25%"),
        ]
        expectLines(chart(rows, width: 40, height: 5, used: 5), [
            "Building capacity for interregional coo…",
            "███████████████████████▎        15 · 75%",
            "",
            "Aligning ecosystems",
            "███████▊                         5 · 25%",
        ])
        // Without room for the blank line, the pairs are packed.
        expectLines(chart(rows, width: 40, height: 4, used: 4), [
            "Building capacity for interregional coo…",
            "███████████████████████▎        15 · 75%",
            "Aligning ecosystems",
            "███████▊                         5 · 25%",
        ])
        // Without room for two lines a row, labels are cut at 40% of the width.
        expectLines(chart(rows, width: 40, height: 3, used: 3), [
            "Building capaci… ██████████▌    15 · 75%",
            "",
            "Aligning ecosys… ███▌            5 · 25%",
        ])
    }

    @Test func narrowChartsStackOrShowLabelAndValueOnly() {
        // 14 columns: an inline bar would be 1 column, a stacked one 5.
        expectLines(chart(Array(tenColumnRows.prefix(2)), width: 14, height: 4, used: 4), [
            "Funding",
            "██▌   10 · 50%",
            "Skills",
            "██▊   11 · 55%",
        ])
        // No room to stack: label and value only.
        expectLines(chart(Array(tenColumnRows.prefix(2)), width: 14, height: 2, used: 2), [
            "Fund… 10 · 50%",
            "Skil… 11 · 55%",
        ])
        // Narrower than the value: the value is cut too.
        expectLines(chart(Array(tenColumnRows.prefix(2)), width: 6, height: 2, used: 2), [
            "10 · …",
            "11 · …",
        ])
    }

    @Test func accentedAndCJKLabelsAreCutByDisplayWidth() {
        let rows = [
            row("Coopération interrégionale", 3, 0.3, "3 · 30%"),
            row("Krako\u{301}w–Sevilla matchmaking", 5, 0.5, "5 · 50%"),
            row("東京と大阪の地域間協力", 2, 0.2, "2 · 20%"),
        ]
        // Label column 10: "東京と大…" is 9 columns, since half of "阪" cannot be shown.
        let grid = chart(rows, width: 26, height: 3, used: 3)
        expectLines(grid, [
            "Coopérati… ██▏     3 · 30%",
            "Kraków–Se… ███▌    5 · 50%",
            "東京と大…  █▍      2 · 20%",
        ])
        #expect(scalars(grid.lines[1]).contains(0x301), "the combining accent stays with its letter")
        // At every width the lines fit and no wide character is split.
        for width in 0...60 {
            for height in [1, 3, 6] {
                _ = chart(rows, width: width, height: height)
            }
        }
    }

    @Test func moreRowsThanLinesEndWithACount() {
        let regions = ["Andalucía", "Norte", "Lapland", "Silesia", "Flanders", "Emilia-Romagna", "Upper Austria",
                       "Castilla y León", "Centro", "Saxony", "Brittany", "Tartu"]
        let rows = regions.enumerated().map { index, name in
            row(name, Double(12 - index), Double(12 - index) / 12, "\(12 - index)")
        }
        expectLines(chart(rows, width: 40, height: 5, used: 5), [
            "Andalucía       █████████████████████ 12",
            "Norte           ███████████████████▎  11",
            "Lapland         █████████████████▌    10",
            "Silesia         ███████████████▊       9",
            "… 8 more",
        ])
        expectLines(chart(rows, width: 40, height: 2, glyphs: .ascii, used: 2), [
            "Andalucía       ##################### 12",
            "... 11 more",
        ])
        expectLines(chart(rows, width: 40, height: 1, used: 1), ["… 12 more"])
        #expect(chart(rows, width: 40, height: 12, used: 12).lines.last == "Tartu           █▊                     1")
    }

    @Test func nothingToDrawLeavesTheGridAlone() {
        let before = CellGrid(size: TerminalSize(columns: 10, rows: 3), fill: Cell("x"))
        for (rows, width, height) in [(tenColumnRows, 0, 3), (tenColumnRows, 10, 0), ([], 10, 3), (tenColumnRows, -5, -1)] {
            var grid = before
            #expect(BarChart.draw(rows, into: &grid, x: 0, y: 0, width: width, height: height, glyphs: .unicode) == 0)
            #expect(grid == before)
        }
    }

    // MARK: - Property

    @Test func neverDrawsOutsideItsRectangle() {
        let rowSets: [[PollResults.Row]] = [
            tenColumnRows,
            [
                row("東京と大阪の地域間協力", 2, 0.2, "2 · 20%"),
                row("Matchmaking with regions in other Member States", 17, 1, "17 · 100%"),
                row("Krako\u{301}w 👍🏽", 1, 0.01, "1"),
            ],
            (0..<30).map { row("Region \($0)", Double($0), Double($0) / 29, "\($0) pts") },
        ]
        var checked = 0
        for (set, rows) in rowSets.enumerated() {
            for width in 0...120 {
                for height in 0...40 {
                    let glyphs: Glyphs = (width + height) % 2 == 0 ? .unicode : .ascii
                    var grid = framedGrid(x: 2, y: 1, width: width, height: height)
                    let used = BarChart.draw(rows, into: &grid, x: 2, y: 1, width: width, height: height, glyphs: glyphs)
                    #expect(used >= 0 && used <= height)
                    if let problem = outsideProblem(grid, x: 2, y: 1, width: width, height: height) {
                        Issue.record("\(width)×\(height), rows \(set): \(problem)")
                        return
                    }
                    checked += 1
                }
            }
        }
        #expect(checked == 3 * 121 * 41)
    }
}

/// A grid with a blank `width` × `height` rectangle at (x, y), every other cell "x", and one more
/// column and row of "x" beyond the rectangle on the right and at the bottom.
func framedGrid(x: Int, y: Int, width: Int, height: Int) -> CellGrid {
    let columns = x + width + 1
    let rows = y + height + 1
    var grid = CellGrid(size: TerminalSize(columns: columns, rows: rows))
    grid.fill("x", x: 0, y: 0, width: columns, height: y)  // above
    grid.fill("x", x: 0, y: y + height, width: columns, height: rows - y - height)  // below
    grid.fill("x", x: 0, y: y, width: x, height: height)  // left
    grid.fill("x", x: x + width, y: y, width: columns - x - width, height: height)  // right
    return grid
}

/// Checks that every cell outside the rectangle is still the "x" it was filled with, and that every
/// row inside is aligned: each wide character has its continuation, nothing crosses the edges.
/// Returns the first problem found, or nil. (A cheaper `gridAlignmentProblem` for big loops.)
func outsideProblem(_ grid: CellGrid, x: Int, y: Int, width: Int, height: Int) -> String? {
    let untouched = Cell("x")
    for row in 0..<grid.height {
        let rowInside = row >= y && row < y + height
        var col = 0
        while col < grid.width {
            let cell = grid[col, row]
            guard rowInside, col >= x, col < x + width else {
                if cell != untouched { return "wrote \"\(cell.text)\" at (\(col), \(row)), outside \(width)×\(height) at (\(x), \(y))" }
                col += 1
                continue
            }
            if cell.text == " " {
                col += 1
                continue
            }
            if cell.isContinuation { return "continuation without its wide character at (\(col), \(row))" }
            switch cell.text.terminalWidth {
            case 1:
                col += 1
            case 2:
                guard col + 1 < x + width, grid[col + 1, row].isContinuation else {
                    return "wide character at (\(col), \(row)) without its continuation inside the rectangle"
                }
                col += 2
            case let other:
                return "cell \"\(cell.text)\" at (\(col), \(row)) is \(other) columns"
            }
        }
    }
    return nil
}
