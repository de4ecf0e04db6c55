/// One question or idea on a board. Its number is its place on the board (1, 2, ...), stable for the whole day:
/// the journal names items by it.
public struct QAItem: Sendable, Equatable {
    public var number: Int
    public var text: String
    /// Only on a board with `names: optional`, and only when given.
    public var name: String?
    public var status: QAStatus
    /// Hidden from the room; its status is kept so that undoing the hide puts it back where it was.
    public var hidden: Bool
    public var votes: Int
    /// Set once merged into another item as a duplicate: it leaves the queue and its votes went to that item.
    public var mergedInto: Int?
    /// The moderator corrected the text (the journal keeps the original).
    public var edited: Bool

    public init(number: Int, text: String, name: String? = nil, status: QAStatus) {
        self.number = number
        self.text = text
        self.name = name
        self.status = status
        self.hidden = false
        self.votes = 0
        self.mergedInto = nil
        self.edited = false
    }

    /// What the moderator's filter sees it as: hidden and merged items are out of the room's view.
    public var filterClass: QAFilter? {
        if mergedInto != nil { return nil }
        if hidden { return .hidden }
        switch status {
        case .pending: return .pending
        case .approved: return .approved
        case .answered: return .answered
        }
    }

    /// The room may see it (projector, participants).
    public var isPublic: Bool { mergedInto == nil && !hidden && status != .pending }
}

public enum QAStatus: String, Sendable, Equatable, Codable {
    /// Waiting for the moderator (boards with pre-moderation).
    case pending
    case approved
    case answered
}

/// The moderator's filters of the queue.
public enum QAFilter: String, Sendable, Equatable, CaseIterable {
    case pending
    case approved
    case answered
    case hidden

    public var label: String {
        switch self {
        case .pending: "Pending"
        case .approved: "Approved"
        case .answered: "Answered"
        case .hidden: "Hidden"
        }
    }
}
