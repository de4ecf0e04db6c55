/// The host's answer to a client's handshake, decided in the core: which roles this workshop can admit, and the PIN
/// proof a moderator screen needs. The PIN check itself (PBKDF2, about 0.3 s) is left to the host, off the loop that
/// serves the keyboard and the other clients; its answer comes back through `pinChecked`.
public enum ClientAdmission {
    public enum Decision: Sendable, Equatable {
        case accepted(ClientGrant)
        /// Check this PIN against `state.voterPIN`, then call `pinChecked`.
        case checkPIN(String)
        case refused(String)
    }

    public static let otherAccountRefusal = "Only the account running the workshop can attach a facilitator or moderator "
        + "screen; this account can vote (--voter) or watch (--audience)."

    public static let noPINRefusal = "This workshop has no moderator PIN, so no second moderator screen can attach. "
        + "Set one with `plenary pin`."
    /// Refusals that typing the PIN again would not change.
    public static var finalRefusals: Set<String> { [otherAccountRefusal, noPINRefusal] }

    public static func decide(role: ClientRole, pin: String?, peer: PeerAccount = .hostAccount,
                              in state: WorkshopState) -> Decision {
        switch role {
        case .voter, .audience:
            return .accepted(ClientGrant(role: role))
        case .group where peer == .otherAccount, .moderator where peer == .otherAccount:
            return .refused(otherAccountRefusal)
        case .group(let id):
            guard state.group(id) != nil else {
                return .refused("There is no working group with that id in this session.")
            }
            return .accepted(ClientGrant(role: role))
        case .moderator:
            guard state.voterPIN != nil else { return .refused(noPINRefusal) }
            guard let pin, !pin.isEmpty else { return .refused("A moderator screen needs the moderator PIN.") }
            guard pin.count <= SecretHash.pinMaximumLength else { return .refused("Wrong moderator PIN.") }
            return .checkPIN(pin)
        }
    }

    public static func pinChecked(matches: Bool) -> Decision {
        matches ? .accepted(ClientGrant(role: .moderator, pinProven: true)) : .refused("Wrong moderator PIN.")
    }
}
