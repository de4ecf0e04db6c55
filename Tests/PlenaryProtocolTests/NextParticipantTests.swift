import Testing
import PlenaryProtocol
import PlenaryTestSupport
@_spi(Testing) import PlenaryEngine

/// A voter kiosk is one connection for many people in turn: "next participant" makes the connection a new upvoter
/// (decision 88), so the next person's upvote counts and the same person's repeat is still refused.
@Suite struct NextParticipantTests {
    static let start = Fixtures.at(12, 0)

    func state() throws -> WorkshopState {
        var session = Fixtures.sevilla()
        session.qa = [QABoardDefinition(premoderation: false)]
        var state = try Fixtures.state(session, now: Self.start)
        _ = WorkshopReducer.reduce(&state, .command(.qa(.submit(board: "workshop", text: "Who pays for the pilots?", name: nil))),
                                   now: Self.start)
        return state
    }

    func bytes(_ message: ClientMessage) throws -> [UInt8] { try MessageCodec.encode(message) }

    func sent(_ connection: inout HostConnection) throws -> [HostMessage] {
        var decoder = FrameDecoder(limit: ProtocolLimits.hostMessageLimit)
        let frames = decoder.feed(connection.pendingOutput)
        connection.didWrite(connection.pendingOutput.count)
        return try frames.map { body throws(ProtocolError) in try MessageCodec.decodeHostMessage(body) }
    }

    /// Sends a request as the host's loop does: admitted requests go through the reducer, then are acknowledged.
    func upvote(_ connection: inout HostConnection, id: Int, in state: inout WorkshopState) throws -> HostMessage? {
        for event in connection.received(try bytes(.request(id: id, .qa(.upvote(board: "workshop", item: 1)))), state: state) {
            if case .perform(let requestID, let action) = event {
                #expect(!WorkshopReducer.reduce(&state, action, now: Self.start).isEmpty, "recorded")
                connection.acknowledge(requestID)
            }
        }
        return try sent(&connection).last
    }

    @Test func theNextPersonAtAKioskUpvotesAfreshAndTheSamePersonsRepeatIsRefused() throws {
        var state = try state()
        var kiosk = HostConnection(connectedAt: Self.start, number: 4)
        _ = kiosk.received(try bytes(.hello(ClientHello(role: .voter))), state: state)
        _ = try sent(&kiosk)

        #expect(try upvote(&kiosk, id: 1, in: &state) == .acknowledged(id: 1))
        #expect(try upvote(&kiosk, id: 2, in: &state) == .refusal(id: 2, message: "You have already upvoted this question."))
        #expect(state.qa[0].items[0].votes == 1)

        // The next person presses Enter on the privacy screen.
        #expect(kiosk.received(try bytes(.nextParticipant(id: 3)), state: state).isEmpty)
        #expect(try sent(&kiosk) == [.acknowledged(id: 3)])
        #expect(try upvote(&kiosk, id: 4, in: &state) == .acknowledged(id: 4))
        #expect(try upvote(&kiosk, id: 5, in: &state) == .refusal(id: 5, message: "You have already upvoted this question."))
        #expect(state.qa[0].items[0].votes == 2)
        // In memory only: two people at one connection, and nothing about either in the journal's command.
        #expect(state.qa[0].upvotedBy.count == 2)
    }

    @Test func anotherConnectionsTurnsAreOtherPeople() throws {
        var state = try state()
        var first = HostConnection(connectedAt: Self.start, number: 1)
        var second = HostConnection(connectedAt: Self.start, number: 2)
        _ = first.received(try bytes(.hello(ClientHello(role: .voter))), state: state)
        _ = second.received(try bytes(.hello(ClientHello(role: .voter))), state: state)
        _ = try sent(&first)
        _ = try sent(&second)
        _ = first.received(try bytes(.nextParticipant(id: 1)), state: state)
        _ = second.received(try bytes(.nextParticipant(id: 1)), state: state)
        #expect(try upvote(&first, id: 2, in: &state) == .acknowledged(id: 2))
        #expect(try upvote(&second, id: 2, in: &state) == .acknowledged(id: 2), "turn 1 of connection 2 is not turn 1 of connection 1")
        #expect(state.qa[0].items[0].votes == 2)
    }

    @Test func onlyAVoterScreenHasANextParticipant() throws {
        let state = try state()
        var projector = HostConnection(connectedAt: Self.start, number: 1)
        _ = projector.received(try bytes(.hello(ClientHello(role: .audience))), state: state)
        _ = try sent(&projector)
        _ = projector.received(try bytes(.nextParticipant(id: 9)), state: state)
        #expect(try sent(&projector) == [.refusal(id: 9, message: "Only a voter screen has a next participant.")])
    }

    @Test func theSignalIsOneSmallFrame() throws {
        let text = String(decoding: try MessageCodec.encode(ClientMessage.nextParticipant(id: 3)).dropFirst(4), as: UTF8.self)
        #expect(text == #"{"id":3,"type":"next-participant"}"#)
        #expect(try MessageCodec.decodeClientMessage(Array(text.utf8)) == .nextParticipant(id: 3))
    }
}
