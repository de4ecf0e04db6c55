/// One round of voting on a poll. A new round starts empty; earlier rounds are kept and reported separately.
public struct PollRound: Sendable, Equatable {
    /// Ballots cast in this round. Order carries no meaning: reports never show it. Setting the whole list
    /// recounts the tally (tests and tools only); the reducer appends with `append(_:for:)`, which counts one ballot.
    public var ballots: [Ballot] {
        get { storedBallots }
        set {
            storedBallots = newValue
            tally = tally.map { PollTally(definition: $0.definition, ballots: newValue) }
        }
    }
    /// Counts typed in by the moderator from a show of hands, per option (nil if none were entered).
    public var handCounts: [Int]?
    /// The ballots added up as they arrive, for the poll this round belongs to (nil for a round built without
    /// one: `PollTally` then counts from scratch). Derived from `ballots`, so equality ignores it.
    public private(set) var tally: PollTally?
    private var storedBallots: [Ballot]

    public init(ballots: [Ballot] = [], handCounts: [Int]? = nil) {
        self.storedBallots = ballots
        self.handCounts = handCounts
        self.tally = nil
    }

    /// An empty round of `definition` that keeps a running tally.
    public init(tallying definition: PollDefinition) {
        self.storedBallots = []
        self.handCounts = nil
        self.tally = PollTally(definition: definition)
    }

    /// Adds one ballot in place: amortised constant time, however many came before.
    mutating func append(_ ballot: Ballot, for definition: PollDefinition) {
        storedBallots.append(ballot)
        if tally?.definition == definition {
            tally?.add(ballot)
        } else {
            tally = PollTally(definition: definition, ballots: storedBallots)
        }
    }

    /// Drops this copy's hold on the ballots, keeping the running tally that counts them: the results snapshot's
    /// copy (`ResultsSnapshot.input(from:)`), which reads only the tally.
    mutating func leaveBallotsOut() {
        storedBallots = []
    }

    /// The first `count` ballots, tally recounted: how the runner puts back a round an unrecorded action grew.
    mutating func keepFirst(_ count: Int) {
        guard count < storedBallots.count else { return }
        ballots = Array(storedBallots.prefix(count))
    }

    public static func == (a: PollRound, b: PollRound) -> Bool {
        a.storedBallots == b.storedBallots && a.handCounts == b.handCounts
    }
}
