/// What one round of a poll adds up to, ready to draw or report. Derived, never stored in the journal.
public struct PollResults: Sendable, Equatable {
    /// Ballots cast (typed in or sent), never the show of hands: "12 ballots" of "12 ballots + 22 hands".
    public var ballotCount: Int
    /// Hands raised in the moderator's show of hands, all options together (0 when none were counted).
    public var handCount: Int
    /// Ballots plus the people the raised hands stand for: the base of the bars' shares, which combine the two
    /// so the room sees one result (decision 78). Equal to `ballotCount` without a show of hands.
    public var combinedVoterCount: Int
    /// Bars to show, already in display order (by count or score, or scale order for rating scales).
    public var rows: [Row]
    /// Rating scales only.
    public var scale: ScaleStatistics?
    /// Open text only: every answer, in alphabetical order (never the order given).
    public var answers: AlphabeticalAnswers

    public init(ballotCount: Int, handCount: Int = 0, combinedVoterCount: Int? = nil, rows: [Row],
                scale: ScaleStatistics? = nil, answers: AlphabeticalAnswers = AlphabeticalAnswers()) {
        self.ballotCount = ballotCount
        self.handCount = handCount
        self.combinedVoterCount = combinedVoterCount ?? ballotCount
        self.rows = rows
        self.scale = scale
        self.answers = answers
    }

    public init(ballotCount: Int, rows: [Row], scale: ScaleStatistics? = nil, answers: [String]) {
        self.init(ballotCount: ballotCount, rows: rows, scale: scale, answers: AlphabeticalAnswers(answers))
    }

    /// "12 ballots + 22 hands", or "12 ballots" without a show of hands.
    public var countText: String { CountedNoun.ballotsAndHands(ballots: ballotCount, hands: handCount) }

    public struct Row: Sendable, Equatable {
        /// Option text, scale value ("4 · Fully") or term.
        public var label: String
        /// Index into the poll's options, when the row is an option.
        public var optionIndex: Int?
        /// The number the bar stands for: count, average score or points.
        public var value: Double
        /// Bar length from 0 to 1 (share of ballots, of the top score, or of all points).
        public var fraction: Double
        /// How the value reads next to the bar: "12 · 40%", "4.2 pts", "310 pts · 31%".
        public var valueText: String

        public init(label: String, optionIndex: Int?, value: Double, fraction: Double, valueText: String) {
            self.label = label
            self.optionIndex = optionIndex
            self.value = value
            self.fraction = fraction
            self.valueText = valueText
        }
    }
}

public struct ScaleStatistics: Sendable, Equatable {
    public var mean: Double
    public var median: Double
    /// Ballots per value, from the scale's minimum to its maximum.
    public var distribution: [Int]

    public init(mean: Double, median: Double, distribution: [Int]) {
        self.mean = mean
        self.median = median
        self.distribution = distribution
    }
}
