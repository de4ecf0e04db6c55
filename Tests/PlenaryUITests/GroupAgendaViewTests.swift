import Testing
import PlenaryEngine
@testable import PlenaryUI

/// A facilitator has no agenda screen: `a` shows the day over the group's screen, with the projected times, and any
/// key closes it.
@Suite struct GroupAgendaViewTests {
    static func agenda() throws -> WorkshopState {
        try KeyHelpCoverageTests.modes().first { $0.0 == "group agenda" }!.1
    }

    @Test func theAgendaOverTheGroupScreenAt80By24() throws {
        let grid = ModeratorScreen.render(try Self.agenda(), size: TerminalSize(columns: 80, rows: 24))
        expectLines(grid, [
            " From S3 Benchmarking to Cluster-Led Action          12:41:07   ▼ 3 min behind",
            " WIDEX & IRM-HUB Workshop on Regional Cooperation · Sevilla · 2025-03-11",
            "────────────────────────────────────────────────────────────────────────────────",
            " WORKING GROUP",
            " Clusters",
            " Add: 1 Challenge",
            "        ┌─ Agenda ─────────────────────────────────────────────────────┐",
            " No entr│                                                              │",
            "        │  ✓ 12:02 Workshop registration. Networking & welcome coffee  │",
            "        │  ✓ 12:33 Welcome and objectives                              │",
            "        │  ▶ 12:38 IRM-HUB framing: S3 benchmark and SWOT logic        │",
            "        │    12:43 WIDEX framing: industrial clustering action concep… │",
            "        │    12:48 Working groups                                      │",
            "        │    13:23 Wrap-up and conclusions                             │",
            "        │    13:33 Networking lunch                                    │",
            "        │                                                              │",
            "        │  any key closes                                              │",
            "        └──────────────────────────────────────────────────────────────┘",
            "",
            "",
            "",
            "────────────────────────────────────────────────────────────────────────────────",
            " 3 actions recorded",
            " 1-9 add  Enter edit  d delete  u undo  [/] move  ? keys  a agenda  Esc back",
        ])
    }

    @Test func anyKeyClosesItBackToTheGroup() throws {
        var state = try Self.agenda()
        let action = try #require(ModeratorKeyMap.action(for: .character("x"), in: state, size: TerminalSize(columns: 80, rows: 24)))
        _ = WorkshopReducer.reduce(&state, action, now: state.now)
        #expect(state.screen == .group(id: "wg1", selection: 0))
    }
}
