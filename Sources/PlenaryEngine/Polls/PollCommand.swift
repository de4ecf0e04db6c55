/// What the moderator (or a voter) does to a poll. Journaled like every other command.
public enum PollCommand: Sendable, Equatable, Codable {
    case open(poll: String)
    case close(poll: String)
    case reveal(poll: String, shown: Bool)
    /// Starts a new, empty round and opens it; earlier rounds stay in the results.
    case newRound(poll: String)
    case cast(poll: String, ballot: Ballot)
    /// Counts per option from a show of hands, replacing any earlier hand count in this round.
    case handCount(poll: String, counts: [Int])
    /// A poll made up during the workshop.
    case create(PollDefinition)

    /// Read by hand in the layout the synthesised encoder writes, with one key type (`CaseKey`, decision 105).
    public init(from decoder: any Decoder) throws {
        let (name, values) = try decoder.enumCase()
        switch name {
        case "open": self = .open(poll: try values.value("poll"))
        case "close": self = .close(poll: try values.value("poll"))
        case "reveal": self = .reveal(poll: try values.value("poll"), shown: try values.value("shown"))
        case "newRound": self = .newRound(poll: try values.value("poll"))
        case "cast": self = .cast(poll: try values.value("poll"), ballot: try values.value("ballot"))
        case "handCount": self = .handCount(poll: try values.value("poll"), counts: try values.value("counts"))
        case "create": self = .create(try values.value(CreateCodingKeys._0.rawValue))
        default: throw decoder.unknownCase(name)
        }
    }

    /// Names the journal uses for the unlabeled payload (instead of Swift's `_0`).
    enum CreateCodingKeys: String, CodingKey {
        case _0 = "definition"
    }

    public var pollID: String {
        switch self {
        case .open(let id), .close(let id), .reveal(let id, _), .newRound(let id), .cast(let id, _), .handCount(let id, _):
            id
        case .create(let definition):
            definition.id
        }
    }
}
