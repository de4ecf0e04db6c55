import PlenaryEngine

/// Everything the host sends, as `docs/protocol.md` lists it.
public enum HostMessage: Sendable, Equatable {
    /// The handshake succeeded.
    case welcome(HostWelcome)
    /// The handshake failed (wrong version, unknown group, wrong PIN); the host closes the connection after it.
    case refused(reason: String)
    /// Request `id` is recorded: the journal holding it has been fsynced.
    case acknowledged(id: Int)
    /// Request `id` changed nothing, and why, for the person at the client.
    case refusal(id: Int, message: String)
    /// Request `id` changed nothing because of its voting code: the client asks for the code again. On the wire a
    /// `refusal` with `"about": "code"`, so the message stays readable to a client that ignores `about`.
    case codeRefusal(id: Int, message: String)
    /// What the client's role may see, whole (not a difference): after the handshake, after every recorded change,
    /// and at least every `ProtocolLimits.heartbeatSeconds`.
    case view(RoomView)
    /// An attached moderator screen, drawn by the host at that screen's size (instead of a view).
    case screen(ScreenFrame)
    /// The host is stopping or the moderator detached it; `reconnect` says whether to try again by itself.
    case stopping(reason: String, reconnect: Bool)
    /// The client broke the protocol; the host closes the connection after it.
    case protocolError(message: String)

    enum Key: String, CodingKey {
        case type, version, welcome, reason, id, message, about, view, reconnect, screen
    }
}

extension HostMessage: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "welcome":
            let welcome = try container.decode(HostWelcome.self, forKey: .welcome)
            guard welcome.version == ProtocolLimits.version else { throw ProtocolError.unsupportedVersion(welcome.version) }
            self = .welcome(welcome)
        case "refused": self = .refused(reason: try container.decode(String.self, forKey: .reason))
        case "ack": self = .acknowledged(id: try container.decode(Int.self, forKey: .id))
        case "refusal":
            let id = try container.decode(Int.self, forKey: .id)
            let message = try container.decode(String.self, forKey: .message)
            // An `about` this client does not know still leaves a readable refusal.
            let about = try container.decodeIfPresent(String.self, forKey: .about)
            self = about == "code" ? .codeRefusal(id: id, message: message) : .refusal(id: id, message: message)
        case "view": self = .view(try container.decode(RoomView.self, forKey: .view))
        case "screen": self = .screen(try container.decode(ScreenFrame.self, forKey: .screen))
        case "stopping":
            self = .stopping(reason: try container.decode(String.self, forKey: .reason),
                             reconnect: try container.decode(Bool.self, forKey: .reconnect))
        case "protocol-error": self = .protocolError(message: try container.decode(String.self, forKey: .message))
        default: throw ProtocolError.unknownType(type)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .welcome(let welcome):
            try container.encode("welcome", forKey: .type)
            try container.encode(welcome, forKey: .welcome)
        case .refused(let reason):
            try container.encode("refused", forKey: .type)
            // A refusal for a wrong version must still tell the client which version the host speaks.
            try container.encode(ProtocolLimits.version, forKey: .version)
            try container.encode(reason, forKey: .reason)
        case .acknowledged(let id):
            try container.encode("ack", forKey: .type)
            try container.encode(id, forKey: .id)
        case .refusal(let id, let message):
            try container.encode("refusal", forKey: .type)
            try container.encode(id, forKey: .id)
            try container.encode(message, forKey: .message)
        case .codeRefusal(let id, let message):
            try container.encode("refusal", forKey: .type)
            try container.encode(id, forKey: .id)
            try container.encode(message, forKey: .message)
            try container.encode("code", forKey: .about)
        case .view(let view):
            try container.encode("view", forKey: .type)
            try container.encode(view, forKey: .view)
        case .screen(let frame):
            try container.encode("screen", forKey: .type)
            try container.encode(frame, forKey: .screen)
        case .stopping(let reason, let reconnect):
            try container.encode("stopping", forKey: .type)
            try container.encode(reason, forKey: .reason)
            try container.encode(reconnect, forKey: .reconnect)
        case .protocolError(let message):
            try container.encode("protocol-error", forKey: .type)
            try container.encode(message, forKey: .message)
        }
    }
}
