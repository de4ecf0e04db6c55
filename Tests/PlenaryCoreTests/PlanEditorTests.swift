import Testing
@testable import PlenaryEngine
import PlenaryTestSupport

/// The plan editor's screen state (issue 15): which slot the keys act on, the question for a title or minutes, and
/// what a refusal leaves on screen. The Sevilla fixture started at 12:00, registration on.
@Suite struct PlanEditorTests {
    func started() throws -> ReducerTestStore {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [(Fixtures.at(12, 0), .start)])
        return ReducerTestStore(state)
    }

    @Test func itOpensOnTheFirstSlotStillToComeAndInsertsAfterTheSelection() throws {
        var store = try started()
        let t = Fixtures.at(12, 1)
        store.send(.agenda(.openPlanEditor), at: t, effects: []) {
            $0.now = t
            $0.screen = .planEditor(selection: 1, prompt: nil)
        }
        store.send(.agenda(.startPlanPrompt(.insertTitle)), at: t, effects: []) {
            $0.screen = .planEditor(selection: 1, prompt: PlanPrompt(purpose: .insertTitle, editor: LineEditor()))
        }
        store.send(.agenda(.editPlanPrompt(.insert("Q&A"))), at: t, effects: []) {
            $0.screen = .planEditor(selection: 1, prompt: PlanPrompt(purpose: .insertTitle, editor: LineEditor("Q&A")))
        }
        // Tab: the next kind after a talk.
        store.send(.agenda(.cyclePlanKind(1)), at: t, effects: []) {
            $0.screen = .planEditor(selection: 1, prompt: PlanPrompt(purpose: .insertTitle, editor: LineEditor("Q&A"), kind: .keynote))
        }
        store.send(.agenda(.submitPlanPrompt), at: t, effects: []) {
            $0.screen = .planEditor(selection: 1, prompt: PlanPrompt(purpose: .insertMinutes(title: "Q&A", kind: .keynote),
                                                                     editor: LineEditor("10"), kind: .keynote))
        }
        // Letters are not minutes: the field ignores them.
        store.send(.agenda(.editPlanPrompt(.insert("x"))), at: t, effects: []) { _ in }
        store.send(.agenda(.editPlanPrompt(.backspace)), at: t, effects: []) {
            $0.screen = .planEditor(selection: 1, prompt: PlanPrompt(purpose: .insertMinutes(title: "Q&A", kind: .keynote), editor: LineEditor("1"), kind: .keynote))
        }
        store.send(.agenda(.editPlanPrompt(.insert("5"))), at: t, effects: []) {
            $0.screen = .planEditor(selection: 1, prompt: PlanPrompt(purpose: .insertMinutes(title: "Q&A", kind: .keynote), editor: LineEditor("15"), kind: .keynote))
        }
        let before = store.state
        let edit = AgendaEdit.insert(after: 1, title: "Q&A", kind: .keynote, minutes: 15)
        store.send(.agenda(.submitPlanPrompt), at: t, effects: [.appendJournal(.plan(edit)), .saveResults]) {
            var expected = before
            _ = PlanReducer.apply(edit, to: &expected, at: t)
            $0.session = expected.session
            $0.plan = expected.plan
            $0.progress = expected.progress
            $0.planChanges = expected.planChanges
            $0.recordedCommands = 2
            $0.screen = .planEditor(selection: 2, prompt: nil)
        }
        #expect(store.state.session.agenda[2].title == "Q&A" && store.state.session.agenda[2].kind == .keynote)
    }

    @Test func aRefusedChangeKeepsTheQuestionOpenWithTheReason() throws {
        var store = try started()
        let t = Fixtures.at(12, 1)
        try store.sendRecorded(.next, at: Fixtures.at(12, 0, 30))
        store.send(.agenda(.openPlanEditor), at: t, effects: []) {
            $0.now = t
            $0.screen = .planEditor(selection: 2, prompt: nil)
        }
        store.send(.agenda(.movePlanSelection(by: -1)), at: t, effects: []) {
            $0.screen = .planEditor(selection: 1, prompt: nil)
        }
        store.send(.agenda(.startPlanPrompt(.minutes)), at: t, effects: []) {
            $0.screen = .planEditor(selection: 1, prompt: PlanPrompt(purpose: .minutes, editor: LineEditor("10")))
        }
        store.send(.agenda(.submitPlanPrompt), at: t, effects: []) {
            $0.notice = Notice(text: "The current slot cannot be changed: only slots still to come can.", level: .warning,
                               until: Fixtures.at(12, 1, 6))
        }
        store.send(.agenda(.cancelPlanPrompt), at: t, effects: []) {
            $0.screen = .planEditor(selection: 1, prompt: nil)
        }
    }

    @Test func movingASlotKeepsItSelected() throws {
        var store = try started()
        let t = Fixtures.at(12, 1)
        store.send(.agenda(.openPlanEditor), at: t, effects: []) {
            $0.now = t
            $0.screen = .planEditor(selection: 1, prompt: nil)
        }
        let before = store.state
        store.send(.agenda(.requestPlanChange(.move(slot: 1, by: 1))), at: t,
                   effects: [.appendJournal(.plan(.move(slot: 1, by: 1))), .saveResults]) {
            var expected = before
            _ = PlanReducer.apply(.move(slot: 1, by: 1), to: &expected, at: t)
            $0.session = expected.session
            $0.plan = expected.plan
            $0.planChanges = expected.planChanges
            $0.recordedCommands = 2
            $0.screen = .planEditor(selection: 2, prompt: nil)
        }
    }
}
