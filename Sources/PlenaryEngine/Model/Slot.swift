/// One entry of the agenda.
public struct Slot: Sendable, Equatable, Identifiable {
    /// Stable identifier used by the journal; defaults to `slot-N` (1-based) when the file gives none.
    public var id: String
    public var title: String
    public var kind: SlotKind
    /// Planned start as a time of day; when absent the slot follows the previous one.
    public var start: TimeOfDay?
    /// Planned length in minutes; when absent it runs until the next slot's start (or the session's end).
    public var durationMinutes: Int?
    public var speakers: [Person]
    /// The slot's content is still to be confirmed.
    public var tbc: Bool
    /// Shown to the moderator only.
    public var notes: String?
    /// Keeps its planned end whatever happens before it (lunch, a hard stop); see `minDurationMinutes`.
    public var fixed: Bool
    /// How short a fixed slot may become while absorbing delay; defaults to half its planned length.
    public var minDurationMinutes: Int?
    /// Heading the slot belongs to ("Session II: Interregional cooperation...").
    public var track: String?
    /// Polls offered while this slot runs (ids into `Session.polls`).
    public var polls: [String]
    /// Working groups that meet in this slot, in parallel (ids into `Session.groups`).
    public var groups: [String]

    public init(
        id: String, title: String, kind: SlotKind = .talk, start: TimeOfDay? = nil,
        durationMinutes: Int? = nil, speakers: [Person] = [], tbc: Bool = false, notes: String? = nil,
        fixed: Bool = false, minDurationMinutes: Int? = nil, track: String? = nil,
        polls: [String] = [], groups: [String] = []
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.start = start
        self.durationMinutes = durationMinutes
        self.speakers = speakers
        self.tbc = tbc
        self.notes = notes
        self.fixed = fixed
        self.minDurationMinutes = minDurationMinutes
        self.track = track
        self.polls = polls
        self.groups = groups
    }
}

public enum SlotKind: String, Sendable, Equatable, CaseIterable {
    case registration
    case welcome
    case talk
    case keynote
    case panel
    case discussion
    case poll
    case workingGroups = "working-groups"
    case reportBack = "report-back"
    case wrapUp = "wrap-up"
    case breakTime = "break"
    case lunch
    case networking
    case other

    /// Words shown on screen ("Working groups").
    public var label: String {
        switch self {
        case .registration: "Registration"
        case .welcome: "Welcome"
        case .talk: "Talk"
        case .keynote: "Keynote"
        case .panel: "Panel"
        case .discussion: "Discussion"
        case .poll: "Poll"
        case .workingGroups: "Working groups"
        case .reportBack: "Report-back"
        case .wrapUp: "Wrap-up"
        case .breakTime: "Break"
        case .lunch: "Lunch"
        case .networking: "Networking"
        case .other: "Other"
        }
    }
}
