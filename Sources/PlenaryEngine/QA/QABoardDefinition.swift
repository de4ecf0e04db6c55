/// A Q&A or ideas board as the session file declares it (`qa:` at the top for the whole workshop, or in a slot).
public struct QABoardDefinition: Sendable, Equatable, Codable {
    /// `workshop` for the workshop-wide board, otherwise the slot's id.
    public var id: String
    /// The slot whose board this is; nil for the workshop-wide board.
    public var slotID: String?
    public var kind: QABoardKind
    /// What the participant screens and the projector call it ("Questions for the panel").
    public var title: String?
    public var names: QANames
    /// Submissions wait for the moderator's approval before anyone else sees them.
    public var premoderation: Bool
    /// Longest submission, in characters (1 to 1000).
    public var maxLength: Int
    public var upvotes: Bool

    /// The id of the workshop-wide board.
    public static let workshopID = "workshop"
    public static let defaultMaxLength = 280
    public static let maxLengthRange = 1...1000

    public init(id: String = workshopID, slotID: String? = nil, kind: QABoardKind = .questions, title: String? = nil,
                names: QANames = .anonymous, premoderation: Bool = true, maxLength: Int = defaultMaxLength,
                upvotes: Bool = true) {
        self.id = id
        self.slotID = slotID
        self.kind = kind
        self.title = title
        self.names = names
        self.premoderation = premoderation
        self.maxLength = maxLength
        self.upvotes = upvotes
    }

    /// The heading shown when the file gives no title.
    public var displayTitle: String { title ?? kind.defaultTitle }
}

public enum QABoardKind: String, Sendable, Equatable, Codable, CaseIterable {
    case questions
    case ideas

    public var defaultTitle: String {
        switch self {
        case .questions: "Questions"
        case .ideas: "Ideas"
        }
    }

    /// One item, in a sentence ("Your question is empty.").
    public var itemNoun: String {
        switch self {
        case .questions: "question"
        case .ideas: "idea"
        }
    }
}

/// Whether a participant may sign a submission.
public enum QANames: String, Sendable, Equatable, Codable, CaseIterable {
    /// No name is asked or kept.
    case anonymous
    /// A name may be given; left empty, the item is anonymous.
    case optional
}
