import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

/// A computer clock behind the journal (issue 11, item 18): time counts on from the journal, and the moderator is told once.
@Suite struct ClockCorrectionTests {
    let files = WorkshopFiles(sessionPath: "w/sevilla.yaml")

    /// A workshop recorded up to 12:40 (started 12:00, framing from 12:31), resumed on a clock that reads 11:30.
    func resumedBehind() throws -> (WorkshopRunner, ManualClock) {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let first = try #require(Fixtures.runner(Fixtures.sevilla(), fileSystem: fs, files: files, clock: clock))
        first.send(.command(.start))
        clock.advance(seconds: 31 * 60)
        first.send(.command(.next))
        clock.advance(seconds: 9 * 60)
        first.send(.command(.adjust(slot: 1, seconds: 60)))
        first.close()
        clock.current = Fixtures.at(11, 30)
        let opened = try #require(Fixtures.open(Fixtures.sevilla(), fileSystem: fs, files: files, at: clock.now()))
        let runner = WorkshopRunner(state: opened.state, journal: opened.journal, fileSystem: fs, files: files,
                                    clock: clock, generator: "test")
        // As `plenary run` reports what it resumed.
        runner.send(.app(.notify(opened.messages.joined(separator: " "), .info)))
        return (runner, clock)
    }

    @Test func theHeaderClockCountsOnFromTheJournalSecondBySecond() throws {
        let (runner, clock) = try resumedBehind()
        var shown: [String] = []
        var elapsed: [Int64] = []
        for _ in 0..<4 {
            shown.append(runner.state.calendar.clockTimeWithSeconds(runner.state.now))
            elapsed.append(LiveSchedule(state: runner.state).elapsedSeconds)
            clock.advance(seconds: 1)
            runner.send(.tick)
        }
        #expect(shown == ["12:40:00", "12:40:01", "12:40:02", "12:40:03"])
        #expect(elapsed == [540, 541, 542, 543])
        // What is recorded next carries the corrected time, so the journal never runs backwards.
        runner.send(.command(.next))
        #expect(runner.state.progress[2].runs.first?.start == Fixtures.at(12, 40, 4))
    }

    @Test func theModeratorIsToldOnceAndTheResumeReportIsNotLost() throws {
        let (runner, clock) = try resumedBehind()
        let notice = try #require(runner.state.notice)
        #expect(notice.text == "Computer clock 70 min behind the journal: counting on from 12:40:00."
            + " Resumed from the journal: 3 recorded actions.")
        #expect(notice.level == .warning)
        // The warning itself fits the status line at 80 columns; what follows it is cut first.
        #expect(notice.text.prefix { $0 != "." }.count + 2 <= 80)
        // It stays while the room waits, until the moderator's next recorded action.
        clock.advance(seconds: 60)
        runner.send(.tick)
        #expect(runner.state.notice == notice)
        runner.send(.command(.adjust(slot: 1, seconds: 60)))
        #expect(runner.state.notice == nil)
        // A second step back is absorbed as well, without a second warning.
        clock.advance(seconds: -600)
        runner.send(.tick)
        #expect(runner.state.notice == nil)
        #expect(runner.state.calendar.clockTimeWithSeconds(runner.state.now) == "12:41:00")
        clock.advance(seconds: 5)
        runner.send(.tick)
        #expect(runner.state.calendar.clockTimeWithSeconds(runner.state.now) == "12:41:05")
    }

    @Test func jitterIsAbsorbedWithoutAWord() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        _ = WorkshopReducer.reduce(&state, .tick, now: Fixtures.at(12, 0, 10))
        _ = WorkshopReducer.reduce(&state, .tick, now: Fixtures.at(12, 0, 9))
        #expect(state.notice == nil)
        #expect(state.now == Fixtures.at(12, 0, 10))
        _ = WorkshopReducer.reduce(&state, .tick, now: Fixtures.at(12, 0, 10))
        #expect(state.now == Fixtures.at(12, 0, 11))
    }

    /// Before the clock warning is shown, a message from the same action is not put over it; after, a new one is.
    @Test func aLaterMessageReplacesTheWarningOnceItHasBeenShownWithTheFirst() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        _ = WorkshopReducer.reduce(&state, .tick, now: Fixtures.at(11, 0))
        #expect(state.notice?.text == "Computer clock 60 min behind the journal: counting on from 12:00:00.")
        _ = WorkshopReducer.reduce(&state, .app(.notify("Resumed.", .info)), now: Fixtures.at(11, 0, 1))
        #expect(state.notice?.text == "Computer clock 60 min behind the journal: counting on from 12:00:00. Resumed.")
        _ = WorkshopReducer.reduce(&state, .app(.notify("Exported.", .success)), now: Fixtures.at(11, 0, 2))
        #expect(state.notice?.text == "Exported.")
    }
}
