/// When the results snapshot is written next. The journal is the durable record, so the snapshot may lag it a
/// little: it is written at most once a second while actions keep coming, and a moment after the room goes quiet
/// (decision 60). Times come from the runner's clock, so tests drive the schedule with a manual clock.
public struct ResultsSchedule: Sendable, Equatable {
    /// No two scheduled writes start closer together than this, and no change waits longer for one.
    public static let intervalMilliseconds: Int64 = 1000
    /// Quiet after the last change that counts as the room going idle.
    public static let idleMilliseconds: Int64 = 200

    /// The first change that no snapshot handed to the writer holds yet, and the latest one.
    public private(set) var firstUnsaved: Instant?
    public private(set) var lastChange: Instant?
    /// When the last snapshot was handed to the writer.
    public private(set) var lastStarted: Instant?

    public init() {}

    public var hasUnsavedChanges: Bool { firstUnsaved != nil }

    /// The state changed at `now` in a way the results file shows.
    public mutating func changed(at now: Instant) {
        if firstUnsaved == nil { firstUnsaved = now }
        lastChange = max(lastChange ?? now, now)
    }

    /// When the next write is due: once the room has been quiet for `idleMilliseconds`, or `intervalMilliseconds`
    /// after the first unsaved change if it never goes quiet, but never within `intervalMilliseconds` of the last
    /// write's start. Nil when there is nothing to write.
    public var dueAt: Instant? {
        guard let first = firstUnsaved, let last = lastChange else { return nil }
        let wanted = min(last.adding(milliseconds: Self.idleMilliseconds), first.adding(milliseconds: Self.intervalMilliseconds))
        guard let lastStarted else { return wanted }
        return max(wanted, lastStarted.adding(milliseconds: Self.intervalMilliseconds))
    }

    public func isDue(at now: Instant) -> Bool {
        dueAt.map { $0 <= now } ?? false
    }

    /// A snapshot of the state as it is at `now` was handed to the writer: nothing is unsaved any more.
    public mutating func started(at now: Instant) {
        firstUnsaved = nil
        lastChange = nil
        lastStarted = now
    }

    /// The write started at `startedAt` failed: its changes are unsaved again, retried at the next due write.
    public mutating func failed(startedAt: Instant) {
        firstUnsaved = min(firstUnsaved ?? startedAt, startedAt)
        lastChange = max(lastChange ?? startedAt, startedAt)
    }
}
