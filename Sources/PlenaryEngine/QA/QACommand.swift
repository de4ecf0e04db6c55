/// What is done to a Q&A or ideas board. Journaled like every other command; no case carries a time or who did it
/// (decision 84): an upvote is the board and the item, nothing else.
public enum QACommand: Sendable, Equatable, Codable {
    /// A new item, its text already cleaned (`QAText`). Pending on a pre-moderated board, approved otherwise.
    case submit(board: String, text: String, name: String?)
    case upvote(board: String, item: Int)
    /// Takes back an upvote.
    case withdraw(board: String, item: Int)
    case approve(board: String, item: Int)
    case hide(board: String, item: Int)
    /// Undoes `hide`: the item is back with the status it had.
    case unhide(board: String, item: Int)
    /// Shown large on the projector; nil takes the highlight away.
    case highlight(board: String, item: Int?)
    case answer(board: String, item: Int)
    /// `duplicate` goes into `into`: its votes are added, less `overlap`, the participants who had upvoted both
    /// (counted from memory before the command is recorded, so the journal keeps a number, not who).
    case merge(board: String, duplicate: Int, into: Int, overlap: Int)
    /// Corrects a typo; the journal keeps the submitted text in the earlier `submit` record.
    case edit(board: String, item: Int, text: String)

    public var boardID: String {
        switch self {
        case .submit(let board, _, _), .upvote(let board, _), .withdraw(let board, _), .approve(let board, _),
             .hide(let board, _), .unhide(let board, _), .highlight(let board, _), .answer(let board, _),
             .merge(let board, _, _, _), .edit(let board, _, _):
            board
        }
    }
}

/// Who upvotes or submits, for one run of the program only: never journaled, never in the results (decision 84).
public enum QAParticipant: Sendable, Hashable {
    /// One turn at the shared voter terminal (its admission, counted from 1 in this run).
    case kiosk(admission: Int)
    /// One attached client (its connection, as the host numbers them in this run).
    case connection(Int)
    /// One person's turn at an attached voter screen: the kiosk says "next participant" when the next person starts,
    /// and the connection is a new participant from then on (decision 88).
    case attachedTurn(connection: Int, turn: Int)
    /// One phone on the web page: its random device token (its cookie), as for one ballot per phone per round.
    case phone(String)
    /// The moderator, typing in a question handed over on paper.
    case moderator
}
