import PlenaryEngine

/// The one fake clock for every test target: the test moves it by hand (`advance`, or set `current`), so a test
/// says exactly when each action happens.
public final class ManualClock: Clock, @unchecked Sendable {
    public var current: Instant

    public init(_ start: Instant) { current = start }

    public func now() -> Instant { current }

    public func advance(seconds: Int64) { current = current.adding(seconds: seconds) }
}
