/// Q&A and ideas boards: what participants ask for, and the moderator's queue (`Q`).
public enum QAAction: Sendable, Equatable {
    /// A participant submits, upvotes or takes back an upvote. Refused with a message when it breaks a rule.
    case participate(QAParticipant, QARequest)
    /// `Q`: the queue of the current slot's board (or the workshop's).
    case open
    /// The next board, when there are several.
    case nextBoard
    case setFilter(QAFilter)
    case toggleOrder
    case moveSelection(by: Int)
    case approve
    case hide
    /// Brings back the item hidden last.
    case undoHide
    /// Shows the selected item large to the room; on the highlighted item, takes the highlight away.
    case highlight
    case answer
    case startPrompt(QAPromptKind)
    case editPrompt(LineEdit)
    case submitPrompt
    case cancelPrompt
    /// An ideas board's top items become a ranking (`.ranking`) or dot-vote (`.multiple`) poll, opened at once.
    case pollFromTop(PollType)
}

/// Which line `startPrompt` asks for.
public enum QAPromptKind: Sendable, Equatable {
    case edit
    case merge
    case submit
}
