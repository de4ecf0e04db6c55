import Testing
import PlenaryEngine
import PlenaryTestSupport
@testable import PlenaryUI

/// `E` after this run ended the workshop asks whether to take the end back, naming the slot that goes on.
@Suite struct ReopenDialogViewTests {
    @Test func theDialogNamesTheSlotThatGoesOn() throws {
        var state = try Fixtures.runningLate
        _ = WorkshopReducer.reduce(&state, .command(.end), now: state.now)
        _ = WorkshopReducer.reduce(&state, .agenda(.requestEnd), now: state.now)
        #expect(ModeratorKeyMap.action(for: .character("y"), in: state) == .command(.reopen))
        expectLines(ModeratorScreen.render(state, size: TerminalSize(columns: 80, rows: 24)), [
            " From S3 Benchmarking to Cluster-Led Action                   12:41:07   ended",
            " WIDEX & IRM-HUB Workshop on Regional Cooperation · Sevilla · 2025-03-11",
            "────────────────────────────────────────────────────────────────────────────────",
            " AGENDA                         │ ENDED · Talk                         slot 3/7",
            " ✓ 12:02 Workshop registration.…│ IRM-HUB framing: S3 benchmark and SWOT logic",
            " ✓ 12:33 Welcome and objectives │ Ángela Negrete Benedí, ECCP",
            " ✓ 12:38 IRM-HUB framing: S3 be…│ Planned 12:35–12:40 (5 min) · started 12:38",
            " – 12:40 WIDEX framing: industr…│",
            " ┌─ Take back the end of the workshop? ───────────────────────────────────────┐",
            " │                                                                            │",
            " │ “IRM-HUB framing: S3 benchmark and SWOT logic” goes on; the minutes since  │",
            " │ the end count to it.                                                       │",
            " │                                                                            │",
            " │ y go on   n or Esc keep it ended                                           │",
            " └────────────────────────────────────────────────────────────────────────────┘",
            "                                │",
            "                                │",
            "                                │",
            "                                │",
            "                                │",
            "                                │ Ended 12:41, planned 15:00 (2 h 19 min ahead)",
            "────────────────────────────────────────────────────────────────────────────────",
            " 4 actions recorded",
            " Space start/pause  n/→ next  p/← back  ? help  q quit  +/- 1 min  g jump  E end",
        ])
    }
}
