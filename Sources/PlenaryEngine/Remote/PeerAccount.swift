/// Which account is on the other end of a connection, as the kernel vouches for it (`SO_PEERCRED`), not as the client
/// says. `run --allow-group` lets other accounts reach the socket (the `vote` account over SSH); they may vote or
/// watch, and only the account running the workshop may drive it (decision 71).
public enum PeerAccount: Sendable, Equatable {
    /// The account that runs `plenary run` (or root, which could read the journal anyway).
    case hostAccount
    /// Any other account, or one the kernel could not name: treated alike, with the fewest rights.
    case otherAccount
}
