/// What the host admitted a client as, after the handshake (`ClientAdmission`). Kept apart from the role the client
/// asked for so that a moderator's requests are checked against a proof, not against a claim.
public struct ClientGrant: Sendable, Equatable {
    public var role: ClientRole
    /// The moderator PIN was checked against the session's hash. Only a moderator grant with it may change anything
    /// beyond ballots and its own group; `RoleGate` checks it again on every request.
    public var pinProven: Bool

    public init(role: ClientRole, pinProven: Bool = false) {
        self.role = role
        self.pinProven = pinProven
    }
}
