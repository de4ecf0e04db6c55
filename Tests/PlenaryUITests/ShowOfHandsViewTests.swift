import Testing
import PlenaryEngine
import PlenaryTestSupport
@testable import PlenaryUI

/// A show of hands is counted apart from ballots on the moderator's poll screen and on the projector
/// ("3 ballots + 5 hands"), while the bars take both together (issue 15, decision 78).
@Suite struct ShowOfHandsViewTests {
    static let format = PollDefinition(id: "format", question: "Which format for the next meeting?", type: .single,
                                       options: ["Physical", "Online", "Hybrid"])

    /// Three ballots (Online, Online, Physical) and hands 1 / 4 / 0 for "format", current slot's poll.
    static func state(revealed: Bool, closed: Bool = true) throws -> WorkshopState {
        var session = Fixtures.sevilla()
        session.polls = [format]
        session.agenda[0].polls = ["format"]
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        var commands: [WorkshopCommand] = [.start, .poll(.open(poll: "format"))]
        commands += [1, 1, 0].map { .poll(.cast(poll: "format", ballot: .single(option: $0))) }
        commands.append(.poll(.handCount(poll: "format", counts: [1, 4, 0])))
        if closed { commands.append(.poll(.close(poll: "format"))) }
        if revealed { commands.append(.poll(.reveal(poll: "format", shown: true))) }
        for command in commands {
            #expect(WorkshopReducer.apply(command, to: &state, at: Fixtures.at(12, 1)) == nil, "\(command)")
        }
        state.now = Fixtures.at(12, 10)
        state.screen = .poll(id: "format")
        return state
    }

    @Test func theModeratorsPollScreenCountsHandsApartBeforeTheReveal() throws {
        let grid = ModeratorScreen.render(try Self.state(revealed: false), size: TerminalSize(columns: 80, rows: 24))
        expectLines(grid, [
            " From S3 Benchmarking to Cluster-Led Action          12:10:00   ▼ 1 min behind",
            " 2025-03-11",
            "────────────────────────────────────────────────────────────────────────────────",
            " POLL · Single choice  CLOSED                               3 ballots + 5 hands",
            " Which format for the next meeting?",
            "",
            "                                      ███",
            "                                        █",
            "                                       ██",
            "                                        █",
            "                                      ███",
            "",
            "           ballots + 5 hands · closed · press r to reveal the results",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "────────────────────────────────────────────────────────────────────────────────",
            " 0 actions recorded",
            " o open  c close  r reveal  N new round  b ballot  h hands  v voters  P polls",
        ])
    }

    @Test func theModeratorsPollScreenCountsHandsApartWithTheResults() throws {
        let grid = ModeratorScreen.render(try Self.state(revealed: true), size: TerminalSize(columns: 80, rows: 24))
        expectLines(grid, [
            " From S3 Benchmarking to Cluster-Led Action          12:10:00   ▼ 1 min behind",
            " 2025-03-11",
            "────────────────────────────────────────────────────────────────────────────────",
            " POLL · Single choice · results shown  CLOSED               3 ballots + 5 hands",
            " Which format for the next meeting?",
            " 3 ballots + 5 hands",
            "",
            " Online   █████████████████████████████████████████████▊                6 · 75%",
            "",
            " Physical ███████████████▎                                              2 · 25%",
            "",
            " Hybrid                                                                  0 · 0%",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "────────────────────────────────────────────────────────────────────────────────",
            " 0 actions recorded",
            " o open  c close  r reveal  N new round  b ballot  h hands  v voters  P polls",
        ])
    }

    @Test func theProjectorCountsHandsApartWhileVotingIsOpen() throws {
        let view = RoomView(of: try Self.state(revealed: false, closed: false), for: .audience)
        expectLines(AudienceScreen.render(view, now: Fixtures.at(12, 10), size: TerminalSize(columns: 80, rows: 24), glyphs: .unicode), [
            " From S3 Benchmarking to Cluster-Led Action",
            "",
            "────────────────────────────────────────────────────────────────────────────────",
            "",
            "  NOW · Registration",
            "  Registration",
            "",
            "  21:00  left in this slot",
            "",
            "  ────────────────────────────────────────────────────────────────────────────",
            "  VOTING OPEN · 3 ballots + 5 hands so far",
            "  Which format for the next meeting?",
            "",
            "  • Physical",
            "  • Online",
            "  • Hybrid",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            " Vote at a voter terminal",
        ])
    }

    @Test func theProjectorCountsHandsApartWithTheResults() throws {
        let view = RoomView(of: try Self.state(revealed: true), for: .audience)
        expectLines(AudienceScreen.render(view, now: Fixtures.at(12, 10), size: TerminalSize(columns: 80, rows: 24), glyphs: .unicode), [
            " From S3 Benchmarking to Cluster-Led Action",
            "",
            "────────────────────────────────────────────────────────────────────────────────",
            "",
            "  NOW · Registration",
            "  Registration",
            "",
            "  21:00  left in this slot",
            "",
            "  ────────────────────────────────────────────────────────────────────────────",
            "  RESULTS",
            "  Which format for the next meeting?",
            "  3 ballots + 5 hands",
            "",
            "  Online   ████████████████████████████████████████████▎               6 · 75%",
            "",
            "  Physical ██████████████▊                                             2 · 25%",
            "",
            "  Hybrid                                                                0 · 0%",
            "",
            "",
            "",
            "",
            "",
        ])
    }
}
