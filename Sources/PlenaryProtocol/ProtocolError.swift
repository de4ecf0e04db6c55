/// Why bytes from the other side are not a message this build accepts. Each has a sentence for the person at the
/// other end (sent in a `protocolError` message before the connection is closed) and for the host's log.
public enum ProtocolError: Error, Sendable, Equatable {
    /// The length prefix announces more than the limit; nothing of the body was read.
    case tooLong(announced: UInt32, limit: Int)
    /// A length prefix of zero: no message is empty.
    case empty
    case notUTF8
    case notJSON
    /// JSON, but its `type` is not one this version knows (or is missing).
    case unknownType(String)
    /// A hello for another protocol version.
    case unsupportedVersion(Int)
    /// A hello for a role this version does not have.
    case unknownRole(String)
    /// A message that is not a hello before the handshake, or a second hello after it.
    case unexpected(String)
    /// Something came while the host was still deciding on the hello (checking a moderator's PIN).
    case beforeWelcome
    /// The type is known but a field is missing or of the wrong kind (`field` is empty when the JSON reader does not
    /// say which).
    case malformed(type: String, field: String)
    /// The connection ended in the middle of a frame.
    case truncated(missing: Int)

    public var message: String {
        switch self {
        case .tooLong(let announced, let limit):
            "A message of \(announced) bytes was announced; the limit is \(limit) bytes."
        case .empty: "An empty message was sent."
        case .notUTF8: "A message was not UTF-8 text."
        case .notJSON: "A message was not valid JSON."
        case .unknownType(let type): "Unknown message type \"\(Self.quoted(type))\"."
        case .unsupportedVersion(let version):
            "This host speaks Plenary protocol version \(ProtocolLimits.version); the client speaks version \(version). Use the same Plenary version on both."
        case .unknownRole(let role):
            "Unknown role \"\(Self.quoted(role))\": use voter, audience, group (with a group id) or moderator."
        case .unexpected(let type): "A \"\(Self.quoted(type))\" message came out of turn (the first message must be a hello, and only the first)."
        case .beforeWelcome: "A message came before the host's welcome: wait for it before sending anything else."
        case .malformed(let type, let field) where field.isEmpty:
            "A \"\(Self.quoted(type))\" message has a field of the wrong kind (a number out of range, a fraction for a whole number)."
        case .malformed(let type, let field): "A \"\(Self.quoted(type))\" message has a missing or wrong \"\(Self.quoted(field))\"."
        case .truncated(let missing): "The connection ended \(missing) bytes before the end of a message."
        }
    }

    /// The other side's text as it may appear in a message: printable ASCII only, at most 40 characters, so a
    /// refusal can never carry control characters or a flood back to a screen or a log.
    static func quoted(_ text: String) -> String {
        let printable = text.unicodeScalars.prefix(40).map { $0.value >= 0x20 && $0.value < 0x7F ? Character($0) : "?" }
        return String(printable) + (text.unicodeScalars.count > 40 ? "…" : "")
    }
}
