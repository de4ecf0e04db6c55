/// The file operations storage needs, so tests can run on memory and inject faults.
public protocol FileSystem: AnyObject, Sendable {
    /// The file's bytes, or nil when it does not exist. Refuses (with the reason) anything but a regular file, a
    /// file over `rule.limit`, and a link when `rule` does not follow links; never waits on a FIFO or device.
    func contents(of path: String, rule: ReadRule) throws(StorageError) -> [UInt8]?
    /// The same bytes a piece at a time, with the same refusals, so a journal is read without holding all of it
    /// (decision 61); nil when the file does not exist.
    func chunks(of path: String, rule: ReadRule) throws(StorageError) -> (any FileChunks)?
    func exists(_ path: String) -> Bool
    /// True when `path` is a folder (following a link to one).
    func isFolder(_ path: String) -> Bool
    /// Opens (creating if needed) a file for appending durable records.
    func openAppendLog(_ path: String) throws(StorageError) -> any AppendLog
    /// Replaces `path` so that a reader sees the old or the new bytes, never a mix, even after a crash. The new
    /// bytes are what `pieces` hands to its `write`, in order, so a large file never has to be whole in memory.
    func replaceAtomically(_ path: String, writing pieces: (_ write: ([UInt8]) throws(StorageError) -> Void) throws(StorageError) -> Void)
        throws(StorageError)
    /// Renames without replacing: fails if `destination` exists.
    func moveAside(_ source: String, to destination: String) throws(StorageError)
    /// Shortens a file to `length` bytes and makes that durable.
    func truncate(_ path: String, to length: Int) throws(StorageError)
    /// Copies a file durably (used to keep damaged journals before repairing them).
    func copy(_ source: String, to destination: String) throws(StorageError)
    /// Takes an exclusive lock on an existing file, held until the process ends; false when another process
    /// holds it. Two programs appending to one journal would interleave their records.
    func lockExclusively(_ path: String) throws(StorageError) -> Bool
    /// Names of the regular files in a folder, sorted.
    func fileNames(in folder: String) throws(StorageError) -> [String]
    /// Deletes a file (only ever our own leftovers: unfinished temporary copies).
    func remove(_ path: String) throws(StorageError)
}

extension FileSystem {
    /// Replaces `path` with `bytes`, atomically (see `replaceAtomically(_:writing:)`).
    public func replaceAtomically(_ path: String, with bytes: [UInt8]) throws(StorageError) {
        try replaceAtomically(path) { write throws(StorageError) in try write(bytes) }
    }

    /// One of Plenary's own files (never through a link).
    public func contents(of path: String) throws(StorageError) -> [UInt8]? {
        try contents(of: path, rule: .ownFile)
    }
}

extension FileSystem {
    /// The whole file as one piece: what a file system without a reader of its own (one in memory) answers.
    public func chunks(of path: String, rule: ReadRule) throws(StorageError) -> (any FileChunks)? {
        try contents(of: path, rule: rule).map(WholeFileChunks.init)
    }
}

/// A file being read a piece at a time.
public protocol FileChunks: AnyObject {
    /// The next bytes, or nil at the end. Refuses a file that grows past its read rule's limit while being read.
    func next() throws(StorageError) -> [UInt8]?
}

/// Bytes already in memory, handed over once.
private final class WholeFileChunks: FileChunks {
    private var bytes: [UInt8]?

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func next() throws(StorageError) -> [UInt8]? {
        defer { bytes = nil }
        return bytes
    }
}

/// An open journal file.
public protocol AppendLog: AnyObject {
    /// Writes all bytes at the end and flushes them to the disk before returning, with anything written by
    /// `appendLater` and, for a file this log created, its name in the folder.
    func appendDurably(_ bytes: [UInt8]) throws(StorageError)
    /// `appendDurably`, calling `meanwhile` once between the write and the wait for the disk (decision 105).
    /// Whatever `meanwhile` prepares is shown only if this returns without throwing; a write that fails before the
    /// sync may throw without calling it.
    func appendDurably(_ bytes: [UInt8], meanwhile: () -> Void) throws(StorageError)
    /// Writes all bytes at the end without waiting for the disk: a new journal's header, which acknowledges
    /// nothing (decision 104). `settle` or the next `appendDurably` makes it durable.
    func appendLater(_ bytes: [UInt8]) throws(StorageError)
    /// Flushes what `appendLater` wrote, and a new file's name in its folder; nothing when nothing waits.
    func settle() throws(StorageError)
    func close()
}

public struct StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    public var operation: String
    public var path: String
    /// The system's words (strerror), e.g. "No space left on device".
    public var reason: String
    public var errno: Int32
    /// The file's size, when it was refused for being too large.
    public var fileSize: Int?

    public init(operation: String, path: String, reason: String, errno: Int32 = 0, fileSize: Int? = nil) {
        self.operation = operation
        self.path = path
        self.reason = reason
        self.errno = errno
        self.fileSize = fileSize
    }

    public var description: String { "\(operation) \(path): \(reason)" }

    /// The operation of an error from `replaceAtomically` after its rename: the new file is in place, but the
    /// folder could not be synced, so a power cut could still bring the old one back.
    public static let folderSyncAfterReplace = "fsync folder"
}
