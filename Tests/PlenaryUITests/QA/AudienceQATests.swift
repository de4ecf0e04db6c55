import Foundation
import Testing
import PlenaryEngine
import PlenaryTestSupport
@testable import PlenaryUI

/// The projector with a Q&A board (issue 16): the highlighted question large with its upvotes, then the top items;
/// pending and hidden items never reach the room's view, and an open poll still comes first.
@Suite struct AudienceQATests {
    static func state() throws -> WorkshopState {
        var session = AudienceScreenTests.session()
        session.qa = [QABoardDefinition(title: "Questions for the panel", names: .optional)]
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        let commands: [QACommand] = [
            .submit(board: "workshop", text: "How will the S3 benchmark results be shared with regions that were not in the pilot, and when?", name: "Marta"),
            .submit(board: "workshop", text: "Can clusters join after the first call?", name: nil),
            .submit(board: "workshop", text: "What does WIDEX fund?", name: nil),
            .submit(board: "workshop", text: "PENDING-ITEM", name: nil),
            .submit(board: "workshop", text: "HIDDEN-ITEM", name: nil),
            .approve(board: "workshop", item: 1), .approve(board: "workshop", item: 2), .approve(board: "workshop", item: 3),
            .approve(board: "workshop", item: 5), .hide(board: "workshop", item: 5),
            .upvote(board: "workshop", item: 1), .upvote(board: "workshop", item: 1), .upvote(board: "workshop", item: 1),
            .upvote(board: "workshop", item: 3), .upvote(board: "workshop", item: 3),
            .answer(board: "workshop", item: 2), .highlight(board: "workshop", item: 1),
        ]
        for command in [WorkshopCommand.start] + commands.map(WorkshopCommand.qa) {
            #expect(WorkshopReducer.apply(command, to: &state, at: Fixtures.at(12, 1)) == nil, "\(command)")
        }
        state.now = Fixtures.at(12, 10)
        return state
    }

    @Test func theHighlightedQuestionLargeAndTheTopItemsAt80By24() throws {
        let view = RoomView(of: try Self.state(), for: .audience)
        expectLines(AudienceScreen.render(view, now: Fixtures.at(12, 10), size: AudienceScreenTests.small), [
            " From S3 Benchmarking to Cluster-Led Action",
            " Workshop on Regional Cooperation",
            "────────────────────────────────────────────────────────────────────────────────",
            "",
            "  NOW · Registration",
            "  Registration",
            "  Ana Negrete · Santiago Cuesta",
            "",
            "  21:00  left in this slot",
            "",
            "  ────────────────────────────────────────────────────────────────────────────",
            "  Questions for the panel                                          3 questions",
            "",
            "  How will the S3 benchmark results be shared with regions that were not   ▲ 3",
            "  in the pilot, and when?",
            "  – Marta",
            "",
            "  What does WIDEX fund?                                                    ▲ 2",
            "  ✓ Can clusters join after the first call?                                ▲ 0",
            "",
            "",
            "",
            "",
            " How to vote: Kiosks at the back · or ssh vote@10.0.0.5",
        ])
    }

    @Test func at120By40() throws {
        let view = RoomView(of: try Self.state(), for: .audience)
        expectLines(AudienceScreen.render(view, now: Fixtures.at(12, 10), size: AudienceScreenTests.medium), [
            " From S3 Benchmarking to Cluster-Led Action",
            " Workshop on Regional Cooperation",
            "────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
            "",
            "    NOW · Registration",
            "    Registration",
            "    Ana Negrete · Santiago Cuesta",
            "",
            "                                                   ███  █    ███ ███",
            "                                                     █ ██  █ █ █ █ █",
            "                                                   ███  █    █ █ █ █",
            "                                                   █    █  █ █ █ █ █",
            "                                                   ███ ███   ███ ███",
            "                                                   left in this slot",
            "",
            "    ────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
            "    Questions for the panel                                                                              3 questions",
            "",
            "    How will the S3 benchmark results be shared with regions that were not in the pilot, and when?               ▲ 3",
            "    – Marta",
            "",
            "    What does WIDEX fund?                                                                                        ▲ 2",
            "    ✓ Can clusters join after the first call?                                                                    ▲ 0",
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
            " How to vote: Kiosks at the back · or ssh vote@10.0.0.5",
        ])
    }

    @Test func pendingAndHiddenItemsAreNotInAnyRolesView() throws {
        let state = try Self.state()
        for role: ClientRole in [.audience, .voter, .group("wg1"), .moderator] {
            let json = String(decoding: try JSONEncoder().encode(RoomView(of: state, for: role)), as: UTF8.self)
            #expect(!json.contains("-ITEM"), "\(role)")
            #expect(json.contains("Can clusters join"), "\(role)")
        }
    }

    @Test func anOpenPollComesBeforeTheBoard() throws {
        var state = try Self.state()
        #expect(WorkshopReducer.apply(.poll(.open(poll: "format")), to: &state, at: Fixtures.at(12, 2)) == nil)
        let grid = AudienceScreen.render(RoomView(of: state, for: .audience), now: Fixtures.at(12, 10), size: AudienceScreenTests.small)
        #expect(grid.lines.contains { $0.contains("Which format for the next meeting?") })
        #expect(!grid.lines.contains { $0.contains("Can clusters join") })
    }
}
