import PlenaryEngine

/// Times as a report shows them. The results file writes local times with their offset
/// ("2025-03-11T12:30:00+01:00"), so the wall-clock time the room saw is already in the text: reading it back
/// needs no time zone rules.
enum ReportTime {
    /// "12:30" from "2025-03-11T12:30:00+01:00"; anything unexpected is shown as written.
    static func clock(_ iso: String) -> String {
        guard LocalCalendar.instant(fromISO8601: iso) != nil else { return iso }
        return String(iso.dropFirst(11).prefix(5))
    }

    /// "2025-03-11 12:30".
    static func dateAndClock(_ iso: String) -> String {
        guard LocalCalendar.instant(fromISO8601: iso) != nil else { return iso }
        return "\(iso.prefix(10)) \(clock(iso))"
    }
}
