/// A workshop as described by one session file. Immutable during a run: what changes lives in `WorkshopState`.
public struct Session: Sendable, Equatable {
    public var title: String
    public var subtitle: String?
    /// The calendar day the agenda was written for (`YYYY-MM-DD`).
    public var date: CalendarDate?
    public var venue: String?
    /// IANA time zone identifier, e.g. `Europe/Madrid`. Times of day in the agenda are read in this zone.
    public var timeZone: String
    /// BCP 47 language of the session's text (`en`, `es`...), used for stop words in word lists.
    public var language: String
    public var organisers: [String]
    public var moderator: Person?
    /// Time the workshop is planned to end, when the last slot has no duration of its own.
    public var end: TimeOfDay?
    public var agenda: [Slot]
    public var polls: [PollDefinition]
    public var templates: [CaptureTemplate]
    public var groups: [WorkingGroup]
    /// Salted hash of the moderator PIN that leaves voter mode (`plenary pin` makes one).
    public var voterPIN: String?
    /// One line the projector shows the room on how to vote ("Kiosks at the back · or ssh vote@10.0.0.5"): only the
    /// organisers know which terminals and which address they set up.
    public var howToVote: String?
    /// Q&A and ideas boards (issue 16): the workshop-wide one first, then the slots' in agenda order.
    public var qa: [QABoardDefinition] = []

    public init(
        title: String, subtitle: String? = nil, date: CalendarDate? = nil, venue: String? = nil,
        timeZone: String = "UTC", language: String = "en", organisers: [String] = [],
        moderator: Person? = nil, end: TimeOfDay? = nil, agenda: [Slot] = [],
        polls: [PollDefinition] = [], templates: [CaptureTemplate] = [], groups: [WorkingGroup] = [],
        voterPIN: String? = nil
    ) {
        self.voterPIN = voterPIN
        self.title = title
        self.subtitle = subtitle
        self.date = date
        self.venue = venue
        self.timeZone = timeZone
        self.language = language
        self.organisers = organisers
        self.moderator = moderator
        self.end = end
        self.agenda = agenda
        self.polls = polls
        self.templates = templates
        self.groups = groups
    }
}

public struct Person: Sendable, Equatable {
    public var name: String
    public var affiliation: String?
    /// Job title or role in the session ("Team Member, ECCP").
    public var role: String?
    /// Speaker not yet confirmed: shown as "TBC".
    public var tbc: Bool

    public init(name: String, affiliation: String? = nil, role: String? = nil, tbc: Bool = false) {
        self.name = name
        self.affiliation = affiliation
        self.role = role
        self.tbc = tbc
    }
}

public struct CalendarDate: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

/// Minutes after midnight, 0..<1440, as written in the agenda ("12:30").
public struct TimeOfDay: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    public var minutes: Int

    public init(minutes: Int) {
        self.minutes = minutes
    }

    public init(hour: Int, minute: Int) {
        self.minutes = hour * 60 + minute
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }

    public var description: String {
        let hour = minutes / 60, minute = minutes % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
