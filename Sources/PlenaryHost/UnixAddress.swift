#if canImport(Glibc)
import Glibc
#endif

/// A `sockaddr_un` for a path, or nil when the path does not fit.
enum UnixAddress {
    /// `sun_path` is 108 bytes including the terminating zero.
    static let maximumPathBytes = 107

    static func with<Result>(_ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result? {
        let bytes = Array(path.utf8)
        guard !bytes.isEmpty, bytes.count <= maximumPathBytes else { return nil }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                body($0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
    }

    enum Connection: Equatable {
        case connected(Int32)
        /// The `errno` of the failure (ECONNREFUSED: a socket file nobody listens on).
        case failed(Int32)
    }

    /// Connects a new blocking stream socket to `path`.
    static func connect(to path: String) -> Connection {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return .failed(errno) }
        guard let result = with(path, { Glibc.connect(descriptor, $0, $1) }) else {
            Glibc.close(descriptor)
            return .failed(ENAMETOOLONG)
        }
        if result == 0 { return .connected(descriptor) }
        let error = errno
        Glibc.close(descriptor)
        return .failed(error)
    }

    /// Makes a descriptor non-blocking and closed on exec.
    static func makeNonBlocking(_ descriptor: Int32) {
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    }
}
