import Testing
@testable import PlenaryEngine
import PlenaryTestSupport

@Suite struct WorkshopReducerTests {
    @Test func recordedCommandsAskForTheJournalThenTheResults() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        let effects = WorkshopReducer.reduce(&state, .command(.start), now: Fixtures.at(12, 0))
        #expect(effects == [.appendJournal(.start), .saveResults])
        #expect(state.recordedCommands == 1)
        #expect(state.phase == .running(since: Fixtures.at(12, 0)))
    }

    @Test func refusedCommandsChangeNothingAndSayWhy() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        let before = state
        let effects = WorkshopReducer.reduce(&state, .command(.pause), now: Fixtures.at(12, 0))
        #expect(effects.isEmpty)
        #expect(state.progress == before.progress)
        #expect(state.recordedCommands == 0)
        #expect(state.notice?.text == "The workshop has not started yet: press Space to start it.")
    }

    @Test func nextEndsTheSlotAndStartsTheNextOne() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [(Fixtures.at(12, 0), .start), (Fixtures.at(12, 31), .next)])
        #expect(state.currentIndex == 1)
        #expect(state.progress[0].runs == [.init(start: Fixtures.at(12, 0), end: Fixtures.at(12, 31))])
        #expect(state.progress[1].runs == [.init(start: Fixtures.at(12, 31), end: nil)])
    }

    @Test func nextOnTheLastSlotPointsToTheEndKey() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [(Fixtures.at(12, 0), .start), (Fixtures.at(12, 1), .jump(slot: 4))])
        _ = WorkshopReducer.reduce(&state, .command(.next), now: Fixtures.at(12, 2))
        #expect(state.notice?.text == "This is the last slot: press E to end the workshop.")
    }

    /// Issue 11, item 16: a fixed slot never starts before its planned time unless the moderator says so.
    @Test func movingIntoAFixedSlotBeforeItsTimeAsksFirst() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [(Fixtures.at(12, 0), .start), (Fixtures.at(12, 30), .next), (Fixtures.at(12, 40), .next)])
        // Working groups end at 13:00; lunch is planned at 13:15.
        let before = state
        #expect(WorkshopReducer.reduce(&state, .agenda(.requestMove(.next)), now: Fixtures.at(13, 0)).isEmpty)
        #expect(state.screen == .confirmEarlyStart(slot: 3, move: .next))
        #expect(state.currentIndex == 2 && state.progress == before.progress && state.recordedCommands == 3)
        // n or Esc: the working groups run on.
        _ = WorkshopReducer.reduce(&state, .app(.dismissOverlay), now: Fixtures.at(13, 0, 5))
        #expect(state.screen == .agenda && state.currentIndex == 2)
        // A jump asks the same way.
        _ = WorkshopReducer.reduce(&state, .agenda(.requestMove(.jump(slot: 3))), now: Fixtures.at(13, 1))
        #expect(state.screen == .confirmEarlyStart(slot: 3, move: .jump(slot: 3)))
        // y: the moderator decided; lunch starts now.
        #expect(WorkshopReducer.reduce(&state, .command(.jump(slot: 3)), now: Fixtures.at(13, 2)) == [.appendJournal(.jump(slot: 3)), .saveResults])
        #expect(state.currentIndex == 3 && state.screen == .agenda)
        #expect(state.progress[3].runs == [.init(start: Fixtures.at(13, 2), end: nil)])
    }

    @Test func aFixedSlotAtOrAfterItsTimeOrAlreadyUnderWayStartsWithoutAsking() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [(Fixtures.at(12, 0), .start), (Fixtures.at(12, 30), .next), (Fixtures.at(12, 40), .next)])
        var onTime = state
        #expect(WorkshopReducer.reduce(&onTime, .agenda(.requestMove(.next)), now: Fixtures.at(13, 15)) == [.appendJournal(.next), .saveResults])
        #expect(onTime.currentIndex == 3)
        // Lunch started early once, then back to the groups: returning to lunch starts nothing early.
        try Fixtures.run(&state, [(Fixtures.at(13, 0), .next), (Fixtures.at(13, 3), .previous)])
        #expect(WorkshopReducer.reduce(&state, .agenda(.requestMove(.next)), now: Fixtures.at(13, 5)) == [.appendJournal(.next), .saveResults])
        #expect(state.currentIndex == 3)
        // Other slots, and moves that are refused, never ask.
        var early = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(11, 0))
        try Fixtures.run(&early, [(Fixtures.at(11, 0), .start)])
        #expect(WorkshopReducer.reduce(&early, .agenda(.requestMove(.next)), now: Fixtures.at(11, 1)) == [.appendJournal(.next), .saveResults])
        #expect(WorkshopReducer.reduce(&early, .agenda(.requestMove(.jump(slot: 9))), now: Fixtures.at(11, 2)).isEmpty)
        #expect(early.screen == .agenda)
    }

    @Test func aFloatingAgendaHasNoClockTimesSoNeverAsks() throws {
        var session = Fixtures.sevilla()
        session.agenda = session.agenda.map { slot in
            var slot = slot
            slot.start = nil
            slot.durationMinutes = slot.durationMinutes ?? 10
            return slot
        }
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [(Fixtures.at(12, 0), .start)])
        #expect(WorkshopReducer.reduce(&state, .agenda(.requestMove(.jump(slot: 3))), now: Fixtures.at(12, 1)) == [.appendJournal(.jump(slot: 3)), .saveResults])
    }

    @Test func previousSoonAfterNextUndoesIt() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [(Fixtures.at(12, 0), .start), (Fixtures.at(12, 10), .next), (Fixtures.at(12, 10, 20), .previous)])
        #expect(state.currentIndex == 0)
        #expect(state.progress[0].runs == [.init(start: Fixtures.at(12, 0), end: nil)])
        #expect(state.progress[1].runs.isEmpty)
    }

    @Test func previousLaterReturnsToTheSlotAsANewRun() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [(Fixtures.at(12, 0), .start), (Fixtures.at(12, 10), .next), (Fixtures.at(12, 15), .previous)])
        #expect(state.currentIndex == 0)
        #expect(state.progress[0].runs.count == 2)
        #expect(state.progress[1].runs == [.init(start: Fixtures.at(12, 10), end: Fixtures.at(12, 15))])
        state.now = Fixtures.at(12, 20)
        #expect(LiveSchedule(state: state).elapsedSeconds == 15 * 60)
    }

    @Test func beforeTheStartMovingOnlySelects() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(11, 0))
        try Fixtures.run(&state, [(Fixtures.at(11, 0), .next), (Fixtures.at(11, 1), .jump(slot: 3))])
        #expect(state.currentIndex == 3)
        #expect(state.progress.allSatisfy { $0.runs.isEmpty })
        try Fixtures.run(&state, [(Fixtures.at(11, 2), .start)])
        #expect(state.progress[3].runs.count == 1)
    }

    @Test func shorteningStopsAtOneMinute() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [(Fixtures.at(12, 0), .jump(slot: 1))])
        for _ in 0..<9 { try Fixtures.run(&state, [(Fixtures.at(12, 0), .adjust(slot: 1, seconds: -60))]) }
        let effects = WorkshopReducer.reduce(&state, .command(.adjust(slot: 1, seconds: -60)), now: Fixtures.at(12, 0))
        #expect(effects.isEmpty)
        #expect(state.progress[1].adjustmentSeconds == -540)
    }

    @Test func endingClosesTheSlotAndRefusesFurtherMoves() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [(Fixtures.at(12, 0), .start), (Fixtures.at(12, 5), .pause), (Fixtures.at(12, 6), .end)])
        #expect(state.hasEnded)
        #expect(state.progress[0].pausedMilliseconds == 60_000)
        #expect(state.progress[0].actualEnd == Fixtures.at(12, 6))
        #expect(WorkshopReducer.reduce(&state, .command(.next), now: Fixtures.at(12, 7)).isEmpty)
        #expect(WorkshopReducer.reduce(&state, .command(.start), now: Fixtures.at(12, 7)).isEmpty)
    }

    @Test func overlaysOpenAndClose() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        _ = WorkshopReducer.reduce(&state, .agenda(.openJumpPicker), now: Fixtures.at(12, 0))
        _ = WorkshopReducer.reduce(&state, .agenda(.moveJumpSelection(by: 10)), now: Fixtures.at(12, 0))
        #expect(state.screen == .jumpPicker(selection: 4))
        _ = WorkshopReducer.reduce(&state, .agenda(.moveJumpSelection(by: -10)), now: Fixtures.at(12, 0))
        #expect(state.screen == .jumpPicker(selection: 0))
        _ = WorkshopReducer.reduce(&state, .app(.dismissOverlay), now: Fixtures.at(12, 0))
        #expect(state.screen == .agenda)
        #expect(WorkshopReducer.reduce(&state, .app(.confirmQuit), now: Fixtures.at(12, 0)) == [.saveResults, .quit])
    }

    @Test func noticesExpire() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        _ = WorkshopReducer.reduce(&state, .app(.notify("hello", .info)), now: Fixtures.at(12, 0))
        _ = WorkshopReducer.reduce(&state, .tick, now: Fixtures.at(12, 0, 5))
        #expect(state.notice?.text == "hello")
        _ = WorkshopReducer.reduce(&state, .tick, now: Fixtures.at(12, 0, 6))
        #expect(state.notice == nil)
    }

    @Test func aJournalFailureMakesTheWorkshopReadOnly() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        _ = WorkshopReducer.reduce(&state, .storage(.failed(StorageFailure(kind: .journal, message: "disk full"))), now: Fixtures.at(12, 0))
        #expect(WorkshopReducer.reduce(&state, .command(.start), now: Fixtures.at(12, 0)).isEmpty)
        #expect(!state.hasStarted)
        // A later results failure must not hide the journal failure.
        _ = WorkshopReducer.reduce(&state, .storage(.failed(StorageFailure(kind: .results, message: "x"))), now: Fixtures.at(12, 0))
        #expect(state.storageFailure?.kind == .journal)
    }
}
