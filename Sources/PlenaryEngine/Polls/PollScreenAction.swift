/// The moderator's poll screens: the list, one poll, and the forms that record a ballot, a hand count or a new poll.
public enum PollScreenAction: Sendable, Equatable {
    /// Lists every poll.
    case openList
    case moveSelection(by: Int)
    /// Shows one poll on the moderator screen.
    case show(String)
    /// Opens the form to type in one ballot for a poll.
    case startBallot(String)
    case editBallot(BallotDraft.Edit)
    /// Casts the ballot in the form (journaled as `.poll(.cast)`).
    case submitBallot
    case startHandCount(String)
    case editHandCount(BallotDraft.Edit)
    case submitHandCount
    /// Opens the form for a poll made up on the spot.
    case startNew
    case editNew(PollDraft.Edit)
}
