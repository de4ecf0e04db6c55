import Testing
import PlenaryProtocol
import PlenaryTestSupport
@_spi(Testing) import PlenaryEngine

/// One client's connection without a socket: the handshake, requests by role, and every way a client can misbehave.
@Suite struct HostConnectionTests {
    static let start = Fixtures.at(12, 0)

    func state(pin: Bool = false) throws -> WorkshopState {
        var session = Fixtures.sevilla()
        session.polls = [PollDefinition(id: "format", question: "Format?", type: .single, options: ["Physical", "Online"])]
        session.groups = [WorkingGroup(id: "wg1", name: "Policy")]
        var state = try Fixtures.state(session, now: Self.start)
        _ = WorkshopReducer.reduce(&state, .command(.poll(.open(poll: "format"))), now: Self.start)
        if pin { state.voterPIN = SecretHash(testingSecret: "2468", salt: Array(repeating: 7, count: 16), iterations: 10) }
        return state
    }

    func bytes(_ message: ClientMessage) throws -> [UInt8] { try MessageCodec.encode(message) }

    /// Everything queued for the client, decoded, and marked as written.
    func sent(_ connection: inout HostConnection) throws -> [HostMessage] {
        var decoder = FrameDecoder(limit: ProtocolLimits.hostMessageLimit)
        let frames = decoder.feed(connection.pendingOutput)
        #expect(decoder.bufferedCount == 0)
        connection.didWrite(connection.pendingOutput.count)
        return try frames.map { body throws(ProtocolError) in try MessageCodec.decodeHostMessage(body) }
    }

    @Test func aVoterIsWelcomedWithItsViewAndItsBallotGoesToTheRunner() throws {
        let state = try state()
        var connection = HostConnection(connectedAt: Self.start)
        #expect(connection.received(try bytes(.hello(ClientHello(role: .voter))), state: state).isEmpty)
        #expect(try sent(&connection) == [
            .welcome(HostWelcome(title: state.session.title, recordID: state.recordID, role: "voter")),
            .view(RoomView(of: state, for: .voter)),
        ])
        // The ballot arrives one byte at a time.
        let cast = try bytes(.request(id: 7, .castBallot(poll: "format", ballot: .single(option: 1), code: nil)))
        let events = cast.flatMap { connection.received([$0], state: state) }
        #expect(events == [.perform(id: 7, .remote(.cast(poll: "format", ballot: .single(option: 1), codeHash: nil)))])
        connection.acknowledge(7)
        #expect(try sent(&connection) == [.acknowledged(id: 7)])
    }

    @Test func aRequestRefusedByRoleIsAnsweredWithoutTheRunner() throws {
        let state = try state()
        var connection = HostConnection(connectedAt: Self.start)
        _ = connection.received(try bytes(.hello(ClientHello(role: .audience))), state: state)
        _ = try sent(&connection)
        #expect(connection.received(try bytes(.request(id: 3, .moderator(.next))), state: state).isEmpty)
        #expect(try sent(&connection) == [.refusal(id: 3, message: "This is a view of the room: it cannot vote or change anything.")])
        #expect(connection.grant == ClientGrant(role: .audience))
    }

    @Test func aModeratorIsAttachedOnlyAfterThePINCheck() throws {
        let state = try state(pin: true)
        var wrong = HostConnection(connectedAt: Self.start)
        #expect(wrong.received(try bytes(.hello(ClientHello(role: .moderator, pin: "1357"))), state: state) == [.checkPIN("1357")])
        #expect(wrong.phase == .checkingPIN)
        wrong.pinChecked(matches: state.voterPIN?.matches("1357") == true, state: state)
        #expect(try sent(&wrong) == [.refused(reason: "Wrong moderator PIN.")])
        #expect(wrong.shouldClose)

        var right = HostConnection(connectedAt: Self.start)
        _ = right.received(try bytes(.hello(ClientHello(role: .moderator, pin: "2468"))), state: state)
        right.pinChecked(matches: state.voterPIN?.matches("2468") == true, state: state)
        #expect(right.grant == ClientGrant(role: .moderator, pinProven: true))
        #expect(right.received(try bytes(.request(id: 2, .moderator(.start))), state: state) == [.perform(id: 2, .command(.start))])
    }

    /// Another account (the `vote` account over SSH, anyone in `--allow-group`'s group) may vote and watch; it is
    /// refused a facilitator or moderator screen at the hello, before any PIN is hashed.
    @Test func anotherAccountMayVoteOrWatchButNotDriveTheWorkshop() throws {
        let state = try state(pin: true)
        for role in [ClientRole.voter, .audience] {
            var connection = HostConnection(connectedAt: Self.start, peer: .otherAccount)
            #expect(connection.received(try bytes(.hello(ClientHello(role: role))), state: state).isEmpty)
            #expect(connection.grant == ClientGrant(role: role))
        }
        for hello in [ClientHello(role: .group("wg1")), ClientHello(role: .moderator, pin: "2468")] {
            var connection = HostConnection(connectedAt: Self.start, peer: .otherAccount)
            #expect(connection.received(try bytes(.hello(hello)), state: state).isEmpty, "no PIN check for \(hello.role)")
            #expect(try sent(&connection) == [.refused(reason: ClientAdmission.otherAccountRefusal)])
            #expect(connection.shouldClose)
            #expect(connection.grant == nil)
        }
    }

    /// Keys drive a screen the host runs: a voter or the projector sending them is closed with a protocol error that
    /// says why.
    @Test func onlyAProvenModeratorSendsKeysAndResizes() throws {
        let state = try state(pin: true)
        for role in [ClientRole.voter, .audience] {
            var connection = HostConnection(connectedAt: Self.start)
            _ = connection.received(try bytes(.hello(ClientHello(role: role))), state: state)
            _ = try sent(&connection)
            #expect(connection.received(try bytes(.screen(.key("c:n"))), state: state).isEmpty)
            #expect(try sent(&connection) == [.protocolError(message: "Only a moderator or facilitator screen sends keys to the host.")])
            #expect(connection.shouldClose)
        }
        var early = HostConnection(connectedAt: Self.start)
        #expect(early.received(try bytes(.screen(.resize(ScreenSize(columns: 90, rows: 30)))), state: state).isEmpty)
        #expect(try sent(&early) == [.protocolError(message: ProtocolError.unexpected("resize").message)])

        var moderator = HostConnection(connectedAt: Self.start)
        _ = moderator.received(try bytes(.hello(ClientHello(role: .moderator, pin: "2468", screen: ScreenSize(columns: 100, rows: 30)))), state: state)
        moderator.pinChecked(matches: true, state: state)
        #expect(try sent(&moderator) == [.welcome(HostWelcome(title: state.session.title, recordID: state.recordID, role: "moderator"))],
                "a moderator screen is sent frames of the moderator screen, not the room's view")
        #expect(moderator.screenSize == ScreenSize(columns: 100, rows: 30))
        #expect(moderator.received(try bytes(.screen(.key("c:n"))) + bytes(.screen(.resize(ScreenSize(columns: 120, rows: 40)))), state: state) == [.key("c:n")])
        #expect(moderator.screenSize == ScreenSize(columns: 120, rows: 40))
    }

    /// A facilitator that says its size gets frames, not views; one that does not gets views (and no frame).
    @Test func aFacilitatorWithASizeGetsFramesAndOneWithoutGetsViews() throws {
        let state = try state()
        var framed = HostConnection(connectedAt: Self.start)
        _ = framed.received(try bytes(.hello(ClientHello(role: .group("wg1"), screen: ScreenSize(columns: 90, rows: 28)))), state: state)
        #expect(try sent(&framed) == [.welcome(HostWelcome(title: state.session.title, recordID: state.recordID, role: "group wg1"))])
        #expect(framed.received(try bytes(.screen(.key("c:1"))), state: state) == [.key("c:1")])
        let frame = ScreenFrame(columns: 1, rows: 1, cells: [["1"]], styles: ["a"])
        framed.sendScreen(frame)
        #expect(try sent(&framed) == [.screen(frame)])

        var viewed = HostConnection(connectedAt: Self.start)
        _ = viewed.received(try bytes(.hello(ClientHello(role: .group("wg1")))), state: state)
        #expect(try sent(&viewed).count == 2, "welcome and view")
        viewed.sendScreen(frame)
        #expect(viewed.pendingOutput.isEmpty)
    }

    /// A newer frame replaces one not yet begun, as views do; a voter is never sent a moderator's frame.
    @Test func aModeratorFrameReplacesAnUnsentOneAndReachesNoOtherRole() throws {
        let state = try state(pin: true)
        var moderator = HostConnection(connectedAt: Self.start)
        _ = moderator.received(try bytes(.hello(ClientHello(role: .moderator, pin: "2468"))), state: state)
        moderator.pinChecked(matches: true, state: state)
        _ = try sent(&moderator)
        #expect(moderator.screenSize == ScreenSize(columns: 80, rows: 24), "a hello without a size gets the smallest screen")
        let old = ScreenFrame(columns: 1, rows: 1, cells: [["1"]], styles: ["a"])
        let new = ScreenFrame(columns: 1, rows: 1, cells: [["2"]], styles: ["a"])
        moderator.sendScreen(old)
        moderator.sendScreen(new)
        #expect(try sent(&moderator) == [.screen(new)])

        var voter = HostConnection(connectedAt: Self.start)
        _ = voter.received(try bytes(.hello(ClientHello(role: .voter))), state: state)
        _ = try sent(&voter)
        voter.sendScreen(new)
        #expect(voter.pendingOutput.isEmpty)
    }

    @Test func aRequestSentBeforeTheWelcomeIsAProtocolErrorNotASlipThrough() throws {
        let state = try state(pin: true)
        let hello = try bytes(.hello(ClientHello(role: .moderator, pin: "1357")))
        let start = try bytes(.request(id: 1, .moderator(.start)))
        // In a later read, in the same read as the hello, or half of it: each closes the connection, and the PIN's
        // answer that comes afterwards admits nobody.
        for (first, second) in [(hello, start), (hello + start, []), (hello + start.prefix(3), [])] {
            var connection = HostConnection(connectedAt: Self.start)
            #expect(connection.received(first, state: state) == [.checkPIN("1357")])
            #expect(connection.received(second, state: state).isEmpty)
            connection.pinChecked(matches: true, state: state)
            #expect(connection.grant == nil)
            #expect(try sent(&connection) == [.protocolError(message: ProtocolError.beforeWelcome.message)])
            #expect(connection.shouldClose)
        }
    }

    @Test func aModeratorHelloWithoutAPINIsRefused() throws {
        var connection = HostConnection(connectedAt: Self.start)
        #expect(connection.received(try bytes(.hello(ClientHello(role: .moderator))), state: try state(pin: true)).isEmpty)
        #expect(try sent(&connection) == [.refused(reason: "A moderator screen needs the moderator PIN.")])
        #expect(connection.shouldClose)
    }

    @Test func aClientOfAnotherVersionIsToldBothVersionsAndClosed() throws {
        var connection = HostConnection(connectedAt: Self.start)
        _ = connection.received(try FrameEncoder.frame(Array(#"{"type":"hello","protocol":"plenary","version":9,"role":"voter"}"#.utf8), limit: 1000), state: try state())
        #expect(try sent(&connection) == [.protocolError(message: ProtocolError.unsupportedVersion(9).message)])
        #expect(connection.shouldClose)
    }

    @Test func anUnknownRoleIsRefused() throws {
        var connection = HostConnection(connectedAt: Self.start)
        _ = connection.received(try FrameEncoder.frame(Array(#"{"type":"hello","protocol":"plenary","version":1,"role":"admin"}"#.utf8), limit: 1000), state: try state())
        #expect(try sent(&connection) == [.protocolError(message: ProtocolError.unknownRole("admin").message)])
        #expect(connection.shouldClose)
    }

    @Test func aRequestBeforeTheHelloOrASecondHelloIsAProtocolError() throws {
        let state = try state()
        var early = HostConnection(connectedAt: Self.start)
        #expect(early.received(try bytes(.request(id: 1, .castBallot(poll: "format", ballot: .single(option: 1), code: nil))), state: state).isEmpty)
        #expect(try sent(&early) == [.protocolError(message: ProtocolError.unexpected("cast").message)])
        var twice = HostConnection(connectedAt: Self.start)
        let hello = try bytes(.hello(ClientHello(role: .voter)))
        // Two hellos in one read: the second is refused, and a request after it is not read.
        let cast = try bytes(.request(id: 1, .castBallot(poll: "format", ballot: .single(option: 1), code: nil)))
        #expect(twice.received(hello + hello + cast, state: state).isEmpty)
        #expect(try sent(&twice).last == .protocolError(message: ProtocolError.unexpected("hello").message))
        #expect(twice.shouldClose)
    }

    @Test func garbageAndFloodsAreClosedWithAReasonAndNothingHeld() throws {
        let state = try state()
        var garbage = HostConnection(connectedAt: Self.start)
        _ = garbage.received(Array("GET / HTTP/1.1\r\n\r\n".utf8), state: state)
        #expect(try sent(&garbage) == [.protocolError(message: ProtocolError.tooLong(announced: 0x4745_5420, limit: ProtocolLimits.clientMessageLimit).message)])
        #expect(garbage.shouldClose)

        var flood = HostConnection(connectedAt: Self.start)
        _ = flood.received(try bytes(.hello(ClientHello(role: .voter))), state: state)
        _ = try sent(&flood)
        let size = 10 * 1024 * 1024
        _ = flood.received([UInt8(size >> 24), UInt8(size >> 16 & 0xFF), 0, 0] + Array(repeating: 0x7B, count: 65_532), state: state)
        guard case .closing = flood.phase else { Issue.record("a 10 MB message was read"); return }
        #expect(flood.received(Array(repeating: 0x7B, count: 65_536), state: state).isEmpty)

        var notJSON = HostConnection(connectedAt: Self.start)
        _ = notJSON.received(try FrameEncoder.frame([0xFF, 0xFE], limit: 10), state: state)
        #expect(try sent(&notJSON) == [.protocolError(message: ProtocolError.notUTF8.message)])
    }

    @Test func aClientThatNeverSaysHelloIsClosedAfterTheTimeout() throws {
        var connection = HostConnection(connectedAt: Self.start)
        connection.tick(now: Self.start.adding(seconds: ProtocolLimits.handshakeTimeoutSeconds - 1))
        #expect(connection.phase == .awaitingHello)
        connection.tick(now: Self.start.adding(seconds: ProtocolLimits.handshakeTimeoutSeconds))
        #expect(try sent(&connection) == [.protocolError(message: "No hello within 10 seconds.")])
        #expect(connection.shouldClose)
    }

    @Test func aClientThatDoesNotReadIsDroppedAtTheBound() throws {
        var state = try state()
        var connection = HostConnection(connectedAt: Self.start, outgoingLimit: 4096)
        _ = connection.received(try bytes(.hello(ClientHello(role: .audience))), state: state)
        var views = 0
        while !connection.shouldClose, views < 1000 {
            // An acknowledgement between views keeps each view from replacing the one before.
            connection.acknowledge(views)
            _ = WorkshopReducer.reduce(&state, .command(.poll(.cast(poll: "format", ballot: .single(option: 0)))), now: Self.start)
            connection.sendView(of: state)
            #expect(connection.pendingOutput.count <= 4096)
            views += 1
        }
        guard case .dropped = connection.phase else { Issue.record("never dropped"); return }
        #expect(views < 20)
        #expect(connection.pendingOutput.isEmpty)
        // A client that reads keeps up however many views it is sent.
        var reader = HostConnection(connectedAt: Self.start, outgoingLimit: 4096)
        _ = reader.received(try bytes(.hello(ClientHello(role: .audience))), state: state)
        for _ in 0..<100 {
            reader.sendView(of: state)
            reader.didWrite(reader.pendingOutput.count)
        }
        #expect(!reader.shouldClose && reader.pendingOutput.isEmpty)
    }

    @Test func aNewerViewReplacesOneNotYetWrittenAndNothingElse() throws {
        var state = try state()
        var connection = HostConnection(connectedAt: Self.start)
        _ = connection.received(try bytes(.hello(ClientHello(role: .audience))), state: state)
        _ = try sent(&connection)
        for count in 1...50 {
            _ = WorkshopReducer.reduce(&state, .command(.poll(.cast(poll: "format", ballot: .single(option: 0)))), now: Self.start)
            connection.sendView(of: state)
            if count == 25 { connection.acknowledge(99) }
        }
        // The view before the acknowledgement stays (order is kept); after it, only the latest.
        let messages = try sent(&connection)
        #expect(messages.count == 3)
        #expect(messages[1] == .acknowledged(id: 99))
        guard case .view(let first) = messages[0], case .view(let last) = messages[2] else { Issue.record("\(messages)"); return }
        #expect(first.polls[0].ballotCount == 25 && last.polls[0].ballotCount == 50)
        // A view the socket has begun to take is never cut: the next one queues behind it.
        connection.sendView(of: state)
        connection.didWrite(3)
        connection.sendView(of: state)
        var decoder = FrameDecoder(limit: ProtocolLimits.hostMessageLimit)
        let rest = decoder.feed(Array(try MessageCodec.encode(HostMessage.view(RoomView(of: state, for: .audience))).prefix(3)) + connection.pendingOutput)
        #expect(rest.count == 2)
    }

    @Test func aClientThatTakesNothingForThirtySecondsIsDropped() throws {
        let state = try state()
        var connection = HostConnection(connectedAt: Self.start)
        _ = connection.received(try bytes(.hello(ClientHello(role: .audience))), state: state)
        connection.tick(now: Self.start.adding(seconds: 1))
        connection.didWrite(10)
        // Reading a little keeps it; then nothing for thirty seconds drops it.
        connection.tick(now: Self.start.adding(seconds: 20))
        connection.tick(now: Self.start.adding(seconds: 49))
        #expect(!connection.shouldClose)
        connection.tick(now: Self.start.adding(seconds: 50))
        #expect(connection.phase == .dropped(reason: "not reading for 30 seconds"))
        #expect(connection.pendingOutput.isEmpty)
        // A client with nothing waiting is never dropped for silence (the projector never sends).
        var idle = HostConnection(connectedAt: Self.start)
        _ = idle.received(try bytes(.hello(ClientHello(role: .audience))), state: state)
        idle.didWrite(idle.pendingOutput.count)
        idle.tick(now: Self.start.adding(seconds: 3600))
        #expect(!idle.shouldClose)
    }

    @Test func aPartlyWrittenMessageIsResumedWhereTheSocketStopped() throws {
        let state = try state()
        var connection = HostConnection(connectedAt: Self.start)
        _ = connection.received(try bytes(.hello(ClientHello(role: .voter))), state: state)
        var written: [UInt8] = []
        while !connection.pendingOutput.isEmpty {
            let piece = Array(connection.pendingOutput.prefix(7))
            written += piece
            connection.didWrite(piece.count)
        }
        var decoder = FrameDecoder(limit: ProtocolLimits.hostMessageLimit)
        #expect(try decoder.feed(written).map { body throws(ProtocolError) in try MessageCodec.decodeHostMessage(body) } == [
            .welcome(HostWelcome(title: state.session.title, recordID: state.recordID, role: "voter")),
            .view(RoomView(of: state, for: .voter)),
        ])
    }

    @Test func aClientGoneMidMessageIsDroppedAndTheHostStopsCleanly() throws {
        let state = try state()
        var gone = HostConnection(connectedAt: Self.start)
        _ = gone.received(try bytes(.hello(ClientHello(role: .voter))).prefix(9), state: state)
        gone.peerClosed()
        #expect(gone.shouldClose && gone.pendingOutput.isEmpty)
        guard case .dropped(let reason) = gone.phase else { Issue.record("not dropped"); return }
        #expect(reason.hasPrefix("closed mid-message"))

        var stopping = HostConnection(connectedAt: Self.start)
        _ = stopping.received(try bytes(.hello(ClientHello(role: .voter))), state: state)
        _ = try sent(&stopping)
        stopping.stop(reason: "The host is stopping.", reconnect: true)
        #expect(!stopping.shouldClose)
        #expect(try sent(&stopping) == [.stopping(reason: "The host is stopping.", reconnect: true)])
        #expect(stopping.shouldClose)
    }
}

/// Random bytes and random mutations of valid messages, in random chunks: the connection never traps, never holds
/// more than one frame in or its bound out, and either keeps reading or closes with a reason.
@Suite struct HostConnectionPropertyTests {
    @Test func noInputCrashesOrGrowsTheConnection() throws {
        var generator = SeededGenerator(seed: 14)
        var session = Fixtures.sevilla()
        session.polls = [PollDefinition(id: "format", question: "Format?", type: .single, options: ["Physical", "Online"])]
        session.groups = [WorkingGroup(id: "wg1", name: "Policy")]
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        _ = WorkshopReducer.reduce(&state, .command(.poll(.open(poll: "format"))), now: Fixtures.at(12, 0))
        let valid: [[UInt8]] = try [
            MessageCodec.encode(.hello(ClientHello(role: .voter))),
            MessageCodec.encode(.hello(ClientHello(role: .group("wg1")))),
            MessageCodec.encode(.request(id: 1, .castBallot(poll: "format", ballot: .single(option: 1), code: nil))),
            MessageCodec.encode(.request(id: 2, .group(.add(group: "wg1", template: "t", author: "a")))),
        ]
        var closed = 0, performed = 0
        for _ in 0..<2000 {
            // Half the streams open with a clean hello, so the requests after it are judged too.
            var stream: [UInt8] = Bool.random(using: &generator) ? valid[0] : []
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                var message = valid.randomElement(using: &generator) ?? []
                // Flip, drop or add a few bytes, sometimes none.
                for _ in 0..<Int.random(in: 0...3, using: &generator) where !message.isEmpty {
                    let at = Int.random(in: 0..<message.count, using: &generator)
                    switch Int.random(in: 0...2, using: &generator) {
                    case 0: message[at] = UInt8.random(in: 0...255, using: &generator)
                    case 1: message.remove(at: at)
                    default: message.insert(UInt8.random(in: 0...255, using: &generator), at: at)
                    }
                }
                stream += message
            }
            var connection = HostConnection(connectedAt: Fixtures.at(12, 0), outgoingLimit: 64 * 1024)
            var index = 0
            while index < stream.count, !connection.shouldClose {
                let end = min(stream.count, index + Int.random(in: 1...40, using: &generator))
                for event in connection.received(stream[index..<end], state: state) {
                    if case .perform = event { performed += 1 }
                }
                #expect(connection.pendingOutput.count <= 64 * 1024)
                index = end
            }
            switch connection.phase {
            case .closing, .dropped: closed += 1
            case .awaitingHello, .checkingPIN, .attached: break
            }
            connection.peerClosed()
            #expect(connection.shouldClose)
        }
        // Both outcomes were exercised: some streams were refused part-way, some requests got through.
        #expect(closed > 1000 && performed > 30, "closed \(closed), performed \(performed)")
    }
}

/// Guessing codes over the socket costs the guesser time, not the host: each guess is a PBKDF2 hash on the loop
/// that serves the moderator's keys.
@Suite struct CodeGuessingTests {
    @Test func fiveRefusedCodesLockCodeBallotsForHalfAMinuteWithoutHashing() throws {
        var session = Fixtures.sevilla()
        session.polls = [PollDefinition(id: "format", question: "Format?", type: .single, options: ["Physical", "Online"], admission: .codes)]
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        _ = WorkshopReducer.reduce(&state, .command(.poll(.open(poll: "format"))), now: Fixtures.at(12, 0))
        var book = CodeBook(salt: Array(repeating: 3, count: 16), hashes: [])
        book.hashes = [book.hash(of: "ACDE-FGHJ-KMNP")]
        state.codeBook = book
        var connection = HostConnection(connectedAt: state.now)
        _ = connection.received(try MessageCodec.encode(.hello(ClientHello(role: .voter))), state: state)
        connection.didWrite(connection.pendingOutput.count)
        func cast(_ id: Int, _ code: String) throws -> [HostConnection.Event] {
            try connection.received(MessageCodec.encode(.request(id: id, .castBallot(poll: "format", ballot: .single(option: 1), code: code))), state: state)
        }
        func answers() throws -> [HostMessage] {
            var decoder = FrameDecoder(limit: ProtocolLimits.hostMessageLimit)
            let frames = decoder.feed(connection.pendingOutput)
            connection.didWrite(connection.pendingOutput.count)
            return try frames.map { body throws(ProtocolError) in try MessageCodec.decodeHostMessage(body) }
        }
        for id in 1...HostConnection.maximumRefusedCodes {
            #expect(try cast(id, "QRTU-VWXY-3467").isEmpty)
        }
        let refusals = try answers()
        #expect(refusals.count == HostConnection.maximumRefusedCodes)
        #expect(refusals.allSatisfy { $0 == .codeRefusal(id: $0.requestID, message: "This code is not valid. Check it and type it again.") })
        // Locked: even the right code is refused, unhashed, until the half minute is over.
        #expect(try cast(9, "ACDE-FGHJ-KMNP").isEmpty)
        #expect(try answers() == [.codeRefusal(id: 9, message: "Too many refused codes: try again in 30 s.")])
        state.now = state.now.adding(seconds: HostConnection.codeLockoutSeconds)
        #expect(try cast(10, "ACDE-FGHJ-KMNP") == [.perform(id: 10, .remote(.cast(poll: "format", ballot: .single(option: 1), codeHash: book.hash(of: "ACDE-FGHJ-KMNP"))))])
    }
}

extension HostMessage {
    var requestID: Int {
        switch self {
        case .refusal(let id, _), .codeRefusal(let id, _): id
        default: -1
        }
    }
}
