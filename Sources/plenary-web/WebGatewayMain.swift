#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import PlenaryHost
import PlenaryProtocol
import PlenaryWeb

/// `plenary-web`: the phones' voting page in a process of its own (decision 94), started by `plenary run --web`
/// with its end of a socket pair as descriptor 3. It learns where to listen from the host, answers whether it could,
/// then serves until the host goes: it exits when the socket ends, and the kernel kills it if its parent dies first.
@main
enum WebGatewayMain {
    static func main() {
        let descriptor = WebGateway.gatewayDescriptor
        var kind = stat()
        guard fstat(descriptor, &kind) == 0, kind.st_mode & S_IFMT == S_IFSOCK else {
            // Run by hand, it has no host: the only time it writes to a terminal.
            let words = "plenary-web serves the phones' voting page for `plenary run --web`, which starts it; it is not run by hand.\n"
            _ = words.withCString { write(STDERR_FILENO, $0, strlen($0)) }
            exit(2)
        }
        GatewayLifetime.endWithParent()
        let room = RemoteWebRoom(descriptor: descriptor)
        var frames = SocketPairFrames(descriptor: descriptor, limit: ProtocolLimits.hostMessageLimit)
        guard let start = room.readStart(&frames) else { exit(1) }
        let server = WebServer(source: room, roomCode: start.roomCode)
        do {
            let port = try server.start(host: start.host, port: start.port)
            room.follow(frames, hostGone: { _exit(0) })
            room.report(.listening(port: port))
        } catch {
            room.report(.failed(reason: "\(error)"))
            exit(1)
        }
        dispatchMain()
    }
}
