import PlenaryEngine

/// How durations read on screen.
enum TimeText {
    /// "04:07" for 247 s, "1:02:07" past an hour; negative values get a leading "+" (time over).
    static func clock(_ seconds: Int64) -> String {
        let value = abs(seconds)
        let hours = value / 3600, minutes = value / 60 % 60, secs = value % 60
        let body = hours > 0
            ? "\(hours):\(two(minutes)):\(two(secs))"
            : "\(two(minutes)):\(two(secs))"
        return (seconds < 0 ? "+" : "") + body
    }

    /// "7 min", "1 h 05 min": the distance, rounded to the nearest minute as everywhere (`WholeMinutes`).
    static func minutes(_ seconds: Int64) -> String {
        let total = abs(WholeMinutes.rounded(seconds))
        if total >= 60 { return "\(total / 60) h \(two(total % 60)) min" }
        return "\(total) min"
    }

    /// "on time", "7 min behind", "3 min ahead": within half a minute counts as on time.
    static func delay(_ seconds: Int64) -> String {
        if abs(seconds) < 60 { return "on time" }
        return seconds > 0 ? "\(minutes(seconds)) behind" : "\(minutes(seconds)) ahead"
    }

    private static func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
