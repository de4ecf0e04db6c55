import PlenaryEngine

/// One role's view of the room as the frame that carries it. The host encodes it once per role and hands the same
/// bytes to every connection of that role, so a state change costs one encoding per role, not one per client.
public struct EncodedView: Sendable {
    public let role: ClientRole
    /// The frame, or why the view cannot be sent (too large): such a client is dropped to reconnect.
    let frame: Result<[UInt8], ProtocolError>

    public init(_ view: RoomView, role: ClientRole) {
        self.role = role
        frame = Result { () throws(ProtocolError) in try MessageCodec.encode(.view(view)) }
    }
}
