import Foundation
import Glibc
import PlenaryEngine
import PlenaryProtocol

/// A room of voter screens in one process, for the host-load and host-fault proofs (`scripts/proof/host_load.py`,
/// issue 14). Not part of the product: it speaks the protocol through PlenaryProtocol's own codec and frame decoder,
/// so the proof measures the real host against the real wire format.
///
///     plenary-load --socket PATH --voters N --polls a,b,c --report FILE [--rate PER_SECOND] [--seconds LIMIT] [--first VOTER]
///
/// Each voter connects, says hello as a voter, and casts one open-text answer (`v<voter>p<poll index>`) on each
/// listed poll as soon as its view shows that poll open, timing send→acknowledgement. A dropped connection (the host
/// killed) is reconnected every 50–150 ms; a ballot in flight then is *unknown* and is not sent again. It stops
/// when every voter has an outcome on every poll, or at the time limit, and writes `LoadReport` as JSON. While it
/// runs it prints `ack POLL COUNT` after each acknowledgement and `attached all` whenever every voter is attached, so
/// the proof can follow the room. Voters are numbered from `--first` (0), so a second run's answers differ.
@main
final class LoadClient {
    let socketPath: String
    let polls: [String]
    let ratePerSecond: Double
    let limitSeconds: Double
    let reportPath: String
    var voters: [LoadVoter]
    var report = LoadReport()
    var nextRequestID = 1
    var acknowledgedPerPoll: [String: Int] = [:]
    /// Token bucket for `--rate`: how many casts may start now.
    var castAllowance = 0.0
    var lastRefillMicroseconds: Int64 = 0
    var random = SystemRandomNumberGenerator()

    init(socketPath: String, voters: Int, polls: [String], ratePerSecond: Double, limitSeconds: Double, reportPath: String, firstVoter: Int) {
        self.socketPath = socketPath
        self.polls = polls
        self.ratePerSecond = ratePerSecond
        self.limitSeconds = limitSeconds
        self.reportPath = reportPath
        self.voters = (firstVoter..<firstVoter + voters).map { LoadVoter(number: $0) }
        report.voters = voters
        report.polls = polls
    }

    static func main() {
        var options: [String: String] = [:]
        var arguments = CommandLine.arguments.dropFirst()
        while let name = arguments.popFirst() {
            guard name.hasPrefix("--"), let value = arguments.popFirst() else { fail("expected --name value, got \(name)") }
            options[String(name.dropFirst(2))] = value
        }
        guard let socket = options["socket"], let report = options["report"],
              let voters = options["voters"].flatMap({ Int($0) }), voters > 0,
              let polls = options["polls"]?.split(separator: ",").map(String.init), !polls.isEmpty else {
            fail("usage: plenary-load --socket PATH --voters N --polls a,b,c --report FILE [--rate PER_SECOND] [--seconds LIMIT] [--first VOTER]")
        }
        // Two descriptors per voter at most for a moment (old and new), and the 1,000-idle proof's share.
        var limit = rlimit()
        if getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max
            setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        }
        signal(SIGPIPE, SIG_IGN)
        let client = LoadClient(socketPath: socket, voters: voters, polls: polls,
                                ratePerSecond: options["rate"].flatMap { Double($0) } ?? 0,
                                limitSeconds: options["seconds"].flatMap { Double($0) } ?? 120, reportPath: report,
                                firstVoter: options["first"].flatMap { Int($0) } ?? 0)
        client.run()
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data(("plenary-load: " + message + "\n").utf8))
        exit(2)
    }

    static func monotonicMicroseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec) / 1000
    }

    func run() {
        let started = Self.monotonicMicroseconds()
        lastRefillMicroseconds = started
        while !everyoneIsDone {
            let now = Self.monotonicMicroseconds()
            if Double(now - started) / 1e6 >= limitSeconds {
                report.timedOut = true
                break
            }
            refillAllowance(now: now)
            for index in voters.indices where !voters[index].isConnected && voters[index].reconnectAtMicroseconds <= now {
                connect(index, now: now)
            }
            for index in voters.indices where voters[index].attached { castIfDue(index) }
            waitAndServe()
        }
        for index in voters.indices where voters[index].isConnected {
            close(voters[index].descriptor)
            voters[index].disconnected()
        }
        report.seconds = Double(Self.monotonicMicroseconds() - started) / 1e6
        for voter in voters {
            for (position, poll) in polls.enumerated() {
                let answer = voter.answer(forPollAt: position)
                switch voter.outcomes[poll] {
                case .acknowledged: report.acknowledged[poll, default: []].append(answer)
                case .unknown: report.unknown[poll, default: []].append(answer)
                case .refused: report.refused[poll, default: []].append(answer)
                case nil: break
                }
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(report), FileManager.default.createFile(atPath: reportPath, contents: data) else {
            Self.fail("cannot write \(reportPath)")
        }
        print("done")
        fflush(nil)
    }

    var everyoneIsDone: Bool {
        voters.allSatisfy { voter in polls.allSatisfy { voter.outcomes[$0] != nil } }
    }

    func refillAllowance(now: Int64) {
        guard ratePerSecond > 0 else { return }
        castAllowance = min(castAllowance + Double(now - lastRefillMicroseconds) / 1e6 * ratePerSecond, max(1, ratePerSecond / 10))
        lastRefillMicroseconds = now
    }

    // MARK: - Connections

    func connect(_ index: Int, now: Int64) {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard descriptor >= 0 else { Self.fail("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = Array(socketPath.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path.prefix(raw.count - 1))
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard result == 0 else {
            // No host (killed, restarting) or its backlog is full: try again shortly, spread out.
            close(descriptor)
            voters[index].reconnectAtMicroseconds = now + 50_000 + Int64.random(in: 0..<100_000, using: &random)
            return
        }
        report.connections += 1
        if report.connections > voters.count { report.reconnects += 1 }
        voters[index].descriptor = descriptor
        queue(.hello(ClientHello(role: .voter)), for: index)
    }

    func drop(_ index: Int) {
        close(voters[index].descriptor)
        voters[index].disconnected()
        voters[index].reconnectAtMicroseconds = Self.monotonicMicroseconds() + 50_000 + Int64.random(in: 0..<100_000, using: &random)
    }

    func queue(_ message: ClientMessage, for index: Int) {
        do {
            voters[index].outgoing += try MessageCodec.encode(message)
        } catch {
            Self.fail("cannot encode a message: \(error.message)")
        }
    }

    func castIfDue(_ index: Int) {
        guard voters[index].inFlight == nil else { return }
        guard let position = polls.indices.first(where: {
            voters[index].outcomes[polls[$0]] == nil && voters[index].openPolls.contains(polls[$0])
        }) else { return }
        if ratePerSecond > 0 {
            guard castAllowance >= 1 else { return }
            castAllowance -= 1
        }
        let answer = voters[index].answer(forPollAt: position)
        let id = nextRequestID
        nextRequestID += 1
        queue(.request(id: id, .castBallot(poll: polls[position], ballot: .open(text: answer), code: nil)), for: index)
        voters[index].inFlight = LoadVoter.InFlight(id: id, poll: polls[position], answer: answer,
                                                    sentAtMicroseconds: Self.monotonicMicroseconds())
        write(index)
    }

    // MARK: - The loop

    func waitAndServe() {
        var descriptors: [pollfd] = []
        var owners: [Int] = []
        for index in voters.indices where voters[index].isConnected {
            var events = Int16(POLLIN)
            if !voters[index].outgoing.isEmpty { events |= Int16(POLLOUT) }
            descriptors.append(pollfd(fd: voters[index].descriptor, events: events, revents: 0))
            owners.append(index)
        }
        let ready = poll(&descriptors, nfds_t(descriptors.count), 10)
        guard ready > 0 else { return }
        for (entry, index) in zip(descriptors, owners) where entry.revents != 0 {
            if entry.revents & Int16(POLLOUT) != 0 { write(index) }
            if entry.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0, voters[index].isConnected { read(index) }
        }
    }

    func write(_ index: Int) {
        guard voters[index].isConnected, !voters[index].outgoing.isEmpty else { return }
        let sent = voters[index].outgoing.withUnsafeBytes {
            send(voters[index].descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
        }
        if sent > 0 {
            voters[index].outgoing.removeFirst(sent)
        } else if sent < 0, errno != EAGAIN, errno != EINTR {
            drop(index)
        }
    }

    func read(_ index: Int) {
        var buffer = [UInt8](repeating: 0, count: 256 * 1024)
        let count = buffer.withUnsafeMutableBytes { recv(voters[index].descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        if count < 0, errno == EAGAIN || errno == EINTR { return }
        guard count > 0 else {
            drop(index)
            return
        }
        for frame in voters[index].decoder.feed(buffer[..<count]) {
            do {
                handle(try MessageCodec.decodeHostMessage(frame), from: index)
            } catch {
                note("undecodable message from the host: \(error.message)")
                drop(index)
                return
            }
            guard voters[index].isConnected else { return }
        }
        if let failure = voters[index].decoder.failure {
            note("bad frame from the host: \(failure.message)")
            drop(index)
        }
    }

    func handle(_ message: HostMessage, from index: Int) {
        switch message {
        case .welcome(let welcome):
            voters[index].attached = true
            if !report.recordIDs.contains(welcome.recordID) { report.recordIDs.append(welcome.recordID) }
            if voters.allSatisfy(\.attached) {
                print("attached all")
                fflush(nil)
            }
        case .view(let view):
            voters[index].openPolls = Set(view.polls.filter(\.isOpen).map(\.id))
        case .acknowledged(let id):
            guard let pending = voters[index].inFlight, pending.id == id else {
                note("an acknowledgement of request \(id), which this voter did not send")
                return
            }
            report.latencyMicroseconds.append(Self.monotonicMicroseconds() - pending.sentAtMicroseconds)
            voters[index].outcomes[pending.poll] = .acknowledged
            voters[index].inFlight = nil
            acknowledgedPerPoll[pending.poll, default: 0] += 1
            print("ack \(pending.poll) \(acknowledgedPerPoll[pending.poll, default: 0])")
            fflush(nil)
        case .refusal(let id, let text), .codeRefusal(let id, let text):
            guard let pending = voters[index].inFlight, pending.id == id else {
                note("a refusal of request \(id), which this voter did not send")
                return
            }
            voters[index].outcomes[pending.poll] = .refused(text)
            voters[index].inFlight = nil
            note(text)
        case .refused(let reason):
            note("refused at the handshake: \(reason)")
            drop(index)
        case .stopping:
            drop(index)
        case .protocolError(let text):
            note("protocol error: \(text)")
            drop(index)
        case .screen:
            note("a moderator's screen frame, which a voter never asks for")
            drop(index)
        }
    }

    func note(_ message: String) {
        if !report.messages.contains(message) { report.messages.append(message) }
    }
}
