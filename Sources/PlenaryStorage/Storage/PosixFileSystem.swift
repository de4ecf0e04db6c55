#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CWriteback

/// Durable file operations on a real disk. Every write is fsynced, and so is the folder after a rename or
/// a new file, because a rename that is not synced can vanish in a power cut.
public final class PosixFileSystem: FileSystem, @unchecked Sendable {
    /// Every file Plenary writes is its owner's alone (a umask can only narrow it): the journal holds every
    /// ballot in order, the results and exports every answer, the code sheet the codes' hashes.
    public static let privateMode: mode_t = 0o600

    public init() {}

    public func contents(of path: String, rule: ReadRule) throws(StorageError) -> [UInt8]? {
        guard let chunks = try openChunks(of: path, rule: rule) else { return nil }
        // A file read in one piece (every small file) is that piece, not a copy of it.
        guard var bytes = try chunks.next() else { return [] }
        bytes.reserveCapacity(chunks.expectedSize)
        while let chunk = try chunks.next() { bytes += chunk }
        return bytes
    }

    public func chunks(of path: String, rule: ReadRule) throws(StorageError) -> (any FileChunks)? {
        try openChunks(of: path, rule: rule)
    }

    private func openChunks(of path: String, rule: ReadRule) throws(StorageError) -> PosixFileChunks? {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; the fstat below then refuses it.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (rule.followsLinks ? 0 : O_NOFOLLOW))
        if fd < 0 {
            let failure = Self.error("read", path)
            switch failure.errno {
            case ENOENT: return nil
            case ELOOP: throw StorageError(operation: "read", path: path, reason: "is a symbolic link (Plenary reads its own files only as files, never through a link)", errno: ELOOP)
            default: throw failure
            }
        }
        // Owned from here: closed when the chunks are released, on every path.
        let chunks = PosixFileChunks(fd: fd, path: path, limit: rule.limit)
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw Self.error("read", path) }
        let kind = status.st_mode & S_IFMT
        guard kind == S_IFREG else {
            let what = switch kind {
            case S_IFDIR: "is a folder, not a file"
            case S_IFIFO: "is a FIFO (a pipe), not a regular file"
            case S_IFCHR, S_IFBLK: "is a device, not a regular file"
            case S_IFSOCK: "is a socket, not a regular file"
            default: "is not a regular file"
            }
            throw StorageError(operation: "read", path: path, reason: what, errno: kind == S_IFDIR ? EISDIR : EINVAL)
        }
        guard Int(status.st_size) <= rule.limit else { throw chunks.tooLarge(Int(status.st_size)) }
        chunks.expectedSize = Int(status.st_size)
        return chunks
    }

    public func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    public func isFolder(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    public func openAppendLog(_ path: String) throws(StorageError) -> any AppendLog {
        let existed = exists(path)
        // Never through a link: a link planted where the journal goes would receive every ballot.
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, Self.privateMode)
        guard fd >= 0 else { throw Self.error("open", path) }
        if existed {
            // Made by a version that created it readable to others: private from now on (best effort: it may
            // belong to someone else, and then writing it is the owner's choice).
            var status = stat()
            if fstat(fd, &status) == 0, status.st_mode & 0o077 != 0 { _ = fchmod(fd, status.st_mode & 0o700) }
        }
        // A new file's name is synced with its first durable bytes (or `settle`), not here: a start draws its first
        // frame before its header reaches the disk (decision 104).
        return PosixAppendLog(fd: fd, path: path, folderPending: !existed)
    }

    public func replaceAtomically(_ path: String, writing pieces: (_ write: ([UInt8]) throws(StorageError) -> Void) throws(StorageError) -> Void)
        throws(StorageError) {
        let temporary = path + ".tmp-\(getpid())"
        var fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, Self.privateMode)
        if fd < 0 && errno == EEXIST {
            // Left by a run that was killed mid-write and had our pid (likely after a reboot, pids start over).
            // No live writer uses our pid, so it is stale.
            unlink(temporary)
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, Self.privateMode)
        }
        guard fd >= 0 else { throw Self.error("create", temporary) }
        do throws(StorageError) {
            try pieces { piece throws(StorageError) in try Self.writeAll(fd, piece, path: temporary) }
            guard fsync(fd) == 0 else { throw Self.error("fsync", temporary) }
        } catch {
            _ = Glibc.close(fd)
            unlink(temporary)
            throw error
        }
        guard Glibc.close(fd) == 0 else {
            let failure = Self.error("close", temporary)
            unlink(temporary)
            throw failure
        }
        guard rename(temporary, path) == 0 else {
            let failure = Self.error("rename", path)
            unlink(temporary)
            throw failure
        }
        do throws(StorageError) {
            try Self.syncFolder(of: path)
        } catch {
            // The new file is already in place; only its durability is in doubt. Say so, not "old file intact".
            throw StorageError(operation: StorageError.folderSyncAfterReplace, path: error.path, reason: error.reason,
                               errno: error.errno)
        }
    }

    public func moveAside(_ source: String, to destination: String) throws(StorageError) {
        // link + unlink refuses to replace an existing destination, unlike rename.
        guard link(source, destination) == 0 else { throw Self.error("rename", destination) }
        guard unlink(source) == 0 else { throw Self.error("remove", source) }
        try Self.syncFolder(of: destination)
    }

    public func truncate(_ path: String, to length: Int) throws(StorageError) {
        let fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw Self.error("open", path) }
        defer { _ = Glibc.close(fd) }
        guard ftruncate(fd, off_t(length)) == 0 else { throw Self.error("truncate", path) }
        guard fsync(fd) == 0 else { throw Self.error("fsync", path) }
    }

    public func copy(_ source: String, to destination: String) throws(StorageError) {
        guard let bytes = try contents(of: source, rule: .journal) else {
            throw StorageError(operation: "copy", path: source, reason: "No such file", errno: ENOENT)
        }
        let fd = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, Self.privateMode)
        guard fd >= 0 else { throw Self.error("create", destination) }
        defer { _ = Glibc.close(fd) }
        try Self.writeAll(fd, bytes, path: destination)
        guard fsync(fd) == 0 else { throw Self.error("fsync", destination) }
        try Self.syncFolder(of: destination)
    }

    public func lockExclusively(_ path: String) throws(StorageError) -> Bool {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw Self.error("open", path) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let failure = Self.error("lock", path)
            _ = close(fd)
            if failure.errno == EWOULDBLOCK { return false }
            throw failure
        }
        // Deliberately left open: the lock lasts as long as the process, and the kernel drops it even on kill -9.
        return true
    }

    public func remove(_ path: String) throws(StorageError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw Self.error("remove", path) }
    }

    public func fileNames(in folder: String) throws(StorageError) -> [String] {
        guard let directory = opendir(folder) else { throw Self.error("list", folder) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let isFile = entry.pointee.d_type == UInt8(DT_REG) || entry.pointee.d_type == UInt8(DT_UNKNOWN)
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if isFile && name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(StorageError) {
        do {
            try WholeWrite.write(bytes, to: fd)
        } catch {
            throw StorageError(operation: "write", path: path, reason: String(cString: strerror(error.errno)), errno: error.errno)
        }
    }

    static func syncFolder(of path: String) throws(StorageError) {
        let folder: String
        if let slash = path.lastIndex(of: "/") {
            folder = slash == path.startIndex ? "/" : String(path[..<slash])
        } else {
            folder = "."
        }
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw error("open", folder) }
        defer { _ = Glibc.close(fd) }
        guard fsync(fd) == 0 else { throw error("fsync", folder) }
    }

    static func error(_ operation: String, _ path: String) -> StorageError {
        let code = errno
        return StorageError(operation: operation, path: path, reason: String(cString: strerror(code)), errno: code)
    }
}

/// A journal file held open for the whole run, so each record costs one write and one fsync.
final class PosixAppendLog: AppendLog {
    private var fd: Int32
    private let path: String
    /// fdatasync(2); tests pass one that fails, as a disk does with EIO.
    private let dataSync: (Int32) -> Int32
    /// The file was created by this log and its folder not synced since.
    private var folderPending: Bool
    /// `appendLater` wrote bytes not yet synced.
    private var dataPending = false

    init(fd: Int32, path: String, folderPending: Bool = false, dataSync: @escaping (Int32) -> Int32 = { fdatasync($0) }) {
        self.fd = fd
        self.path = path
        self.folderPending = folderPending
        self.dataSync = dataSync
    }

    func appendLater(_ bytes: [UInt8]) throws(StorageError) {
        guard fd >= 0 else { throw StorageError(operation: "write", path: path, reason: "journal is closed") }
        try PosixFileSystem.writeAll(fd, bytes, path: path)
        dataPending = true
    }

    func settle() throws(StorageError) {
        guard fd >= 0 else { return }
        try syncFolderIfPending()
        if dataPending {
            guard dataSync(fd) == 0 else { throw PosixFileSystem.error("fsync", path) }
            dataPending = false
        }
    }

    /// The name first: a record synced into a file whose name a power cut could lose would be lost with it.
    private func syncFolderIfPending() throws(StorageError) {
        guard folderPending else { return }
        try PosixFileSystem.syncFolder(of: path)
        folderPending = false
    }

    func appendDurably(_ bytes: [UInt8]) throws(StorageError) {
        try append(bytes) { fd, _ throws(StorageError) in
            guard dataSync(fd) == 0 else { throw PosixFileSystem.error("fsync", path) }
        }
    }

    /// The disk starts on the bytes (`sync_file_range` asks for their writeback and returns) while `meanwhile`
    /// runs; fdatasync then waits for what is left: the data's write if it is still going, the file's size, the
    /// disk's cache. On a thread of its own the sync overlapped no better: waking a sleeping thread on the other
    /// core cost this machine as much as it saved (decision 105).
    func appendDurably(_ bytes: [UInt8], meanwhile: () -> Void) throws(StorageError) {
        try append(bytes) { fd, offset throws(StorageError) in
            // Only a hint: if the kernel refuses it, fdatasync does all the work, as it does without one.
            _ = plenary_start_writeback(fd, offset, off_t(bytes.count))
            meanwhile()
            guard dataSync(fd) == 0 else { throw PosixFileSystem.error("fsync", path) }
        }
    }

    /// Writes `bytes` at the end and has `sync` make them durable (given the file and where they begin); if either
    /// fails, takes them back out.
    private func append(_ bytes: [UInt8], sync: (Int32, off_t) throws(StorageError) -> Void) throws(StorageError) {
        guard fd >= 0 else { throw StorageError(operation: "write", path: path, reason: "journal is closed") }
        try syncFolderIfPending()
        let lengthBefore = lseek(fd, 0, SEEK_END)
        guard lengthBefore >= 0 else { throw PosixFileSystem.error("seek", path) }
        do throws(StorageError) {
            try PosixFileSystem.writeAll(fd, bytes, path: path)
            try sync(fd, lengthBefore)
            dataPending = false
        } catch {
            // The screen will say "NOT RECORDED", so the record must not come back on the next start: after a
            // failed fdatasync the bytes are still in the file (the page cache), and after a short write part of
            // them is. Cut them off; if even that fails, the reader drops a torn last record anyway.
            _ = ftruncate(fd, lengthBefore)
            _ = fdatasync(fd)
            throw error
        }
    }

    func close() {
        if fd >= 0 {
            _ = Glibc.close(fd)
            fd = -1
        }
    }

    deinit { close() }
}
