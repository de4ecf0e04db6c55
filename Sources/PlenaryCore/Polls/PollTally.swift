/// Adds up one round of a poll into bars ready to draw or report.
///
/// Derived every time from the round's ballots, never stored: the journal holds ballots, so a fix here corrects
/// every past report too. Ballots that `BallotValidation` would refuse are left out rather than trusted, so one
/// bad record can never push a bar past 100% or crash the reveal.
public enum PollTally {
    /// - Parameter language: the session's language, for the stop words dropped from open-text word lists.
    public static func results(of round: PollRound, for poll: PollDefinition, language: String = "en") -> PollResults {
        let ballots = round.ballots
            .filter { BallotValidation.problem(with: $0, for: poll) == nil }
            .map(BallotValidation.normalized)
        switch poll.type {
        case .single, .multiple: return choice(ballots, handCounts: round.handCounts, poll: poll)
        case .scale: return scale(ballots, poll: poll)
        case .open: return open(ballots, language: language)
        case .ranking: return ranking(ballots, poll: poll)
        case .allocation: return allocation(ballots, poll: poll)
        }
    }

    /// How many voted in a round: what lists and headers show, without building bars or a word list.
    public static func ballotCount(of round: PollRound, for poll: PollDefinition) -> Int {
        let valid = round.ballots.count { BallotValidation.problem(with: $0, for: poll) == nil }
        let isChoice = poll.type == .single || poll.type == .multiple
        return valid + (isChoice ? handVoters(round.handCounts, poll: poll) : 0)
    }

    /// For a single choice every raised hand is a voter; for a multiple choice a person raises a hand several
    /// times, so the largest count is the best (lower-bound) guess at how many voted.
    private static func handVoters(_ handCounts: [Int]?, poll: PollDefinition) -> Int {
        let hands = (handCounts ?? []).prefix(poll.options.count).map { Swift.max(0, $0) }
        return poll.type == .single ? hands.reduce(0, +) : (hands.max() ?? 0)
    }

    // MARK: - Kinds

    /// Hand counts add to each option (see `handVoters` for how many people they stand for).
    private static func choice(_ ballots: [Ballot], handCounts: [Int]?, poll: PollDefinition) -> PollResults {
        var counts = Array(repeating: 0, count: poll.options.count)
        for ballot in ballots {
            switch ballot {
            case .single(let option): counts[option] += 1
            case .multiple(let options): for option in options { counts[option] += 1 }
            default: break
            }
        }
        let hands = (handCounts ?? []).prefix(counts.count).map { Swift.max(0, $0) }
        for (option, hand) in hands.enumerated() { counts[option] += hand }
        let voters = ballots.count + handVoters(handCounts, poll: poll)

        let rows = counts.enumerated().map { option, count in
            PollResults.Row(
                label: poll.options[option], optionIndex: option, value: Double(count),
                fraction: Double(count) / Double(Swift.max(1, voters)),
                valueText: "\(count) · \(percent(count, of: voters))%")
        }
        return PollResults(ballotCount: voters, rows: byValueThenOption(rows))
    }

    /// Rows stay in scale order: a distribution read as sorted bars would lose its shape.
    private static func scale(_ ballots: [Ballot], poll: PollDefinition) -> PollResults {
        let scale = poll.scale ?? BallotValidation.defaultScale
        let values = ballots.compactMap { ballot -> Int? in
            if case .scale(let value) = ballot { value } else { nil }
        }
        let span = scale.max >= scale.min ? Array(scale.min...scale.max) : []
        let distribution = span.map { point in values.count(where: { $0 == point }) }

        let rows = zip(span, distribution).map { point, count in
            PollResults.Row(
                label: scaleLabel(point, scale), optionIndex: nil, value: Double(count),
                fraction: values.isEmpty ? 0 : Double(count) / Double(values.count),
                valueText: "\(count) · \(percent(count, of: values.count))%")
        }
        let statistics = ScaleStatistics(mean: mean(values), median: median(values), distribution: distribution)
        return PollResults(ballotCount: values.count, rows: rows, scale: statistics)
    }

    private static func open(_ ballots: [Ballot], language: String) -> PollResults {
        let answers = ballots.compactMap { ballot -> String? in
            if case .open(let text) = ballot { text } else { nil }
        }
        let terms = WordFrequency.terms(in: answers, language: language)
        let top = terms.first?.count ?? 0
        let rows = terms.map { term, count in
            PollResults.Row(
                label: term, optionIndex: nil, value: Double(count),
                fraction: top == 0 ? 0 : Double(count) / Double(top), valueText: "\(count)")
        }
        return PollResults(ballotCount: answers.count, rows: rows, answers: answers)
    }

    /// Positional scoring: with N items the first place earns N points and the last 1, so an average of N means
    /// everyone put the item first.
    private static func ranking(_ ballots: [Ballot], poll: PollDefinition) -> PollResults {
        let itemCount = poll.options.count
        var totals = Array(repeating: 0, count: itemCount)
        var ballotCount = 0
        for case .ranking(let order) in ballots {
            ballotCount += 1
            for (place, item) in order.enumerated() { totals[item] += itemCount - place }
        }
        let rows = totals.enumerated().map { item, total in
            let average = ballotCount == 0 ? 0 : Double(total) / Double(ballotCount)
            return PollResults.Row(
                label: poll.options[item], optionIndex: item, value: average,
                fraction: itemCount == 0 ? 0 : average / Double(itemCount),
                valueText: "\(oneDecimal(total, over: ballotCount)) pts")
        }
        return PollResults(ballotCount: ballotCount, rows: byValueThenOption(rows))
    }

    private static func allocation(_ ballots: [Ballot], poll: PollDefinition) -> PollResults {
        var totals = Array(repeating: 0, count: poll.options.count)
        var ballotCount = 0
        for case .allocation(let points) in ballots {
            ballotCount += 1
            for (item, given) in points.enumerated() { totals[item] += given }
        }
        let everything = ballotCount * (poll.points ?? BallotValidation.defaultPoints)
        let rows = totals.enumerated().map { item, total in
            PollResults.Row(
                label: poll.options[item], optionIndex: item, value: Double(total),
                fraction: everything == 0 ? 0 : Double(total) / Double(everything),
                valueText: "\(total) pts · \(percent(total, of: everything))%")
        }
        return PollResults(ballotCount: ballotCount, rows: byValueThenOption(rows))
    }

    // MARK: - Helpers

    /// Highest first; equal values keep the order the poll lists its options in, so ties never shuffle.
    private static func byValueThenOption(_ rows: [PollResults.Row]) -> [PollResults.Row] {
        rows.sorted { a, b in
            a.value != b.value ? a.value > b.value : (a.optionIndex ?? 0) < (b.optionIndex ?? 0)
        }
    }

    /// "1 · Not at all" at a labelled end, plain "3" elsewhere.
    private static func scaleLabel(_ point: Int, _ scale: RatingScale) -> String {
        let label = point == scale.min ? scale.minLabel : point == scale.max ? scale.maxLabel : nil
        guard let label, !label.isEmpty else { return "\(point)" }
        return "\(point) · \(label)"
    }

    /// Whole percent, halves rounded up, in integers so the text never depends on floating-point formatting.
    static func percent(_ part: Int, of whole: Int) -> Int {
        whole <= 0 ? 0 : (part * 200 + whole) / (2 * whole)
    }

    /// `total / count` with one decimal ("4.2"), halves rounded up; "0.0" when there is nothing to divide.
    static func oneDecimal(_ total: Int, over count: Int) -> String {
        let tenths = count <= 0 ? 0 : (total * 20 + count) / (2 * count)
        return "\(tenths / 10).\(tenths % 10)"
    }

    private static func mean(_ values: [Int]) -> Double {
        values.isEmpty ? 0 : Double(values.reduce(0, +)) / Double(values.count)
    }

    /// The middle value, or the average of the two middle values for an even count.
    private static func median(_ values: [Int]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }
}
