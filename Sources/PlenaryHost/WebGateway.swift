#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization
import PlenaryProtocol

/// The phones' web server as a child process (`plenary-web`, decision 94), so the moderator's `plenary` links no
/// HTTP stack. Started over a socket pair handed to it as descriptor 3; it answers "listening on port P" or why it
/// cannot (the port is taken), which still stops `plenary run --web` before its screen starts. It dies with the host:
/// it exits at the end of the socket (and asks the kernel for a kill when its parent dies); `stop` kills and reaps it.
///
/// Should the gateway die during the workshop (a crash, an out-of-memory kill), the host says so on the moderator's
/// screen and starts it again on the same port with the same room code, so the phones' address and QR code stay
/// valid; after `restartLimit` restarts within `restartWindowSeconds` it stops trying and says so (decision 99).
public final class WebGateway: Sendable {
    /// The name of the gateway's executable, installed next to `plenary`.
    public static let executableName = "plenary-web"
    /// The descriptor the gateway finds its end of the socket pair on.
    public static let gatewayDescriptor: Int32 = 3
    /// How long the host waits for the gateway to bind (its own server gives up after 10 seconds).
    public static let startSeconds = 12
    /// Restarts allowed within `restartWindowSeconds` before a gateway that keeps dying is left down.
    public static let restartLimit = 3
    public static let restartWindowSeconds = 60

    public let port: Int
    public let roomCode: String
    private let executable: String
    private let address: WebListenAddress
    private let inbox: WebInbox
    private let waitingSeconds: Int
    /// The gateway process now serving, nil while none is (between a loss and its restart, or after `stop`).
    private let current = Mutex<Running?>(nil)
    private let stopping = Mutex(false)
    /// When the last restarts happened, for the limit.
    private let restarts = Mutex<[ContinuousClock.Instant]>([])
    /// Losses are handled here, off the link's reading thread (which must end before its socket is closed).
    private let supervision = DispatchQueue(label: "plenary.web-gateway.supervision")

    /// One running gateway process and the host's end of its socket.
    private struct Running: Sendable {
        var process: pid_t
        var descriptor: Int32
        var link: WebGatewayLink
    }

    /// A process that has bound its port, before its link runs.
    private struct Launched {
        var process: pid_t
        var descriptor: Int32
        var port: Int
        var frames: SocketPairFrames
        var early: [(id: Int, request: WebRequest)]
    }

    private init(port: Int, roomCode: String, executable: String, address: WebListenAddress, inbox: WebInbox,
                 waitingSeconds: Int) {
        self.port = port
        self.roomCode = roomCode
        self.executable = executable
        self.address = address
        self.inbox = inbox
        self.waitingSeconds = waitingSeconds
    }

    public struct StartError: Error, Equatable, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// A four-digit code from the system's random numbers (made at the edge, like every other random choice).
    public static func newRoomCode() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(Int.random(in: 1000...9999, using: &generator))
    }

    /// `plenary-web` in the folder of the running executable (`/proc/self/exe`, whatever it was started as).
    public static func executableBesideThisProgram() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return executableName }
        let path = String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return executableName }
        return String(path[...slash]) + executableName
    }

    /// Starts the gateway at `executable` serving `address`, waits for it to bind, then links it to `inbox`.
    public static func start(executable: String, address: WebListenAddress, roomCode: String, inbox: WebInbox,
                             waitingSeconds: Int = startSeconds) throws(StartError) -> WebGateway {
        guard access(executable, X_OK) == 0 else {
            throw StartError("cannot serve the voting page: \(executable) is missing or not executable "
                             + "(install \(executableName) next to plenary)")
        }
        let launched = try launch(executable, address: address, roomCode: roomCode, waitingSeconds: waitingSeconds)
        // A restart binds the port the first start got, so the phones' address stays the same.
        let gateway = WebGateway(port: launched.port, roomCode: roomCode, executable: executable,
                                 address: WebListenAddress(host: address.host, port: launched.port), inbox: inbox,
                                 waitingSeconds: waitingSeconds)
        gateway.adopt(launched)
        return gateway
    }

    /// Spawns the gateway and waits for it to bind; the requests it sent meanwhile come with it.
    private static func launch(_ executable: String, address: WebListenAddress, roomCode: String,
                               waitingSeconds: Int) throws(StartError) -> Launched {
        var ends: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw StartError("cannot serve the voting page: no socket pair for \(executableName): \(String(cString: strerror(errno)))")
        }
        let (hostEnd, gatewayEnd) = (ends[0], ends[1])
        let spawned = spawn(executable, socket: gatewayEnd)
        close(gatewayEnd)
        guard let process = spawned.process else {
            close(hostEnd)
            throw StartError("cannot serve the voting page: cannot start \(executable): \(String(cString: strerror(spawned.error)))")
        }
        let abandon = { () -> Void in
            kill(process, SIGKILL)
            _ = reap(process)
            close(hostEnd)
        }
        guard let start = try? MessageCodec.encode(HostToGatewayMessage.start(host: address.host, port: address.port, roomCode: roomCode)),
              SocketPairFrames.write(start, to: hostEnd) else {
            abandon()
            throw StartError("cannot serve the voting page: \(executableName) stopped before it started")
        }
        var frames = SocketPairFrames(descriptor: hostEnd, limit: ProtocolLimits.clientMessageLimit)
        let deadline = ContinuousClock.now.advanced(by: .seconds(waitingSeconds))
        // A phone may already post between the bind and the gateway's answer: kept, and submitted once linked.
        var early: [(id: Int, request: WebRequest)] = []
        var failure: String?
        while failure == nil {
            switch frames.next(until: deadline) {
            case .frame(let body):
                switch try? MessageCodec.decodeGatewayToHostMessage(body) {
                case .listening(let port)?:
                    return Launched(process: process, descriptor: hostEnd, port: port, frames: frames, early: early)
                case .request(let id, let request)?: early.append((id, request))
                case .failed(let reason)?: failure = reason
                case nil: failure = "cannot serve the voting page: \(executableName) sent what it should not"
                }
            case .closed, .broken:
                failure = "cannot serve the voting page: \(executableName) stopped before it started"
            case .timedOut:
                failure = "the voting page did not start within \(waitingSeconds) seconds on \(address.host):\(address.port)"
            }
        }
        abandon()
        throw StartError(failure ?? "cannot serve the voting page")
    }

    /// Links a launched gateway to the inbox; its loss is handled on `supervision`.
    private func adopt(_ launched: Launched) {
        let link = WebGatewayLink(descriptor: launched.descriptor, inbox: inbox)
        let running = Running(process: launched.process, descriptor: launched.descriptor, link: link)
        current.withLock { $0 = running }
        link.run(reading: launched.frames, early: launched.early) { [weak self] in
            guard let gateway = self else { return }
            gateway.supervision.async { gateway.recover(from: running) }
        }
    }

    /// The gateway `lost` is gone: reaped, reported to the moderator, and started again unless the host is stopping
    /// or it keeps dying.
    private func recover(from lost: Running) {
        // Stopping: `stop` ends whatever is current, this one included.
        guard !stopping.withLock({ $0 }) else { return }
        let isCurrent = current.withLock { running -> Bool in
            guard running?.process == lost.process else { return false }
            running = nil
            return true
        }
        guard isCurrent else { return }
        let status = Self.end(lost)
        let now = ContinuousClock.now
        let allowed = restarts.withLock { times -> Bool in
            times.removeAll { $0.duration(to: now) > .seconds(Self.restartWindowSeconds) }
            guard times.count < Self.restartLimit else { return false }
            times.append(now)
            return true
        }
        guard allowed else {
            inbox.report("Voting page down: \(Self.executableName) \(status), its \(Self.restartLimit + 1)th failure within a "
                         + "minute, so it is not restarted. Phones cannot vote; what was recorded is safe. Quit and run "
                         + "again to bring the page back.", level: .error)
            return
        }
        do {
            let launched = try Self.launch(executable, address: address, roomCode: roomCode, waitingSeconds: waitingSeconds)
            guard !stopping.withLock({ $0 }) else {
                kill(launched.process, SIGKILL)
                _ = Self.reap(launched.process)
                close(launched.descriptor)
                return
            }
            adopt(launched)
            inbox.report("Voting page restarted (\(Self.executableName) \(status)); same address and room code "
                         + "\(roomCode), nothing recorded was lost.", level: .warning)
        } catch {
            inbox.report("Voting page down: \(Self.executableName) \(status) and could not restart: \(error.description). "
                         + "Phones cannot vote; what was recorded is safe.", level: .error)
        }
    }

    /// Ends the gateway (its pages stop at once) and reaps it. Call once, when the host stops.
    public func stop() {
        stopping.withLock { $0 = true }
        // A restart under way finishes first (it sees `stopping` and ends what it started).
        supervision.sync {}
        if let running = current.withLock({ $0.take() }) { _ = Self.end(running) }
    }

    /// Stops the link, kills and reaps the process, closes the socket; says how the process ended.
    private static func end(_ running: Running) -> String {
        running.link.stop()
        shutdown(running.descriptor, Int32(SHUT_RDWR))
        kill(running.process, SIGKILL)
        let status = reap(running.process)
        running.link.finish()
        close(running.descriptor)
        return status
    }

    /// Waits for `process` to end; how it ended, in words ("was killed by signal 9", "exited with status 1").
    private static func reap(_ process: pid_t) -> String {
        var status: Int32 = 0
        while waitpid(process, &status, 0) < 0 {
            guard errno == EINTR else { return "ended" }
        }
        let signal = status & 0x7f
        return signal == 0 ? "exited with status \((status >> 8) & 0xff)" : "was killed by signal \(signal)"
    }

    /// The gateway with `socket` as its descriptor 3, the null device for its standard streams (it must never write
    /// over the curses screen), default signal handling and its own process group (a key that signals the terminal's
    /// group is the moderator's, not the gateway's).
    private static func spawn(_ executable: String, socket: Int32) -> (process: pid_t?, error: Int32) {
        // Above the standard streams and the target, so the dup to 3 is a real copy (which clears close-on-exec).
        let moved = fcntl(socket, F_DUPFD_CLOEXEC, 10)
        guard moved >= 0 else { return (nil, errno) }
        defer { close(moved) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, moved, gatewayDescriptor)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGWINCH, SIGTSTP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
        var process: pid_t = 0
        let arguments = [strdup(executable)] + [UnsafeMutablePointer<CChar>?(nil)]
        defer { for argument in arguments { free(argument) } }
        let code = posix_spawn(&process, executable, &actions, &attributes, arguments, environ)
        return code == 0 ? (process, 0) : (nil, code)
    }
}
