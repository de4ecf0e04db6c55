import PlenaryEngine

/// The keys a message uses for a board request's fields, so that a terminal's request (`ClientMessage`) and a
/// phone's (`GatewayToHostMessage`) write and read them in one way.
protocol QARequestFields: CodingKey {
    static var board: Self { get }
    static var action: Self { get }
    static var text: Self { get }
    static var name: Self { get }
    static var item: Self { get }
}

extension KeyedEncodingContainer where Key: QARequestFields {
    /// The board, the action ("submit", "upvote", "withdraw") and what it needs.
    mutating func encode(_ request: QARequest) throws {
        try encode(request.boardID, forKey: .board)
        switch request {
        case .submit(_, let text, let name):
            try encode("submit", forKey: .action)
            try encode(text, forKey: .text)
            try encodeIfPresent(name, forKey: .name)
        case .upvote(_, let item):
            try encode("upvote", forKey: .action)
            try encode(item, forKey: .item)
        case .withdraw(_, let item):
            try encode("withdraw", forKey: .action)
            try encode(item, forKey: .item)
        }
    }
}

extension KeyedDecodingContainer where Key: QARequestFields {
    /// The request `encode(_:)` wrote; an unknown action is malformed `type`.
    func decodeQARequest(in type: String) throws -> QARequest {
        let board = try decode(String.self, forKey: .board)
        switch try decode(String.self, forKey: .action) {
        case "submit":
            return .submit(board: board, text: try decode(String.self, forKey: .text), name: try decodeIfPresent(String.self, forKey: .name))
        case "upvote": return .upvote(board: board, item: try decode(Int.self, forKey: .item))
        case "withdraw": return .withdraw(board: board, item: try decode(Int.self, forKey: .item))
        default: throw ProtocolError.malformed(type: type, field: "action")
        }
    }
}
