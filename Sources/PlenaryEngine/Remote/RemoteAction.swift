/// What an attached client causes once `RoleGate` has admitted it. Routed by `WorkshopReducer` to `RemoteReducer`,
/// which records the same commands a local key would (so the journal cannot tell them apart) but leaves the
/// moderator's screen and notice alone: a voter's ballot must not clear the moderator's message.
public enum RemoteAction: Sendable, Equatable {
    /// One ballot. When the poll admits by code, `codeHash` is the code's hash, looked up by `RoleGate` (the PBKDF2
    /// work is done before the reducer): the code is spent for this poll round and the ballot cast, both or neither.
    case cast(poll: String, ballot: Ballot, codeHash: String?)
    /// A facilitator's change to their own group's entries.
    case groupEdit(GroupCommand)
}
