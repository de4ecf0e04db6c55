import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

/// Confirming a TBC speaker, or adding one to a slot, from the plan editor (issue 15): journaled as a `plan` record,
/// undoable, listed with the changes. The Sevilla fixture with a TBC keynote speaker on "Framing".
@Suite struct SpeakerEditTests {
    static func session() -> Session {
        var session = Fixtures.sevilla()
        session.agenda[1].speakers = [Person(name: "Speaker to be confirmed", affiliation: "S3 CoP", tbc: true)]
        return session
    }

    /// Started at 12:00: registration is on, framing still to come.
    func started() throws -> ReducerTestStore {
        var state = try Fixtures.state(Self.session(), now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [(Fixtures.at(12, 0), .start)])
        return ReducerTestStore(state)
    }

    func snapshot(_ state: WorkshopState, _ summary: String) -> PlanChanges.Snapshot {
        var progress: [String: SlotProgress] = [:]
        for (slot, slotProgress) in zip(state.session.agenda, state.progress) { progress[slot.id] = slotProgress }
        return .init(agenda: state.session.agenda, entries: state.plan.entries, progress: progress,
                     runsStarted: state.progress.reduce(0) { $0 + $1.runs.count }, summary: summary)
    }

    @Test func theEditorConfirmsTheFirstTBCSpeakerWithNameRoleAndAffiliation() throws {
        var store = try started()
        let t = Fixtures.at(12, 5)
        store.send(.agenda(.openPlanEditor), at: t, effects: []) {
            $0.now = t
            $0.screen = .planEditor(selection: 1, prompt: nil)
        }
        let tbc = Person(name: "Speaker to be confirmed", affiliation: "S3 CoP", tbc: true)
        store.send(.agenda(.startSpeakerPrompt), at: t, effects: []) {
            $0.screen = .planEditor(selection: 1, prompt: PlanPrompt(purpose: .speakerName(index: 0, count: 1, current: tbc),
                                                                     editor: LineEditor()))
        }
        #expect(PlanPrompt(purpose: .speakerName(index: 0, count: 1, current: tbc), editor: LineEditor()).question
            == "Name of speaker 1 of 1 (TBC now; Tab: another speaker)")
        store.send(.agenda(.editPlanPrompt(.insert("Ana Ruiz"))), at: t, effects: []) {
            $0.screen = .planEditor(selection: 1, prompt: PlanPrompt(purpose: .speakerName(index: 0, count: 1, current: tbc),
                                                                     editor: LineEditor("Ana Ruiz")))
        }
        store.send(.agenda(.submitPlanPrompt), at: t, effects: []) {
            $0.screen = .planEditor(selection: 1, prompt: PlanPrompt(purpose: .speakerRole(index: 0, name: "Ana Ruiz", current: tbc),
                                                                     editor: LineEditor()))
        }
        store.send(.agenda(.editPlanPrompt(.insert("Director"))), at: t, effects: []) {
            $0.screen = .planEditor(selection: 1, prompt: PlanPrompt(purpose: .speakerRole(index: 0, name: "Ana Ruiz", current: tbc),
                                                                     editor: LineEditor("Director")))
        }
        store.send(.agenda(.submitPlanPrompt), at: t, effects: []) {
            // The TBC speaker's affiliation is offered: it is often known before the name.
            $0.screen = .planEditor(selection: 1, prompt: PlanPrompt(purpose: .speakerAffiliation(index: 0, name: "Ana Ruiz", role: "Director"),
                                                                     editor: LineEditor("S3 CoP")))
        }
        store.send(.agenda(.editPlanPrompt(.deleteToStart)), at: t, effects: []) {
            $0.screen = .planEditor(selection: 1, prompt: PlanPrompt(purpose: .speakerAffiliation(index: 0, name: "Ana Ruiz", role: "Director"),
                                                                     editor: LineEditor("")))
        }
        store.send(.agenda(.editPlanPrompt(.insert("IRM-HUB"))), at: t, effects: []) {
            $0.screen = .planEditor(selection: 1, prompt: PlanPrompt(purpose: .speakerAffiliation(index: 0, name: "Ana Ruiz", role: "Director"),
                                                                     editor: LineEditor("IRM-HUB")))
        }
        let before = store.state
        let edit = AgendaEdit.setSpeaker(slot: 1, index: 0, name: "Ana Ruiz", role: "Director", affiliation: "IRM-HUB")
        store.send(.agenda(.submitPlanPrompt), at: t, effects: [.appendJournal(.plan(edit)), .saveResults]) {
            $0.recordedCommands += 1
            $0.session.agenda[1].speakers = [Person(name: "Ana Ruiz", affiliation: "IRM-HUB", role: "Director")]
            $0.planChanges.push(snapshot(before, "Confirmed Ana Ruiz (Director, IRM-HUB) for “Framing” (was “Speaker to be confirmed”, TBC)"), at: t)
            $0.screen = .planEditor(selection: 1, prompt: nil)
        }
        store.send(.agenda(.requestPlanChange(.undo)), at: t, effects: [.appendJournal(.plan(.undo)), .saveResults]) {
            $0.recordedCommands += 1
            $0.session.agenda[1].speakers = [tbc]
            _ = $0.planChanges.popForUndo(at: t)
        }
    }

    @Test func tabGoesToAnotherSpeakerAndANewOneAfterTheLast() throws {
        var store = try started()
        let t = Fixtures.at(12, 5)
        var state = store.state
        state.session.agenda[1].speakers.append(Person(name: "Eva Lind", role: "Chair"))
        store = ReducerTestStore(state)
        store.send(.agenda(.openPlanEditor), at: t, effects: []) {
            $0.now = t
            $0.screen = .planEditor(selection: 1, prompt: nil)
        }
        store.send(.agenda(.startSpeakerPrompt), at: t, effects: []) {
            $0.screen = .planEditor(selection: 1, prompt: PlanPrompt(
                purpose: .speakerName(index: 0, count: 2, current: state.session.agenda[1].speakers[0]), editor: LineEditor()))
        }
        store.send(.agenda(.cyclePlanSpeaker(1)), at: t, effects: []) {
            // A confirmed speaker's name is offered to correct.
            $0.screen = .planEditor(selection: 1, prompt: PlanPrompt(
                purpose: .speakerName(index: 1, count: 2, current: Person(name: "Eva Lind", role: "Chair")), editor: LineEditor("Eva Lind")))
        }
        store.send(.agenda(.cyclePlanSpeaker(1)), at: t, effects: []) {
            $0.screen = .planEditor(selection: 1, prompt: PlanPrompt(purpose: .speakerName(index: 2, count: 2, current: nil), editor: LineEditor()))
        }
        #expect(PlanPrompt(purpose: .speakerName(index: 2, count: 2, current: nil), editor: LineEditor()).question
            == "Name of a new speaker (Tab: another speaker)")
        store.send(.agenda(.cyclePlanSpeaker(1)), at: t, effects: []) {
            $0.screen = .planEditor(selection: 1, prompt: PlanPrompt(
                purpose: .speakerName(index: 0, count: 2, current: state.session.agenda[1].speakers[0]), editor: LineEditor()))
        }
    }

    @Test func addingReplacingAndWhatIsRefused() throws {
        var state = try started().state
        let t = Fixtures.at(12, 5)
        #expect(WorkshopReducer.apply(.plan(.setSpeaker(slot: 2, index: 0, name: "  Minister  ", role: "", affiliation: nil)),
                                      to: &state, at: t) == nil)
        #expect(state.session.agenda[2].speakers == [Person(name: "Minister")])
        #expect(WorkshopReducer.apply(.plan(.setSpeaker(slot: 2, index: 0, name: "Minister", role: nil, affiliation: nil)), to: &state, at: t)
            == "Minister is already speaker 1 of “Working groups”.")
        #expect(WorkshopReducer.apply(.plan(.setSpeaker(slot: 2, index: 0, name: "Deputy", role: nil, affiliation: "EC")), to: &state, at: t) == nil)
        #expect(WorkshopReducer.apply(.plan(.setSpeaker(slot: 2, index: 3, name: "X", role: nil, affiliation: nil)), to: &state, at: t)
            == "“Working groups” has no speaker 4.")
        #expect(WorkshopReducer.apply(.plan(.setSpeaker(slot: 2, index: 1, name: " ", role: nil, affiliation: nil)), to: &state, at: t)
            == "A speaker needs a name.")
        // The current slot may change speakers (confirmed as they walk up); a slot that has run may not.
        #expect(WorkshopReducer.apply(.plan(.setSpeaker(slot: 0, index: 0, name: "Host", role: nil, affiliation: nil)), to: &state, at: t) == nil)
        #expect(WorkshopReducer.apply(.next, to: &state, at: Fixtures.at(12, 30)) == nil)
        #expect(WorkshopReducer.apply(.plan(.setSpeaker(slot: 0, index: 0, name: "Other", role: nil, affiliation: nil)), to: &state, at: t)
            == "“Registration” has run: only the current slot and slots still to come can change speakers.")
        #expect(state.planChanges.log.map(\.summary) == [
            "Added Minister as a speaker of “Working groups”",
            "“Working groups”: Deputy (EC) instead of Minister",
            "Added Host as a speaker of “Registration”",
        ])
    }

    @Test func aResumedWorkshopShowsTheConfirmedSpeakerAndTheResultsCarryIt() throws {
        let files = WorkshopFiles(sessionPath: "/w/sevilla.yaml")
        let fileSystem = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let runner = try #require(Fixtures.runner(Self.session(), fileSystem: fileSystem, files: files, clock: clock))
        runner.send(.command(.start))
        runner.send(.command(.plan(.setSpeaker(slot: 1, index: 0, name: "Ana Ruiz", role: "Director", affiliation: "IRM-HUB"))))
        runner.close()
        let reopened = try #require(Fixtures.open(Self.session(), fileSystem: fileSystem, files: files, at: Fixtures.at(12, 10)))
        #expect(reopened.state.session.agenda[1].speakers == [Person(name: "Ana Ruiz", affiliation: "IRM-HUB", role: "Director")])
        #expect(reopened.state.planChanges.log.map(\.summary)
            == ["Confirmed Ana Ruiz (Director, IRM-HUB) for “Framing” (was “Speaker to be confirmed”, TBC)"])
        let results = ResultsSnapshot(state: reopened.state, sessionFile: "s", generator: "t")
        // The running agenda's slot names the confirmed speaker, whatever form the results give speakers.
        #expect(String(describing: results.slots[1].speakers).contains("Ana Ruiz"))
        #expect(String(describing: results.slots[1].speakers).contains("TBC") == false)
        #expect(results.agendaChanges?.map(\.change) == ["Confirmed Ana Ruiz (Director, IRM-HUB) for “Framing” (was “Speaker to be confirmed”, TBC)"])
    }
}
