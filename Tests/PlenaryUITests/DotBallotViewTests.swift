import Testing
import PlenaryEngine
import PlenaryTestSupport
@testable import PlenaryUI

/// A dot vote's ballot form (issue 15): each item's stack as on paper, and how many dots are left.
@Suite struct DotBallotViewTests {
    @Test func theFormShowsEachItemsStackAndTheDotsLeft() throws {
        let poll = PollDefinition(id: "dots", question: "Which actions should we take forward?", type: .multiple,
                                  options: ["Joint pilot", "Shared training", "Data platform"], maxPicks: 5, maxPerOption: 3)
        var session = Fixtures.sevilla()
        session.polls = [poll]
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [(Fixtures.at(12, 0), .poll(.open(poll: "dots")))])
        _ = WorkshopReducer.reduce(&state, .poll(.show("dots")), now: Fixtures.at(12, 1))
        _ = WorkshopReducer.reduce(&state, .poll(.startBallot("dots")), now: Fixtures.at(12, 1))
        for edit: BallotDraft.Edit in [.toggle, .toggle, .down, .down, .right] {
            _ = WorkshopReducer.reduce(&state, .poll(.editBallot(edit)), now: Fixtures.at(12, 1))
        }
        expectLines(ModeratorScreen.render(state, size: TerminalSize(columns: 80, rows: 24)), [
            " From S3 Benchmarking to Cluster-Led Action          12:01:00   ▼ 1 min behind",
            " 2025-03-11",
            "────────────────────────────────────────────────────────────────────────────────",
            " ENTER A BALLOT · Dot vote: 5 dots, up to 3 on one item",
            " Which actions should we take forward?",
            "",
            "   1  [•• ] Joint pilot",
            "   2  [   ] Shared training",
            "   3  [•  ] Data platform",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            " 2 dots left   ↑ ↓ move   Space → add a dot   ← take one off   Enter records",
            "────────────────────────────────────────────────────────────────────────────────",
            " 1 action recorded",
            " Enter record  Esc cancel",
        ])
        expectLines(ModeratorScreen.render(state, size: TerminalSize(columns: 80, rows: 24), glyphs: .ascii), [
            " From S3 Benchmarking to Cluster-Led Action          12:01:00   v 1 min behind",
            " 2025-03-11",
            "--------------------------------------------------------------------------------",
            " ENTER A BALLOT - Dot vote: 5 dots, up to 3 on one item",
            " Which actions should we take forward?",
            "",
            "   1  [** ] Joint pilot",
            "   2  [   ] Shared training",
            "   3  [*  ] Data platform",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            " 2 dots left   ^ v move   Space > add a dot   < take one off   Enter records",
            "--------------------------------------------------------------------------------",
            " 1 action recorded",
            " Enter record  Esc cancel",
        ])
    }
}
