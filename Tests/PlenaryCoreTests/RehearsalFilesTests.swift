import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

/// A rehearsal's files sit beside the real ones under names that say so, and neither run ever touches the other's.
@Suite struct RehearsalFilesTests {
    @Test func aRehearsalsFilesSayRehearsalBeforeTheirKind() {
        let files = WorkshopFiles(sessionPath: "w/sevilla.yaml", rehearsal: true)
        #expect(files.resultsPath == "w/sevilla.rehearsal.results.json")
        #expect(files.journalPath == "w/sevilla.rehearsal.journal.jsonl")
        #expect(files.usedCodesPath == "w/sevilla.rehearsal.codes-used.json")
        // The printed code sheet is the real one: a rehearsal may try it, without using up its codes.
        #expect(files.codesPath == "w/sevilla.codes.json")
    }

    @Test func aGroupLaptopsAndAChosenResultsFileAreMarkedToo() {
        let group = WorkshopFiles(sessionPath: "w/sevilla.yaml", group: "wg1", rehearsal: true)
        #expect(group.resultsPath == "w/sevilla.wg1.rehearsal.results.json")
        #expect(group.journalPath == "w/sevilla.wg1.rehearsal.journal.jsonl")
        let usb = WorkshopFiles(sessionPath: "w/sevilla.yaml", resultsPath: "/media/usb/day1.results.json", rehearsal: true)
        #expect(usb.resultsPath == "/media/usb/day1.rehearsal.results.json")
        #expect(usb.journalPath == "/media/usb/day1.rehearsal.journal.jsonl")
        let plain = WorkshopFiles(sessionPath: "w/sevilla.yaml", resultsPath: "out/day1.json", rehearsal: true)
        #expect(plain.resultsPath == "out/day1.rehearsal.json")
        // Pointing --results at a rehearsal's file does not mark it twice.
        let again = WorkshopFiles(sessionPath: "w/sevilla.yaml", resultsPath: "w/sevilla.rehearsal.results.json", rehearsal: true)
        #expect(again.resultsPath == "w/sevilla.rehearsal.results.json")
    }

    @Test func freshOnARehearsalKeepsOnlyTheRehearsalsFilesAndTheRealOnesAreLeftAlone() throws {
        let fs = MemoryFileSystem()
        let real = WorkshopFiles(sessionPath: "w/sevilla.yaml")
        let rehearsal = WorkshopFiles(sessionPath: "w/sevilla.yaml", rehearsal: true)
        let clock = ManualClock(Fixtures.at(12, 0))
        let realRunner = try #require(Fixtures.runner(Fixtures.sevilla(), fileSystem: fs, files: real, clock: clock))
        realRunner.send(.command(.start))
        realRunner.close()
        let realJournal = fs.files[real.journalPath]
        let realResults = fs.files[real.resultsPath]

        let first = try #require(Fixtures.runner(Fixtures.sevilla(), fileSystem: fs, files: rehearsal, clock: clock))
        first.send(.app(.markRehearsal(speed: 10)))
        first.send(.command(.start))
        first.send(.app(.export))
        first.close()
        #expect(fs.files[rehearsal.journalPath] != nil)
        #expect(fs.files[real.journalPath] == realJournal)

        fs.startProcess()
        let plan = try PlannedAgenda.plan(Fixtures.sevilla()).get()
        guard case .success(let opened) = WorkshopStore.open(session: Fixtures.sevilla(), plan: plan, files: rehearsal, fileSystem: fs,
                                                              now: clock.now(), stamp: "STAMP", fresh: true, newRecordID: "r2")
        else { Issue.record("a fresh rehearsal did not open"); return }
        #expect(opened.state.recordedCommands == 0)
        let kept = fs.files.keys.filter { $0.contains("STAMP") }.sorted()
        #expect(kept == ["w/sevilla.rehearsal.STAMP.journal.jsonl", "w/sevilla.rehearsal.STAMP.report.html",
                         "w/sevilla.rehearsal.STAMP.report.md", "w/sevilla.rehearsal.STAMP.results.json"])
        #expect(fs.files[real.journalPath] == realJournal)
        #expect(fs.files[real.resultsPath] == realResults)
    }

    @Test func aRehearsalsResultsSayItIsOneAndARealRunsSayNothing() throws {
        var state = try Fixtures.runningLate
        #expect(ResultsSnapshot(state: state, sessionFile: "sevilla.yaml", generator: "test").workshop.rehearsal == nil)
        _ = WorkshopReducer.reduce(&state, .app(.markRehearsal(speed: 1)), now: state.now)
        #expect(ResultsSnapshot(state: state, sessionFile: "sevilla.yaml", generator: "test").workshop.rehearsal == true)
    }
}
