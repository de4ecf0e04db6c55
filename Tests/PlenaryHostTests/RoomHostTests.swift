#if canImport(Glibc)
import Glibc
#endif
import Testing
import PlenaryProtocol
import PlenaryStorage
import PlenaryUI
import PlenaryTestSupport
@testable import PlenaryHost
@_spi(Testing) import PlenaryEngine

/// The host's event loop on real sockets (a private folder) with memory files and a memory terminal: the limits the
/// host-load and host-fault proofs (scripts/proof/host_load.py, host_faults.py) lean on.
@Suite struct RoomHostTests {
    /// The loop waits on real sockets, so its deadline must move with real time.
    struct WallClock: Clock {
        func now() -> Instant {
            var spec = timespec()
            clock_gettime(CLOCK_REALTIME, &spec)
            return Instant(milliseconds: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
        }
    }

    struct Room {
        let host: RoomHost
        let runner: WorkshopRunner
        let fileSystem: MemoryFileSystem
        let socketPath: String
        let terminal = MemoryTerminal(size: TerminalSize(columns: 80, rows: 24))
        /// Stands for the keyboard: a pipe the test can make readable.
        let keyboard: (read: Int32, write: Int32)

        /// Serves clients for about `milliseconds`.
        func serve(milliseconds: Int = 100) {
            let clock = WallClock()
            let until = clock.now().adding(milliseconds: Int64(milliseconds))
            while clock.now() < until {
                _ = host.waitForInput(terminal: terminal, timeoutMilliseconds: 20, pendingSignal: { nil })
            }
        }
    }

    func withRoom(maximumClients: Int = RoomHost.defaultMaximumClients, boards: [QABoardDefinition] = [],
                  webInbox: WebInbox? = nil, _ body: (Room) throws -> Void) throws {
        var template = Array("/tmp/plenary-room-XXXXXX".utf8CString)
        let folder = String(cString: try #require(mkdtemp(&template)))
        defer {
            unlink("\(folder)/room.sock")
            rmdir(folder)
        }
        var session = Fixtures.sevilla()
        session.polls = [PollDefinition(id: "format", question: "Format?", type: .single, options: ["Physical", "Online"])]
        session.qa = boards
        let clock = WallClock()
        let fileSystem = MemoryFileSystem()
        let files = WorkshopFiles(sessionPath: "room.yaml")
        guard case .success(let plan) = PlannedAgenda.plan(session),
              case .success(let opened) = WorkshopStore.open(session: session, plan: plan, files: files, fileSystem: fileSystem,
                                                              now: clock.now(), stamp: "S", fresh: false, newRecordID: "record-1")
        else { throw FixtureError("the session does not open") }
        let runner = WorkshopRunner(state: opened.state, journal: opened.journal, fileSystem: fileSystem, files: files,
                                    clock: clock, generator: "test")
        runner.send(.command(.poll(.open(poll: "format"))))
        let listener = try ListeningSocket.open(path: "\(folder)/room.sock")
        var pipeEnds: [Int32] = [0, 0]
        #expect(pipe(&pipeEnds) == 0)
        defer {
            close(pipeEnds[0])
            close(pipeEnds[1])
        }
        let host = RoomHost(listener: listener, runner: runner, clock: clock, inputDescriptor: pipeEnds[0],
                            maximumClients: maximumClients, webInbox: webInbox)
        defer { host.stop(reason: "test over", reconnect: false) }
        try body(Room(host: host, runner: runner, fileSystem: fileSystem, socketPath: "\(folder)/room.sock", keyboard: (pipeEnds[0], pipeEnds[1])))
    }

    func connect(_ path: String) throws -> Int32 {
        guard case .connected(let descriptor) = UnixAddress.connect(to: path) else { throw FixtureError("no connection to \(path)") }
        UnixAddress.makeNonBlocking(descriptor)
        return descriptor
    }

    func send(_ message: ClientMessage, to descriptor: Int32) throws {
        let bytes = try MessageCodec.encode(message)
        #expect(bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count)
    }

    /// What the host sent so far, decoded, and whether it closed the connection.
    func received(_ descriptor: Int32) throws -> (messages: [HostMessage], closed: Bool) {
        var decoder = FrameDecoder(limit: ProtocolLimits.hostMessageLimit)
        var messages: [HostMessage] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if count == 0 { return (messages, true) }
            if count < 0 { return (messages, errno == ECONNRESET) }
            for frame in decoder.feed(buffer[..<count]) { messages.append(try MessageCodec.decodeHostMessage(frame)) }
        }
    }

    @Test func aConnectionPastTheLimitIsToldWhyAndClosedAndTheOthersStay() throws {
        try withRoom(maximumClients: 2) { room in
            let kept = try (0..<2).map { _ in try connect(room.socketPath) }
            defer { kept.forEach { close($0) } }
            room.serve()
            let extra = try connect(room.socketPath)
            defer { close(extra) }
            room.serve()
            let answer = try received(extra)
            #expect(answer.closed)
            guard case .refused(let reason)? = answer.messages.first else {
                Issue.record("expected a refusal, got \(answer.messages)")
                return
            }
            #expect(reason.contains("as many screens as it can"))
            #expect(room.host.clientCount == 2)
            for descriptor in kept { #expect(try !received(descriptor).closed) }
        }
    }

    @Test func aBallotIsAcknowledgedOnlyWhenTheRunnerRecordedItAndRefusedWhenNot() throws {
        try withRoom { room in
            let voter = try connect(room.socketPath)
            defer { close(voter) }
            try send(.hello(ClientHello(role: .voter)), to: voter)
            room.serve()
            _ = try received(voter)
            try send(.request(id: 1, .castBallot(poll: "format", ballot: .single(option: 1), code: nil)), to: voter)
            room.serve()
            #expect(try received(voter).messages.contains(.acknowledged(id: 1)))
            #expect(room.runner.state.poll("format")?.currentRound.ballots.count == 1)

            // Admitted by the gate (the poll is open), then the journal fails: rolled back and refused, not acknowledged.
            room.runner.send(.command(.poll(.close(poll: "format"))))
            room.runner.send(.command(.poll(.open(poll: "format"))))
            let recorded = room.runner.state.recordedCommands
            room.fileSystem.failAppend(after: 0, reason: "No space left on device")
            try send(.request(id: 2, .castBallot(poll: "format", ballot: .single(option: 0), code: nil)), to: voter)
            room.serve()
            let messages = try received(voter).messages
            #expect(!messages.contains(.acknowledged(id: 2)))
            #expect(messages.contains { if case .refusal(2, _) = $0 { true } else { false } })
            #expect(room.runner.state.recordedCommands == recorded)
        }
    }

    @Test func aKeyWaitingStopsTheLoopServingMoreClientsThisTurn() throws {
        try withRoom { room in
            let voters = try (0..<5).map { _ in try connect(room.socketPath) }
            defer { voters.forEach { close($0) } }
            for voter in voters { try send(.hello(ClientHello(role: .voter)), to: voter) }
            room.serve()
            for (number, voter) in voters.enumerated() {
                _ = try received(voter)
                try send(.request(id: number, .castBallot(poll: "format", ballot: .single(option: 0), code: nil)), to: voter)
            }
            // A key is waiting: one turn performs one client's ballot, then hands the turn back for the key.
            #expect(write(room.keyboard.write, "x", 1) == 1)
            let before = room.runner.state.poll("format")?.currentRound.ballots.count ?? 0
            _ = room.host.waitForInput(terminal: room.terminal, timeoutMilliseconds: 50, pendingSignal: { nil })
            #expect((room.runner.state.poll("format")?.currentRound.ballots.count ?? 0) == before + 1)
            var drained: UInt8 = 0
            #expect(read(room.keyboard.read, &drained, 1) == 1)
            room.serve()
            #expect((room.runner.state.poll("format")?.currentRound.ballots.count ?? 0) == before + 5)
        }
    }
}
