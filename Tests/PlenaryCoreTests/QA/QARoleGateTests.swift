import Testing
@testable import PlenaryEngine
import PlenaryTestSupport

/// Who may do what on a board from an attached client (issue 16): voters submit and upvote, each connection once per
/// item; the projector and facilitators cannot; moderation is a moderator command a voter can never send.
@Suite struct QARoleGateTests {
    typealias F = QAFixtures

    func state() throws -> WorkshopState {
        var state = try F.state()
        F.send(&state, .moderator, .submit(board: "groups", text: "Shared testbed", name: nil))
        return state
    }

    @Test func aVoterSubmitsAndUpvotesOncePerConnection() throws {
        var state = try state()
        let voter = ClientGrant(role: .voter)
        let upvote = ClientRequest.qa(.upvote(board: "groups", item: 1))
        guard case .perform(let action) = RoleGate.admit(upvote, from: voter, in: state, participant: .connection(5)) else {
            Issue.record("refused")
            return
        }
        #expect(action == .qa(.participate(.connection(5), .upvote(board: "groups", item: 1))))
        _ = WorkshopReducer.reduce(&state, action, now: F.now)
        #expect(RoleGate.admit(upvote, from: voter, in: state, participant: .connection(5)) == .refused("You have already upvoted this idea."))
        #expect(RoleGate.admit(upvote, from: voter, in: state, participant: .connection(6))
                == .perform(.qa(.participate(.connection(6), .upvote(board: "groups", item: 1)))))
        #expect(RoleGate.admit(.qa(.submit(board: "groups", text: "", name: nil)), from: voter, in: state, participant: .connection(5))
                == .refused("Your idea is empty."))
    }

    @Test func theProjectorAndFacilitatorsCannotAndAVoterCannotModerate() throws {
        let state = try state()
        let upvote = ClientRequest.qa(.upvote(board: "groups", item: 1))
        #expect(RoleGate.admit(upvote, from: ClientGrant(role: .audience), in: state, participant: .connection(1))
                == .refused("This is a view of the room: it cannot vote or change anything."))
        #expect(RoleGate.admit(upvote, from: ClientGrant(role: .group("wg1")), in: state, participant: .connection(1))
                == .refused("A facilitator screen can only add and edit its own group's entries."))
        for command in [QACommand.approve(board: "groups", item: 1), .hide(board: "groups", item: 1),
                        .merge(board: "groups", duplicate: 1, into: 1, overlap: 0)] {
            #expect(RoleGate.admit(.moderator(.qa(command)), from: ClientGrant(role: .voter), in: state, participant: .connection(1))
                    == .refused("A voter screen can only cast ballots."))
        }
        #expect(RoleGate.admit(.moderator(.qa(.answer(board: "groups", item: 1))), from: ClientGrant(role: .moderator, pinProven: true), in: state)
                == .perform(.command(.qa(.answer(board: "groups", item: 1)))))
    }
}
