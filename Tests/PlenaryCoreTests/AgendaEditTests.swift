import Foundation
import Testing
@testable import PlenaryEngine
import PlenaryTestSupport

/// Live changes to the agenda (issue 15), each checked field by field with the exhaustive store. The Sevilla
/// fixture: registration 12:00 (30), framing (10), working groups (35), lunch fixed 13:15–14:15, closing (15).
@Suite struct AgendaEditTests {
    /// The workshop started at 12:00: registration is on, everything after it is still to come.
    func started() throws -> ReducerTestStore {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [(Fixtures.at(12, 0), .start)])
        return ReducerTestStore(state)
    }

    func recorded(_ edit: AgendaEdit) -> [Effect] { [.appendJournal(.plan(edit)), .saveResults] }

    func snapshot(_ state: WorkshopState, _ summary: String) -> PlanChanges.Snapshot {
        var progress: [String: SlotProgress] = [:]
        for (slot, slotProgress) in zip(state.session.agenda, state.progress) { progress[slot.id] = slotProgress }
        return .init(agenda: state.session.agenda, entries: state.plan.entries, progress: progress,
                     runsStarted: state.progress.reduce(0) { $0 + $1.runs.count }, summary: summary)
    }

    @Test func insertingAfterTheCurrentSlotAddsAPlannedSlotAndPushesTheDayBack() throws {
        var store = try started()
        let before = store.state
        let edit = AgendaEdit.insert(after: 0, title: "  Minister’s message ", kind: .talk, minutes: 10)
        let summary = "Inserted “Minister’s message” (10 min) after “Registration”"
        store.send(.command(.plan(edit)), at: Fixtures.at(12, 5), effects: recorded(edit)) {
            $0.now = Fixtures.at(12, 5)
            $0.recordedCommands = 2
            $0.session.agenda.insert(Slot(id: "added-1", title: "Minister’s message", kind: .talk, durationMinutes: 10), at: 1)
            $0.plan.entries.insert(.init(startMinute: 12 * 60 + 30, durationMinutes: 10), at: 1)
            $0.progress.insert(SlotProgress(), at: 1)
            $0.planChanges.push(snapshot(before, summary), at: Fixtures.at(12, 5))
        }
        let schedule = LiveSchedule(state: store.state)
        #expect(schedule.slots[1].projectedStart == Fixtures.at(12, 30))
        #expect(schedule.slots[2].projectedStart == Fixtures.at(12, 40))
        // Framing and the groups now end at 13:25; lunch is fixed, so it starts then and keeps its planned end.
        #expect(schedule.slots[4].projectedStart == Fixtures.at(13, 25))
        #expect(schedule.slots[4].projectedEnd == Fixtures.at(14, 15))
        #expect(schedule.projectedEnd == Fixtures.at(14, 30))
        #expect(store.state.planChanges.inEffect == 1)
        #expect(store.state.planChanges.log == [.init(at: Fixtures.at(12, 5), summary: summary)])
    }

    @Test func insertingBeforeTheCurrentSlotIsRefused() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [(Fixtures.at(12, 0), .start), (Fixtures.at(12, 30), .next)])
        var store = ReducerTestStore(state)
        store.send(.command(.plan(.insert(after: 0, title: "Late", kind: .talk, minutes: 5))), at: Fixtures.at(12, 31), effects: []) {
            $0.now = Fixtures.at(12, 31)
            $0.notice = Notice(text: "A slot can only be inserted after the current slot or a slot still to come.",
                               level: .warning, until: Fixtures.at(12, 31, 6))
        }
    }

    @Test func anEmptyTitleOrAnImpossibleLengthIsRefused() throws {
        var store = try started()
        store.send(.command(.plan(.insert(after: 0, title: " ", kind: .talk, minutes: 5))), at: Fixtures.at(12, 1), effects: []) {
            $0.now = Fixtures.at(12, 1)
            $0.notice = Notice(text: "A slot needs a title.", level: .warning, until: Fixtures.at(12, 1, 6))
        }
        store.send(.command(.plan(.setMinutes(slot: 2, minutes: 0))), at: Fixtures.at(12, 2), effects: []) {
            $0.now = Fixtures.at(12, 2)
            $0.notice = Notice(text: "A slot's length must be between 1 and 600 minutes.", level: .warning, until: Fixtures.at(12, 2, 6))
        }
    }

    @Test func droppingASlotStillToComeTakesItOffAndTheDayMovesUp() throws {
        var store = try started()
        let before = store.state
        store.send(.command(.plan(.drop(slot: 1))), at: Fixtures.at(12, 5), effects: recorded(.drop(slot: 1))) {
            $0.now = Fixtures.at(12, 5)
            $0.recordedCommands = 2
            $0.session.agenda.remove(at: 1)
            $0.plan.entries.remove(at: 1)
            $0.progress.remove(at: 1)
            $0.planChanges.push(snapshot(before, "Dropped “Framing”"), at: Fixtures.at(12, 5))
        }
        #expect(LiveSchedule(state: store.state).slots[1].projectedStart == Fixtures.at(12, 30))
    }

    @Test func theCurrentSlotAndSlotsThatRanCannotBeDroppedOrMoved() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [(Fixtures.at(12, 0), .start), (Fixtures.at(12, 30), .next)])
        var store = ReducerTestStore(state)
        store.send(.command(.plan(.drop(slot: 1))), at: Fixtures.at(12, 31), effects: []) {
            $0.now = Fixtures.at(12, 31)
            $0.notice = Notice(text: "The current slot cannot be dropped: only slots still to come can.",
                               level: .warning, until: Fixtures.at(12, 31, 6))
        }
        store.send(.command(.plan(.move(slot: 0, by: 1))), at: Fixtures.at(12, 32), effects: []) {
            $0.now = Fixtures.at(12, 32)
            $0.notice = Notice(text: "“Registration” has run: only slots still to come can be moved.",
                               level: .warning, until: Fixtures.at(12, 32, 6))
        }
        store.send(.command(.plan(.move(slot: 2, by: -1))), at: Fixtures.at(12, 33), effects: []) {
            $0.now = Fixtures.at(12, 33)
            $0.notice = Notice(text: "A slot cannot move above the current slot or a slot that has run.",
                               level: .warning, until: Fixtures.at(12, 33, 6))
        }
    }

    @Test func movingASlotDownSwapsItWithTheNextAndThePairKeepsItsPlaceInTheDay() throws {
        var store = try started()
        let before = store.state
        store.send(.command(.plan(.move(slot: 1, by: 1))), at: Fixtures.at(12, 5), effects: recorded(.move(slot: 1, by: 1))) {
            $0.now = Fixtures.at(12, 5)
            $0.recordedCommands = 2
            $0.session.agenda.swapAt(1, 2)
            $0.plan.entries[1] = .init(startMinute: 12 * 60 + 30, durationMinutes: 35)
            $0.plan.entries[2] = .init(startMinute: 13 * 60 + 5, durationMinutes: 10)
            $0.planChanges.push(snapshot(before, "Moved “Framing” down"), at: Fixtures.at(12, 5))
        }
        // Down past the fixed lunch: lunch keeps its own planned time.
        let afterFirst = store.state
        store.send(.command(.plan(.move(slot: 2, by: 1))), at: Fixtures.at(12, 6), effects: recorded(.move(slot: 2, by: 1))) {
            $0.now = Fixtures.at(12, 6)
            $0.recordedCommands = 3
            $0.session.agenda.swapAt(2, 3)
            $0.plan.entries[2] = .init(startMinute: 13 * 60 + 15, durationMinutes: 60)
            $0.plan.entries[3] = .init(startMinute: 14 * 60 + 15, durationMinutes: 10)
            $0.planChanges.push(snapshot(afterFirst, "Moved “Framing” down"), at: Fixtures.at(12, 6))
        }
    }

    @Test func minutesTitleAndFixedChangeASlotStillToCome() throws {
        var store = try started()
        try store.sendRecorded(.adjust(slot: 2, seconds: 120), at: Fixtures.at(12, 1))
        let s0 = store.state
        store.send(.command(.plan(.setMinutes(slot: 2, minutes: 20))), at: Fixtures.at(12, 2),
                   effects: recorded(.setMinutes(slot: 2, minutes: 20))) {
            $0.now = Fixtures.at(12, 2)
            $0.recordedCommands = 3
            $0.session.agenda[2].durationMinutes = 20
            $0.plan.entries[2].durationMinutes = 20
            $0.progress[2].adjustmentSeconds = 0
            $0.planChanges.push(snapshot(s0, "“Working groups”: 20 min instead of 35"), at: Fixtures.at(12, 2))
        }
        let s1 = store.state
        store.send(.command(.plan(.setTitle(slot: 2, title: "Panel"))), at: Fixtures.at(12, 3),
                   effects: recorded(.setTitle(slot: 2, title: "Panel"))) {
            $0.now = Fixtures.at(12, 3)
            $0.recordedCommands = 4
            $0.session.agenda[2].title = "Panel"
            $0.planChanges.push(snapshot(s1, "Renamed “Working groups” to “Panel”"), at: Fixtures.at(12, 3))
        }
        let s2 = store.state
        store.send(.command(.plan(.setFixed(slot: 4, fixed: true))), at: Fixtures.at(12, 4),
                   effects: recorded(.setFixed(slot: 4, fixed: true))) {
            $0.now = Fixtures.at(12, 4)
            $0.recordedCommands = 5
            $0.session.agenda[4].fixed = true
            $0.planChanges.push(snapshot(s2, "Fixed “Closing” to its planned time"), at: Fixtures.at(12, 4))
        }
        store.send(.command(.plan(.setFixed(slot: 4, fixed: true))), at: Fixtures.at(12, 5), effects: []) {
            $0.now = Fixtures.at(12, 5)
            $0.notice = Notice(text: "“Closing” is already fixed.", level: .warning, until: Fixtures.at(12, 5, 6))
        }
    }

    @Test func undoPutsBackTheLastChangeAndIsItsOwnRecord() throws {
        var store = try started()
        try store.sendRecorded(.plan(.drop(slot: 1)), at: Fixtures.at(12, 1))
        try store.sendRecorded(.plan(.setMinutes(slot: 1, minutes: 20)), at: Fixtures.at(12, 2))
        let afterDrop = try { () throws -> WorkshopState in
            var state = try started().state
            try Fixtures.run(&state, [(Fixtures.at(12, 1), .plan(.drop(slot: 1)))])
            return state
        }()
        let original = try started().state
        var log = store.state.planChanges.log
        store.send(.command(.plan(.undo)), at: Fixtures.at(12, 3), effects: recorded(.undo)) {
            $0.now = Fixtures.at(12, 3)
            $0.recordedCommands = 4
            $0.session = afterDrop.session
            $0.plan = afterDrop.plan
            $0.progress = afterDrop.progress
            _ = $0.planChanges.popForUndo(at: Fixtures.at(12, 3))
        }
        log.append(.init(at: Fixtures.at(12, 3), summary: "Undone: “Working groups”: 20 min instead of 35"))
        #expect(store.state.planChanges.log == log)
        try store.sendRecorded(.plan(.undo), at: Fixtures.at(12, 4))
        #expect(store.state.session == original.session && store.state.plan == original.plan)
        #expect(store.state.progress == original.progress && store.state.planChanges.inEffect == 0)
        store.send(.command(.plan(.undo)), at: Fixtures.at(12, 5), effects: []) {
            $0.now = Fixtures.at(12, 5)
            $0.notice = Notice(text: "There is no change to the plan to undo.", level: .warning, until: Fixtures.at(12, 5, 6))
        }
    }

    @Test func undoIsRefusedOnceASlotHasStartedSinceTheChange() throws {
        var store = try started()
        try store.sendRecorded(.plan(.insert(after: 0, title: "Message", kind: .talk, minutes: 10)), at: Fixtures.at(12, 1))
        try store.sendRecorded(.next, at: Fixtures.at(12, 30))
        store.send(.command(.plan(.undo)), at: Fixtures.at(12, 31), effects: []) {
            $0.now = Fixtures.at(12, 31)
            $0.notice = Notice(text: "Too late to undo inserted “Message” (10 min) after “Registration”: a slot has started since. Change the plan again instead.",
                               level: .warning, until: Fixtures.at(12, 31, 6))
        }
    }

    @Test func afterTheEndThePlanNoLongerChangesNorIsUndone() throws {
        var store = try started()
        try store.sendRecorded(.plan(.drop(slot: 1)), at: Fixtures.at(12, 1))
        try store.sendRecorded(.end, at: Fixtures.at(12, 2))
        store.send(.command(.plan(.undo)), at: Fixtures.at(12, 3), effects: []) {
            $0.now = Fixtures.at(12, 3)
            $0.notice = Notice(text: "The workshop has ended: the plan can no longer change.", level: .warning,
                               until: Fixtures.at(12, 3, 6))
        }
    }

    @Test func theFingerprintStaysTheFilesWhenThePlanChanges() throws {
        var store = try started()
        let fingerprint = Fixtures.sevilla().fingerprint
        try store.sendRecorded(.plan(.insert(after: 0, title: "Message", kind: .talk, minutes: 10)), at: Fixtures.at(12, 1))
        #expect(store.state.sessionFingerprint == fingerprint)
    }

    @Test func theJournalFormOfAChangeReadsBack() throws {
        let edits: [AgendaEdit] = [.insert(after: 0, title: "M", kind: .workingGroups, minutes: 10), .drop(slot: 2),
                                   .move(slot: 1, by: -1), .setMinutes(slot: 1, minutes: 5), .setTitle(slot: 1, title: "T"),
                                   .setFixed(slot: 1, fixed: false), .undo]
        for edit in edits {
            let data = try JSONEncoder().encode(WorkshopCommand.plan(edit))
            #expect(try JSONDecoder().decode(WorkshopCommand.self, from: data) == .plan(edit))
        }
        let text = String(decoding: try JSONEncoder().encode(WorkshopCommand.plan(.drop(slot: 2))), as: UTF8.self)
        #expect(text == #"{"plan":{"change":{"drop":{"slot":2}}}}"#)
    }
}

extension ReducerTestStore {
    /// Sends a command that the test does not examine in detail; fails if it is refused.
    mutating func sendRecorded(_ command: WorkshopCommand, at now: Instant) throws {
        var state = self.state
        try Fixtures.run(&state, [(now, command)])
        self = ReducerTestStore(state)
    }
}
