import PlenaryEngine

/// A board form as the phone posts it: a new question or idea, or an upvote or its withdrawal. Turned into a
/// `QARequest` only as far as its shape goes; length, characters, flooding and one upvote per phone are the core's
/// `QAParticipation` checks on the host's loop, as for a terminal.
public struct WebBoardForm: Decodable, Sendable, Equatable {
    public var csrf: String
    public var board: String
    /// "submit", "upvote" or "withdraw".
    public var act: String
    public var item: Int?
    public var text: String?
    public var name: String?

    public init(csrf: String, board: String, act: String, item: Int? = nil, text: String? = nil, name: String? = nil) {
        self.csrf = csrf
        self.board = board
        self.act = act
        self.item = item
        self.text = text
        self.name = name
    }

    /// The request the form asks for, or what the person must fix.
    public func request() -> Result<QARequest, WebBallotForm.Refusal> {
        switch act {
        case "submit":
            let trimmedName = name?.trimmingWhitespace
            return .success(.submit(board: board, text: text ?? "", name: trimmedName?.isEmpty == false ? trimmedName : nil))
        case "upvote", "withdraw":
            guard let item else { return .failure(WebBallotForm.Refusal("Choose an item to upvote.")) }
            return .success(act == "upvote" ? .upvote(board: board, item: item) : .withdraw(board: board, item: item))
        default:
            return .failure(WebBallotForm.Refusal("The form could not be read. Please try again."))
        }
    }
}
