/// What an attached client asks the host to do. Nothing here is trusted: `RoleGate` checks each request against the
/// client's grant and the state, and turns it into a `WorkshopAction` or refuses it.
public enum ClientRequest: Sendable, Equatable {
    /// One ballot on one poll; `code` is the voter's one-time code when the poll admits by code.
    case castBallot(poll: String, ballot: Ballot, code: String?)
    /// A change to a working group's entries (the group is named in the command and must be the client's own).
    case group(GroupCommand)
    /// Anything the moderator records (start, next, open a poll, reveal...), from a moderator client.
    case moderator(WorkshopCommand)
    /// A question or idea, an upvote or taking one back, on a Q&A board (issue 16).
    case qa(QARequest)
}
