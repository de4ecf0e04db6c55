import Testing
import PlenaryEngine
@testable import PlenaryUI
import PlenaryTestSupport

/// Emphasis that must survive without colour: which cells carry which role.
@Suite struct ModeratorStyleTests {
    let size = TerminalSize(columns: 80, rows: 24)

    func style(_ grid: CellGrid, x: Int, y: Int) -> StyleRole { grid[x, y].style }

    @Test func theCurrentSlotRowIsHighlightedAcrossTheAgenda() throws {
        let grid = ModeratorScreen.render(try Fixtures.runningLate, size: size)
        #expect(grid.styleLines[6].prefix(32) == String(repeating: "C", count: 32))
        #expect(style(grid, x: 3, y: 4) == .dim)
        #expect(style(grid, x: 10, y: 7) == .normal)
    }

    @Test func lateSlotsShowTheirStartInTheWarningColour() throws {
        let grid = ModeratorScreen.render(try Fixtures.runningLate, size: size)
        #expect(grid.styleLines[7].dropFirst(3).prefix(5) == "WWWWW")
    }

    @Test func theTimerWarnsInTheLastMinutesAndAlertsWhenOver() throws {
        let steps: [(Instant, WorkshopCommand)] = [(Fixtures.at(12, 2), .start), (Fixtures.at(12, 33), .next), (Fixtures.at(12, 38), .next)]
        let normal = ModeratorScreen.render(try Fixtures.dayState(now: Fixtures.at(12, 40), steps), size: size)
        let warning = ModeratorScreen.render(try Fixtures.dayState(now: Fixtures.at(12, 42), steps), size: size)
        let over = ModeratorScreen.render(try Fixtures.dayState(now: Fixtures.at(12, 44), steps), size: size)
        func timerRoles(_ grid: CellGrid) -> Set<StyleRole> {
            Set((34..<60).flatMap { x in (8..<13).map { grid[x, $0] } }.filter { $0.text == "█" }.map(\.style))
        }
        #expect(timerRoles(normal) == [.timer])
        #expect(timerRoles(warning) == [.warning])
        #expect(timerRoles(over) == [.alert])
    }

    /// In colour, current/ok/warning/alert are bands (a coloured cell): in a list only the words carry them, never
    /// the blanks that line the columns up, which would show as coloured blocks on every row.
    @Test func thePollListColoursWordsNotTheSpaceAroundThem() throws {
        let (session, _) = try AsciiGlyphTests.demoSession()
        var state = try Fixtures.dayState(session, now: Fixtures.at(12, 0), [(Fixtures.at(12, 0), .start),
                                                                                   (Fixtures.at(12, 0), .poll(.open(poll: "format")))])
        _ = WorkshopReducer.reduce(&state, .poll(.openList), now: Fixtures.at(12, 0))
        _ = WorkshopReducer.reduce(&state, .poll(.moveSelection(by: 5)), now: Fixtures.at(12, 0))
        let grid = ModeratorScreen.render(state, size: size)
        let rows = (0..<grid.height).filter { y in grid.lines[y].contains("DRAFT") || grid.lines[y].contains("OPEN") }
        #expect(rows.count >= 5)
        let bands: Set<StyleRole> = [.current, .ok, .warning, .alert]
        for y in rows where !grid.styleLines[y].contains("S") {
            for x in 0..<grid.width where grid[x, y].text == " " {
                #expect(!bands.contains(grid[x, y].style), "a \(grid[x, y].style) blank at \(x),\(y): \(grid.lines[y])")
            }
        }
    }

    /// Warning and alert are coloured bands (black on yellow, white on red) in every colour scheme that reads on
    /// light and dark terminals, and reverse without colour: the digits' whole box carries the role, so the
    /// strokes are ink on the band, never black blocks on a black terminal or reverse blocks that vanish.
    @Test func theTimerInTheLastMinutesIsABandWithTheDigitsOnIt() throws {
        let steps: [(Instant, WorkshopCommand)] = [(Fixtures.at(12, 2), .start), (Fixtures.at(12, 33), .next), (Fixtures.at(12, 38), .next)]
        for (minute, role) in [(42, StyleRole.warning), (44, .alert)] {
            let grid = ModeratorScreen.render(try Fixtures.dayState(now: Fixtures.at(12, minute), steps), size: size)
            let digitRows = (8..<13).filter { y in (34..<60).contains { grid[$0, y].text == "█" } }
            #expect(digitRows.count == 5)
            let strokes = digitRows.flatMap { y in (34..<80).filter { grid[$0, y].text == "█" }.map { (x: $0, y: y) } }
            let left = strokes.map(\.x).min() ?? 0, right = strokes.map(\.x).max() ?? 0
            for y in digitRows {
                for x in (left - 1)...(right + 1) {
                    #expect(grid[x, y].style == role, "cell \(x),\(y) of the \(role) timer's box")
                }
            }
        }
    }

    @Test func theDelayIndicatorEscalates() throws {
        let late = ModeratorScreen.render(try Fixtures.runningLate, size: size)
        #expect(late.lines[0].hasSuffix("▼ 3 min behind"))
        #expect(style(late, x: 70, y: 0) == .warning)
        let veryLate = ModeratorScreen.render(try Fixtures.dayState(now: Fixtures.at(12, 15), [(Fixtures.at(12, 15), .start)]), size: size)
        #expect(veryLate.lines[0].hasSuffix("▼ 15 min behind"))
        #expect(style(veryLate, x: 70, y: 0) == .alert)
    }

    @Test func aStorageFailureIsABannerOverTheStatusLine() throws {
        var state = try Fixtures.runningLate
        _ = WorkshopReducer.reduce(&state, .storage(.failed(StorageFailure(kind: .journal, message: "NOT RECORDED: No space left on device"))), now: state.now)
        let grid = ModeratorScreen.render(state, size: size)
        #expect(grid.lines[22] == " ! NOT RECORDED: No space left on device")
        #expect(grid.styleLines[22] == String(repeating: "A", count: 80))
    }

    @Test func asciiGlyphsForTerminalsWithoutUnicode() throws {
        let grid = ModeratorScreen.render(try Fixtures.runningLate, size: size, glyphs: .ascii)
        #expect(grid.lines[6].hasPrefix(" > 12:38 IRM-HUB"))
        #expect(grid.lines.joined().unicodeScalars.allSatisfy { $0.isASCII || "ÁáéíóúÍ×".unicodeScalars.contains($0) })
    }

    @Test func everySizeFromTinyToHugeRendersWithoutTrapping() throws {
        let state = try Fixtures.runningLate
        for columns in [0, 1, 2, 10, 59, 60, 61, 79, 80, 81, 200, 300] {
            for rows in [0, 1, 2, 5, 15, 16, 17, 24, 40, 100] {
                let grid = ModeratorScreen.render(state, size: TerminalSize(columns: columns, rows: rows))
                #expect(grid.lines.count == rows)
                #expect(grid.lines.allSatisfy { $0.terminalWidth <= columns })
            }
        }
    }
}
