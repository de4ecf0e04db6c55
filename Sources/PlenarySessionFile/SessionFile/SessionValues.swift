import PlenaryEngine

/// Parsers for the scalar formats of a session file. Each returns the value or the message to report.
enum SessionValues {
    private static func digits(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 9, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    /// `HH:MM` or `H:MM`, 24-hour.
    static func time(_ raw: String) -> Result<TimeOfDay, ValueProblem> {
        let text = trimmed(raw)
        for separator: Character in [":", ".", "h", "H"] {
            let parts = text.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
                  let hour = digits(parts[0]), let minute = digits(parts[1]) else { continue }
            guard hour < 24, minute < 60 else {
                return .fail("\"\(raw)\" is not a time of day (00:00 to 23:59)")
            }
            let time = TimeOfDay(hour: hour, minute: minute)
            return separator == ":" ? .success(time) : .fail("\"\(raw)\" is not a time: write \(time)")
        }
        return .fail("expected a time like 09:30, found \"\(raw)\"")
    }

    /// Minutes: `45`, `90m`, `1h`, `1h30`, `1h30m`.
    static func minutes(_ raw: String) -> Result<Int, ValueProblem> {
        let text = Substring(unitsShortened(trimmed(raw)))
        let invalid = Result<Int, ValueProblem>.fail("expected minutes (like 45) or a length like \"1h30\", found \"\(raw)\"")
        var value: Int
        if let plain = digits(text) {
            value = plain
        } else if text.hasSuffix("m"), !text.contains("h"), let plain = digits(text.dropLast()) {
            value = plain
        } else if let h = text.firstIndex(of: "h") {
            guard let hours = digits(text[..<h]) else { return invalid }
            var rest = text[text.index(after: h)...]
            if rest.hasSuffix("m") { rest = rest.dropLast() }
            let extra: Int
            if rest.isEmpty {
                guard !text.hasSuffix("m") else { return invalid }
                extra = 0
            } else {
                guard let m = digits(rest), m < 60 else { return invalid }
                extra = m
            }
            value = hours * 60 + extra
        } else {
            return invalid
        }
        if value <= 0 { return .fail("must be more than 0 minutes") }
        if value > 24 * 60 { return .fail("must be at most 24 hours, found \(value) minutes") }
        return .success(value)
    }

    /// "30 min", "1 hour 30 mins", "1 hr" → "30m", "1h30m", "1h": lengths as people write them in an agenda.
    static func unitsShortened(_ text: String) -> String {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            let isDigit = character.isASCII && character.isNumber
            if character == " " || (!current.isEmpty && isDigit != (current.last!.isASCII && current.last!.isNumber)) {
                if !current.isEmpty { words.append(current) }
                current = character == " " ? "" : String(character)
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        // `concatenated`, not `joined`: this runs for every slot before the first frame (decision 109).
        return words.map { word in
            switch word {
            case "min", "mins", "minute", "minutes": "m"
            case "hr", "hrs", "hour", "hours": "h"
            default: word
            }
        }.concatenated()
    }

    /// `YYYY-MM-DD`, checked against the calendar.
    static func date(_ raw: String) -> Result<CalendarDate, ValueProblem> {
        let parts = trimmed(raw).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = digits(parts[0]), let month = digits(parts[1]), let day = digits(parts[2]) else {
            return .fail("expected a date like 2025-03-11, found \"\(raw)\"")
        }
        guard year >= 1, (1...12).contains(month), (1...LocalCalendar.daysIn(month: month, year: year)).contains(day) else {
            return .fail("\"\(raw)\" is not a real date")
        }
        return .success(CalendarDate(year: year, month: month, day: day))
    }

    /// Ids are lower-case ASCII letters, digits, `-` and `_`.
    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { c in
            ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "-" || c == "_"
        }
    }

    /// A suggestion for an invalid id: `"WG 1"` → `wg-1`.
    static func suggestedID(_ id: String) -> String {
        var result = ""
        for c in id.lowercased().unicodeScalars {
            if ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-" {
                result.unicodeScalars.append(c)
            } else if !result.isEmpty, !result.hasSuffix("-") {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }

    /// BCP 47-ish: `en`, `es`, `pt-BR`, `zh-Hant`.
    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
              first.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
            }
        }
    }

    /// Without leading and trailing spaces, tabs and line breaks.
    static func trimmed(_ text: String) -> String { text.trimmingWhitespace }
}

/// Why a scalar could not be read; `message` is reported as is.
struct ValueProblem: Error, Equatable {
    var message: String
}

extension Result where Failure == ValueProblem {
    static func fail(_ message: String) -> Self { .failure(ValueProblem(message: message)) }
}
