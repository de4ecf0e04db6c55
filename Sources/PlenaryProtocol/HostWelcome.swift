/// The host's yes to a hello: its protocol version, which workshop this is, and the role it admitted.
public struct HostWelcome: Sendable, Equatable, Codable {
    public var version: Int
    public var title: String
    /// The workshop record's identity (`WorkshopState.recordID`): a client that reconnects checks it is the same
    /// workshop, not another one started at the same socket.
    public var recordID: String
    /// As `ClientRole.label` says it ("voter", "group wg1").
    public var role: String

    public init(version: Int = ProtocolLimits.version, title: String, recordID: String, role: String) {
        self.version = version
        self.title = title
        self.recordID = recordID
        self.role = role
    }
}
