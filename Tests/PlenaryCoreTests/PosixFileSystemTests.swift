import Foundation
import Glibc
import Testing
@testable import PlenaryCore

/// The real disk, in a temporary folder: what a crash leaves behind must not stop the next run.
@Suite struct PosixFileSystemTests {
    let folder: String

    init() throws {
        var template = Array("/tmp/plenary-posix-XXXXXX".utf8CString)
        folder = String(cString: try #require(mkdtemp(&template)))
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    @Test func aStaleTempFileWithOurPidDoesNotBlockTheSnapshot() throws {
        defer { remove() }
        let path = folder + "/w.results.json"
        // A run killed mid-write with the same pid (after a reboot pids start over) left its temp file.
        let stale = path + ".tmp-\(getpid())"
        FileManager.default.createFile(atPath: stale, contents: Data("{\"half".utf8))
        let fileSystem = PosixFileSystem()
        try fileSystem.replaceAtomically(path, with: Array("{}\n".utf8))
        #expect(try fileSystem.contents(of: path) == Array("{}\n".utf8))
        #expect(!fileSystem.exists(stale))
    }

    @Test func aFailedSyncTakesTheRecordBackOut() throws {
        defer { remove() }
        let path = folder + "/w.journal.jsonl"
        let fileSystem = PosixFileSystem()
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        var failSync = false
        let journal = PosixAppendLog(fd: fd, path: path) { fd in
            guard failSync else { return fdatasync(fd) }
            errno = EIO
            return -1
        }
        try journal.appendDurably(Array("one\n".utf8))
        failSync = true
        // The write reaches the file (the page cache) and then the sync fails: the screen says NOT RECORDED,
        // so the next start must not find the record.
        #expect(throws: StorageError.self) { try journal.appendDurably(Array("two\n".utf8)) }
        #expect(try fileSystem.contents(of: path) == Array("one\n".utf8))
        journal.close()
    }
}
