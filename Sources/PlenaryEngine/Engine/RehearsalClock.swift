/// The clock of a rehearsal (`plenary run FILE --rehearse`): the day's own clock, started at the agenda's planned start
/// and run at real speed or faster, so an agenda can be tried out the evening before without every timer reading
/// hours behind. The runner and the app loop read it like the wall clock; the core never knows the difference.
public struct RehearsalClock: Clock {
    /// Real time is read here only: the wall clock, injected.
    private let base: any Clock
    /// The rehearsal's time at `launch`.
    public let start: Instant
    /// The wall clock's reading when the rehearsal clock was made.
    public let launch: Instant
    /// Rehearsal seconds per real second.
    public let speed: Int

    /// The speeds `--speed` accepts: 60 turns an hour's slot into a minute, which is as fast as a person can still
    /// follow the screen.
    public static let speeds = 1...60

    public init(base: any Clock, start: Instant, speed: Int) {
        self.base = base
        self.start = start
        self.launch = base.now()
        self.speed = min(max(speed, Self.speeds.lowerBound), Self.speeds.upperBound)
    }

    public func now() -> Instant {
        start.adding(milliseconds: (base.now().milliseconds - launch.milliseconds) * Int64(speed))
    }

    /// Where a rehearsal's day begins: at `time` ("HH:MM") today if given, else at the agenda's planned start today
    /// (in the session's time zone), or at `wallNow` for an agenda without clock times, which starts whenever it
    /// starts. Nil when `time` is not a time of day.
    public static func startInstant(plan: PlannedAgenda, calendar: LocalCalendar, wallNow: Instant, at time: String?) -> Instant? {
        let minute: Int
        if let time {
            guard let parsed = minuteOfDay(time) else { return nil }
            minute = parsed
        } else if plan.isAnchored, let first = plan.entries.first {
            minute = first.startMinute
        } else {
            return wallNow
        }
        return calendar.startOfDay(containing: wallNow).adding(seconds: Int64(minute) * 60)
    }

    /// "09:30" or "9:30" → 570; nil for anything that is not a time of day.
    public static func minuteOfDay(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60 else { return nil }
        return hour * 60 + minute
    }
}
