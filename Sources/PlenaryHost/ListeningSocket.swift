#if canImport(Glibc)
import Glibc
#endif

/// The host's Unix socket (issue 14, docs/protocol.md): mode 0600, in a folder others cannot write, never taking the
/// place of a host that still answers, and removed when the host stops. With a `SocketGroup` (`--allow-group`) it is
/// mode 0660 and belongs to that group, and the folder must also let the group in (search) but not write.
public final class ListeningSocket {
    public let path: String
    public let descriptor: Int32
    /// The socket file's identity when it was made: `close()` removes the path only if it is still this file, so a
    /// host that stops never deletes the socket of one started after it.
    private let device: UInt64
    private let inode: UInt64
    private var isOpen = true

    /// How many connections may wait to be accepted.
    static let backlog: Int32 = 128
    /// Connecting needs write permission, so only the host's own user can reach a socket of this mode.
    static let ownerOnlyMode: mode_t = 0o600

    private init(path: String, descriptor: Int32, device: UInt64, inode: UInt64) {
        self.path = path
        self.descriptor = descriptor
        self.device = device
        self.inode = inode
    }

    /// `<results file without .results.json>.sock`: `sevilla.results.json` → `sevilla.sock`.
    public static func defaultPath(forResults resultsPath: String) -> String {
        let suffix = ".results.json"
        if resultsPath.hasSuffix(suffix) { return String(resultsPath.dropLast(suffix.count)) + ".sock" }
        if resultsPath.hasSuffix(".json") { return String(resultsPath.dropLast(5)) + ".sock" }
        return resultsPath + ".sock"
    }

    /// Checks the folder, replaces a stale socket (one nobody answers on: a crashed host's), refuses a live one,
    /// then binds and listens, non-blocking; with `group`, then hands the socket to that group.
    public static func open(path: String, group: SocketGroup? = nil) throws(SocketSetupError) -> ListeningSocket {
        guard Array(path.utf8).count <= UnixAddress.maximumPathBytes else { throw .pathTooLong(path: path) }
        let folder = Self.folder(of: path)
        var folderStatus = stat()
        guard stat(folder, &folderStatus) == 0 else { throw .system(operation: "inspect the folder", path: folder, errno: errno) }
        // Sticky or not: a folder others can write lets them put their own socket here before the host starts.
        guard folderStatus.st_mode & S_IWOTH == 0 else { throw .unsafeFolder(folder: folder) }
        if let group {
            // The group's members are the other users now: the same rule holds for them, and they must reach the socket.
            guard !group.canWrite(folderStatus) else { throw .folderWritableByGroup(folder: folder, group: group.name) }
            guard group.canSearch(folderStatus) else { throw .folderClosedToGroup(folder: folder, group: group.name) }
        }

        var existing = stat()
        if lstat(path, &existing) == 0 {
            guard existing.st_mode & S_IFMT == S_IFSOCK else { throw .notASocket(path: path) }
            switch UnixAddress.connect(to: path) {
            case .connected(let descriptor):
                Glibc.close(descriptor)
                throw .alreadyServed(path: path)
            case .failed(let error) where error == ECONNREFUSED:
                // Left by a host that crashed or was killed: nobody listens any more.
                guard unlink(path) == 0 || errno == ENOENT else {
                    throw .system(operation: "remove the stale socket", path: path, errno: errno)
                }
            case .failed(let error):
                throw .system(operation: "check the existing socket", path: path, errno: error)
            }
        } else if errno != ENOENT {
            throw .system(operation: "inspect", path: path, errno: errno)
        }

        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard descriptor >= 0 else { throw .system(operation: "create a socket for", path: path, errno: errno) }
        // Linux gives the file bind makes the socket's own mode, narrowed by the umask: 0600 from the first instant,
        // never a moment of wider access. Not the umask itself: it belongs to the whole process, and a child started
        // by another thread while it was narrowed kept it (Chromium, whose own 0700 folder came out 0600, stopped).
        guard fchmod(descriptor, Self.ownerOnlyMode) == 0 else {
            let error = errno
            Glibc.close(descriptor)
            throw .system(operation: "restrict the socket for", path: path, errno: error)
        }
        let bound = UnixAddress.with(path) { bind(descriptor, $0, $1) } ?? -1
        let bindError = errno
        guard bound == 0 else {
            Glibc.close(descriptor)
            throw bindError == EADDRINUSE ? .alreadyServed(path: path) : .system(operation: "create the socket", path: path, errno: bindError)
        }
        var made = stat()
        guard listen(descriptor, backlog) == 0, lstat(path, &made) == 0 else {
            let error = errno
            Glibc.close(descriptor)
            unlink(path)
            throw .system(operation: "listen on", path: path, errno: error)
        }
        if let group {
            // Widened only after it is ours and listening, and only to the group: connecting needs write permission.
            guard chown(path, uid_t.max, group.id) == 0, chmod(path, 0o660) == 0 else {
                let error = errno
                Glibc.close(descriptor)
                unlink(path)
                throw .system(operation: "give group \(group.name) access to", path: path, errno: error)
            }
        }
        return ListeningSocket(path: path, descriptor: descriptor, device: UInt64(made.st_dev), inode: UInt64(made.st_ino))
    }

    enum Acceptance: Equatable {
        case accepted(Int32)
        case noneWaiting
        /// The process (EMFILE) or the system (ENFILE) has no descriptor left: the connection stays queued.
        case outOfDescriptors
    }

    /// A waiting connection, non-blocking.
    func accept() -> Acceptance {
        let client = Glibc.accept(descriptor, nil, nil)
        guard client >= 0 else { return errno == EMFILE || errno == ENFILE ? .outOfDescriptors : .noneWaiting }
        UnixAddress.makeNonBlocking(client)
        return .accepted(client)
    }

    /// Stops listening and removes the socket file if it is still ours. Safe to call twice.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        Glibc.close(descriptor)
        var current = stat()
        if lstat(path, &current) == 0, UInt64(current.st_dev) == device, UInt64(current.st_ino) == inode {
            unlink(path)
        }
    }

    deinit { close() }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
