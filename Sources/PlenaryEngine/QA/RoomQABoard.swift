/// The board the room sees in a `RoomView` (issue 16): the current slot's board (else the workshop's), its
/// highlighted item and its most upvoted public items. Never a pending or hidden item, never who sent or upvoted.
public struct RoomQABoard: Sendable, Equatable, Codable {
    public var id: String
    public var kind: QABoardKind
    public var title: String
    public var names: QANames
    public var maxLength: Int
    public var upvotes: Bool
    public var premoderation: Bool
    public var highlighted: Item?
    /// The most upvoted public items (the highlighted one excluded), at most `RoomQABoard.topCount`.
    public var top: [Item]
    /// Public items on the board, for "12 questions".
    public var publicCount: Int

    public static let topCount = 20

    public struct Item: Sendable, Equatable, Codable {
        public var number: Int
        public var text: String
        public var name: String?
        public var votes: Int
        public var answered: Bool
    }

    public init?(of state: WorkshopState) {
        guard let id = state.boardForCurrentSlot, let board = state.qaBoard(id) else { return nil }
        let definition = board.definition
        self.id = id
        kind = definition.kind
        title = definition.displayTitle
        names = definition.names
        maxLength = definition.maxLength
        upvotes = definition.upvotes
        premoderation = definition.premoderation
        highlighted = board.highlighted.flatMap(board.item).flatMap { $0.isPublic ? Self.item($0) : nil }
        top = QAQueue.top(board, limit: Self.topCount, excluding: board.highlighted).map(Self.item)
        publicCount = board.counts.approved + board.counts.answered
    }

    private static func item(_ item: QAItem) -> Item {
        Item(number: item.number, text: item.text, name: item.name, votes: item.votes, answered: item.status == .answered)
    }
}
