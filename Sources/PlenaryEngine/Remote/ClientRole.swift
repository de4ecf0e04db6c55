/// What a terminal attached to the host is for (issue 14). The role decides what it may send (`RoleGate`) and what
/// it is sent (`RoomView`); a client says its role on connect and cannot change it without reconnecting.
public enum ClientRole: Sendable, Equatable, Hashable {
    /// A voter kiosk or an SSH voter: casts ballots on the open polls.
    case voter
    /// The projector: read-only.
    case audience
    /// A facilitator of one working group: adds and edits that group's entries only.
    case group(String)
    /// A second moderator screen, admitted only with the moderator PIN.
    case moderator

    /// As the protocol and messages name it: "voter", "audience", "group wg1", "moderator".
    public var label: String {
        switch self {
        case .voter: "voter"
        case .audience: "audience"
        case .group(let id): "group \(id)"
        case .moderator: "moderator"
        }
    }
}
