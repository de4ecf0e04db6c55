import Testing
import PlenaryEngine
import PlenaryTestSupport

/// At a rehearsal's speed a notice still stays its real seconds on screen: people read it, not the clock.
@Suite struct RehearsalNoticeTests {
    @Test func aNoticeLastsItsSecondsTimesTheSpeedOfRehearsalTime() throws {
        var state = try Fixtures.runningLate
        _ = WorkshopReducer.reduce(&state, .app(.markRehearsal(speed: 60)), now: state.now)
        _ = WorkshopReducer.reduce(&state, .app(.notify("Exported.", .info)), now: state.now)
        let until = try #require(state.notice?.until)
        #expect(until == state.now.adding(seconds: WorkshopReducer.noticeSeconds * 60))
        // Five real seconds later (five rehearsal minutes), it is still there; after six real seconds it is gone.
        _ = WorkshopReducer.reduce(&state, .tick, now: state.now.adding(seconds: 5 * 60))
        #expect(state.notice?.text == "Exported.")
        _ = WorkshopReducer.reduce(&state, .tick, now: state.now.adding(seconds: 60 + 1))
        #expect(state.notice == nil)
    }

    @Test func aRealRunKeepsItsNoticesSeconds() throws {
        var state = try Fixtures.runningLate
        _ = WorkshopReducer.reduce(&state, .app(.notify("Exported.", .info)), now: state.now)
        #expect(state.notice?.until == state.now.adding(seconds: WorkshopReducer.noticeSeconds))
    }
}
