/// The rule a TZif file's footer gives for the years after its last transition: a POSIX `TZ` string with RFC 8536's
/// extensions, such as `CET-1CEST,M3.5.0,M10.5.0/3` (Central European Time: UTC+1, summer time from 02:00 on the
/// last Sunday of March to 03:00 on the last Sunday of October).
///
/// Only what the database writes is understood: names alphabetic or in `<…>`, offsets `[+-]hh[:mm[:ss]]`, dates
/// `Mm.w.d`, `Jn` and `n`, times from -167 to 167 hours. A summer-time name without a rule is refused (POSIX leaves
/// that rule to the implementation), so the caller falls back to `TimeZone`.
struct PosixZoneRule: Equatable {
    /// Offsets east of UTC, in seconds (the string writes them west of UTC).
    var standardOffset: Int32
    var daylight: Daylight?

    struct Daylight: Equatable {
        var offset: Int32
        var start: Transition
        var end: Transition
    }

    /// A day of the year and a local time of that day (seconds, may be negative or past 24 h).
    struct Transition: Equatable {
        enum Day: Equatable {
            /// Month 1-12, week 1-5 (5: the last), weekday 0 (Sunday) to 6.
            case monthWeekDay(month: Int, week: Int, weekday: Int)
            /// 1-365, February 29 never counted.
            case julianNoLeap(Int)
            /// 0-365, February 29 counted.
            case zeroBased(Int)
        }

        var day: Day
        var time: Int64

        /// Days since 1970-01-01 of this transition's day in `year`.
        func daysSinceEpoch(in year: Int) -> Int64 {
            switch day {
            case let .monthWeekDay(month, week, weekday):
                let first = LocalCalendar.daysSinceEpoch(year: year, month: month, day: 1)
                // 1970-01-01 was a Thursday (4).
                let firstWeekday = Int(((first + 4) % 7 + 7) % 7)
                var dayOfMonth = 1 + (weekday - firstWeekday + 7) % 7 + 7 * (week - 1)
                let length = LocalCalendar.daysIn(month: month, year: year)
                while dayOfMonth > length { dayOfMonth -= 7 }
                return first + Int64(dayOfMonth - 1)
            case let .julianNoLeap(number):
                let january1 = LocalCalendar.daysSinceEpoch(year: year, month: 1, day: 1)
                let leapDayPassed = LocalCalendar.isLeap(year) && number >= 60
                return january1 + Int64(number - 1) + (leapDayPassed ? 1 : 0)
            case let .zeroBased(number):
                return LocalCalendar.daysSinceEpoch(year: year, month: 1, day: 1) + Int64(number)
            }
        }
    }

    /// The offset east of UTC, in seconds, at `second` (seconds since 1970 UTC).
    func utcOffset(atSecond second: Int64) -> Int32 {
        guard let daylight else { return standardOffset }
        // The year as standard time reads it; the transitions of that year decide.
        let localDays = LocalCalendar.floorDivide(second + Int64(standardOffset), 86_400)
        let year = LocalCalendar.civilDate(daysSinceEpoch: localDays).0
        // Each transition's time is local time as it reads just before it: standard time before summer time
        // starts, summer time before it ends.
        let start = daylight.start.daysSinceEpoch(in: year) * 86_400 + daylight.start.time - Int64(standardOffset)
        let end = daylight.end.daysSinceEpoch(in: year) * 86_400 + daylight.end.time - Int64(daylight.offset)
        let inDaylight = start < end ? (second >= start && second < end) : (second >= start || second < end)
        return inDaylight ? daylight.offset : standardOffset
    }

    /// nil for anything this reader does not understand.
    static func parse(_ text: String) -> PosixZoneRule? {
        var scanner = Scanner(Array(text.utf8))
        guard scanner.name(), let standardWest = scanner.offset() else { return nil }
        let standard = Int32(-standardWest)
        if scanner.atEnd { return PosixZoneRule(standardOffset: standard, daylight: nil) }
        guard scanner.name() else { return nil }
        var daylightOffset = standard + 3600
        if !scanner.peek(0x2C) {
            guard let west = scanner.offset() else { return nil }
            daylightOffset = Int32(-west)
        }
        guard scanner.take(0x2C), let start = scanner.transition(), scanner.take(0x2C), let end = scanner.transition(),
              scanner.atEnd else { return nil }
        return PosixZoneRule(standardOffset: standard, daylight: Daylight(offset: daylightOffset, start: start, end: end))
    }

    /// Reads a TZ string's parts left to right.
    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { position == bytes.count }

        func peek(_ byte: UInt8) -> Bool { position < bytes.count && bytes[position] == byte }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek(byte) else { return false }
            position += 1
            return true
        }

        /// A zone abbreviation: three or more letters, or anything but `>` between `<` and `>`.
        mutating func name() -> Bool {
            if take(0x3C) {
                let start = position
                while position < bytes.count, bytes[position] != 0x3E { position += 1 }
                guard position - start >= 3, take(0x3E) else { return false }
                return true
            }
            let start = position
            while position < bytes.count, (bytes[position] | 0x20) >= 0x61, (bytes[position] | 0x20) <= 0x7A { position += 1 }
            return position - start >= 3
        }

        /// `[+-]hh[:mm[:ss]]` as seconds; `maxHours` bounds the hours.
        mutating func offset(maxHours: Int = 24) -> Int64? {
            var sign: Int64 = 1
            if take(0x2D) { sign = -1 } else { _ = take(0x2B) }
            guard let hours = number(maxDigits: 3), hours <= maxHours else { return nil }
            var seconds = Int64(hours) * 3600
            if take(0x3A) {
                guard let minutes = number(maxDigits: 2), minutes < 60 else { return nil }
                seconds += Int64(minutes) * 60
                if take(0x3A) {
                    guard let extra = number(maxDigits: 2), extra < 60 else { return nil }
                    seconds += Int64(extra)
                }
            }
            return sign * seconds
        }

        /// `date[/time]`.
        mutating func transition() -> Transition? {
            let day: Transition.Day
            if take(0x4D) {
                guard let month = number(maxDigits: 2), (1...12).contains(month), take(0x2E),
                      let week = number(maxDigits: 1), (1...5).contains(week), take(0x2E),
                      let weekday = number(maxDigits: 1), weekday <= 6 else { return nil }
                day = .monthWeekDay(month: month, week: week, weekday: weekday)
            } else if take(0x4A) {
                guard let number = number(maxDigits: 3), (1...365).contains(number) else { return nil }
                day = .julianNoLeap(number)
            } else {
                guard let number = number(maxDigits: 3), number <= 365 else { return nil }
                day = .zeroBased(number)
            }
            var time: Int64 = 7200
            if take(0x2F) {
                guard let given = offset(maxHours: 167) else { return nil }
                time = given
            }
            return Transition(day: day, time: time)
        }

        mutating func number(maxDigits: Int) -> Int? {
            let start = position
            var value = 0
            while position < bytes.count, position - start < maxDigits, bytes[position] >= 0x30, bytes[position] <= 0x39 {
                value = value * 10 + Int(bytes[position] - 0x30)
                position += 1
            }
            return position > start ? value : nil
        }
    }
}
