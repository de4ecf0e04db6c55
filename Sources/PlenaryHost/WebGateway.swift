#if canImport(Glibc)
import Glibc
#endif
import PlenaryProtocol

/// The phones' web server as a child process (`plenary-web`, decision 94), so the moderator's `plenary` links no
/// HTTP stack. Started over a socket pair handed to it as descriptor 3; it answers "listening on port P" or why it
/// cannot (the port is taken), which still stops `plenary run --web` before its screen starts. It dies with the host:
/// it exits at the end of the socket (and asks the kernel for a kill when its parent dies); `stop` kills and reaps it.
public final class WebGateway: Sendable {
    /// The name of the gateway's executable, installed next to `plenary`.
    public static let executableName = "plenary-web"
    /// The descriptor the gateway finds its end of the socket pair on.
    public static let gatewayDescriptor: Int32 = 3
    /// How long the host waits for the gateway to bind (its own server gives up after 10 seconds).
    public static let startSeconds = 12

    public let port: Int
    public let roomCode: String
    private let process: pid_t
    private let descriptor: Int32
    private let link: WebGatewayLink

    private init(port: Int, roomCode: String, process: pid_t, descriptor: Int32, link: WebGatewayLink) {
        self.port = port
        self.roomCode = roomCode
        self.process = process
        self.descriptor = descriptor
        self.link = link
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
            var status: Int32 = 0
            _ = waitpid(process, &status, 0)
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
                    let link = WebGatewayLink(descriptor: hostEnd, inbox: inbox)
                    link.run(reading: frames, early: early)
                    return WebGateway(port: port, roomCode: roomCode, process: process, descriptor: hostEnd, link: link)
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

    /// Ends the gateway (its pages stop at once) and reaps it. Call once, when the host stops.
    public func stop() {
        link.stop()
        shutdown(descriptor, Int32(SHUT_RDWR))
        kill(process, SIGKILL)
        var status: Int32 = 0
        while waitpid(process, &status, 0) < 0 && errno == EINTR {}
        link.finish()
        close(descriptor)
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
