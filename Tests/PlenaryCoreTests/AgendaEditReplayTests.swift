import Foundation
import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

/// The changed plan lives only in the journal: a resumed workshop must show it as it was left.
@Suite struct AgendaEditReplayTests {
    let files = WorkshopFiles(sessionPath: "w/sevilla.yaml")

    @Test func resumingShowsTheChangedPlanAndItsChanges() throws {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        guard let first = Fixtures.runner(Fixtures.sevilla(), fileSystem: fs, files: files, clock: clock) else {
            Issue.record("the Sevilla fixture does not open"); return
        }
        first.send(.command(.start))
        clock.advance(seconds: 60)
        first.send(.command(.plan(.insert(after: 0, title: "Minister’s message", kind: .talk, minutes: 10))))
        first.send(.command(.plan(.drop(slot: 2))))
        first.send(.command(.plan(.setTitle(slot: 2, title: "Panel"))))
        first.send(.command(.plan(.undo)))
        clock.advance(seconds: 1800)
        first.send(.command(.next))
        first.close()

        clock.advance(seconds: 5)
        guard let reopened = Fixtures.open(Fixtures.sevilla(), fileSystem: fs, files: files, at: clock.now()) else {
            Issue.record("reopen failed"); return
        }
        var expected = first.state
        expected.now = clock.now()
        expected.notice = nil
        #expect(reopened.state == expected)
        #expect(reopened.state.session.agenda.map(\.id) == ["registration", "added-1", "groups", "lunch", "closing"])
        #expect(reopened.state.currentIndex == 1 && reopened.state.currentSlot.title == "Minister’s message")
        #expect(reopened.state.planChanges.inEffect == 2)
        #expect(reopened.state.planChanges.log.map(\.summary) == [
            "Inserted “Minister’s message” (10 min) after “Registration”", "Dropped “Framing”",
            "Renamed “Working groups” to “Panel”", "Undone: Renamed “Working groups” to “Panel”",
        ])
    }
}
