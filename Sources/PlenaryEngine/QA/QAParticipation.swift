/// What a participant asks of a board: checked against what this run remembers about them (one upvote per item,
/// the flood limit) and turned into the command that is recorded. Pure: reads the state, changes nothing.
public enum QAParticipation {
    public static func command(for request: QARequest, by participant: QAParticipant,
                               in state: WorkshopState) -> Result<QACommand, QARefusal> {
        guard let board = state.qaBoard(request.boardID) else { return .failure(QARefusal("There is no such board.")) }
        let noun = board.definition.kind.itemNoun
        switch request {
        case .submit(let boardID, let raw, let name):
            if participant != .moderator, board.submittedBy[participant, default: 0] >= QALimits.submissionsPerParticipant {
                return .failure(QARefusal("You have sent \(QALimits.submissionsPerParticipant) already: that is the most one person may send here."))
            }
            guard board.items.count < QALimits.itemsPerBoard else { return .failure(QARefusal("This board is full.")) }
            let text: String
            switch QAText.cleanedText(raw, for: board.definition) {
            case .success(let cleaned): text = cleaned
            case .failure(let refusal): return .failure(refusal)
            }
            switch QAText.cleanedName(name, for: board.definition) {
            case .success(let cleaned): return .success(.submit(board: boardID, text: text, name: cleaned))
            case .failure(let refusal): return .failure(refusal)
            }
        case .upvote(let boardID, let number):
            guard board.definition.upvotes else { return .failure(QARefusal("Upvotes are off on this board.")) }
            let target = board.surviving(number)
            guard let item = board.item(target), item.isPublic else { return .failure(QARefusal("There is no such \(noun) to upvote.")) }
            guard item.status != .answered else { return .failure(QARefusal("This \(noun) has been answered.")) }
            guard !(board.upvotedBy[participant]?.contains(target) ?? false) else {
                return .failure(QARefusal("You have already upvoted this \(noun)."))
            }
            return .success(.upvote(board: boardID, item: target))
        case .withdraw(let boardID, let number):
            let target = board.surviving(number)
            guard board.upvotedBy[participant]?.contains(target) ?? false else {
                return .failure(QARefusal("You have not upvoted this \(noun)."))
            }
            return .success(.withdraw(board: boardID, item: target))
        }
    }

    /// Remembers, for this run only, what `participant` just had recorded.
    static func note(_ command: QACommand, by participant: QAParticipant, in board: inout QABoardState) {
        switch command {
        case .submit:
            board.submittedBy[participant, default: 0] += 1
        case .upvote(_, let number):
            board.upvotedBy[participant, default: []].insert(number)
        case .withdraw(_, let number):
            board.upvotedBy[participant]?.remove(number)
        case .approve, .hide, .unhide, .highlight, .answer, .merge, .edit:
            break
        }
    }

    /// Participants of this run who upvoted both items: their vote is counted once when one is merged into the other.
    public static func overlap(of duplicate: Int, and target: Int, in board: QABoardState) -> Int {
        board.upvotedBy.values.reduce(0) { $0 + ($1.contains(duplicate) && $1.contains(target) ? 1 : 0) }
    }

    /// After a merge: whoever upvoted the duplicate has upvoted the item it went into (and may take that back).
    static func carryUpvotes(from duplicate: Int, to target: Int, in board: inout QABoardState) {
        for participant in board.upvotedBy.keys where board.upvotedBy[participant]?.contains(duplicate) ?? false {
            board.upvotedBy[participant]?.remove(duplicate)
            board.upvotedBy[participant]?.insert(target)
        }
    }
}

/// What a participant (at the kiosk, attached, or the moderator typing a card in) asks for.
public enum QARequest: Sendable, Equatable {
    case submit(board: String, text: String, name: String?)
    case upvote(board: String, item: Int)
    case withdraw(board: String, item: Int)

    public var boardID: String {
        switch self {
        case .submit(let board, _, _), .upvote(let board, _), .withdraw(let board, _): board
        }
    }
}
