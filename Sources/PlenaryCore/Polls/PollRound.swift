/// One round of voting on a poll. A new round starts empty; earlier rounds are kept and reported separately.
public struct PollRound: Sendable, Equatable {
    /// Ballots cast in this round. Order carries no meaning: reports never show it.
    public var ballots: [Ballot]
    /// Counts typed in by the moderator from a show of hands, per option (nil if none were entered).
    public var handCounts: [Int]?

    public init(ballots: [Ballot] = [], handCounts: [Int]? = nil) {
        self.ballots = ballots
        self.handCounts = handCounts
    }
}
