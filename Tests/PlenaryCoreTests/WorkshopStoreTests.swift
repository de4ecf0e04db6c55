import Foundation
import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

@Suite struct WorkshopStoreTests {
    let files = WorkshopFiles(sessionPath: "w/sevilla.yaml")

    func open(_ fs: MemoryFileSystem, at now: Instant, fresh: Bool = false) throws -> Result<WorkshopStore.Opened, WorkshopStore.OpenError> {
        let session = Fixtures.sevilla()
        let plan = try PlannedAgenda.plan(session).get()
        // Each open is a new run of the program: a reopen stands for a restart after a quit or a kill.
        fs.startProcess()
        return WorkshopStore.open(session: session, plan: plan, files: files, fileSystem: fs, now: now, stamp: "STAMP", fresh: fresh, newRecordID: "record-1")
    }

    func runner(_ fs: MemoryFileSystem, _ clock: ManualClock) throws -> WorkshopRunner {
        guard case .success(let opened) = try open(fs, at: clock.now()) else { throw FixtureError("the Sevilla fixture does not open") }
        return WorkshopRunner(state: opened.state, journal: opened.journal, fileSystem: fs, files: files, clock: clock, generator: "test")
    }

    @Test func filesSitNextToTheSession() throws {
        #expect(files.resultsPath == "w/sevilla.results.json")
        #expect(files.journalPath == "w/sevilla.journal.jsonl")
        let custom = WorkshopFiles(sessionPath: "a.yaml", resultsPath: "out/day1.json")
        #expect(custom.journalPath == "out/day1.journal.jsonl")
        #expect(WorkshopFiles.archivedName("w/s.results.json", stamp: "X") == "w/s.X.results.json")
        let group = WorkshopFiles(sessionPath: "w/s.yaml", group: "wg2")
        #expect(group.resultsPath == "w/s.wg2.results.json")
        #expect(group.journalPath == "w/s.wg2.journal.jsonl")
        #expect(WorkshopFiles.isArchive("s.20251121-101500-2.results.json", of: "s.results.json"))
        #expect(!WorkshopFiles.isArchive("s.wg2.results.json", of: "s.results.json"))
    }

    @Test func resumingReplaysToTheSameState() throws {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let first = try runner(fs, clock)
        first.send(.command(.start))
        clock.advance(seconds: 1800)
        first.send(.command(.next))
        first.send(.command(.adjust(slot: 1, seconds: 60)))
        clock.advance(seconds: 60)
        first.send(.command(.pause))
        first.close()

        clock.advance(seconds: 5)
        guard case .success(let reopened) = try open(fs, at: clock.now()) else { Issue.record("reopen failed"); return }
        var expected = first.state
        expected.now = clock.now()
        expected.notice = nil
        #expect(reopened.state == expected)
        #expect(reopened.messages == ["Resumed from the journal: 4 recorded actions."])
    }

    @Test func oneRecordedActionIsSaidInTheSingular() throws {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let first = try runner(fs, clock)
        first.send(.command(.start))
        first.close()
        guard case .success(let reopened) = try open(fs, at: clock.now()) else { Issue.record("reopen failed"); return }
        #expect(reopened.messages == ["Resumed from the journal: 1 recorded action."])
    }

    @Test func aTornTailIsCutOffAfterKeepingACopy() throws {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let first = try runner(fs, clock)
        first.send(.command(.start))
        first.send(.command(.next))
        let intact = fs.files[files.journalPath]!
        fs.appendUnchecked(files.journalPath, Array(#"{"crc":"00"#.utf8))
        guard case .success(let reopened) = try open(fs, at: clock.now()) else { Issue.record("reopen failed"); return }
        #expect(reopened.state.recordedCommands == 2)
        #expect(fs.files[files.journalPath] == intact)
        #expect(fs.files[files.journalPath + ".broken-STAMP"] == intact + Array(#"{"crc":"00"#.utf8))
        #expect(reopened.messages.first?.hasPrefix("Recovered 2 records; an incomplete last record (10 bytes") == true)
    }

    @Test func damageInTheMiddleRefusesToStartAndChangesNothing() throws {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let first = try runner(fs, clock)
        first.send(.command(.start))
        first.send(.command(.next))
        var bytes = fs.files[files.journalPath]!
        let headerLength = bytes.firstIndex(of: UInt8(ascii: "\n"))! + 1
        bytes[headerLength + 30] ^= 0x20
        fs.files[files.journalPath] = bytes
        guard case .failure(let error) = try open(fs, at: clock.now()) else { Issue.record("accepted damage"); return }
        #expect(error.description.contains("damaged record at byte \(headerLength) (line 2)"))
        #expect(fs.files[files.journalPath] == bytes)
    }

    @Test func freshKeepsTheOldFilesUnderADatedName() throws {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let first = try runner(fs, clock)
        first.send(.command(.start))
        // The first run quits (writing its results file), then the next one starts afresh.
        first.close()
        let oldJournal = fs.files[files.journalPath]
        guard case .success(let opened) = try open(fs, at: clock.now(), fresh: true) else { Issue.record("fresh failed"); return }
        #expect(opened.state.recordedCommands == 0)
        #expect(fs.files["w/sevilla.STAMP.journal.jsonl"] == oldJournal)
        #expect(fs.files["w/sevilla.STAMP.results.json"] != nil)
    }

    /// Issue 11, item 19: the report and CSV files exported from the old record go aside with it, under the same
    /// stamp, and one line that fits the status line at 80 columns says where.
    @Test func freshKeepsTheExportsWithTheRecordInOneLineThatFits80Columns() throws {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let first = try runner(fs, clock)
        first.send(.command(.start))
        first.send(.app(.export))
        first.close()
        let exported = fs.files.keys.filter { $0.hasSuffix(".csv") || $0.contains(".report.") }.sorted()
        #expect(exported == ["w/sevilla.report.html", "w/sevilla.report.md"])
        // CSV files of polls and templates the old record had, a group laptop's files, another session's: only the
        // first are this record's.
        for name in ["sevilla.polls.csv", "sevilla.poll-q1.csv", "sevilla.poll-q1-words.csv", "sevilla.template-swot.csv",
                     "sevilla.wg2.report.md", "sevilla.wg2.poll-q1.csv", "sevilla.wg2.results.json", "sevilla.notes.md",
                     "other.report.md", "sevilla.STAMP.report.md"] {
            fs.files["w/" + name] = Array(name.utf8)
        }
        guard case .success(let opened) = try open(fs, at: clock.now(), fresh: true) else { Issue.record("fresh failed"); return }
        let kept = fs.files.keys.filter { $0.contains(".STAMP-2.") }.sorted()
        #expect(kept == ["w/sevilla.STAMP-2.journal.jsonl", "w/sevilla.STAMP-2.poll-q1-words.csv", "w/sevilla.STAMP-2.poll-q1.csv",
                         "w/sevilla.STAMP-2.polls.csv", "w/sevilla.STAMP-2.report.html", "w/sevilla.STAMP-2.report.md",
                         "w/sevilla.STAMP-2.results.json", "w/sevilla.STAMP-2.template-swot.csv"])
        for name in ["sevilla.wg2.report.md", "sevilla.wg2.poll-q1.csv", "sevilla.wg2.results.json", "sevilla.notes.md",
                     "other.report.md", "sevilla.STAMP.report.md"] {
            #expect(fs.files["w/" + name] == Array(name.utf8), "\(name) was moved")
        }
        #expect(opened.messages == ["Kept 8 old files as sevilla.STAMP-2.*"])
        #expect(opened.messages.allSatisfy { $0.terminalWidth <= 79 })
    }

    @Test func aLongSessionNameIsShortenedToAPatternThatStillMatches() throws {
        let name = "s3p-industry-and-interreg-europe-policy-learning-platform-rovaniemi"
        let files = WorkshopFiles(sessionPath: "w/\(name).yaml", group: "wg2")
        let fs = MemoryFileSystem()
        fs.files[files.resultsPath] = Array("{}".utf8)
        fs.files["w/\(name).wg2.report.md"] = Array("old".utf8)
        let session = Fixtures.sevilla()
        guard case .success(let plan) = PlannedAgenda.plan(session),
              case .success(let opened) = WorkshopStore.open(session: session, plan: plan, files: files, fileSystem: fs,
                                                             now: Fixtures.at(12, 0), stamp: "20250311-120000", fresh: true,
                                                             newRecordID: "r") else { Issue.record("fresh failed"); return }
        let message = try #require(opened.messages.first)
        #expect(message.terminalWidth == 79)
        #expect(message == "Kept 2 old files as s3p-industry-and-interreg-europe-policy-*.20250311-120000.*")
        let kept = fs.files.keys.filter { $0.contains(".20250311-120000.") }.sorted()
        #expect(kept == ["w/\(name).wg2.20250311-120000.report.md", "w/\(name).wg2.20250311-120000.results.json"])
    }

    @Test func aJournalForAnotherAgendaIsRefused() throws {
        let fs = MemoryFileSystem()
        let header = JournalHeader(title: "Other", slots: ["x"], createdAt: Instant(milliseconds: 0))
        fs.files[files.journalPath] = JournalCodec.encode(.header(header))
        guard case .failure(.differentSession) = try open(fs, at: Fixtures.at(12, 0)) else { Issue.record("accepted"); return }
    }

    @Test func aFailedJournalWriteIsNotAcknowledged() throws {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let runner = try runner(fs, clock)
        let journalBefore = fs.files[files.journalPath]
        fs.failNext["fsync"] = "Input/output error"
        runner.send(.command(.start))
        #expect(!runner.state.hasStarted)
        #expect(runner.state.recordedCommands == 0)
        #expect(runner.state.isReadOnly)
        #expect(runner.state.storageFailure?.message.hasPrefix("NOT RECORDED: Input/output error") == true)
        #expect(fs.files[files.journalPath] == journalBefore)
        runner.send(.command(.start))
        #expect(!runner.state.hasStarted)
    }

    /// A new journal's header waits for no sync at the start (decision 104); the sync after the first frame that
    /// fails is a journal failure like any other: read-only, said on screen, nothing recorded after it.
    @Test func aNewJournalsHeaderIsSyncedAfterTheStartAndItsFailureIsReported() throws {
        let fs = MemoryFileSystem()
        fs.failNext["fsync"] = "Input/output error"
        let clock = ManualClock(Fixtures.at(12, 0))
        let runner = try runner(fs, clock)
        #expect(!runner.state.isReadOnly, "the open itself waits for no sync")
        #expect(fs.files[files.journalPath]?.isEmpty == false, "the header is written")
        runner.settleJournal()
        #expect(runner.state.isReadOnly)
        #expect(runner.state.storageFailure?.message.hasPrefix("NOT RECORDED: Input/output error syncing the new journal") == true)
        runner.send(.command(.start))
        #expect(!runner.state.hasStarted)

        let healthy = MemoryFileSystem()
        let second = try self.runner(healthy, clock)
        second.settleJournal()
        #expect(!second.state.isReadOnly)
        healthy.failNext["fsync"] = "Input/output error"
        second.settleJournal()
        #expect(!second.state.isReadOnly, "a settled journal has nothing left to sync")
    }

    /// A deferred write that fails (a full disk at the rename) is reported, leaves the previous file byte for byte,
    /// and is written again at the next due flush, a second after the failed one started.
    @Test func aFailedResultsWriteKeepsThePreviousFileAndIsRetriedAtTheNextFlush() throws {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let runner = try runner(fs, clock)
        runner.saveResults()
        let before = fs.files[files.resultsPath]
        clock.advance(seconds: 5)
        fs.failNext["rename"] = "No space left on device"
        runner.send(.command(.start))
        #expect(runner.state.hasStarted)
        #expect(runner.state.storageFailure == nil, "nothing written yet: the journal acknowledged the action")
        clock.current = clock.current.adding(milliseconds: ResultsSchedule.idleMilliseconds)
        runner.flushResultsIfDue()
        #expect(fs.files[files.resultsPath] == before)
        #expect(runner.state.storageFailure?.kind == .results)
        #expect(runner.state.storageFailure?.message == "Results not saved: No space left on device. Old file intact; journal has everything.")
        #expect(runner.resultsSchedule.hasUnsavedChanges, "kept for the next flush")
        clock.current = clock.current.adding(milliseconds: ResultsSchedule.intervalMilliseconds - 1)
        runner.flushResultsIfDue()
        #expect(fs.files[files.resultsPath] == before, "not retried sooner than a second after the failed write")
        clock.current = clock.current.adding(milliseconds: 1)
        runner.flushResultsIfDue()
        #expect(runner.state.storageFailure == nil)
        #expect(runner.state.notice?.text == "Results file saved again.")
        #expect(fs.text(files.resultsPath)?.contains(#""status":"running""#) == true)
        #expect(!runner.resultsSchedule.hasUnsavedChanges)
    }

    @Test func aFolderSyncFailureAfterTheRenameDoesNotClaimTheOldFileIsIntact() throws {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let runner = try runner(fs, clock)
        runner.saveResults()
        clock.advance(seconds: 5)
        fs.failNext[StorageError.folderSyncAfterReplace] = "Input/output error"
        runner.send(.command(.start))
        clock.current = clock.current.adding(milliseconds: ResultsSchedule.idleMilliseconds)
        runner.flushResultsIfDue()
        #expect(runner.state.hasStarted)
        #expect(fs.text(files.resultsPath)?.contains(#""status":"running""#) == true, "the new file is in place")
        let message = runner.state.storageFailure?.message ?? ""
        #expect(message.hasPrefix("Results written but not synced: Input/output error"))
        #expect(!message.contains("Old file intact"))
        #expect(runner.resultsSchedule.hasUnsavedChanges, "written again, so the folder is synced after all")
    }

    /// A kill in the first milliseconds of a new workshop leaves the journal created but empty.
    @Test func aZeroByteJournalIsANewWorkshop() throws {
        let fs = MemoryFileSystem()
        fs.files[files.journalPath] = []
        guard case .success(let opened) = try open(fs, at: Fixtures.at(12, 0)) else { Issue.record("an empty journal blocked the start"); return }
        #expect(opened.state.recordedCommands == 0)
        guard case .success(let contents) = JournalReader.read(fs.files[files.journalPath] ?? []) else { Issue.record("no header written"); return }
        #expect(contents.header.recordID == "record-1")
    }

    /// The same on the real disk, where flock(2) refuses a second descriptor of the same process.
    @Test func aZeroByteJournalOnDiskIsANewWorkshop() throws {
        var template = Array("/tmp/plenary-store-XXXXXX".utf8CString)
        let folder = String(cString: try #require(mkdtemp(&template)))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = WorkshopFiles(sessionPath: folder + "/sevilla.yaml")
        #expect(FileManager.default.createFile(atPath: files.journalPath, contents: Data()))
        let session = Fixtures.sevilla()
        let plan = try PlannedAgenda.plan(session).get()
        let result = WorkshopStore.open(session: session, plan: plan, files: files, fileSystem: PosixFileSystem(),
                                        now: Fixtures.at(12, 0), stamp: "STAMP", fresh: false, newRecordID: "record-1")
        guard case .success(let opened) = result else { Issue.record("refused: \(result)"); return }
        defer { opened.journal.close() }
        let bytes = try #require(try PosixFileSystem().contents(of: files.journalPath))
        #expect(JournalReader.read(bytes).map(\.header.recordID) == .success("record-1"))
    }

    /// `--results /media/usb` used to fail at the first save with "rename …: Operation not permitted".
    @Test func resultsNamingAFolderIsRefusedAsAFolderBeforeAnythingIsWritten() throws {
        var template = Array("/tmp/plenary-store-XXXXXX".utf8CString)
        let folder = String(cString: try #require(mkdtemp(&template)))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = WorkshopFiles(sessionPath: folder + "/sevilla.yaml", resultsPath: folder)
        let session = Fixtures.sevilla()
        let result = WorkshopStore.open(session: session, plan: try PlannedAgenda.plan(session).get(), files: files,
                                        fileSystem: PosixFileSystem(), now: Fixtures.at(12, 0), stamp: "STAMP", fresh: false, newRecordID: "r")
        guard case .failure(let error) = result else { Issue.record("opened a folder as the results file"); return }
        #expect(error.description == "\(folder) is a folder, not a results file: name a file in it with --results, for example --results \(folder)/sevilla.results.json")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "nothing written")
        #expect(!FileManager.default.fileExists(atPath: files.journalPath))
    }
}
