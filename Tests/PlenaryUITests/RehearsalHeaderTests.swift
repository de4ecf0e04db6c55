import Testing
import PlenaryEngine
@testable import PlenaryUI
import PlenaryTestSupport

/// A rehearsal says REHEARSAL in the header in words, so it shows without colour and in ASCII.
@Suite struct RehearsalHeaderTests {
    static func rehearsal() throws -> WorkshopState {
        var state = try Fixtures.runningLate
        _ = WorkshopReducer.reduce(&state, .app(.markRehearsal(speed: 10)), now: state.now)
        return state
    }

    @Test func theHeaderSaysRehearsalAt80x24() throws {
        let grid = ModeratorScreen.render(try Self.rehearsal(), size: TerminalSize(columns: 80, rows: 24))
        #expect(Array(grid.lines.prefix(3)) == [
            " From S3 Benchmarking to Cluster-Led Ac…  REHEARSAL  12:41:07   ▼ 3 min behind",
            " WIDEX & IRM-HUB Workshop on Regional Cooperation · Sevilla · 2025-03-11",
            "────────────────────────────────────────────────────────────────────────────────",
        ])
        // The alert role: reverse video under NO_COLOR, red with colour.
        #expect(grid.styleLines[0] == "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbAAAAAAAAAAAbbbbbbbbbbbWWWWWWWWWWWWWWWWb")
    }

    @Test func itSaysSoInASCIIAndWide() throws {
        let ascii = ModeratorScreen.render(try Self.rehearsal(), size: TerminalSize(columns: 80, rows: 24), glyphs: .ascii)
        #expect(ascii.lines[0] == " From S3 Benchmarking to Cluster-Led ...  REHEARSAL  12:41:07   v 3 min behind")
        let wide = ModeratorScreen.render(try Self.rehearsal(), size: TerminalSize(columns: 120, rows: 40))
        #expect(wide.lines[0] == " From S3 Benchmarking to Cluster-Led Action                                       REHEARSAL  12:41:07   ▼ 3 min behind")
    }

    @Test func aRealRunDoesNotSayIt() throws {
        let grid = ModeratorScreen.render(try Fixtures.runningLate, size: TerminalSize(columns: 80, rows: 24))
        #expect(!grid.lines.joined().contains("REHEARSAL"))
    }
}
