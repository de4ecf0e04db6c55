/// The web gateway's messages to frames and back: the same frames and JSON as the terminals' protocol
/// (`MessageCodec`), with the same precise errors. A request is a client message in size; the room is a view.
extension MessageCodec {
    public static func encode(_ message: GatewayToHostMessage) throws(ProtocolError) -> [UInt8] {
        try FrameEncoder.frame(json(message), limit: ProtocolLimits.clientMessageLimit)
    }

    public static func encode(_ message: HostToGatewayMessage) throws(ProtocolError) -> [UInt8] {
        try FrameEncoder.frame(json(message), limit: ProtocolLimits.hostMessageLimit)
    }

    public static func decodeGatewayToHostMessage(_ body: [UInt8]) throws(ProtocolError) -> GatewayToHostMessage {
        try decode(GatewayToHostMessage.self, body)
    }

    public static func decodeHostToGatewayMessage(_ body: [UInt8]) throws(ProtocolError) -> HostToGatewayMessage {
        try decode(HostToGatewayMessage.self, body)
    }
}
