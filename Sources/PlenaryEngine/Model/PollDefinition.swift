/// A question put to the room, as declared in the session file.
public struct PollDefinition: Sendable, Equatable, Identifiable, Codable {
    public var id: String
    public var question: String
    public var type: PollType
    /// Choices (single, multiple), items (ranking, allocation); empty for scale and open text.
    public var options: [String]
    /// Multiple choice: at most this many picks (nil = any number). In a dot vote, the dots each person has.
    public var maxPicks: Int?
    /// Multiple choice: how many of one ballot's picks may go on the same option (nil = 1). Above 1 the poll is a
    /// dot vote as on paper: dots stack on an item, up to this many.
    public var maxPerOption: Int?
    /// Rating scale bounds and end labels.
    public var scale: RatingScale?
    /// Open text: longest answer in characters.
    public var maxLength: Int?
    /// Allocation: points each ballot distributes (100 unless stated).
    public var points: Int?
    public var admission: Admission
    /// Show the tally moving while people vote (off by default: results wait for the reveal).
    public var liveResults: Bool
    /// When the options are working-group entries: the entry id behind each option, in option order.
    public var entryIDs: [String]?

    public init(
        id: String, question: String, type: PollType, options: [String] = [], maxPicks: Int? = nil,
        scale: RatingScale? = nil, maxLength: Int? = nil, points: Int? = nil,
        admission: Admission = .open, liveResults: Bool = false, maxPerOption: Int? = nil
    ) {
        self.id = id
        self.question = question
        self.type = type
        self.options = options
        self.maxPicks = maxPicks
        self.maxPerOption = maxPerOption
        self.scale = scale
        self.maxLength = maxLength
        self.points = points
        self.admission = admission
        self.liveResults = liveResults
    }
}

extension PollDefinition {
    /// Dots stack on one option: a multiple choice that lets a ballot pick an option more than once.
    public var stacksDots: Bool { type == .multiple && (maxPerOption ?? 1) > 1 }
}

public enum PollType: String, Sendable, Equatable, CaseIterable, Codable {
    case single
    case multiple
    case scale
    case open
    case ranking
    case allocation
}

public struct RatingScale: Sendable, Equatable, Codable {
    public var min: Int
    public var max: Int
    public var minLabel: String?
    public var maxLabel: String?

    public init(min: Int, max: Int, minLabel: String? = nil, maxLabel: String? = nil) {
        self.min = min
        self.max = max
        self.minLabel = minLabel
        self.maxLabel = maxLabel
    }
}

/// Who may cast a ballot: anyone at the voter terminal, or holders of one-time codes.
public enum Admission: String, Sendable, Equatable, CaseIterable, Codable {
    case open
    case codes
}

extension PollType {
    /// Words shown on screen and in reports.
    public var label: String {
        switch self {
        case .single: "Single choice"
        case .multiple: "Multiple choice"
        case .scale: "Rating scale"
        case .open: "Open text"
        case .ranking: "Ranking"
        case .allocation: "100-point allocation"
        }
    }
}
