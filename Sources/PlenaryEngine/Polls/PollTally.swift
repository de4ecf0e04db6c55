/// Adds up one round of a poll into bars ready to draw or report.
///
/// The one definition of a poll's numbers. A round keeps one of these running, fed each ballot as it is cast
/// (`add`), so a screen or the results file reads the sums without a pass over the ballots (decision 56); a round
/// without one is counted from scratch by the same `add`. The journal holds ballots, never tallies, so a fix here
/// corrects every past report too. Ballots that `BallotValidation` would refuse are left out rather than trusted,
/// so one bad record can never push a bar past 100% or crash the reveal.
public struct PollTally: Sendable, Equatable {
    /// The poll the ballots are counted for.
    public let definition: PollDefinition
    /// Ballots counted: those `BallotValidation` accepts.
    public private(set) var validBallots = 0
    /// Per option: picks (single, multiple), positional points (ranking) or points (allocation); per scale value
    /// from the minimum up (scale).
    private var totals: [Int]
    private var scaleSum = 0
    /// Open text: every answer, alphabetical (a copy shares all but the chunk the next answer goes into).
    private var answers = AlphabeticalAnswers()
    /// Open text: answers per candidate term, apostrophes joining words ("don't").
    private var termCounts: [String: Int] = [:]
    /// Open text: what changes in `termCounts` when apostrophes split words instead ("l'industrie" counts for
    /// "industrie"), as languages with elisions read them. Kept because the round does not know the session
    /// language; only answers with an apostrophe touch it, so most answers count their words once, not twice.
    /// Holds no zero entries.
    private var elisionAdjustments: [String: Int] = [:]

    public init(definition: PollDefinition) {
        self.definition = definition
        if definition.type == .scale {
            let scale = definition.scale ?? BallotValidation.defaultScale
            totals = Array(repeating: 0, count: scale.max >= scale.min ? scale.max - scale.min + 1 : 0)
        } else {
            totals = Array(repeating: 0, count: definition.options.count)
        }
    }

    /// Counts `ballots` from scratch.
    public init(definition: PollDefinition, ballots: [Ballot]) {
        self.init(definition: definition)
        for ballot in ballots { add(ballot) }
    }

    /// Counts one more ballot: constant time for every poll type but open text (one pass over the answer's words).
    public mutating func add(_ ballot: Ballot) {
        guard BallotValidation.problem(with: ballot, for: definition) == nil else { return }
        validBallots += 1
        switch BallotValidation.normalized(ballot) {
        case .single(let option):
            totals[option] += 1
        case .multiple(let options):
            for option in options { totals[option] += 1 }
        case .scale(let value):
            let minimum = (definition.scale ?? BallotValidation.defaultScale).min
            if totals.indices.contains(value - minimum) { totals[value - minimum] += 1 }
            scaleSum += value
        case .open(let text):
            answers.insert(text)
            let joined = WordFrequency.candidateTerms(in: text, splittingAtApostrophes: false)
            for term in joined { termCounts[term, default: 0] += 1 }
            // Scalars, not characters: no grapheme breaking per ballot. An apostrophe fused with a mark is no
            // joiner, so splitting at apostrophes then reads the same words; the answer is the same either way.
            if Self.mayHoldApostrophe(text),
               text.unicodeScalars.contains(where: { $0 == "'" || $0 == "\u{2019}" || $0 == "\u{02BC}" }) {
                let elided = WordFrequency.candidateTerms(in: text, splittingAtApostrophes: true)
                for term in elided { adjustElision(term, by: 1) }
                for term in joined { adjustElision(term, by: -1) }
            }
        case .ranking(let order):
            for (place, item) in order.enumerated() { totals[item] += order.count - place }
        case .allocation(let points):
            for (item, given) in points.enumerated() { totals[item] += given }
        }
    }

    /// An ASCII apostrophe or any byte beyond ASCII (where the typographic ones are), read from the string's own
    /// storage where it has one: most answers are plain and are done with in one pass over their bytes.
    private static func mayHoldApostrophe(_ text: String) -> Bool {
        func scan(_ bytes: some Sequence<UInt8>) -> Bool { bytes.contains { $0 == UInt8(ascii: "'") || $0 >= 0x80 } }
        return text.utf8.withContiguousStorageIfAvailable(scan) ?? scan(text.utf8)
    }

    private mutating func adjustElision(_ term: String, by change: Int) {
        let adjusted = elisionAdjustments[term, default: 0] + change
        elisionAdjustments[term] = adjusted == 0 ? nil : adjusted
    }

    /// - Parameter language: the session's language, for the stop words dropped from open-text word lists.
    public static func results(of round: PollRound, for poll: PollDefinition, language: String = "en") -> PollResults {
        tally(of: round, for: poll).results(handCounts: round.handCounts, language: language)
    }

    /// How many ballots a round has (a show of hands apart): what lists and headers show, without building bars
    /// or a word list.
    public static func ballotCount(of round: PollRound, for poll: PollDefinition) -> Int {
        tally(of: round, for: poll).validBallots
    }

    /// Hands raised in a round's show of hands, all options together; 0 without one, or for a poll that is not a
    /// choice (its bars never count hands).
    public static func handCount(of round: PollRound, for poll: PollDefinition) -> Int {
        let isChoice = poll.type == .single || poll.type == .multiple
        return isChoice ? hands(round.handCounts, optionCount: poll.options.count).reduce(0, +) : 0
    }

    /// The round's running tally when it counts for `poll`, else one counted now.
    private static func tally(of round: PollRound, for poll: PollDefinition) -> PollTally {
        if let running = round.tally, running.definition == poll { return running }
        return PollTally(definition: poll, ballots: round.ballots)
    }

    /// The bars, with the moderator's hand counts (if any) added to the choices.
    public func results(handCounts: [Int]?, language: String) -> PollResults {
        let poll = definition
        switch poll.type {
        case .single, .multiple: return choice(handCounts: handCounts)
        case .scale: return scale()
        case .open:
            let adjustments = WordFrequency.splitsElisions(language) ? elisionAdjustments : [:]
            return Self.open(answers, terms: WordFrequency.top(of: termCounts, adjustedBy: adjustments, language: language))
        case .ranking: return ranking()
        case .allocation: return allocation()
        }
    }

    /// How many people a show of hands stands for. For a single choice every raised hand is a voter; for a multiple
    /// choice a person raises a hand several times, so the largest count is the best (lower-bound) guess.
    public static func handVoters(_ hands: [Int], singleChoice: Bool) -> Int {
        let counted = hands.map { Swift.max(0, $0) }
        return singleChoice ? counted.reduce(0, +) : (counted.max() ?? 0)
    }

    /// The counts that apply: one per option at most, none below zero.
    private static func hands(_ handCounts: [Int]?, optionCount: Int) -> [Int] {
        (handCounts ?? []).prefix(optionCount).map { Swift.max(0, $0) }
    }

    // MARK: - Kinds

    /// Hand counts add to each option's bar, and the shares are of ballots and hand voters together (see
    /// `handVoters`): the room sees one result. The counts stay apart in `ballotCount` and `handCount`.
    private func choice(handCounts: [Int]?) -> PollResults {
        let poll = definition
        var counts = totals
        let hands = Self.hands(handCounts, optionCount: counts.count)
        for (option, hand) in hands.enumerated() { counts[option] += hand }
        let voters = validBallots + Self.handVoters(hands, singleChoice: poll.type == .single)

        // A dot vote's option may hold several dots of one ballot: its share is of all dots placed, never above 1.
        let whole = poll.stacksDots ? counts.reduce(0, +) : voters
        let rows = counts.enumerated().map { option, count in
            PollResults.Row(
                label: poll.options[option], optionIndex: option, value: Double(count),
                fraction: Double(count) / Double(Swift.max(1, whole)),
                valueText: poll.stacksDots ? "\(CountedNoun.phrase(count, "dot")) · \(Self.percent(count, of: whole))%"
                                           : "\(count) · \(Self.percent(count, of: voters))%")
        }
        return PollResults(ballotCount: validBallots, handCount: hands.reduce(0, +), combinedVoterCount: voters,
                           rows: Self.byValueThenOption(rows))
    }

    /// Rows stay in scale order: a distribution read as sorted bars would lose its shape.
    private func scale() -> PollResults {
        let scale = definition.scale ?? BallotValidation.defaultScale
        let count = validBallots
        let rows = totals.enumerated().map { offset, ballots in
            PollResults.Row(
                label: Self.scaleLabel(scale.min + offset, scale), optionIndex: nil, value: Double(ballots),
                fraction: count == 0 ? 0 : Double(ballots) / Double(count),
                valueText: "\(ballots) · \(Self.percent(ballots, of: count))%")
        }
        let statistics = ScaleStatistics(
            mean: count == 0 ? 0 : Double(scaleSum) / Double(count),
            median: Self.median(totals, from: scale.min, count: count), distribution: totals)
        return PollResults(ballotCount: count, rows: rows, scale: statistics)
    }

    private static func open(_ answers: AlphabeticalAnswers, terms: [(term: String, count: Int)]) -> PollResults {
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
    private func ranking() -> PollResults {
        let poll = definition
        let itemCount = poll.options.count
        let ballotCount = validBallots
        let rows = totals.enumerated().map { item, total in
            let average = ballotCount == 0 ? 0 : Double(total) / Double(ballotCount)
            return PollResults.Row(
                label: poll.options[item], optionIndex: item, value: average,
                fraction: itemCount == 0 ? 0 : average / Double(itemCount),
                valueText: "\(Self.oneDecimal(total, over: ballotCount)) pts")
        }
        return PollResults(ballotCount: ballotCount, rows: Self.byValueThenOption(rows))
    }

    private func allocation() -> PollResults {
        let poll = definition
        let ballotCount = validBallots
        let everything = ballotCount * (poll.points ?? BallotValidation.defaultPoints)
        let rows = totals.enumerated().map { item, total in
            PollResults.Row(
                label: poll.options[item], optionIndex: item, value: Double(total),
                fraction: everything == 0 ? 0 : Double(total) / Double(everything),
                valueText: "\(total) pts · \(Self.percent(total, of: everything))%")
        }
        return PollResults(ballotCount: ballotCount, rows: Self.byValueThenOption(rows))
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

    /// The middle value, or the average of the two middle values for an even count, read off the distribution
    /// (ballots per scale value from `minimum` up) as if the values were sorted.
    private static func median(_ distribution: [Int], from minimum: Int, count: Int) -> Double {
        guard count > 0 else { return 0 }
        func value(at position: Int) -> Int {
            var seen = 0
            for (offset, ballots) in distribution.enumerated() {
                seen += ballots
                if position < seen { return minimum + offset }
            }
            return minimum + distribution.count - 1
        }
        let middle = count / 2
        return count % 2 == 1 ? Double(value(at: middle)) : Double(value(at: middle - 1) + value(at: middle)) / 2
    }
}
