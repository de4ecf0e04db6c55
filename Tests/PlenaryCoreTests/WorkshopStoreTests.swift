import Testing
@testable import PlenaryCore

@Suite struct WorkshopStoreTests {
    let files = WorkshopFiles(sessionPath: "w/sevilla.yaml")

    func open(_ fs: MemoryFileSystem, at now: Instant, fresh: Bool = false) -> Result<WorkshopStore.Opened, WorkshopStore.OpenError> {
        let session = Fixtures.sevilla()
        guard case .success(let plan) = PlannedAgenda.plan(session) else { fatalError() }
        return WorkshopStore.open(session: session, plan: plan, files: files, fileSystem: fs, now: now, stamp: "STAMP", fresh: fresh, newRecordID: "record-1")
    }

    func runner(_ fs: MemoryFileSystem, _ clock: ManualClock) -> WorkshopRunner {
        guard case .success(let opened) = open(fs, at: clock.now()) else { fatalError("open failed") }
        return WorkshopRunner(state: opened.state, journal: opened.journal, fileSystem: fs, files: files, clock: clock, generator: "test")
    }

    @Test func filesSitNextToTheSession() {
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

    @Test func resumingReplaysToTheSameState() {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let first = runner(fs, clock)
        first.send(.command(.start))
        clock.advance(seconds: 1800)
        first.send(.command(.next))
        first.send(.command(.adjust(slot: 1, seconds: 60)))
        clock.advance(seconds: 60)
        first.send(.command(.pause))
        first.close()

        clock.advance(seconds: 5)
        guard case .success(let reopened) = open(fs, at: clock.now()) else { Issue.record("reopen failed"); return }
        var expected = first.state
        expected.now = clock.now()
        expected.notice = nil
        #expect(reopened.state == expected)
        #expect(reopened.messages == ["Resumed from the journal: 4 recorded actions."])
    }

    @Test func oneRecordedActionIsSaidInTheSingular() {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let first = runner(fs, clock)
        first.send(.command(.start))
        first.close()
        guard case .success(let reopened) = open(fs, at: clock.now()) else { Issue.record("reopen failed"); return }
        #expect(reopened.messages == ["Resumed from the journal: 1 recorded action."])
    }

    @Test func aTornTailIsCutOffAfterKeepingACopy() {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let first = runner(fs, clock)
        first.send(.command(.start))
        first.send(.command(.next))
        let intact = fs.files[files.journalPath]!
        fs.appendUnchecked(files.journalPath, Array(#"{"crc":"00"#.utf8))
        guard case .success(let reopened) = open(fs, at: clock.now()) else { Issue.record("reopen failed"); return }
        #expect(reopened.state.recordedCommands == 2)
        #expect(fs.files[files.journalPath] == intact)
        #expect(fs.files[files.journalPath + ".broken-STAMP"] == intact + Array(#"{"crc":"00"#.utf8))
        #expect(reopened.messages.first?.hasPrefix("Recovered 2 records; an incomplete last record (10 bytes") == true)
    }

    @Test func damageInTheMiddleRefusesToStartAndChangesNothing() {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let first = runner(fs, clock)
        first.send(.command(.start))
        first.send(.command(.next))
        var bytes = fs.files[files.journalPath]!
        let headerLength = bytes.firstIndex(of: UInt8(ascii: "\n"))! + 1
        bytes[headerLength + 30] ^= 0x20
        fs.files[files.journalPath] = bytes
        guard case .failure(let error) = open(fs, at: clock.now()) else { Issue.record("accepted damage"); return }
        #expect(error.description.contains("damaged record at byte \(headerLength) (line 2)"))
        #expect(fs.files[files.journalPath] == bytes)
    }

    @Test func freshKeepsTheOldFilesUnderADatedName() {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let first = runner(fs, clock)
        first.send(.command(.start))
        let oldJournal = fs.files[files.journalPath]
        guard case .success(let opened) = open(fs, at: clock.now(), fresh: true) else { Issue.record("fresh failed"); return }
        #expect(opened.state.recordedCommands == 0)
        #expect(fs.files["w/sevilla.STAMP.journal.jsonl"] == oldJournal)
        #expect(fs.files["w/sevilla.STAMP.results.json"] != nil)
    }

    @Test func aJournalForAnotherAgendaIsRefused() {
        let fs = MemoryFileSystem()
        let header = JournalHeader(title: "Other", slots: ["x"], createdAt: Instant(milliseconds: 0))
        fs.files[files.journalPath] = JournalCodec.encode(.header(header))
        guard case .failure(.differentSession) = open(fs, at: Fixtures.at(12, 0)) else { Issue.record("accepted"); return }
    }

    @Test func aFailedJournalWriteIsNotAcknowledged() {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let runner = runner(fs, clock)
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

    @Test func aFailedResultsWriteKeepsThePreviousFileAndRecovers() {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let runner = runner(fs, clock)
        runner.saveResults()
        let before = fs.files[files.resultsPath]
        fs.failNext["rename"] = "No space left on device"
        runner.send(.command(.start))
        #expect(runner.state.hasStarted)
        #expect(fs.files[files.resultsPath] == before)
        #expect(runner.state.storageFailure?.kind == .results)
        runner.send(.command(.pause))
        #expect(runner.state.storageFailure == nil)
        #expect(fs.text(files.resultsPath)?.contains(#""status" : "running""#) == true)
    }

    @Test func aFolderSyncFailureAfterTheRenameDoesNotClaimTheOldFileIsIntact() {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let runner = runner(fs, clock)
        runner.saveResults()
        fs.failNext[StorageError.folderSyncAfterReplace] = "Input/output error"
        runner.send(.command(.start))
        #expect(runner.state.hasStarted)
        #expect(fs.text(files.resultsPath)?.contains(#""status" : "running""#) == true, "the new file is in place")
        let message = runner.state.storageFailure?.message ?? ""
        #expect(message.hasPrefix("Results written but not synced: Input/output error"))
        #expect(!message.contains("Old file intact"))
    }
}
