/// What the host sends an attached client about the workshop: the part of `WorkshopState` its role may see, and
/// nothing else (issue 14). Built only by `RoomView(of:for:)`, so what a role sees is decided in one place.
///
/// It never holds a ballot, a code, the order of ballots, or a poll's results before the reveal; moderator notes
/// appear only in a moderator's view.
public struct RoomView: Sendable, Equatable, Codable {
    public var title: String
    public var subtitle: String?
    /// The session's `how_to_vote` line, for the projector and the voters: which kiosk, which `ssh` command.
    /// Optional in the JSON, so a client of an older host still decodes the view.
    public var howToVote: String?
    /// About the room itself, for every role: "the moderator's screen is detached". Optional in the JSON.
    public var roomNotice: String?
    /// Where phones vote, when the host serves the page (issue 17). Optional in the JSON.
    public var webPage: WebPageAddress?
    public var phase: Phase
    /// The slot on now (or selected, before the start).
    public var slot: CurrentSlot
    /// Open polls, then closed polls whose results were revealed, in the session's order.
    public var polls: [Poll]
    /// The day's slots: for facilitators and moderators (voters and the projector have the current slot).
    public var agenda: [AgendaLine]?
    /// A facilitator's own group; every group for a moderator.
    public var groups: [Group]?
    /// The Q&A or ideas board of the slot on now (issue 16): highlighted and top items, public ones only.
    /// Optional in the JSON, so a client of an older host still decodes the view.
    public var qa: RoomQABoard?

    public enum Phase: String, Sendable, Equatable, Codable {
        case notStarted, running, paused, ended
    }

    public struct CurrentSlot: Sendable, Equatable, Codable {
        public var index: Int
        public var title: String
        public var kind: String
        public var track: String?
        public var speakers: [String]
        /// When the slot is planned to end (milliseconds since the epoch), for a countdown that runs on the client;
        /// nil before the start, while paused and after the end.
        public var endsAtMilliseconds: Int64?
        /// Seconds left when this view was made (negative when overrunning), for a paused or frozen countdown.
        public var remainingSeconds: Int64
    }

    public struct Poll: Sendable, Equatable, Codable {
        public var id: String
        public var question: String
        public var type: PollType
        public var options: [String]
        public var maxPicks: Int?
        public var scale: RatingScale?
        public var maxLength: Int?
        public var points: Int?
        /// A ballot needs a one-time voting code.
        public var needsCode: Bool
        public var isOpen: Bool
        /// Ballots in the current round so far (a number only: the projector shows it while people vote).
        public var ballotCount: Int
        /// Hands raised in the moderator's show of hands, shown apart from ballots; nil without one (and from hosts
        /// older than the field).
        public var handCount: Int?
        /// Only once revealed (or for a poll the session shows live).
        public var results: Results?
        /// A dot vote: how many dots one ballot may stack on an option (`PollDefinition.maxPerOption`). Last and
        /// optional, so a host or client without it reads the view as before.
        public var maxPerOption: Int? = nil
    }

    /// A poll's revealed totals. Open-text polls show their word list, not the answers: an answer is one ballot.
    public struct Results: Sendable, Equatable, Codable {
        public var ballotCount: Int
        /// As `Poll.handCount`: the show of hands, apart from the ballots.
        public var handCount: Int?
        public var rows: [Row]
        public var scaleMean: Double?
        public var scaleMedian: Double?

        public struct Row: Sendable, Equatable, Codable {
            public var label: String
            public var value: Double
            public var fraction: Double
            public var valueText: String
        }
    }

    public struct AgendaLine: Sendable, Equatable, Codable {
        public var title: String
        public var kind: String
        public var status: Status
        public var projectedStartMilliseconds: Int64
        public var projectedEndMilliseconds: Int64
        /// Only in a moderator's view.
        public var notes: String?

        public enum Status: String, Sendable, Equatable, Codable {
            case done, skipped, current, upcoming
        }
    }

    public struct Group: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        public var entries: [Entry]

        public struct Entry: Sendable, Equatable, Codable {
            public var id: String
            public var template: String
            public var fields: [String: String]
            public var author: String
        }
    }
}
