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
    /// Every public item, the highlighted one included, most upvoted first (at most `listLimit`): what a voter screen
    /// lists to choose from and upvote. Only in a voter's view; optional in the JSON, so older peers still decode it.
    public var items: [Item]?

    public static let topCount = 20
    /// A voter's list stops here: past a few hundred items nobody scrolls to the least upvoted, and every voter is
    /// sent the list again after each change (about 150 bytes an item).
    public static let listLimit = 500

    public struct Item: Sendable, Equatable, Codable {
        public var number: Int
        public var text: String
        public var name: String?
        public var votes: Int
        public var answered: Bool
    }

    /// - Parameter listing: with `items`, the voter's whole list (the projector needs only the top).
    public init?(of state: WorkshopState, listing: Bool = false) {
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
        // A sort, not `best`: the list is long, so a sorted insert per item would cost more than sorting once.
        items = listing ? board.items.filter(\.isPublic).sorted(by: QAQueue.ranks).prefix(Self.listLimit).map(Self.item) : nil
    }

    private static func item(_ item: QAItem) -> Item {
        Item(number: item.number, text: item.text, name: item.name, votes: item.votes, answered: item.status == .answered)
    }
}
