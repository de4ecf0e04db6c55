import PlenaryEngine

/// What the web gateway (`plenary-web`, decision 94) tells the host over their socket pair.
public enum GatewayToHostMessage: Sendable, Equatable {
    /// The voting page is served on `port` (the one bound, when 0 was asked for).
    case listening(port: Int)
    /// The page could not be served (the port is taken, the address is not this machine's); the gateway exits.
    case failed(reason: String)
    /// A phone's request; the host answers `id` once it is judged (and, when recorded, on disk).
    case request(id: Int, WebRequest)

    enum Key: String, QARequestFields {
        case type, port, reason, id, kind, device, poll, ballot, code, action, board, text, name, item
    }
}

extension GatewayToHostMessage: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "listening": self = .listening(port: try container.decode(Int.self, forKey: .port))
        case "failed": self = .failed(reason: try container.decode(String.self, forKey: .reason))
        case "request":
            let id = try container.decode(Int.self, forKey: .id)
            let device = try container.decode(String.self, forKey: .device)
            let kind = try container.decode(String.self, forKey: .kind)
            switch kind {
            case "ballot":
                self = .request(id: id, .ballot(.init(device: device, poll: try container.decode(String.self, forKey: .poll),
                                                      ballot: try container.decode(Ballot.self, forKey: .ballot),
                                                      code: try container.decodeIfPresent(String.self, forKey: .code))))
            case "board":
                self = .request(id: id, .board(.init(device: device, request: try container.decodeQARequest(in: type))))
            default: throw ProtocolError.malformed(type: type, field: "kind")
            }
        default: throw ProtocolError.unknownType(type)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .listening(let port):
            try container.encode("listening", forKey: .type)
            try container.encode(port, forKey: .port)
        case .failed(let reason):
            try container.encode("failed", forKey: .type)
            try container.encode(reason, forKey: .reason)
        case .request(let id, let request):
            try container.encode("request", forKey: .type)
            try container.encode(id, forKey: .id)
            try container.encode(request.device, forKey: .device)
            switch request {
            case .ballot(let ballot):
                try container.encode("ballot", forKey: .kind)
                try container.encode(ballot.poll, forKey: .poll)
                try container.encode(ballot.ballot, forKey: .ballot)
                try container.encodeIfPresent(ballot.code, forKey: .code)
            case .board(let board):
                try container.encode("board", forKey: .kind)
                try container.encode(board.request)
            }
        }
    }
}
