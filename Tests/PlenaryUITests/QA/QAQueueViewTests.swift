import Testing
import PlenaryEngine
import PlenaryTestSupport
@testable import PlenaryUI

/// The moderator's queue (`Q`): filters with counts, a page of items with upvotes and marks, paging through two
/// thousand items at 80x24, and the line asked for a merge, at 80x24 and 120x40.
@Suite struct QAQueueViewTests {
    static func state(items: Int = 0) throws -> WorkshopState {
        var session = Fixtures.sevillaDay
        session.qa = [QABoardDefinition(title: "Questions for the panel", names: .optional)]
        var state = try Fixtures.dayState(session, now: Fixtures.at(12, 41, 7), [(Fixtures.at(12, 2), .start)])
        let texts = ["How will the S3 benchmark be shared with regions outside the pilot?",
                     "Can clusters join after the first call?", "What does WIDEX fund?",
                     "Is there money for travel?"]
        for (index, text) in texts.enumerated() {
            _ = WorkshopReducer.reduce(&state, .qa(.participate(.connection(index), .submit(board: "workshop", text: text,
                                       name: index == 1 ? "Marta, ECCP" : nil))), now: state.now)
        }
        for index in 0..<items {
            _ = WorkshopReducer.reduce(&state, .command(.qa(.submit(board: "workshop", text: "Question number \(index + 5)", name: nil))), now: state.now)
        }
        for number in [1, 2, 3] {
            _ = WorkshopReducer.reduce(&state, .command(.qa(.approve(board: "workshop", item: number))), now: state.now)
        }
        for voter in 0..<5 { _ = WorkshopReducer.reduce(&state, .qa(.participate(.connection(voter), .upvote(board: "workshop", item: 2))), now: state.now) }
        for voter in 0..<2 { _ = WorkshopReducer.reduce(&state, .qa(.participate(.connection(voter), .upvote(board: "workshop", item: 3))), now: state.now) }
        _ = WorkshopReducer.reduce(&state, .command(.qa(.highlight(board: "workshop", item: 2))), now: state.now)
        _ = WorkshopReducer.reduce(&state, .command(.qa(.answer(board: "workshop", item: 3))), now: state.now)
        _ = WorkshopReducer.reduce(&state, .command(.qa(.edit(board: "workshop", item: 1, text: "How will the S3 benchmark be shared with regions outside the pilots?"))), now: state.now)
        _ = WorkshopReducer.reduce(&state, .qa(.open), now: state.now)
        _ = WorkshopReducer.reduce(&state, .qa(.setFilter(.approved)), now: state.now)
        return state
    }

    @Test func theApprovedItemsByVotesAt80By24() throws {
        expectLines(ModeratorScreen.render(try Self.state(), size: TerminalSize(columns: 80, rows: 24)), [
            " From S3 Benchmarking to Cluster-Led Action         12:41:07   ▼ 11 min behind",
            " WIDEX & IRM-HUB Workshop on Regional Cooperation · Sevilla · 2025-03-11",
            "────────────────────────────────────────────────────────────────────────────────",
            " Questions for the panel                                  by votes  (one board)",
            "  1 Pending 1   2 Approved 2   3 Answered 1   4 Hidden 0",
            "     #  votes",
            "  ▶    2      5  Can clusters join after the first call? · Marta, ECCP",
            "       1      0  How will the S3 benchmark be shared with regions outside the …",
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
            "",
            " 1–2 of 2",
            "────────────────────────────────────────────────────────────────────────────────",
            " 18 actions recorded",
            " ↑/↓ choose  PgUp/PgDn page  a approve  h hide  u undo  Enter highlight",
        ])
    }

    /// 2,000 pending questions: the third page at 80x24, found with two PgDn and one ↓, drawn from that page alone.
    @Test func twoThousandPendingItemsPageAt80By24() throws {
        var state = try Self.state(items: 2000)
        _ = WorkshopReducer.reduce(&state, .qa(.setFilter(.pending)), now: state.now)
        _ = WorkshopReducer.reduce(&state, .qa(.toggleOrder), now: state.now)
        let size = TerminalSize(columns: 80, rows: 24)
        for key: KeyEvent in [.pageDown, .pageDown, .down] {
            if let action = ModeratorKeyMap.action(for: key, in: state, size: size) {
                _ = WorkshopReducer.reduce(&state, action, now: state.now)
            }
        }
        expectLines(ModeratorScreen.render(state, size: size), [
            " From S3 Benchmarking to Cluster-Led Action         12:41:07   ▼ 11 min behind",
            " WIDEX & IRM-HUB Workshop on Regional Cooperation · Sevilla · 2025-03-11",
            "────────────────────────────────────────────────────────────────────────────────",
            " Questions for the panel                                   by time  (one board)",
            "  1 Pending 2001   2 Approved 2   3 Answered 1   4 Hidden 0",
            "     #  votes",
            "      32      0  Question number 32",
            "      33      0  Question number 33",
            "      34      0  Question number 34",
            "      35      0  Question number 35",
            "      36      0  Question number 36",
            "      37      0  Question number 37",
            "      38      0  Question number 38",
            "      39      0  Question number 39",
            "      40      0  Question number 40",
            "      41      0  Question number 41",
            "      42      0  Question number 42",
            "      43      0  Question number 43",
            "      44      0  Question number 44",
            "      45      0  Question number 45",
            " 29–42 of 2001",
            "────────────────────────────────────────────────────────────────────────────────",
            " 2018 actions recorded",
            " ↑/↓ choose  PgUp/PgDn page  a approve  h hide  u undo  Enter highlight",
        ])
    }

    /// The merge question under the list, at 120x40, sorted by time, with the answered filter's mark.
    @Test func theMergeLineAt120By40() throws {
        var state = try Self.state()
        _ = WorkshopReducer.reduce(&state, .qa(.toggleOrder), now: state.now)
        _ = WorkshopReducer.reduce(&state, .qa(.moveSelection(by: 1)), now: state.now)
        _ = WorkshopReducer.reduce(&state, .qa(.startPrompt(.merge)), now: state.now)
        _ = WorkshopReducer.reduce(&state, .qa(.editPrompt(.insert("x1"))), now: state.now)
        _ = WorkshopReducer.reduce(&state, .qa(.editPrompt(.insert("1"))), now: state.now)
        expectLines(ModeratorScreen.render(state, size: TerminalSize(columns: 120, rows: 40)), [
            " From S3 Benchmarking to Cluster-Led Action                                                 12:41:07   ▼ 11 min behind",
            " WIDEX & IRM-HUB Workshop on Regional Cooperation · Sevilla · 2025-03-11",
            "────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
            " Questions for the panel                                                                           by time  (one board)",
            "  1 Pending 1   2 Approved 2   3 Answered 1   4 Hidden 0",
            "     #  votes",
            "       1      0  How will the S3 benchmark be shared with regions outside the pilots? (edited)",
            "  ▶    2      5  Can clusters join after the first call? · Marta, ECCP",
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
            "",
            "",
            "",
            " 1–2 of 2",
            " Merge item 2 into item number:",
            " > 1",
            " Enter ok   Esc cancel",
            "────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
            " 18 actions recorded",
            " Enter ok  Esc cancel",
        ])
    }
}
