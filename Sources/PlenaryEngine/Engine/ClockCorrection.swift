/// How far the runner's clock readings are moved forward so that the workshop's time never runs backwards.
///
/// A computer whose clock is behind the journal's last record (a flat clock battery, a wrong time set by hand, a
/// clock stepped back by time sync) would otherwise stop the header clock and every timer until the clock caught
/// up, silently. Instead the workshop counts on from the latest time it has seen, at the clock's own pace, and the
/// moderator is told once.
public struct ClockCorrection: Sendable, Equatable {
    /// Added to every clock reading.
    public var offsetMilliseconds: Int64 = 0
    /// The moderator has been told (once a run: the correction only ever grows, and saying it again helps nobody).
    public var warned = false
    /// The warning as it was shown, so a message that arrives while it is on screen is added to it, not put over it.
    public var warning: String?

    /// A step back shorter than this is jitter (time sync slewing), absorbed without a word.
    public static let warningThresholdMilliseconds: Int64 = 2000

    public init() {}

    /// Moves `latest` on to the corrected reading, never back; returns how far the reading was behind it.
    mutating func advance(_ latest: inout Instant, to reading: Instant) -> Int64 {
        let corrected = reading.adding(milliseconds: offsetMilliseconds)
        let behind = latest.milliseconds - corrected.milliseconds
        if behind > 0 {
            offsetMilliseconds += behind
        } else {
            latest = corrected
        }
        return max(0, behind)
    }

    /// "Computer clock 1 h 5 min behind the journal: counting on from 14:32:05."
    static func warningText(behindMilliseconds: Int64, countingFrom clock: String) -> String {
        let seconds = (behindMilliseconds + 500) / 1000
        let minutes = WholeMinutes.rounded(seconds)
        let amount: String
        if seconds < 120 {
            amount = "\(seconds) s"
        } else if minutes < 120 {
            amount = "\(minutes) min"
        } else if minutes < 48 * 60 {
            amount = "\(minutes / 60) h \(minutes % 60) min"
        } else {
            amount = "\((minutes + 720) / 1440) days"
        }
        return "Computer clock \(amount) behind the journal: counting on from \(clock)."
    }
}
