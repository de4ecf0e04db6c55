import PlenaryEngine

/// A client's first message: which protocol version it speaks and the role it asks for, with the PIN a moderator
/// screen needs. The host answers with `HostMessage.welcome` or `.refused`.
public struct ClientHello: Sendable, Equatable {
    public var version: Int
    public var role: ClientRole
    /// Only for the moderator role; never logged, never echoed.
    public var pin: String?
    /// A moderator screen's size: the host draws the moderator screen for it at this size.
    public var screen: ScreenSize?
    /// The screen the host draws for this client uses ASCII only (`attach --ascii`: a terminal without Unicode fonts).
    public var ascii: Bool

    public init(version: Int = ProtocolLimits.version, role: ClientRole, pin: String? = nil, screen: ScreenSize? = nil,
                ascii: Bool = false) {
        self.ascii = ascii
        self.version = version
        self.role = role
        self.pin = pin
        self.screen = screen
    }
}
