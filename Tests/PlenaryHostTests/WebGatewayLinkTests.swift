#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import Testing
import PlenaryEngine
import PlenaryProtocol
@testable import PlenaryHost

/// The host's end of the web gateway's socket pair (decision 94): a phone's request crossing it is judged by the
/// host's loop like any ballot, and its answer comes back only once the journal holding it is on disk.
extension RoomHostTests {
    /// The gateway's end, as the test plays it.
    struct Gateway {
        let descriptor: Int32
        var frames: SocketPairFrames

        func send(_ message: GatewayToHostMessage) throws {
            #expect(SocketPairFrames.write(try MessageCodec.encode(message), to: descriptor))
        }

        /// What the host sent until `id`'s outcome, serving the room between reads (the loop must run to answer).
        mutating func messages(untilOutcomeOf id: Int, serving room: Room) throws -> [HostToGatewayMessage] {
            var messages: [HostToGatewayMessage] = []
            for _ in 0..<100 {
                room.serve(milliseconds: 20)
                while case .frame(let body) = frames.next(until: .now) {
                    let message = try MessageCodec.decodeHostToGatewayMessage(body)
                    messages.append(message)
                    if case .outcome(id, _) = message { return messages }
                }
            }
            Issue.record("no outcome for \(id); got \(messages)")
            return messages
        }
    }

    func withGateway(_ body: (Room, inout Gateway) throws -> Void) throws {
        let inbox = try #require(WebInbox())
        try withRoom(webInbox: inbox) { room in
            var ends: [Int32] = [-1, -1]
            #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0)
            defer { close(ends[1]) }
            let link = WebGatewayLink(descriptor: ends[0], inbox: inbox)
            link.run(reading: SocketPairFrames(descriptor: ends[0], limit: ProtocolLimits.clientMessageLimit))
            defer {
                link.stop()
                shutdown(ends[0], Int32(SHUT_RDWR))
                link.finish()
                close(ends[0])
            }
            var gateway = Gateway(descriptor: ends[1], frames: SocketPairFrames(descriptor: ends[1], limit: ProtocolLimits.hostMessageLimit))
            try body(room, &gateway)
        }
    }

    static let phone = "0123456789abcdef0123456789abcdef"

    @Test func aPhonesBallotIsAnsweredOnlyOnceItIsOnDiskWithItsMarkAndTheRoomBeforeIt() throws {
        try withGateway { room, gateway in
            let journal = room.runner.files.journalPath
            let before = room.fileSystem.text(journal) ?? ""
            try gateway.send(.request(id: 1, .ballot(.init(device: Self.phone, poll: "format", ballot: .single(option: 1), code: nil))))
            let messages = try gateway.messages(untilOutcomeOf: 1, serving: room)
            #expect(messages.last == .outcome(id: 1, .recorded))
            #expect((room.fileSystem.text(journal) ?? "").count > before.count, "the ballot is in the journal before it is answered")
            #expect(room.runner.state.poll("format")?.currentRound.ballots.count == 1)
            let marks = messages.firstIndex(of: .marks(device: Self.phone, ballots: ["format#1"], upvotes: []))
            #expect(marks == messages.count - 2, "the phone's mark comes just before its answer")
            let room = messages.compactMap { if case .room(let room) = $0 { room } else { nil } }.last
            #expect(room?.rounds == ["format": 1] && room?.view?.polls.first?.id == "format", "the pages' room came before the answer")
        }
    }

    @Test func aBallotTheJournalCannotHoldIsRefusedNotAnswered() throws {
        try withGateway { room, gateway in
            room.fileSystem.failAppend(after: 0, reason: "No space left on device")
            try gateway.send(.request(id: 7, .ballot(.init(device: Self.phone, poll: "format", ballot: .single(option: 0), code: nil))))
            let messages = try gateway.messages(untilOutcomeOf: 7, serving: room)
            guard case .outcome(7, .refused)? = messages.last else {
                Issue.record("expected a refusal, got \(messages)")
                return
            }
            #expect(!messages.contains { if case .marks = $0 { true } else { false } })
            #expect(room.runner.state.poll("format")?.currentRound.ballots.isEmpty ?? false)
        }
    }

    @Test func aSecondBallotFromThePhoneInTheRoundIsRefusedByTheHost() throws {
        try withGateway { room, gateway in
            let ballot = WebRequest.ballot(.init(device: Self.phone, poll: "format", ballot: .single(option: 1), code: nil))
            try gateway.send(.request(id: 1, ballot))
            _ = try gateway.messages(untilOutcomeOf: 1, serving: room)
            try gateway.send(.request(id: 2, ballot))
            let messages = try gateway.messages(untilOutcomeOf: 2, serving: room)
            guard case .outcome(2, .refused)? = messages.last else {
                Issue.record("expected a refusal, got \(messages)")
                return
            }
            #expect(room.runner.state.poll("format")?.currentRound.ballots.count == 1)
        }
    }
    @Test func whatTheGatewaysKeeperReportsReachesTheModeratorsScreen() throws {
        let inbox = try #require(WebInbox())
        try withRoom(webInbox: inbox) { room in
            inbox.report("Voting page down: plenary-web exited with status 1", level: .error)
            room.serve(milliseconds: 60)
            #expect(room.runner.state.notice?.text == "Voting page down: plenary-web exited with status 1")
            #expect(room.runner.state.notice?.level == .error)
        }
    }
}

/// Starting the gateway fails before the moderator's screen, saying what is wrong.
@Suite struct WebGatewayStartTests {
    @Test func aMissingGatewayIsNamedInTheError() throws {
        let inbox = try #require(WebInbox())
        let missing = "/tmp/plenary-no-such-folder/plenary-web"
        #expect(throws: WebGateway.StartError.self) {
            _ = try WebGateway.start(executable: missing, address: WebListenAddress(host: "127.0.0.1", port: 0), roomCode: "1234", inbox: inbox)
        }
        do {
            _ = try WebGateway.start(executable: missing, address: WebListenAddress(host: "127.0.0.1", port: 0), roomCode: "1234", inbox: inbox)
        } catch {
            #expect(error.description.contains(missing) && error.description.contains("missing"))
        }
    }

    /// Decision 99: the end of the socket is the gateway's loss (reported, so the host can restart it) unless the
    /// host itself stopped the link first.
    @Test func theLinkReportsTheGatewaysEndOnlyWhenTheHostDidNotStopIt() throws {
        let inbox = try #require(WebInbox())
        for hostStopsFirst in [false, true] {
            var ends: [Int32] = [-1, -1]
            #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0)
            let link = WebGatewayLink(descriptor: ends[0], inbox: inbox)
            let lost = Mutex(false)
            link.run(reading: SocketPairFrames(descriptor: ends[0], limit: ProtocolLimits.clientMessageLimit)) {
                lost.withLock { $0 = true }
            }
            if hostStopsFirst { link.stop() }
            close(ends[1])
            if !hostStopsFirst {
                // The reader sees the end on its own thread; the host stops the link only afterwards.
                let deadline = ContinuousClock.now + .seconds(5)
                while !lost.withLock({ $0 }), ContinuousClock.now < deadline { usleep(1000) }
                link.stop()
            }
            link.finish()
            close(ends[0])
            #expect(lost.withLock { $0 } == !hostStopsFirst, "host stops first: \(hostStopsFirst)")
        }
    }

    @Test func aGatewayThatStopsBeforeAnsweringIsAnErrorNotAHang() throws {
        let inbox = try #require(WebInbox())
        #expect(throws: WebGateway.StartError("cannot serve the voting page: plenary-web stopped before it started")) {
            _ = try WebGateway.start(executable: "/bin/true", address: WebListenAddress(host: "127.0.0.1", port: 0), roomCode: "1234", inbox: inbox)
        }
    }

    @Test func theGatewayIsLookedForBesideTheRunningProgram() {
        #expect(WebGateway.executableBesideThisProgram().hasSuffix("/plenary-web"))
    }
}
