import Foundation

/// Converts instants to the session's local time. Pure: uses time-zone rules, never the current time.
public struct LocalCalendar: Sendable, Equatable {
    public let timeZoneIdentifier: String
    /// The zone's rules from the system's database, read once per process (decision 104); nil: `TimeZone` answers.
    private let rules: ZoneRules?

    public init(timeZoneIdentifier: String) {
        self.timeZoneIdentifier = timeZoneIdentifier
        self.rules = ZoneRules.system(identifier: timeZoneIdentifier)
    }

    /// The same zone is the same calendar (the rules are the zone's, read once).
    public static func == (lhs: LocalCalendar, rhs: LocalCalendar) -> Bool {
        lhs.timeZoneIdentifier == rhs.timeZoneIdentifier
    }

    /// Whether `identifier` names a time zone this calendar can follow: one in the system's database, or one
    /// Foundation knows.
    public static func knowsZone(_ identifier: String) -> Bool {
        !identifier.isEmpty && (ZoneRules.system(identifier: identifier) != nil || TimeZone(identifier: identifier) != nil)
    }

    /// Offset from UTC in seconds at `instant` (follows daylight saving).
    public func utcOffsetSeconds(at instant: Instant) -> Int64 {
        if let offset = rules?.utcOffset(atSecond: floorDivide(instant.milliseconds, 1000)) { return Int64(offset) }
        let zone = TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(secondsFromGMT: 0)!
        return Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant.milliseconds) / 1000)))
    }

    /// Seconds since local midnight at `instant`.
    public func secondOfDay(_ instant: Instant) -> Int64 {
        let local = Int64(floorDivide(instant.milliseconds, 1000)) + utcOffsetSeconds(at: instant)
        return ((local % 86_400) + 86_400) % 86_400
    }

    /// The instant of local midnight that begins the day containing `instant`.
    public func startOfDay(containing instant: Instant) -> Instant {
        let base = instant.adding(seconds: -secondOfDay(instant))
        return Instant(milliseconds: base.milliseconds - ((instant.milliseconds % 1000) + 1000) % 1000)
    }

    /// "14:05" in local time, to the nearest minute: a slot due at 14:04:50 reads 14:05, not a time already past.
    public func clockTime(_ instant: Instant) -> String {
        let second = secondOfDay(instant.adding(seconds: 30))
        return Self.twoDigits(second / 3600) + ":" + Self.twoDigits(second / 60 % 60)
    }

    /// "14:05:09" in local time (the wall clock: never rounded).
    public func clockTimeWithSeconds(_ instant: Instant) -> String {
        let second = secondOfDay(instant)
        return Self.twoDigits(second / 3600) + ":" + Self.twoDigits(second / 60 % 60) + ":" + Self.twoDigits(second % 60)
    }

    /// The local calendar date at `instant`.
    public func date(of instant: Instant) -> CalendarDate {
        let local = floorDivide(instant.milliseconds, 1000) + utcOffsetSeconds(at: instant)
        let (year, month, day) = Self.civilDate(daysSinceEpoch: floorDivide(local, 86_400))
        return CalendarDate(year: year, month: month, day: day)
    }

    /// ISO 8601 with the local offset, e.g. "2025-03-11T12:30:00+01:00", for the results file.
    public func iso8601(_ instant: Instant) -> String {
        let offset = utcOffsetSeconds(at: instant)
        let localSeconds = floorDivide(instant.milliseconds, 1000) + offset
        let days = floorDivide(localSeconds, 86_400)
        let (year, month, day) = Self.civilDate(daysSinceEpoch: days)
        let second = localSeconds - days * 86_400
        let sign = offset < 0 ? "-" : "+"
        let absOffset = abs(offset)
        return "\(year)-\(Self.twoDigits(Int64(month)))-\(Self.twoDigits(Int64(day)))T"
            + "\(Self.twoDigits(second / 3600)):\(Self.twoDigits(second / 60 % 60)):\(Self.twoDigits(second % 60))"
            + "\(sign)\(Self.twoDigits(absOffset / 3600)):\(Self.twoDigits(absOffset / 60 % 60))"
    }

    /// Reads back what `iso8601` writes ("2025-03-11T12:30:00+01:00", or "…Z"); nil for anything else.
    public static func instant(fromISO8601 text: String) -> Instant? {
        let scalars = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count else { return nil }
            var value = 0
            for byte in scalars[range] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard scalars.count >= 20, scalars[4] == 0x2D, scalars[7] == 0x2D, scalars[10] == 0x54, scalars[13] == 0x3A,
              scalars[16] == 0x3A,
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var offset = 0
        if scalars.count == 20 && scalars[19] == 0x5A {
            offset = 0
        } else if scalars.count == 25, scalars[19] == 0x2B || scalars[19] == 0x2D, scalars[22] == 0x3A,
                  let offsetHours = number(20..<22), let offsetMinutes = number(23..<25) {
            offset = (offsetHours * 3600 + offsetMinutes * 60) * (scalars[19] == 0x2D ? -1 : 1)
        } else {
            return nil
        }
        let local = daysSinceEpoch(year: year, month: month, day: day) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return Instant(seconds: local - Int64(offset))
    }

    /// Local midnight of a calendar date (used to pin an agenda to the day it was written for).
    public func midnight(of date: CalendarDate) -> Instant {
        let days = Self.daysSinceEpoch(year: date.year, month: date.month, day: date.day)
        let utcMidnight = Instant(seconds: days * 86_400)
        return utcMidnight.adding(seconds: -utcOffsetSeconds(at: utcMidnight))
    }

    private static func twoDigits(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    private func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        Self.floorDivide(a, b)
    }

    /// `a / b` rounded toward minus infinity (b > 0): instants before 1970 fall on the day and second they are in.
    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    /// Gregorian leap years.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days in `month` (1-12) of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's civil calendar algorithm).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilDate(daysSinceEpoch days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}
