import Testing
import PlenaryEngine
import PlenaryTestSupport
@testable import PlenaryUI

/// The dot vote proposed from marked entries, over the group screen, before it opens (issue 15).
@Suite struct ShortlistPollViewTests {
    @Test func theProposalShowsTheQuestionTheDotsAndTheOptions() throws {
        var proposal = PollDefinition(id: "shortlist-1", question: "", type: .multiple,
                                      options: ["Recycling hub", "Joint demonstrator", "Skills academy"], maxPicks: 3)
        proposal.entryIDs = ["wg1-1", "wg1-2", "wg1-3"]
        var draft = ShortlistPollDraft(groupID: "wg1", selection: 0, proposal: proposal)
        for edit: ShortlistPollDraft.Edit in [.next, .adjust(2), .next, .adjust(1)] { draft.apply(edit) }
        var grid = CellGrid(size: TerminalSize(columns: 80, rows: 24))
        ShortlistPollView.draw(draft, into: &grid, glyphs: .unicode)
        // The question is shown with its cursor at the end, where the proposal left it.
        expectLines(grid, [
            "",
            "",
            "",
            "",
            "",
            "",
            "    ┌─ A dot vote from 3 marked entries ───────────────────────────────────┐",
            "    │ Question (as the room will read it):                                 │",
            "    │ > ch actions should we take forward? (3 dots each, up to 2 on one)   │",
            "    │   67/200 characters                                                  │",
            "    │                                                                      │",
            "    │ Dots each person has    ← 3 →                                        │",
            "    │ Most dots on one item   ← 2 →                                        │",
            "    │                                                                      │",
            "    │ Options: Recycling hub · Joint demonstrator · Skills academy         │",
            "    │ Enter open it   Tab next field   ← → change   Esc cancel             │",
            "    └──────────────────────────────────────────────────────────────────────┘",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ])
    }
}
