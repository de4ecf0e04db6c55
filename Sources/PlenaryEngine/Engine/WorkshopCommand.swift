/// What the moderator did that changes the record of the workshop. Exactly these are journaled and replayed.
public enum WorkshopCommand: Sendable, Equatable, Codable {
    /// Start the selected slot: the workshop begins.
    case start
    case pause
    case resume
    /// End the current slot and start the next one.
    case next
    /// Go back one slot (undoes an accidental `next` when it comes within `WorkshopReducer.undoWindowSeconds`).
    case previous
    /// End the current slot and start `slot` (before the start: select it).
    case jump(slot: Int)
    /// Lengthen (positive) or shorten (negative) a slot's planned length.
    case adjust(slot: Int, seconds: Int)
    case end
    /// Takes back `end` (issue 15): the day goes on in the slot that was on, as if it had never ended.
    case reopen
    /// Anything done to a poll (open, close, reveal, a ballot...).
    case poll(PollCommand)
    /// Anything done to a working group's entries.
    case group(GroupCommand)
    /// Working-group entries merged from another laptop's results (`plenary merge`, or `i` on the moderator screen).
    case merge(entries: [ImportedEntry])
    /// A change to the running agenda (issue 15): insert, drop, move, re-time, rename, fix, set a speaker, undo.
    case plan(AgendaEdit)
    /// The entries marked with `s` for a poll, in the order marked: the whole list after each change, so a record
    /// never depends on the one before it. Journaled so the marks survive quit and resume (issue 15).
    case shortlist(entries: [String])
    /// Anything done on a Q&A or ideas board (issue 16).
    case qa(QACommand)

    /// Read by hand in the layout the synthesised encoder writes, with one key type (`CaseKey`, decision 105).
    public init(from decoder: any Decoder) throws {
        let (name, values) = try decoder.enumCase()
        switch name {
        case "start": self = .start
        case "pause": self = .pause
        case "resume": self = .resume
        case "next": self = .next
        case "previous": self = .previous
        case "jump": self = .jump(slot: try values.value("slot"))
        case "adjust": self = .adjust(slot: try values.value("slot"), seconds: try values.value("seconds"))
        case "end": self = .end
        case "reopen": self = .reopen
        case "poll": self = .poll(try values.value(PollCodingKeys._0.rawValue))
        case "group": self = .group(try values.value(GroupCodingKeys._0.rawValue))
        case "merge": self = .merge(entries: try values.value("entries"))
        case "plan": self = .plan(try values.value(PlanCodingKeys._0.rawValue))
        case "shortlist": self = .shortlist(entries: try values.value("entries"))
        case "qa": self = .qa(try values.value(QaCodingKeys._0.rawValue))
        default: throw decoder.unknownCase(name)
        }
    }

    /// Names the journal uses for the unlabeled payload (instead of Swift's `_0`).
    enum GroupCodingKeys: String, CodingKey {
        case _0 = "action"
    }

    /// Names the journal uses for the unlabeled payload (instead of Swift's `_0`).
    enum PlanCodingKeys: String, CodingKey {
        case _0 = "change"
    }

    /// Names the journal uses for the unlabeled payload (instead of Swift's `_0`).
    enum QaCodingKeys: String, CodingKey {
        case _0 = "action"
    }

    /// Names the journal uses for the unlabeled payload (instead of Swift's `_0`).
    enum PollCodingKeys: String, CodingKey {
        case _0 = "action"
    }
}
