/// What the host tells its web gateway (`plenary-web`, decision 94) over their socket pair: where to listen, the
/// answer to each phone's request, and what the pages draw from (the voter's room and each phone's marks).
public enum HostToGatewayMessage: Sendable, Equatable {
    /// The first message: serve the page on `host:port` for the room with this code.
    case start(host: String, port: Int, roomCode: String)
    /// The host's answer to request `id`.
    case outcome(id: Int, WebOutcome)
    /// The room as the pages show it, sent whenever its version moves.
    case room(WebRoom)
    /// Everything one phone has done that its page marks: the ballot keys it voted under (`CodeBook.ballotKey`) and
    /// its upvotes as "board item". Sent whole before the outcome that changed them, so the answer page shows them.
    case marks(device: String, ballots: Set<String>, upvotes: Set<String>)

    enum Key: String, CodingKey {
        case type, host, port, roomCode, id, outcome, message, room, device, ballots, upvotes
    }
}

extension HostToGatewayMessage: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "start":
            self = .start(host: try container.decode(String.self, forKey: .host), port: try container.decode(Int.self, forKey: .port),
                          roomCode: try container.decode(String.self, forKey: .roomCode))
        case "outcome":
            let id = try container.decode(Int.self, forKey: .id)
            switch try container.decode(String.self, forKey: .outcome) {
            case "recorded": self = .outcome(id: id, .recorded)
            case "refused": self = .outcome(id: id, .refused(try container.decode(String.self, forKey: .message)))
            case "refused-code": self = .outcome(id: id, .refusedCode(try container.decode(String.self, forKey: .message)))
            default: throw ProtocolError.malformed(type: type, field: "outcome")
            }
        case "room": self = .room(try container.decode(WebRoom.self, forKey: .room))
        case "marks":
            self = .marks(device: try container.decode(String.self, forKey: .device),
                          ballots: Set(try container.decode([String].self, forKey: .ballots)),
                          upvotes: Set(try container.decode([String].self, forKey: .upvotes)))
        default: throw ProtocolError.unknownType(type)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .start(let host, let port, let roomCode):
            try container.encode("start", forKey: .type)
            try container.encode(host, forKey: .host)
            try container.encode(port, forKey: .port)
            try container.encode(roomCode, forKey: .roomCode)
        case .outcome(let id, let outcome):
            try container.encode("outcome", forKey: .type)
            try container.encode(id, forKey: .id)
            switch outcome {
            case .recorded: try container.encode("recorded", forKey: .outcome)
            case .refused(let message):
                try container.encode("refused", forKey: .outcome)
                try container.encode(message, forKey: .message)
            case .refusedCode(let message):
                try container.encode("refused-code", forKey: .outcome)
                try container.encode(message, forKey: .message)
            }
        case .room(let room):
            try container.encode("room", forKey: .type)
            try container.encode(room, forKey: .room)
        case .marks(let device, let ballots, let upvotes):
            try container.encode("marks", forKey: .type)
            try container.encode(device, forKey: .device)
            // Sorted: the same marks are the same bytes.
            try container.encode(ballots.sorted(), forKey: .ballots)
            try container.encode(upvotes.sorted(), forKey: .upvotes)
        }
    }
}
