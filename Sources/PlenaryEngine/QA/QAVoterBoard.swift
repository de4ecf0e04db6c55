/// One participant's place on a Q&A or ideas board at a voter screen (issue 16): the item chosen in the list, or the
/// question or idea being written. It reads the room's view of the board (`RoomQABoard.items`), so a voter screen
/// never sees a pending or hidden item, nor who upvoted what.
public struct QAVoterBoard: Sendable, Equatable {
    public var boardID: String
    /// The chosen item by number: the list re-sorts as upvotes arrive, and the choice stays on its item.
    public var selected: Int?
    /// Where the choice last was in the list, for when its item leaves it (hidden, merged away).
    public var row: Int
    /// A new question or idea being written; nil while the list is on screen.
    public var draft: QADraft?

    public init(boardID: String) {
        self.boardID = boardID
        selected = nil
        row = 0
        draft = nil
    }

    /// The chosen item's place in `items` (the first when nothing is chosen yet); nil for an empty list.
    public func selectedIndex(in items: [RoomQABoard.Item]) -> Int? {
        guard !items.isEmpty else { return nil }
        if let selected, let index = items.firstIndex(where: { $0.number == selected }) { return index }
        return min(row, items.count - 1)
    }

    public func selectedItem(in items: [RoomQABoard.Item]) -> RoomQABoard.Item? {
        selectedIndex(in: items).map { items[$0] }
    }

    /// Moves the choice `step` rows (negative: up), stopping at the ends.
    public mutating func move(by step: Int, in items: [RoomQABoard.Item]) {
        guard let index = selectedIndex(in: items) else { return }
        row = max(0, min(items.count - 1, index + step))
        selected = items[row].number
    }
}

/// A question or idea being written at a voter screen: the text, and a name where the board takes one.
public struct QADraft: Sendable, Equatable {
    public var text: LineEditor
    /// Only on a board with `names: optional`.
    public var name: LineEditor?
    public var editingName: Bool
    /// Sent as this request (an attached kiosk), waiting for the host's answer: keys wait too.
    public var sendingID: Int?

    public init(maxLength: Int, takesName: Bool) {
        text = LineEditor(limit: maxLength)
        name = takesName ? LineEditor(limit: QAText.nameLimit) : nil
        editingName = false
        sendingID = nil
    }

    public mutating func apply(_ edit: LineEdit) {
        if editingName, name != nil {
            name?.apply(edit)
        } else {
            text.apply(edit)
        }
    }

    /// Tab: between the text and the name (a board without names has only the text).
    public mutating func switchField() {
        editingName = name != nil && !editingName
    }
}

/// What a participant does on a board at a voter screen; the key tables make these, the voter screens act on them.
public enum QAVoterInput: Sendable, Equatable {
    /// Rows up (negative) or down in the list.
    case move(Int)
    /// A page up (-1) or down (1): as many rows as the screen shows.
    case page(Int)
    /// Upvote the chosen item, or take the upvote back when it is this participant's.
    case toggleUpvote
    /// Start writing a new question or idea.
    case write
    /// Leave the board: the turn is over.
    case finish
    case edit(LineEdit)
    case switchField
    case send
    /// Back from writing to the list; the text is dropped.
    case cancel
}

extension RoomQABoard {
    /// The board's settings as the text rules need them, to check a draft before it is sent (the host checks again).
    public var definition: QABoardDefinition {
        QABoardDefinition(id: id, kind: kind, title: title, names: names, premoderation: premoderation,
                          maxLength: maxLength, upvotes: upvotes)
    }
}
