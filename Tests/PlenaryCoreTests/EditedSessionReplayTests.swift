import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

/// A journal with changes to the plan, resumed after the session file was edited (issue 15): it resumes where the
/// slots are still the journal's, and stops before the screen with a message naming the files when they are not.
@Suite struct EditedSessionReplayTests {
    let files = WorkshopFiles(sessionPath: "/w/sevilla.yaml")

    /// A day with a rename, a retime, a fixed closing and an undo journaled; returns the file system.
    func journaled(_ session: Session = Fixtures.sevilla()) throws -> MemoryFileSystem {
        let fileSystem = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let runner = try #require(Fixtures.runner(session, fileSystem: fileSystem, files: files, clock: clock))
        runner.send(.command(.start))
        runner.send(.command(.plan(.setTitle(slot: 2, title: "Breakout groups"))))
        runner.send(.command(.plan(.setMinutes(slot: 1, minutes: 5))))
        runner.send(.command(.plan(.setFixed(slot: 4, fixed: true))))
        runner.send(.command(.plan(.undo)))
        runner.close()
        return fileSystem
    }

    func open(_ session: Session, _ fileSystem: MemoryFileSystem) throws -> Result<WorkshopStore.Opened, WorkshopStore.OpenError> {
        fileSystem.startProcess()
        let plan = try PlannedAgenda.plan(session).get()
        return WorkshopStore.open(session: session, plan: plan, files: files, fileSystem: fileSystem, now: Fixtures.at(12, 30),
                                  stamp: "S", fresh: false, newRecordID: "r")
    }

    /// The file now already says what the changes said: they stay changes (that change nothing), and the undo
    /// still takes back the last of them, not the one before.
    @Test func aFileThatNowHoldsTheChangesStillReplaysThemInOrder() throws {
        let fileSystem = try journaled()
        var edited = Fixtures.sevilla()
        edited.agenda[2].title = "Breakout groups"
        edited.agenda[1].durationMinutes = 5
        edited.agenda[4].fixed = true
        guard case .success(let opened) = try open(edited, fileSystem) else { Issue.record("refused"); return }
        #expect(opened.skipped.isEmpty)
        #expect(opened.state.session.agenda[2].title == "Breakout groups")
        #expect(opened.state.plan.entries[1].durationMinutes == 5)
        // The undo took back "fixed", as on the day: the closing is fixed in the file, so it is fixed here too.
        #expect(opened.state.planChanges.inEffect == 2)
        #expect(opened.state.planChanges.log.map(\.summary) == [
            "Renamed “Breakout groups” to “Breakout groups” (the session file, edited since, already says so)",
            "“Framing”: 5 min instead of 5 (the session file, edited since, already says so)",
            "Fixed “Closing” to its planned time (the session file, edited since, already says so)",
            "Undone: Fixed “Closing” to its planned time (the session file, edited since, already says so)",
        ])
    }

    /// Titles, lengths and speakers edited in the file: the journal's changes apply over them.
    @Test func otherEditsToTheSlotsKeepTheChanges() throws {
        let fileSystem = try journaled()
        var edited = Fixtures.sevilla()
        edited.agenda[3].title = "Lunch on the terrace"
        edited.agenda[1].speakers = [Person(name: "Ana Ruiz")]
        guard case .success(let opened) = try open(edited, fileSystem) else { Issue.record("refused"); return }
        #expect(opened.state.session.agenda.map(\.title) == ["Registration", "Framing", "Breakout groups", "Lunch on the terrace", "Closing"])
        #expect(opened.state.plan.entries[1].durationMinutes == 5)
        #expect(opened.state.planChanges.inEffect == 2)
    }

    @Test func aRemovedSlotStopsBeforeTheScreenNamingTheSlotAndTheFile() throws {
        let fileSystem = try journaled()
        var edited = Fixtures.sevilla()
        edited.agenda.remove(at: 2)
        guard case .failure(let error) = try open(edited, fileSystem) else { Issue.record("accepted"); return }
        #expect(error.description == "/w/sevilla.journal.jsonl belongs to a different agenda (slot id \"groups\" is in the journal but not in /w/sevilla.yaml). Run with --fresh to start a new record (the old files are kept), or use --results to choose other files.")
    }

    @Test func aRenamedSlotIdStopsBeforeTheScreen() throws {
        let fileSystem = try journaled()
        var edited = Fixtures.sevilla()
        edited.agenda[2].id = "breakouts"
        guard case .failure(let error) = try open(edited, fileSystem) else { Issue.record("accepted"); return }
        #expect(error.description.contains("slot id \"groups\" is in the journal but not in /w/sevilla.yaml"))
    }

    /// A change the edited file can no longer take (here: a speaker the file no longer has) is never skipped, as
    /// a refused poll record would be: every later record names slots by their place in the changed plan.
    @Test func aPlanRecordThatNoLongerAppliesStopsWithWhatToDo() throws {
        var session = Fixtures.sevilla()
        session.agenda[1].speakers = [Person(name: "A"), Person(name: "B", tbc: true)]
        let fileSystem = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let runner = try #require(Fixtures.runner(session, fileSystem: fileSystem, files: files, clock: clock))
        runner.send(.command(.plan(.setSpeaker(slot: 1, index: 2, name: "C", role: nil, affiliation: nil))))
        runner.close()
        var edited = session
        edited.agenda[1].speakers = [Person(name: "A")]
        guard case .failure(let error) = try open(edited, fileSystem) else { Issue.record("accepted"); return }
        #expect(error.description == "/w/sevilla.journal.jsonl line 2: a change made to the plan during the workshop no longer applies to /w/sevilla.yaml (“Framing” has no speaker 3.). The session file was edited after the change: put it back as it was when the workshop ran, or run with --fresh to start a new record (the old files are kept).")
    }
}
