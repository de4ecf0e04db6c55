/// A moment, as whole milliseconds since the Unix epoch. Integers so a replayed journal lands on exactly the same state.
public struct Instant: Sendable, Equatable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var milliseconds: Int64

    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    public init(seconds: Int64) {
        self.milliseconds = seconds * 1000
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.milliseconds < rhs.milliseconds }

    public func adding(seconds: Int64) -> Instant { Instant(milliseconds: milliseconds + seconds * 1000) }

    public func adding(milliseconds delta: Int64) -> Instant { Instant(milliseconds: milliseconds + delta) }

    /// Whole seconds from `earlier` to `self` (rounded down).
    public func seconds(since earlier: Instant) -> Int64 {
        let delta = milliseconds - earlier.milliseconds
        return delta >= 0 ? delta / 1000 : -((-delta + 999) / 1000)
    }

    public var description: String { "\(milliseconds)ms" }

    public init(from decoder: any Decoder) throws {
        milliseconds = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(milliseconds)
    }
}

/// Where time comes from. The core never reads the wall clock itself; the runner asks this.
public protocol Clock: Sendable {
    func now() -> Instant
}
