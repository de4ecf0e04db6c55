/// Files in memory, for tests: records what is durable and can fail any operation on request.
public final class MemoryFileSystem: FileSystem, @unchecked Sendable {
    public var files: [String: [UInt8]] = [:]
    /// Paths that are folders (set by tests).
    public var folders: Set<String> = []
    /// When set, the next operation whose name matches fails with this reason ("write", "fsync", "rename"...).
    public var failNext: [String: String] = [:]

    /// Every journal append that reached the file, as written (one element per durable write), by path.
    public internal(set) var appends: [String: [[UInt8]]] = [:]
    /// Atomic replacements that reached the file, by path: how many results snapshots were written.
    public internal(set) var replacements: [String: Int] = [:]
    /// A journal append to fail later: after `remaining` more appends succeed, the next one fails with `reason`,
    /// in its write or in its sync (`operation`).
    private var appendFailure: (remaining: Int, reason: String, operation: String)?

    /// Makes the journal append after the next `successes` ones fail, as a disk does with EIO: its write, or with
    /// `operation` "fsync", its sync, after the bytes were written (and after whatever was done meanwhile).
    public func failAppend(after successes: Int, reason: String, operation: String = "write") {
        appendFailure = (successes, reason, operation)
    }

    /// Called by an append at each of its steps (`operation`): throws when it is the one `failAppend` chose.
    func checkAppend(_ path: String, _ operation: String) throws(StorageError) {
        guard let failure = appendFailure, failure.operation == operation else { return }
        guard failure.remaining == 0 else {
            appendFailure = (failure.remaining - 1, failure.reason, operation)
            return
        }
        appendFailure = nil
        throw StorageError(operation: operation, path: path, reason: failure.reason)
    }

    public init(files: [String: [UInt8]] = [:]) {
        self.files = files
    }

    public func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }

    public func write(_ path: String, _ text: String) {
        files[path] = Array(text.utf8)
    }

    func check(_ operation: String, _ path: String) throws(StorageError) {
        if let reason = failNext.removeValue(forKey: operation) {
            throw StorageError(operation: operation, path: path, reason: reason)
        }
    }

    public func contents(of path: String, rule: ReadRule) throws(StorageError) -> [UInt8]? {
        try check("read", path)
        if folders.contains(path) { throw StorageError(operation: "read", path: path, reason: "is a folder, not a file", errno: 21) }
        guard let bytes = files[path] else { return nil }
        guard bytes.count <= rule.limit else {
            throw StorageError(operation: "read", path: path, reason: "too large (\(ReadRule.megabytes(bytes.count)); at most \(ReadRule.megabytes(rule.limit)))", errno: 27)
        }
        return bytes
    }

    public func exists(_ path: String) -> Bool { files[path] != nil || folders.contains(path) }

    public func isFolder(_ path: String) -> Bool { folders.contains(path) }

    public func openAppendLog(_ path: String) throws(StorageError) -> any AppendLog {
        try check("open", path)
        if files[path] == nil { files[path] = [] }
        return MemoryAppendLog(fileSystem: self, path: path)
    }

    public func replaceAtomically(_ path: String, writing pieces: (_ write: ([UInt8]) throws(StorageError) -> Void) throws(StorageError) -> Void)
        throws(StorageError) {
        try check("write", path)
        var bytes: [UInt8] = []
        try pieces { piece in bytes += piece }
        try check("fsync", path)
        try check("rename", path)
        files[path] = bytes
        replacements[path, default: 0] += 1
        try check(StorageError.folderSyncAfterReplace, path)
    }

    public func moveAside(_ source: String, to destination: String) throws(StorageError) {
        try check("rename", destination)
        guard files[destination] == nil else { throw StorageError(operation: "rename", path: destination, reason: "File exists") }
        files[destination] = files.removeValue(forKey: source)
        // The lock belongs to the file, which now has the other name.
        if lockedHere.remove(source) != nil { lockedHere.insert(destination) }
    }

    public func truncate(_ path: String, to length: Int) throws(StorageError) {
        try check("truncate", path)
        if let bytes = files[path] { files[path] = Array(bytes.prefix(length)) }
    }

    public func copy(_ source: String, to destination: String) throws(StorageError) {
        try check("copy", destination)
        files[destination] = files[source]
    }

    /// Paths locked by "another process" (set by tests), and by this one.
    public var lockedElsewhere: Set<String> = []
    public private(set) var lockedHere: Set<String> = []

    /// Like flock(2): each call opens the file anew, and a lock held through one descriptor refuses another, even
    /// in the same process.
    /// `startProcess()` stands for a new run after the last one ended (the kernel drops its locks).
    public func lockExclusively(_ path: String) throws(StorageError) -> Bool {
        try check("lock", path)
        guard !lockedElsewhere.contains(path), !lockedHere.contains(path) else { return false }
        lockedHere.insert(path)
        return true
    }

    /// A new run of the program: the previous one's locks went with it, even after a kill.
    public func startProcess() {
        lockedHere.removeAll()
    }

    public func remove(_ path: String) throws(StorageError) {
        try check("remove", path)
        files.removeValue(forKey: path)
    }

    public func fileNames(in folder: String) throws(StorageError) -> [String] {
        try check("list", folder)
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return files.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
            .map { String($0.dropFirst(prefix.count)) }.sorted()
    }
}

final class MemoryAppendLog: AppendLog {
    let fileSystem: MemoryFileSystem
    let path: String

    init(fileSystem: MemoryFileSystem, path: String) {
        self.fileSystem = fileSystem
        self.path = path
    }

    /// `appendLater` wrote bytes that no sync has covered yet.
    private(set) var pending = false

    func appendDurably(_ bytes: [UInt8]) throws(StorageError) {
        try appendDurably(bytes) {}
    }

    /// As the disk's log does it: written, then `meanwhile` while the sync runs, then the sync's outcome; so a
    /// failing sync comes after whatever `meanwhile` prepared, which must then not be shown.
    func appendDurably(_ bytes: [UInt8], meanwhile: () -> Void) throws(StorageError) {
        try fileSystem.checkAppend(path, "write")
        try fileSystem.check("write", path)
        meanwhile()
        try fileSystem.checkAppend(path, "fsync")
        try fileSystem.check("fsync", path)
        fileSystem.appendUnchecked(path, bytes)
        fileSystem.appends[path, default: []].append(bytes)
        pending = false
    }

    func appendLater(_ bytes: [UInt8]) throws(StorageError) {
        try fileSystem.checkAppend(path, "write")
        try fileSystem.check("write", path)
        fileSystem.appendUnchecked(path, bytes)
        fileSystem.appends[path, default: []].append(bytes)
        pending = true
    }

    func settle() throws(StorageError) {
        guard pending else { return }
        try fileSystem.check("fsync", path)
        pending = false
    }

    func close() {}
}

extension MemoryFileSystem {
    func appendUnchecked(_ path: String, _ bytes: [UInt8]) {
        files[path, default: []].append(contentsOf: bytes)
    }
}
