import Foundation
import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

/// The results snapshot leaves the key path (decision 60): the journal acknowledges each action, and the results file
/// follows at most once a second while actions keep coming, soon after the room goes quiet, and always on quit,
/// close and before a results file is read back.
@Suite struct ResultsScheduleTests {
    let files = WorkshopFiles(sessionPath: "/w/sevilla.yaml")

    func runner(_ fs: MemoryFileSystem, _ clock: ManualClock) throws -> WorkshopRunner {
        try #require(Fixtures.runner(Fixtures.sevilla(), fileSystem: fs, files: files, clock: clock))
    }

    func wait(_ clock: ManualClock, milliseconds: Int64) {
        clock.current = clock.current.adding(milliseconds: milliseconds)
    }

    func writes(_ fs: MemoryFileSystem) -> Int { fs.replacements[files.resultsPath] ?? 0 }

    func recordedActions(_ fs: MemoryFileSystem) throws -> Int {
        try ResultsSnapshot.decode(try #require(fs.files[files.resultsPath])).workshop.recordedActions
    }

    @Test func actionsWithinASecondMakeOneWrite() throws {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let runner = try runner(fs, clock)
        runner.send(.command(.start))
        // Nine more, 100 ms apart, each followed by the app loop's turn: the room is never quiet for 200 ms.
        for _ in 1...9 {
            wait(clock, milliseconds: 100)
            runner.flushResultsIfDue()
            #expect(writes(fs) == 0)
            runner.send(.command(.adjust(slot: 0, seconds: 60)))
            #expect(fs.appends[files.journalPath]?.count == runner.state.recordedCommands + 1, "each one journaled at once")
        }
        runner.flushResultsIfDue()
        #expect(writes(fs) == 0, "no write on the key path")
        wait(clock, milliseconds: 100)
        runner.flushResultsIfDue()
        #expect(writes(fs) == 1, "a second after the first change")
        #expect(try recordedActions(fs) == 10)
        wait(clock, milliseconds: 500)
        runner.flushResultsIfDue()
        #expect(writes(fs) == 1, "nothing new to write")
    }

    @Test func aQuietRoomIsWrittenSoonAndWritesStayASecondApart() throws {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let runner = try runner(fs, clock)
        runner.send(.command(.start))
        wait(clock, milliseconds: ResultsSchedule.idleMilliseconds - 1)
        runner.flushResultsIfDue()
        #expect(writes(fs) == 0)
        wait(clock, milliseconds: 1)
        #expect(runner.resultsWakeAt == clock.now())
        runner.flushResultsIfDue()
        #expect(writes(fs) == 1)
        #expect(try recordedActions(fs) == 1)
        #expect(runner.resultsWakeAt == nil, "nothing left to write: the loop sleeps to the next second")
        // The next change, quiet as well, waits until a second after the last write started.
        runner.send(.command(.pause))
        wait(clock, milliseconds: ResultsSchedule.idleMilliseconds)
        runner.flushResultsIfDue()
        #expect(writes(fs) == 1)
        #expect(runner.resultsWakeAt == Fixtures.at(12, 0).adding(milliseconds: ResultsSchedule.idleMilliseconds + ResultsSchedule.intervalMilliseconds))
        wait(clock, milliseconds: ResultsSchedule.intervalMilliseconds - ResultsSchedule.idleMilliseconds)
        runner.flushResultsIfDue()
        #expect(writes(fs) == 2)
        #expect(try recordedActions(fs) == 2)
    }

    @Test func quittingWritesAtOnce() throws {
        let fs = MemoryFileSystem()
        let runner = try runner(fs, ManualClock(Fixtures.at(12, 0)))
        runner.send(.command(.start))
        runner.send(.app(.requestQuit))
        runner.send(.app(.confirmQuit))
        #expect(runner.wantsToQuit)
        #expect(writes(fs) == 1)
        #expect(try recordedActions(fs) == 1)
        runner.close()
        #expect(writes(fs) == 1, "already up to date: closing writes nothing more")
    }

    /// A terminating signal leaves the app loop without `.quit`; the program then closes the runner, which writes.
    @Test func closingAfterASignalWritesWhatTheFileLacks() throws {
        let fs = MemoryFileSystem()
        let runner = try runner(fs, ManualClock(Fixtures.at(12, 0)))
        runner.send(.command(.start))
        runner.send(.command(.next))
        #expect(writes(fs) == 0)
        runner.close()
        #expect(writes(fs) == 1)
        #expect(try recordedActions(fs) == 2)
    }

    /// Merging a file typed into the picker reads it from disk: if it is this workshop's own results, it must be current.
    @Test func readingAResultsFileWritesOursFirst() throws {
        let fs = MemoryFileSystem()
        // A session with working groups: only then does `i` open the picker.
        let runner = try #require(Fixtures.runner(GroupMergeTests.session(), fileSystem: fs, files: files,
                                                  clock: ManualClock(Fixtures.at(12, 0))))
        runner.send(.command(.start))
        runner.send(.importing(.open))
        for character in files.resultsPath { runner.send(.importing(.editPath(.insert(String(character))))) }
        #expect(writes(fs) == 0)
        #expect(runner.state.screen != .agenda, "the picker is open")
        runner.send(.importing(.confirm))
        #expect(writes(fs) == 1)
        #expect(try recordedActions(fs) == 1)
    }

    /// After a kill the journal is ahead of the results file: that is the normal case, not damage. The next run
    /// resumes from the journal and the results file catches up.
    @Test func aResultsFileBehindItsJournalIsCaughtUpAfterResume() throws {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let first = try runner(fs, clock)
        first.send(.command(.start))
        first.saveResults()
        first.send(.command(.next))
        first.send(.command(.adjust(slot: 1, seconds: 120)))
        // Killed here: no close, the results file shows one action of three.
        #expect(try recordedActions(fs) == 1)
        wait(clock, milliseconds: 5000)
        let second = try runner(fs, clock)
        #expect(second.state.storageFailure == nil)
        #expect(second.state.recordedActions == 3)
        second.scheduleResults()
        wait(clock, milliseconds: ResultsSchedule.idleMilliseconds)
        second.flushResultsIfDue()
        #expect(try recordedActions(fs) == 3)
        #expect(try ResultsSnapshot.decode(try #require(fs.files[files.resultsPath])).workshop.currentSlot == second.state.currentSlot.id)
    }

    /// Compact, and byte for byte the same for the same state: sorted keys, no pretty-printing.
    @Test func theFileIsCompactAndStable() throws {
        let fs = MemoryFileSystem()
        let runner = try runner(fs, ManualClock(Fixtures.at(12, 0)))
        runner.send(.command(.start))
        let first = ResultsSnapshot(state: runner.state, sessionFile: files.sessionPath, generator: "test").encoded()
        let second = ResultsSnapshot(state: runner.state, sessionFile: files.sessionPath, generator: "test").encoded()
        #expect(first == second)
        #expect(first.last == UInt8(ascii: "\n"))
        #expect(first.dropLast().contains(UInt8(ascii: "\n")) == false, "one line")
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.hasPrefix(#"{"generator":"test","groups":["#))
        #expect(!text.contains("\": "))
        #expect(try ResultsSnapshot.decode(first).encoded() == first, "what report and merge read back is the same content")
    }

    /// On the program's own thread: the write happens in the background and its outcome comes back to the loop.
    @Test func aBackgroundWriteReachesTheDiskAndReportsBack() throws {
        var template = Array("/tmp/plenary-results-XXXXXX".utf8CString)
        let folder = String(cString: try #require(mkdtemp(&template)))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = WorkshopFiles(sessionPath: folder + "/sevilla.yaml")
        let session = Fixtures.sevilla()
        let clock = ManualClock(Fixtures.at(12, 0))
        let plan = try PlannedAgenda.plan(session).get()
        let fileSystem = PosixFileSystem()
        guard case .success(let opened) = WorkshopStore.open(session: session, plan: plan, files: files, fileSystem: fileSystem,
                                                            now: clock.now(), stamp: "S", fresh: false, newRecordID: "record-1")
        else { Issue.record("does not open"); return }
        let runner = WorkshopRunner(state: opened.state, journal: opened.journal, fileSystem: fileSystem, files: files,
                                    clock: clock, generator: "test", resultsInBackground: true)
        runner.send(.command(.start))
        wait(clock, milliseconds: ResultsSchedule.idleMilliseconds)
        runner.flushResultsIfDue()
        #expect(runner.resultsWakeAt != nil, "a write in flight: the loop wakes to collect it")
        let deadline = Date().addingTimeInterval(10)
        while runner.resultsWakeAt != nil && Date() < deadline {
            usleep(2000)
            runner.flushResultsIfDue()
        }
        #expect(runner.resultsWakeAt == nil)
        let bytes = try #require(try fileSystem.contents(of: files.resultsPath))
        #expect(try ResultsSnapshot.decode(bytes).workshop.recordedActions == 1)
        runner.send(.command(.next))
        runner.close()
        #expect(try ResultsSnapshot.decode(try #require(try fileSystem.contents(of: files.resultsPath))).workshop.recordedActions == 2)
        #expect(runner.state.storageFailure == nil)
    }
}
