/// Applies Q&A commands. Like `WorkshopReducer.apply`, it also replays the journal, so it depends on nothing but the
/// command and the state; what a participant may do (one upvote each, the flood limit) is checked before the
/// command is recorded (`QAParticipation`), from what this run remembers. Each command costs the same however many
/// items the board holds: items are found by number, counts are kept as they change.
enum QAReducer {
    /// Returns why the command was refused, or nil when it changed the state.
    static func apply(_ command: QACommand, to state: inout WorkshopState) -> String? {
        guard let index = state.qa.firstIndex(where: { $0.id == command.boardID }) else {
            return "There is no Q&A board \"\(command.boardID)\"."
        }
        return apply(command, to: &state.qa[index])
    }

    static func apply(_ command: QACommand, to board: inout QABoardState) -> String? {
        let definition = board.definition
        let noun = definition.kind.itemNoun
        switch command {
        case .submit(_, let text, let name):
            guard board.items.count < QALimits.itemsPerBoard else { return "This board is full (\(QALimits.itemsPerBoard) items)." }
            guard case .success(let cleaned) = QAText.cleanedText(text, for: definition), cleaned == text else {
                return refusalText(QAText.cleanedText(text, for: definition), noun: noun)
            }
            guard case .success(let cleanedName) = QAText.cleanedName(name, for: definition), cleanedName == name else {
                return "That name cannot be kept."
            }
            let number = board.items.count + 1
            board.append(QAItem(number: number, text: text, name: name,
                                status: definition.premoderation ? .pending : .approved))
            return nil

        case .upvote(_, let number):
            guard definition.upvotes else { return "Upvotes are off on this board." }
            guard let item = board.item(number), item.isPublic else { return "There is no such \(noun) to upvote." }
            guard item.status != .answered else { return "This \(noun) has been answered." }
            board.update(number) { $0.votes += 1 }
            return nil

        case .withdraw(_, let number):
            guard let item = board.item(number), item.mergedInto == nil else { return "There is no such \(noun)." }
            guard item.votes > 0 else { return "This \(noun) has no upvote to take back." }
            board.update(number) { $0.votes -= 1 }
            return nil

        case .approve(_, let number):
            guard let item = live(board, number) else { return noSuch(noun, number) }
            guard !item.hidden else { return "Item \(number) is hidden: undo the hide first." }
            guard item.status == .pending else { return "Item \(number) is already approved." }
            board.update(number) { $0.status = .approved }
            return nil

        case .hide(_, let number):
            guard let item = live(board, number) else { return noSuch(noun, number) }
            guard !item.hidden else { return "Item \(number) is already hidden." }
            board.update(number) { $0.hidden = true }
            board.hiddenOrder.append(number)
            if board.highlighted == number { board.highlighted = nil }
            return nil

        case .unhide(_, let number):
            guard let item = live(board, number), item.hidden else { return "Item \(number) is not hidden." }
            board.update(number) { $0.hidden = false }
            if let place = board.hiddenOrder.lastIndex(of: number) { board.hiddenOrder.remove(at: place) }
            return nil

        case .highlight(_, let number):
            guard let number else {
                guard board.highlighted != nil else { return "Nothing is highlighted." }
                board.highlighted = nil
                return nil
            }
            guard let item = live(board, number) else { return noSuch(noun, number) }
            guard item.isPublic else { return "Approve item \(number) before showing it to the room." }
            guard board.highlighted != number else { return "Item \(number) is already highlighted." }
            board.highlighted = number
            return nil

        case .answer(_, let number):
            guard let item = live(board, number) else { return noSuch(noun, number) }
            guard item.status != .answered else { return "Item \(number) is already marked answered." }
            guard !item.hidden else { return "Item \(number) is hidden: undo the hide first." }
            board.update(number) { $0.status = .answered }
            return nil

        case .merge(_, let duplicate, let target, let overlap):
            guard duplicate != target else { return "An item cannot be merged into itself." }
            guard let from = live(board, duplicate) else { return noSuch(noun, duplicate) }
            guard live(board, target) != nil else { return noSuch(noun, target) }
            guard overlap >= 0, overlap <= from.votes else { return "The merge's shared upvotes do not add up." }
            board.update(target) { $0.votes += from.votes - overlap }
            board.update(duplicate) { $0.mergedInto = target; $0.votes = 0 }
            QAParticipation.carryUpvotes(from: duplicate, to: target, in: &board)
            if let place = board.hiddenOrder.lastIndex(of: duplicate) { board.hiddenOrder.remove(at: place) }
            if board.highlighted == duplicate { board.highlighted = target }
            return nil

        case .edit(_, let number, let text):
            guard live(board, number) != nil else { return noSuch(noun, number) }
            let cleaned = QAText.cleanedText(text, for: definition)
            guard case .success(let clean) = cleaned, clean == text else { return refusalText(cleaned, noun: noun) }
            guard board.items[number - 1].text != text else { return "The text is unchanged." }
            board.update(number) { $0.text = text; $0.edited = true }
            return nil
        }
    }

    /// An item still in the queue (not merged away).
    private static func live(_ board: QABoardState, _ number: Int) -> QAItem? {
        guard let item = board.item(number), item.mergedInto == nil else { return nil }
        return item
    }

    private static func noSuch(_ noun: String, _ number: Int) -> String { "There is no \(noun) \(number)." }

    private static func refusalText(_ result: Result<String, QARefusal>, noun: String) -> String {
        if case .failure(let refusal) = result { return refusal.message }
        return "The \(noun) must be sent as cleaned text."
    }
}
