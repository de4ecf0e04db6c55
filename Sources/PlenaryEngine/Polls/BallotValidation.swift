/// Checks a ballot against its poll before it is recorded, and puts it in the form that is recorded.
///
/// Ballots arrive from the voter terminal, which can be out of date or simply wrong; the journal must only ever hold
/// ballots the tally can count. The messages are shown as they are to the voter or the moderator, so they say
/// what to do, not what went wrong inside.
public enum BallotValidation {
    /// Defaults a poll falls back on when its definition leaves them out (the session reader applies the same ones;
    /// repeated here so a poll built in code behaves identically).
    static let defaultScale = RatingScale(min: 1, max: 5)
    static let defaultMaxLength = 280
    static let defaultPoints = 100

    /// Nil when `ballot` may be recorded for `poll`, else one line saying what to change.
    ///
    /// Open text is judged as it will be stored, after `normalized(_:)`: a voter is not refused for a trailing
    /// newline or a doubled space that would never be kept anyway.
    public static func problem(with ballot: Ballot, for poll: PollDefinition) -> String? {
        let optionCount = poll.options.count
        switch (poll.type, ballot) {
        case (.single, .single(let option)):
            guard optionCount > 0 else { return "This poll has no options to choose from." }
            return (0..<optionCount).contains(option) ? nil : "Choose one of options \(range(optionCount))."

        case (.multiple, .multiple(let options)):
            guard optionCount > 0 else { return "This poll has no options to choose from." }
            if options.isEmpty { return "Choose at least one option." }
            if options.contains(where: { !(0..<optionCount).contains($0) }) {
                return "Choose only among options \(range(optionCount))."
            }
            let perOption = poll.maxPerOption ?? 1
            if perOption <= 1 {
                if Set(options).count != options.count { return "Choose each option at most once." }
                if let maxPicks = poll.maxPicks, options.count > maxPicks {
                    return maxPicks == 1 ? "Pick at most 1 option." : "Pick at most \(maxPicks) options."
                }
                return nil
            }
            // A dot vote: the same option may come up to `perOption` times, one per dot.
            var dots = [Int: Int]()
            for option in options { dots[option, default: 0] += 1 }
            if dots.values.contains(where: { $0 > perOption }) {
                return "Put at most \(CountedNoun.phrase(perOption, "dot")) on one item."
            }
            if let maxPicks = poll.maxPicks, options.count > maxPicks {
                return "Place at most \(CountedNoun.phrase(maxPicks, "dot")) in all (this ballot has \(options.count))."
            }
            return nil

        case (.scale, .scale(let value)):
            let scale = poll.scale ?? defaultScale
            return value >= scale.min && value <= scale.max ? nil : "Choose a value from \(scale.min) to \(scale.max)."

        case (.open, .open):
            guard case .open(let text) = normalized(ballot) else { return nil }
            if text.isEmpty { return "The answer is empty." }
            let limit = poll.maxLength ?? defaultMaxLength
            // No text has more characters than UTF-8 bytes, and the bytes are counted already: most answers are
            // judged without walking their grapheme clusters.
            guard text.utf8.count > limit else { return nil }
            let length = text.count
            return length <= limit ? nil : "Answer in at most \(CountedNoun.phrase(limit, "character")) (yours has \(length))."

        case (.ranking, .ranking(let order)):
            guard optionCount > 0 else { return "This poll has no items to rank." }
            // A permutation of 0..<N: right length, every index in range, none repeated.
            let isPermutation = order.count == optionCount
                && order.allSatisfy { (0..<optionCount).contains($0) }
                && Set(order).count == optionCount
            return isPermutation ? nil : "Rank every item exactly once."

        case (.allocation, .allocation(let points)):
            guard optionCount > 0 else { return "This poll has no items to give points to." }
            if points.count != optionCount {
                return "Give points to each of the \(optionCount) items (this ballot has \(points.count))."
            }
            if points.contains(where: { $0 < 0 }) { return "Points can't be negative." }
            let total = poll.points ?? defaultPoints
            // Summed with overflow checks: a hostile ballot of huge numbers must be refused, not crash the run.
            var given = 0
            for value in points {
                let (sum, overflow) = given.addingReportingOverflow(value)
                if overflow { return "Give \(CountedNoun.phrase(total, "point")) in all." }
                given = sum
            }
            return given == total ? nil : "Give \(CountedNoun.phrase(total, "point")) in all; you gave \(given)."

        default:
            return "This poll asks for \(expected(poll.type)), not \(received(ballot))."
        }
    }

    /// The form a ballot is recorded in: multiple-choice picks in ascending order (so equal answers compare equal),
    /// open text on one clean line. Other kinds are returned unchanged.
    ///
    /// Open text is cleaned by `TextPolicy` for one line (controls, escape sequences and bidi overrides dropped, which
    /// could otherwise reorder or hide what the room sees on the shared screen; directional marks kept), then every
    /// whitespace run becomes one space and the ends are trimmed, so equal answers count as one in the word list.
    public static func normalized(_ ballot: Ballot) -> Ballot {
        switch ballot {
        case .multiple(let options):
            return .multiple(options: options.sorted())
        case .open(let text):
            return .open(text: cleanLine(text))
        case .single, .scale, .ranking, .allocation:
            return ballot
        }
    }

    // MARK: - Text

    private static func cleanLine(_ text: String) -> String {
        if isCleanLine(text) { return text }
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in TextPolicy.cleaned(text, for: .line).unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// Printable ASCII, words one space apart, no space at either end: text `cleanLine` gives back unchanged. Most
    /// answers are like this, and each is normalised several times on its way in (the refusal check, the round,
    /// the tally), so it is handed back as it is: no walk over its scalars, and the round and the tally share one
    /// copy of it instead of keeping two (decision 61).
    ///
    /// Read from the string's own storage where it has one: walking `utf8` an index at a time was a twelfth of a
    /// 100k-answer resume (decision 105).
    static func isCleanLine(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(isCleanLine) ?? isCleanLine(text.utf8)
    }

    private static func isCleanLine(_ bytes: some Sequence<UInt8>) -> Bool {
        var previous = UInt8(ascii: " ")
        for byte in bytes {
            guard byte >= 0x20, byte <= 0x7E, byte != UInt8(ascii: " ") || previous != UInt8(ascii: " ") else { return false }
            previous = byte
        }
        return previous != UInt8(ascii: " ")
    }

    // MARK: - Wording

    /// "1–4": options are numbered from 1 on screen.
    private static func range(_ count: Int) -> String {
        count == 1 ? "1" : "1–\(count)"
    }

    private static func expected(_ type: PollType) -> String {
        switch type {
        case .single: "a single choice"
        case .multiple: "a multiple choice"
        case .scale: "a value on a scale"
        case .open: "a text answer"
        case .ranking: "a ranking"
        case .allocation: "a share of points"
        }
    }

    private static func received(_ ballot: Ballot) -> String {
        switch ballot {
        case .single: "a single choice"
        case .multiple: "a multiple choice"
        case .scale: "a scale value"
        case .open: "a text answer"
        case .ranking: "a ranking"
        case .allocation: "points"
        }
    }
}
