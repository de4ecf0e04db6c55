import Testing
@testable import PlenaryEngine
import PlenaryTestSupport

/// `WorkshopReducer.record` is the one way a feature records a command: its answer says recorded or refused, so no
/// feature has to guess from the effects.
@Suite struct RecordingTests {
    @Test func aRecordedCommandAnswersWithItsJournalAndResultsEffects() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        var expected = state
        let recording = WorkshopReducer.record(.start, in: &state)
        #expect(recording == .recorded(effects: [.appendJournal(.start), .saveResults]))
        expected.phase = .running(since: Fixtures.at(12, 0))
        expected.progress[0].runs = [.init(start: Fixtures.at(12, 0), end: nil)]
        expected.recordedCommands = 1
        ReducerTestStore.expectSame(state, expected)
    }

    @Test func aRefusedCommandAnswersWithTheReasonShownAndChangesNothingElse() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        var expected = state
        let recording = WorkshopReducer.record(.pause, in: &state)
        let reason = "The workshop has not started yet: press Space to start it."
        #expect(recording == .refused(reason: reason))
        #expect(recording.effects.isEmpty)
        expected.notice = Notice(text: reason, level: .warning, until: Fixtures.at(12, 0).adding(seconds: WorkshopReducer.noticeSeconds))
        ReducerTestStore.expectSame(state, expected)
    }

    @Test func aReadOnlyWorkshopRefusesEveryCommandWithAnErrorThatStays() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        state.storageFailure = StorageFailure(kind: .journal, message: "disk full")
        var expected = state
        let recording = WorkshopReducer.record(.start, in: &state)
        let reason = "Read-only: the journal cannot be written, so nothing new is recorded."
        #expect(recording == .refused(reason: reason))
        expected.notice = Notice(text: reason, level: .error, until: nil)
        ReducerTestStore.expectSame(state, expected)
    }
}
