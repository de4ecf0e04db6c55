/// A question put to the room, as declared in the session file.
public struct PollDefinition: Sendable, Equatable, Identifiable, Codable {
    public var id: String
    public var question: String
    public var type: PollType
    /// Choices (single, multiple), items (ranking, allocation); empty for scale and open text.
    public var options: [String]
    /// Multiple choice: at most this many picks (nil = any number).
    public var maxPicks: Int?
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
        admission: Admission = .open, liveResults: Bool = false
    ) {
        self.id = id
        self.question = question
        self.type = type
        self.options = options
        self.maxPicks = maxPicks
        self.scale = scale
        self.maxLength = maxLength
        self.points = points
        self.admission = admission
        self.liveResults = liveResults
    }
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
