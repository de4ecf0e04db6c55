/// Seconds as whole minutes, the same way on the screen, in the report, the CSV files and the results JSON.
///
/// The rule is round half away from zero (decision 80): 29 s is 0 min, 30 s is 1 min, 89 s is 1 min, 90 s is
/// 2 min, and a negative duration (ahead of plan, shorter than planned) rounds as its positive twin with the sign
/// kept, so "3 min ahead" and "3 min behind" stand for the same distance. Integer arithmetic only, so no reader
/// ever sees a different minute because of floating point.
public enum WholeMinutes {
    /// The nearest whole minute, halves away from zero: −90 s is −2, −89 s is −1, −29 s is 0.
    public static func rounded(_ seconds: Int64) -> Int64 {
        let magnitude = (seconds.magnitude + 30) / 60
        return seconds < 0 ? -Int64(magnitude) : Int64(magnitude)
    }

    /// `rounded` for the `Int` fields of the results file and the report.
    public static func rounded(_ seconds: Int) -> Int {
        Int(rounded(Int64(seconds)))
    }

    /// Minutes still to go on a countdown, any part of a minute counted as a whole one (1 s left is "1 min left").
    ///
    /// Kept apart from `rounded` on purpose: a time box that says "0 min left" while time remains, or "1 min left"
    /// with 89 s to go, tells a group to stop early. Zero or less means the time is up.
    public static func leftOnCountdown(_ seconds: Int64) -> Int64 {
        seconds <= 0 ? 0 : (seconds + 59) / 60
    }
}
