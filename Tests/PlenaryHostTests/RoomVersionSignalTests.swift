import Testing
import PlenaryEngine
import PlenaryTestSupport
@testable import PlenaryHost

/// The phones' event streams wait on the room's change signal instead of polling: a publish wakes every parked
/// stream, and nothing wakes one while the room stays as it is.
@Suite struct RoomVersionSignalTests {
    /// Yields until `count` streams are parked (no clock: the test fails by the suite's own limit, not by a timer).
    private func waitUntilParked(_ signal: RoomVersionSignal, count: Int) async {
        while signal.waitingCount < count { await Task.yield() }
    }

    @Test func aNewVersionWakesEveryWaitingStream() async {
        let signal = RoomVersionSignal()
        signal.publish(3)
        async let first = signal.next(after: 3)
        async let second = signal.next(after: 3)
        await waitUntilParked(signal, count: 2)
        signal.publish(4)
        #expect(await first == 4)
        #expect(await second == 4)
        #expect(signal.waitingCount == 0)
    }

    @Test func aStreamThatHasNotSeenTheCurrentVersionGetsItAtOnce() async {
        let signal = RoomVersionSignal()
        signal.publish(7)
        #expect(await signal.next(after: nil) == 7)
        #expect(await signal.next(after: 5) == 7)
        #expect(signal.waitingCount == 0)
    }

    @Test func noChangeWakesNothingAndCancellingEndsTheWait() async {
        let signal = RoomVersionSignal()
        signal.publish(2)
        let waiting = Task { await signal.next(after: 2) }
        await waitUntilParked(signal, count: 1)
        signal.publish(2)
        signal.publish(1)
        #expect(signal.waitingCount == 1, "a version that is not newer leaves the stream parked")
        waiting.cancel()
        #expect(await waiting.value == nil)
        #expect(signal.waitingCount == 0)
    }

    @Test func theInboxSignalsOnlyWhenThePagesWouldChange() async throws {
        let inbox = try #require(WebInbox())
        var session = Fixtures.sevilla()
        session.polls = [PollDefinition(id: "format", question: "Which format?", type: .single, options: ["Panel", "Café"])]
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        inbox.publish(view: RoomView(of: state, for: .voter), rounds: [:])
        let before = inbox.changes.version
        #expect(before == inbox.currentRoom.version)

        let waiting = Task { await inbox.changes.next(after: before) }
        await waitUntilParked(inbox.changes, count: 1)
        inbox.publish(view: RoomView(of: state, for: .voter), rounds: [:])
        #expect(inbox.changes.version == before && inbox.changes.waitingCount == 1, "the same view wakes no page")

        try Fixtures.run(&state, [(Fixtures.at(12, 1), .poll(.open(poll: "format")))])
        inbox.publish(view: RoomView(of: state, for: .voter), rounds: ["format": 1])
        #expect(await waiting.value == before + 1)
        #expect(inbox.currentRoom.version == before + 1)
    }
}
