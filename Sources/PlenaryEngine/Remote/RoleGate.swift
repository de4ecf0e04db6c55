/// Decides, in the core, whether an attached client may do what it asks (issue 14): a voter casts ballots, the
/// audience changes nothing, a facilitator edits only their own group, a moderator acts only after the PIN proof.
/// What passes becomes the same `WorkshopAction` a local key makes, checked by the same rules (the ballot by
/// `BallotValidation`, the code by the `CodeBook`, a group change by the group reducer on a trial copy), so the
/// client is told exactly why when it does not pass. Pure: reads the state, changes nothing.
public enum RoleGate {
    /// - Parameter participant: who this connection is on a Q&A board, for one upvote each (decision 84).
    public static func admit(_ request: ClientRequest, from grant: ClientGrant, in state: WorkshopState,
                             participant: QAParticipant? = nil) -> RemoteAdmission {
        if case .qa(let qaRequest) = request {
            return admitQA(qaRequest, from: grant, participant: participant, in: state)
        }
        switch grant.role {
        case .audience:
            return .refused("This is a view of the room: it cannot vote or change anything.")
        case .moderator where !grant.pinProven:
            return .refused("The moderator screen needs the moderator PIN. Attach again with the PIN.")
        case .voter:
            guard case .castBallot(let poll, let ballot, let code) = request else {
                return .refused("A voter screen can only cast ballots.")
            }
            return admitBallot(poll: poll, ballot: ballot, code: code, in: state)
        case .group(let ownGroup):
            guard case .group(let command) = request else {
                return .refused("A facilitator screen can only add and edit its own group's entries.")
            }
            return admitGroupEdit(command, ownGroup: ownGroup, in: state)
        case .moderator:
            switch request {
            case .castBallot(let poll, let ballot, let code):
                return admitBallot(poll: poll, ballot: ballot, code: code, in: state)
            case .group(let command):
                return .perform(.command(.group(command)))
            case .moderator(let command):
                return .perform(.command(command))
            case .qa:
                return .refused("A Q&A request is checked on its own.")
            }
        }
    }

    /// Keys and a screen size drive a screen the host runs: the moderator screen (only with the PIN proven) or a
    /// facilitator's own group screen (whose recorded changes are checked again, as requests, by `admit`). Nil when
    /// `grant` may; else the reason, for the protocol error that closes the connection.
    public static func screenInputRefusal(for grant: ClientGrant) -> String? {
        switch grant.role {
        case .moderator where grant.pinProven: nil
        case .moderator: "The moderator screen needs the moderator PIN. Attach again with the PIN."
        case .group: nil
        case .voter, .audience: "Only a moderator or facilitator screen sends keys to the host."
        }
    }

    /// Voters (and the moderator) submit and upvote; the projector and facilitators do not. Moderation is a
    /// moderator command (`.moderator(.qa(…))`), which a voter can never send. Checked on the state as it is, so the
    /// participant hears "already upvoted" or "too long" instead of the moderator.
    private static func admitQA(_ request: QARequest, from grant: ClientGrant, participant: QAParticipant?,
                                in state: WorkshopState) -> RemoteAdmission {
        switch grant.role {
        case .audience: return .refused("This is a view of the room: it cannot vote or change anything.")
        case .group: return .refused("A facilitator screen can only add and edit its own group's entries.")
        case .moderator where !grant.pinProven: return .refused("The moderator screen needs the moderator PIN. Attach again with the PIN.")
        case .voter, .moderator: break
        }
        guard let participant else { return .refused("This connection cannot take part in Q&A.") }
        guard !state.isReadOnly else { return .refused(readOnly) }
        switch QAParticipation.command(for: request, by: participant, in: state) {
        case .success: return .perform(.qa(.participate(participant, request)))
        case .failure(let refusal): return .refused(refusal.message)
        }
    }

    private static let readOnly = "The host cannot record anything right now (its journal cannot be written). Please tell the moderator."

    /// The shared voter terminal's checks, in its order: the poll is open, the code admits this round, the ballot is
    /// complete. Messages are the voter terminal's where it has one. The client's poll id is never echoed back: it
    /// is untrusted text.
    private static func admitBallot(poll pollID: String, ballot: Ballot, code: String?, in state: WorkshopState) -> RemoteAdmission {
        guard let poll = state.poll(pollID) else { return .refused("There is no such poll.") }
        guard poll.status == .open else {
            return .refused(poll.status == .draft
                ? "This poll is not open yet; your answer was not counted."
                : "This poll has closed; your answer was not counted.")
        }
        guard !state.isReadOnly else { return .refused(readOnly) }
        if let problem = BallotValidation.problem(with: BallotValidation.normalized(ballot), for: poll.definition) {
            return .refused(problem)
        }
        guard poll.definition.admission == .codes else {
            return .perform(.remote(.cast(poll: pollID, ballot: ballot, codeHash: nil)))
        }
        guard let code, !code.isEmpty else { return .refusedCode("This poll needs your voting code, as printed on your slip.") }
        guard let book = state.codeBook else {
            return .refused("Voting codes are not set up on the host. Please tell the moderator.")
        }
        switch book.lookUp(code) {
        case .failure(let refusal):
            return .refusedCode(refusal.message)
        case .success(let hash):
            let key = CodeBook.ballotKey(poll: pollID, round: poll.rounds.count)
            guard !book.unused(hash: hash, among: [key]).isEmpty else {
                return .refusedCode("This code has already been used for this poll.")
            }
            return .perform(.remote(.cast(poll: pollID, ballot: ballot, codeHash: hash)))
        }
    }

    /// Only the facilitator's own group; then the group reducer's own refusal (no such entry, template or field),
    /// found on a trial copy so the client hears it instead of the moderator.
    private static func admitGroupEdit(_ command: GroupCommand, ownGroup: String, in state: WorkshopState) -> RemoteAdmission {
        guard command.groupID == ownGroup else {
            return .refused("This screen belongs to another working group: it can only change its own group's entries.")
        }
        guard state.group(ownGroup) != nil else { return .refused("This working group is not in the session.") }
        guard !state.isReadOnly else { return .refused(readOnly) }
        var trial = state
        if let refusal = WorkshopReducer.apply(.group(command), to: &trial, at: state.now) {
            return .refused(refusal)
        }
        return .perform(.remote(.groupEdit(command)))
    }
}
