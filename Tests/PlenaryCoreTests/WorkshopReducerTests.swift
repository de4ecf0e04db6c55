import Testing
@testable import PlenaryCore

@Suite struct WorkshopReducerTests {
    @Test func recordedCommandsAskForTheJournalThenTheResults() {
        var state = Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        let effects = WorkshopReducer.reduce(&state, .command(.start), now: Fixtures.at(12, 0))
        #expect(effects == [.appendJournal(.start), .saveResults])
        #expect(state.recordedCommands == 1)
        #expect(state.phase == .running(since: Fixtures.at(12, 0)))
    }

    @Test func refusedCommandsChangeNothingAndSayWhy() {
        var state = Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        let before = state
        let effects = WorkshopReducer.reduce(&state, .command(.pause), now: Fixtures.at(12, 0))
        #expect(effects.isEmpty)
        #expect(state.progress == before.progress)
        #expect(state.recordedCommands == 0)
        #expect(state.notice?.text == "The workshop has not started yet: press Space to start it.")
    }

    @Test func nextEndsTheSlotAndStartsTheNextOne() {
        var state = Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        Fixtures.run(&state, [(Fixtures.at(12, 0), .start), (Fixtures.at(12, 31), .next)])
        #expect(state.currentIndex == 1)
        #expect(state.progress[0].runs == [.init(start: Fixtures.at(12, 0), end: Fixtures.at(12, 31))])
        #expect(state.progress[1].runs == [.init(start: Fixtures.at(12, 31), end: nil)])
    }

    @Test func nextOnTheLastSlotPointsToTheEndKey() {
        var state = Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        Fixtures.run(&state, [(Fixtures.at(12, 0), .start), (Fixtures.at(12, 1), .jump(slot: 4))])
        _ = WorkshopReducer.reduce(&state, .command(.next), now: Fixtures.at(12, 2))
        #expect(state.notice?.text == "This is the last slot: press E to end the workshop.")
    }

    @Test func previousSoonAfterNextUndoesIt() {
        var state = Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        Fixtures.run(&state, [(Fixtures.at(12, 0), .start), (Fixtures.at(12, 10), .next), (Fixtures.at(12, 10, 20), .previous)])
        #expect(state.currentIndex == 0)
        #expect(state.progress[0].runs == [.init(start: Fixtures.at(12, 0), end: nil)])
        #expect(state.progress[1].runs.isEmpty)
    }

    @Test func previousLaterReturnsToTheSlotAsANewRun() {
        var state = Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        Fixtures.run(&state, [(Fixtures.at(12, 0), .start), (Fixtures.at(12, 10), .next), (Fixtures.at(12, 15), .previous)])
        #expect(state.currentIndex == 0)
        #expect(state.progress[0].runs.count == 2)
        #expect(state.progress[1].runs == [.init(start: Fixtures.at(12, 10), end: Fixtures.at(12, 15))])
        state.now = Fixtures.at(12, 20)
        #expect(LiveSchedule(state: state).elapsedSeconds == 15 * 60)
    }

    @Test func beforeTheStartMovingOnlySelects() {
        var state = Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(11, 0))
        Fixtures.run(&state, [(Fixtures.at(11, 0), .next), (Fixtures.at(11, 1), .jump(slot: 3))])
        #expect(state.currentIndex == 3)
        #expect(state.progress.allSatisfy { $0.runs.isEmpty })
        Fixtures.run(&state, [(Fixtures.at(11, 2), .start)])
        #expect(state.progress[3].runs.count == 1)
    }

    @Test func shorteningStopsAtOneMinute() {
        var state = Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        Fixtures.run(&state, [(Fixtures.at(12, 0), .jump(slot: 1))])
        for _ in 0..<9 { Fixtures.run(&state, [(Fixtures.at(12, 0), .adjust(slot: 1, seconds: -60))]) }
        let effects = WorkshopReducer.reduce(&state, .command(.adjust(slot: 1, seconds: -60)), now: Fixtures.at(12, 0))
        #expect(effects.isEmpty)
        #expect(state.progress[1].adjustmentSeconds == -540)
    }

    @Test func endingClosesTheSlotAndRefusesFurtherMoves() {
        var state = Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        Fixtures.run(&state, [(Fixtures.at(12, 0), .start), (Fixtures.at(12, 5), .pause), (Fixtures.at(12, 6), .end)])
        #expect(state.hasEnded)
        #expect(state.progress[0].pausedMilliseconds == 60_000)
        #expect(state.progress[0].actualEnd == Fixtures.at(12, 6))
        #expect(WorkshopReducer.reduce(&state, .command(.next), now: Fixtures.at(12, 7)).isEmpty)
        #expect(WorkshopReducer.reduce(&state, .command(.start), now: Fixtures.at(12, 7)).isEmpty)
    }

    @Test func overlaysOpenAndClose() {
        var state = Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        _ = WorkshopReducer.reduce(&state, .openJumpPicker, now: Fixtures.at(12, 0))
        _ = WorkshopReducer.reduce(&state, .moveJumpSelection(by: 10), now: Fixtures.at(12, 0))
        #expect(state.screen == .jumpPicker(selection: 4))
        _ = WorkshopReducer.reduce(&state, .moveJumpSelection(by: -10), now: Fixtures.at(12, 0))
        #expect(state.screen == .jumpPicker(selection: 0))
        _ = WorkshopReducer.reduce(&state, .dismissOverlay, now: Fixtures.at(12, 0))
        #expect(state.screen == .agenda)
        #expect(WorkshopReducer.reduce(&state, .confirmQuit, now: Fixtures.at(12, 0)) == [.saveResults, .quit])
    }

    @Test func noticesExpire() {
        var state = Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        _ = WorkshopReducer.reduce(&state, .notify("hello", .info), now: Fixtures.at(12, 0))
        _ = WorkshopReducer.reduce(&state, .tick, now: Fixtures.at(12, 0, 5))
        #expect(state.notice?.text == "hello")
        _ = WorkshopReducer.reduce(&state, .tick, now: Fixtures.at(12, 0, 6))
        #expect(state.notice == nil)
    }

    @Test func aJournalFailureMakesTheWorkshopReadOnly() {
        var state = Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        _ = WorkshopReducer.reduce(&state, .storageFailed(StorageFailure(kind: .journal, message: "disk full")), now: Fixtures.at(12, 0))
        #expect(WorkshopReducer.reduce(&state, .command(.start), now: Fixtures.at(12, 0)).isEmpty)
        #expect(!state.hasStarted)
        // A later results failure must not hide the journal failure.
        _ = WorkshopReducer.reduce(&state, .storageFailed(StorageFailure(kind: .results, message: "x")), now: Fixtures.at(12, 0))
        #expect(state.storageFailure?.kind == .journal)
    }
}
