import Foundation
import Glibc
import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

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
        _ = FileManager.default.createFile(atPath: stale, contents: Data("{\"half".utf8))
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

    /// `meanwhile` runs once the record is written and before the sync that makes it durable (decision 105), so the
    /// caller's work overlaps the disk's; a sync that fails after it still takes the record back out.
    @Test func meanwhileRunsBetweenTheWriteAndTheSync() throws {
        defer { remove() }
        let path = folder + "/w.journal.jsonl"
        let fileSystem = PosixFileSystem()
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        var steps: [String] = []
        var failSync = false
        let journal = PosixAppendLog(fd: fd, path: path) { fd in
            steps.append("sync")
            guard !failSync else {
                errno = EIO
                return -1
            }
            return fdatasync(fd)
        }
        try journal.appendDurably(Array("one\n".utf8)) {
            steps.append((try? fileSystem.contents(of: path)) == Array("one\n".utf8) ? "meanwhile, written" : "meanwhile, not written")
        }
        #expect(steps == ["meanwhile, written", "sync"])

        steps = []
        failSync = true
        #expect {
            try journal.appendDurably(Array("two\n".utf8)) { steps.append("meanwhile") }
        } throws: { error in
            (error as? StorageError)?.errno == EIO
        }
        #expect(steps == ["meanwhile", "sync"])
        #expect(try fileSystem.contents(of: path) == Array("one\n".utf8))
        journal.close()
    }

    /// A new journal's header is written without waiting for the disk (decision 104); `settle` and the next durable
    /// record sync it, each sync once.
    @Test func aHeaderWrittenLaterIsSyncedBySettleOrTheNextRecord() throws {
        defer { remove() }
        let path = folder + "/w.journal.jsonl"
        let fileSystem = PosixFileSystem()
        for settleFirst in [true, false] {
            unlink(path)
            let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            var syncs = 0
            let journal = PosixAppendLog(fd: fd, path: path, folderPending: true) { fd in
                syncs += 1
                return fdatasync(fd)
            }
            try journal.appendLater(Array("header\n".utf8))
            #expect(syncs == 0, "the header waits for no sync")
            #expect(try fileSystem.contents(of: path) == Array("header\n".utf8))
            if settleFirst {
                try journal.settle()
                #expect(syncs == 1)
                try journal.settle()
                #expect(syncs == 1, "nothing left to sync")
            }
            try journal.appendDurably(Array("one\n".utf8))
            #expect(syncs == (settleFirst ? 2 : 1), "the record's sync also covers the header")
            try journal.settle()
            #expect(syncs == (settleFirst ? 2 : 1))
            #expect(try fileSystem.contents(of: path) == Array("header\none\n".utf8))
            journal.close()
        }
    }

    @Test func aNewJournalsFolderIsSyncedBeforeItsFirstRecord() throws {
        defer { remove() }
        // A folder that cannot be opened any more (removed after the file was made): the first durable record
        // must fail rather than be acknowledged in a file whose name may not survive a power cut.
        let inner = folder + "/gone"
        mkdir(inner, 0o700)
        let path = inner + "/w.journal.jsonl"
        let journal = try PosixFileSystem().openAppendLog(path)
        try journal.appendLater(Array("header\n".utf8))
        unlink(path)
        rmdir(inner)
        #expect(throws: StorageError.self) { try journal.appendDurably(Array("one\n".utf8)) }
        #expect(throws: StorageError.self) { try journal.settle() }
        journal.close()
    }

    func mode(_ path: String) throws -> mode_t {
        var status = stat()
        guard lstat(path, &status) == 0 else { throw StorageError(operation: "stat", path: path, reason: "missing") }
        return status.st_mode & 0o777
    }

    /// The journal holds every ballot in order: no one but the moderator's account may read it, nor the results,
    /// the code sheet's hashes or the exports (all written by `replaceAtomically`).
    @Test func filesAreCreatedReadableByTheOwnerOnly() throws {
        defer { remove() }
        let fileSystem = PosixFileSystem()
        let journal = try fileSystem.openAppendLog(folder + "/w.journal.jsonl")
        try journal.appendDurably(Array("one\n".utf8))
        journal.close()
        try fileSystem.replaceAtomically(folder + "/w.results.json", with: Array("{}".utf8))
        try fileSystem.copy(folder + "/w.journal.jsonl", to: folder + "/w.journal.jsonl.broken-1")
        for name in ["w.journal.jsonl", "w.results.json", "w.journal.jsonl.broken-1"] {
            #expect(try mode(folder + "/" + name) == 0o600, "\(name)")
        }
        // A journal made readable to others by an older version is made private again when opened for writing.
        #expect(chmod(folder + "/w.journal.jsonl", 0o644) == 0)
        try fileSystem.openAppendLog(folder + "/w.journal.jsonl").close()
        #expect(try mode(folder + "/w.journal.jsonl") == 0o600)
    }

    /// A planted link where the journal goes made Plenary create, and append every ballot to, the link's target.
    @Test func theJournalIsNeverOpenedThroughALink() throws {
        defer { remove() }
        let target = folder + "/elsewhere"
        let link = folder + "/w.journal.jsonl"
        #expect(symlink(target, link) == 0)
        let fileSystem = PosixFileSystem()
        #expect(throws: StorageError.self) { try fileSystem.openAppendLog(link) }
        #expect(access(target, F_OK) != 0, "the link's target was created")

        let files = WorkshopFiles(sessionPath: folder + "/w.yaml")
        let session = Fixtures.sevilla()
        let result = WorkshopStore.open(session: session, plan: try PlannedAgenda.plan(session).get(), files: files, fileSystem: fileSystem,
                                        now: Fixtures.at(12, 0), stamp: "S", fresh: false, newRecordID: "r")
        guard case .failure(let error) = result else { Issue.record("opened the journal through a link"); return }
        #expect(error.description.contains("\(link) is a symbolic link"), "\(error)")
        #expect(access(target, F_OK) != 0)

        // A link to an existing file is refused too, and the file is left as it was.
        _ = FileManager.default.createFile(atPath: target, contents: Data("theirs".utf8))
        guard case .failure = WorkshopStore.open(session: session, plan: try PlannedAgenda.plan(session).get(), files: files,
                                                 fileSystem: fileSystem, now: Fixtures.at(12, 0), stamp: "S", fresh: false, newRecordID: "r") else {
            Issue.record("opened the journal through a link"); return
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "theirs")
    }

    /// Plenary's own files are read only as files; a file a person names may be their link.
    @Test func ownFilesAreNotReadThroughALinkGivenFilesMayBe() throws {
        defer { remove() }
        let target = folder + "/real.json"
        _ = FileManager.default.createFile(atPath: target, contents: Data("{}".utf8))
        #expect(symlink(target, folder + "/link.json") == 0)
        let fileSystem = PosixFileSystem()
        #expect(throws: StorageError(operation: "read", path: folder + "/link.json",
                                     reason: "is a symbolic link (Plenary reads its own files only as files, never through a link)", errno: ELOOP)) {
            try fileSystem.contents(of: folder + "/link.json", rule: .ownFile)
        }
        #expect(try fileSystem.contents(of: folder + "/link.json", rule: .results) == Array("{}".utf8))
        #expect(try fileSystem.contents(of: folder + "/missing.json", rule: .results) == nil)
    }

    /// Pieces are at most 64 KiB and never more than what is left of the file plus one byte (decision 111).
    @Test func aFileIsReadInPiecesNoLargerThanWhatIsLeftOfIt() throws {
        defer { remove() }
        let path = folder + "/large.jsonl"
        let bytes = (0..<150_001).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let fileSystem = PosixFileSystem()
        let chunks = try #require(try fileSystem.chunks(of: path, rule: .journal))
        var pieces: [[UInt8]] = []
        while let piece = try chunks.next() { pieces.append(piece) }
        #expect(pieces.map(\.count) == [65_536, 65_536, 18_929])
        #expect(Array(pieces.joined()) == bytes)
        #expect(try fileSystem.contents(of: path, rule: .journal) == bytes)

        let small = folder + "/small.yaml"
        _ = FileManager.default.createFile(atPath: small, contents: Data("title: x\n".utf8))
        #expect(try fileSystem.contents(of: small, rule: .session) == Array("title: x\n".utf8))
        // A small file's piece is sized to it, not a 64 KiB buffer cut short.
        let smallPiece = try #require(try fileSystem.chunks(of: small, rule: .session)?.next())
        #expect(smallPiece.capacity < 1_024)
        let empty = folder + "/empty.yaml"
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(try fileSystem.contents(of: empty, rule: .session) == [])
    }

    /// The size at opening only sizes the pieces: bytes appended meanwhile are read too, up to the rule's limit.
    @Test func aFileThatGrowsWhileReadIsReadWhole() throws {
        defer { remove() }
        let path = folder + "/w.journal.jsonl"
        _ = FileManager.default.createFile(atPath: path, contents: Data("0123456789".utf8))
        let fileSystem = PosixFileSystem()
        let chunks = try #require(try fileSystem.chunks(of: path, rule: .journal))
        let appended = [UInt8](repeating: UInt8(ascii: "x"), count: 10_000)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(appended))
        handle.closeFile()
        var read: [UInt8] = []
        while let piece = try chunks.next() { read += piece }
        #expect(read == Array("0123456789".utf8) + appended)
    }
}
