import Foundation

/// Messages to frames and back. Decoding says precisely what is wrong (`ProtocolError`) and never traps: the bytes
/// come from another process, maybe another program, maybe an attacker.
public enum MessageCodec {
    public static func encode(_ message: ClientMessage) throws(ProtocolError) -> [UInt8] {
        try FrameEncoder.frame(json(message), limit: ProtocolLimits.clientMessageLimit)
    }

    public static func encode(_ message: HostMessage) throws(ProtocolError) -> [UInt8] {
        try FrameEncoder.frame(json(message), limit: ProtocolLimits.hostMessageLimit)
    }

    public static func decodeClientMessage(_ body: [UInt8]) throws(ProtocolError) -> ClientMessage {
        try decode(ClientMessage.self, body)
    }

    public static func decodeHostMessage(_ body: [UInt8]) throws(ProtocolError) -> HostMessage {
        try decode(HostMessage.self, body)
    }

    /// Sorted keys: the same message is the same bytes, which tests and logs can compare.
    static func json(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every message type here encodes only strings, numbers and finite doubles: encoding cannot fail.
        return Array((try? encoder.encode(value)) ?? Data())
    }

    static func decode<Message: Decodable>(_ type: Message.Type, _ body: [UInt8]) throws(ProtocolError) -> Message {
        guard String(validating: body, as: UTF8.self) != nil else { throw .notUTF8 }
        do {
            return try JSONDecoder().decode(Message.self, from: Data(body))
        } catch let error as ProtocolError {
            throw error
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            // Foundation says "not valid JSON" also for a number that does not fit its field (1.5 or 1e40 for an
            // id), without naming the field: tell the two apart by parsing the bytes alone.
            guard (try? JSONSerialization.jsonObject(with: Data(body), options: .fragmentsAllowed)) != nil else { throw .notJSON }
            throw .malformed(type: messageType(body), field: "")
        } catch let DecodingError.keyNotFound(key, context) where context.codingPath.isEmpty && key.stringValue == "type" {
            throw .unknownType("")
        } catch let error as DecodingError {
            throw .malformed(type: messageType(body), field: field(of: error))
        } catch {
            throw .notJSON
        }
    }

    /// The `type` of a message that failed further in, for the error message.
    private static func messageType(_ body: [UInt8]) -> String {
        struct Envelope: Decodable { var type: String }
        return (try? JSONDecoder().decode(Envelope.self, from: Data(body)))?.type ?? ""
    }

    private static func field(of error: DecodingError) -> String {
        let path: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): path = context.codingPath
        @unknown default: path = []
        }
        return path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
