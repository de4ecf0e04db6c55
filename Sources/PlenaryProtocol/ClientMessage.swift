import PlenaryEngine

/// Everything a client sends, as `docs/protocol.md` lists it. Each request carries an `id` the client chose, so the
/// host's acknowledgement or refusal can name it.
public enum ClientMessage: Sendable, Equatable {
    case hello(ClientHello)
    case request(id: Int, ClientRequest)
    /// A key or a resize from an attached moderator screen (no id: the next frame shows what it did).
    case screen(ScreenInput)
    /// A voter kiosk's next person starts their turn: from now on this connection is a new participant on the Q&A
    /// boards (one upvote per person per item, decision 88). Acknowledged; changes nothing in the workshop.
    case nextParticipant(id: Int)

    enum Key: String, QARequestFields {
        case type, `protocol`, version, role, group, pin, id, poll, ballot, code, command, key, columns, rows, ascii
        case action, board, text, name, item
    }

    /// The name every hello carries, so that another program connecting by mistake is told so.
    static let protocolName = "plenary"
}

extension ClientMessage: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "hello":
            guard try container.decode(String.self, forKey: .protocol) == Self.protocolName else {
                throw ProtocolError.malformed(type: type, field: "protocol")
            }
            // The version first: a newer client's hello may differ in every other field.
            let version = try container.decode(Int.self, forKey: .version)
            guard version == ProtocolLimits.version else { throw ProtocolError.unsupportedVersion(version) }
            let roleName = try container.decode(String.self, forKey: .role)
            let role: ClientRole
            switch roleName {
            case "voter": role = .voter
            case "audience": role = .audience
            case "moderator": role = .moderator
            case "group":
                let group = try container.decode(String.self, forKey: .group)
                guard !group.isEmpty else { throw ProtocolError.malformed(type: type, field: "group") }
                role = .group(group)
            default: throw ProtocolError.unknownRole(roleName)
            }
            let columns = try container.decodeIfPresent(Int.self, forKey: .columns)
            let rows = try container.decodeIfPresent(Int.self, forKey: .rows)
            let screen = columns.flatMap { columns in rows.map { ScreenSize(columns: columns, rows: $0) } }
            self = .hello(ClientHello(version: version, role: role, pin: try container.decodeIfPresent(String.self, forKey: .pin),
                                      screen: screen, ascii: try container.decodeIfPresent(Bool.self, forKey: .ascii) ?? false))
        case "cast":
            self = .request(id: try container.decode(Int.self, forKey: .id), .castBallot(
                poll: try container.decode(String.self, forKey: .poll),
                ballot: try container.decode(Ballot.self, forKey: .ballot),
                code: try container.decodeIfPresent(String.self, forKey: .code)))
        case "group":
            self = .request(id: try container.decode(Int.self, forKey: .id), .group(try container.decode(GroupCommand.self, forKey: .command)))
        case "command":
            self = .request(id: try container.decode(Int.self, forKey: .id), .moderator(try container.decode(WorkshopCommand.self, forKey: .command)))
        case "qa":
            self = .request(id: try container.decode(Int.self, forKey: .id), .qa(try container.decodeQARequest(in: type)))
        case "next-participant":
            self = .nextParticipant(id: try container.decode(Int.self, forKey: .id))
        case "key":
            self = .screen(.key(try container.decode(String.self, forKey: .key)))
        case "resize":
            self = .screen(.resize(ScreenSize(columns: try container.decode(Int.self, forKey: .columns),
                                              rows: try container.decode(Int.self, forKey: .rows))))
        default:
            throw ProtocolError.unknownType(type)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .hello(let hello):
            try container.encode("hello", forKey: .type)
            try container.encode(Self.protocolName, forKey: .protocol)
            try container.encode(hello.version, forKey: .version)
            switch hello.role {
            case .voter: try container.encode("voter", forKey: .role)
            case .audience: try container.encode("audience", forKey: .role)
            case .moderator: try container.encode("moderator", forKey: .role)
            case .group(let id):
                try container.encode("group", forKey: .role)
                try container.encode(id, forKey: .group)
            }
            try container.encodeIfPresent(hello.pin, forKey: .pin)
            try container.encodeIfPresent(hello.screen?.columns, forKey: .columns)
            try container.encodeIfPresent(hello.screen?.rows, forKey: .rows)
            if hello.ascii { try container.encode(true, forKey: .ascii) }
        case .nextParticipant(let id):
            try container.encode("next-participant", forKey: .type)
            try container.encode(id, forKey: .id)
        case .screen(.key(let key)):
            try container.encode("key", forKey: .type)
            try container.encode(key, forKey: .key)
        case .screen(.resize(let size)):
            try container.encode("resize", forKey: .type)
            try container.encode(size.columns, forKey: .columns)
            try container.encode(size.rows, forKey: .rows)
        case .request(let id, let request):
            try container.encode(id, forKey: .id)
            switch request {
            case .castBallot(let poll, let ballot, let code):
                try container.encode("cast", forKey: .type)
                try container.encode(poll, forKey: .poll)
                try container.encode(ballot, forKey: .ballot)
                try container.encodeIfPresent(code, forKey: .code)
            case .group(let command):
                try container.encode("group", forKey: .type)
                try container.encode(command, forKey: .command)
            case .moderator(let command):
                try container.encode("command", forKey: .type)
                try container.encode(command, forKey: .command)
            case .qa(let qaRequest):
                try container.encode("qa", forKey: .type)
                try container.encode(qaRequest)
            }
        }
    }
}
