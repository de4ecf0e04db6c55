#if canImport(Glibc)
import Glibc
#endif
import Testing
import PlenaryProtocol
import PlenaryTestSupport
@testable import PlenaryHost
@_spi(Testing) import PlenaryEngine

/// Q&A over real sockets (issue 16): three attached voters submit and upvote, each connection once per item; the
/// moderator's merge counts a voter of both items once; the projector's view carries the counts.
extension RoomHostTests {
    @Test func threeVotersSubmitAndUpvoteOnceEachAndTheProjectorSeesTheCounts() throws {
        try withRoom(boards: [QABoardDefinition(premoderation: false)]) { room in
            let voters = try (0..<3).map { _ in try connect(room.socketPath) }
            let projector = try connect(room.socketPath)
            defer { (voters + [projector]).forEach { close($0) } }
            for voter in voters { try send(.hello(ClientHello(role: .voter)), to: voter) }
            try send(.hello(ClientHello(role: .audience)), to: projector)
            room.serve()
            for voter in voters { _ = try received(voter) }
            _ = try received(projector)

            try send(.request(id: 1, .qa(.submit(board: "workshop", text: "Who funds the pilots?", name: nil))), to: voters[0])
            room.serve()
            try send(.request(id: 1, .qa(.submit(board: "workshop", text: "Who pays for the pilots?", name: nil))), to: voters[1])
            room.serve()
            #expect(try received(voters[0]).messages.contains(.acknowledged(id: 1)))
            #expect(try received(voters[1]).messages.contains(.acknowledged(id: 1)))

            // Voters 0, 1 and 2 upvote item 1; voter 2 upvotes item 2 too; voter 0 tries item 1 again.
            for (index, voter) in voters.enumerated() {
                try send(.request(id: 2, .qa(.upvote(board: "workshop", item: 1))), to: voter)
                if index == 2 { try send(.request(id: 3, .qa(.upvote(board: "workshop", item: 2))), to: voter) }
            }
            room.serve()
            try send(.request(id: 4, .qa(.upvote(board: "workshop", item: 1))), to: voters[0])
            room.serve()
            #expect(try received(voters[0]).messages.contains { if case .refusal(4, "You have already upvoted this question.") = $0 { true } else { false } })
            #expect(room.runner.state.qa[0].items.map(\.votes) == [3, 1])

            // A voter cannot moderate; the moderator merges 2 into 1 and voter 2 counts once.
            try send(.request(id: 5, .moderator(.qa(.approve(board: "workshop", item: 1)))), to: voters[1])
            room.serve()
            #expect(try received(voters[1]).messages.contains { if case .refusal(5, _) = $0 { true } else { false } })
            let board = room.runner.state.qa[0]
            room.runner.send(.command(.qa(.merge(board: "workshop", duplicate: 2, into: 1,
                                                 overlap: QAParticipation.overlap(of: 2, and: 1, in: board)))))
            room.runner.send(.command(.qa(.highlight(board: "workshop", item: 1))))
            #expect(room.runner.state.qa[0].items[0].votes == 3)
            room.serve()
            let views = try received(projector).messages.compactMap { message -> RoomView? in
                if case .view(let view) = message { return view }
                return nil
            }
            #expect(views.last?.qa?.highlighted?.votes == 3)
            #expect(views.last?.qa?.highlighted?.text == "Who funds the pilots?")
            #expect(views.last?.qa?.top.isEmpty == true)
        }
    }
}
