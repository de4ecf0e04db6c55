/// The numbers `docs/protocol.md` promises. Changing one is a protocol change: say so there.
public enum ProtocolLimits {
    /// The protocol version this build speaks. A client and host of different versions refuse each other at the
    /// handshake with both numbers, rather than misreading each other's messages.
    public static let version = 1
    /// Bytes in one frame's length prefix (unsigned, big-endian).
    public static let prefixLength = 4
    /// Longest message a client may send: a ballot, a group entry's field or a command fits many times over.
    public static let clientMessageLimit = 64 * 1024
    /// Longest message the host sends: a moderator's view of a large day with every group's entries.
    public static let hostMessageLimit = 4 * 1024 * 1024
    /// Bytes the host keeps queued for one client that is not reading; past it the client is dropped, so a stuck
    /// client never holds the host's memory or its other clients.
    public static let outgoingBufferLimit = 2 * hostMessageLimit
    /// A client that takes none of what waits for it for this long is dropped, even under the bound (its queue may
    /// hold just one view, replaced each time).
    public static let stalledWriteSeconds: Int64 = 30
    /// A client that has not said hello by then is dropped (half-open connections, port scanners, idle sockets).
    public static let handshakeTimeoutSeconds: Int64 = 10
    /// An attached client may stay silent (the projector never sends); the host sends a view at least this often,
    /// so a client that hears nothing for three times as long knows the host is gone and reconnects.
    public static let heartbeatSeconds: Int64 = 15
}
