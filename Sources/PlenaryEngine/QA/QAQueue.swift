/// The moderator's queue and the room's top items: one filter of a board, in the order asked. Computed when drawn
/// or when a key needs the selected item, never kept; the reducer's per-participant actions never call it.
public enum QAQueue {
    /// Item numbers of `board` in `filter`, by `order`.
    public static func numbers(_ board: QABoardState, filter: QAFilter, order: QAOrder) -> [Int] {
        var numbers: [Int] = []
        numbers.reserveCapacity(board.counts[filter])
        for item in board.items where item.filterClass == filter { numbers.append(item.number) }
        switch order {
        case .time:
            return numbers
        case .votes:
            let items = board.items
            return numbers.sorted { left, right in
                let a = items[left - 1].votes, b = items[right - 1].votes
                return a != b ? a > b : left < right
            }
        }
    }

    /// The room's top items (approved or answered, not hidden), most upvoted first, at most `limit`: one pass with a
    /// small sorted list, so a board of thousands costs the projector a pass, not a sort.
    public static func top(_ board: QABoardState, limit: Int, excluding excluded: Int? = nil) -> [QAItem] {
        board.items.lazy.filter { $0.isPublic && $0.number != excluded }.best(limit, by: ranks)
    }

    /// More upvotes first; among equals, answered after open ones, then the earlier.
    static func ranks(_ item: QAItem, before other: QAItem) -> Bool {
        if item.votes != other.votes { return item.votes > other.votes }
        let itemOpen = item.status != .answered, otherOpen = other.status != .answered
        if itemOpen != otherOpen { return itemOpen }
        return item.number < other.number
    }
}

/// How the moderator's queue is sorted.
public enum QAOrder: String, Sendable, Equatable {
    case votes
    case time
}
