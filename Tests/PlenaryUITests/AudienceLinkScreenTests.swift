import Testing
import PlenaryEngine
import PlenaryStorage
@testable import PlenaryUI

/// The projector while it has no room to draw: never a stale countdown, always why and that it comes back.
@Suite struct AudienceLinkScreenTests {
    @Test func reconnectingSaysWhyAndThatItComesBack() {
        let grid = AudienceLinkScreen.render(reconnecting: "The host went away.", size: TerminalSize(columns: 40, rows: 7),
                                             glyphs: .unicode)
        #expect(grid.lines.map { $0.trimmingTrailingSpaces } == [
            "",
            "             Reconnecting…",
            "",
            "          The host went away.",
            "",
            "   This screen comes back by itself.",
            "",
        ])
    }

    @Test func aTinyWindowClipsInsteadOfCrashing() {
        let grid = AudienceLinkScreen.render(reconnecting: "Cannot reach the host: permission denied.",
                                             size: TerminalSize(columns: 3, rows: 2), glyphs: .ascii)
        #expect(grid.lines.count == 2)
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
