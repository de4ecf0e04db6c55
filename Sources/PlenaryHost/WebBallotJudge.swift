import PlenaryEngine

/// Judges the phones' ballots of one turn's group (decision 92) and answers them once it is synced: one ballot per
/// phone per poll round (the inbox's memory plus the ballots admitted earlier in the same group, which the inbox
/// learns only once they are recorded), then `RoleGate` with a voter's grant, against the state the requests before
/// it left. The runner may judge a group again from an earlier request (`WorkshopRunner.sendTogether`): what was
/// judged from there on is forgotten first.
struct WebBallotJudge {
    private enum Verdict {
        case admitted(device: String, key: String, action: WorkshopAction)
        case board(WebInbox.BoardRequest, action: WorkshopAction)
        case refused(WebInbox.Outcome)
    }

    let inbox: WebInbox?
    /// By the request's index in the group.
    private var verdicts: [Int: Verdict] = [:]
    /// "device poll#round" of each ballot admitted in this group → its index.
    private var claims: [String: Int] = [:]
    private var lastIndex = -1

    init(inbox: WebInbox?) {
        self.inbox = inbox
    }

    /// The action for the request at `index`, or nil when it is refused before the reducer.
    mutating func admit(_ request: WebInbox.Request, at index: Int, in state: WorkshopState) -> WorkshopAction? {
        if index <= lastIndex {
            verdicts = verdicts.filter { $0.key < index }
            claims = claims.filter { $0.value < index }
        }
        lastIndex = index
        switch request {
        case .ballot(let ballot): return admit(ballot, at: index, in: state)
        case .board(let board): return admit(board, at: index, in: state)
        }
    }

    /// A phone on the board: a voter's request, the phone its participant (one upvote per phone per item).
    private mutating func admit(_ request: WebInbox.BoardRequest, at index: Int, in state: WorkshopState) -> WorkshopAction? {
        switch RoleGate.admit(.qa(request.request), from: ClientGrant(role: .voter), in: state, participant: .phone(request.device)) {
        case .perform(let action):
            verdicts[index] = .board(request, action: action)
            return action
        case .refused(let message), .refusedCode(let message):
            verdicts[index] = .refused(.refused(message))
            return nil
        }
    }

    private mutating func admit(_ request: WebInbox.BallotRequest, at index: Int, in state: WorkshopState) -> WorkshopAction? {
        guard let poll = state.poll(request.poll) else {
            verdicts[index] = .refused(.refused("There is no such poll."))
            return nil
        }
        let round = poll.rounds.count
        let key = CodeBook.ballotKey(poll: request.poll, round: round)
        let claim = request.device + " " + key
        if claims[claim] != nil || inbox?.hasVoted(device: request.device, poll: request.poll, round: round) == true {
            verdicts[index] = .refused(.refused("This phone has already voted in this poll."))
            return nil
        }
        let ask = ClientRequest.castBallot(poll: request.poll, ballot: request.ballot, code: request.code)
        switch RoleGate.admit(ask, from: ClientGrant(role: .voter), in: state) {
        case .perform(let action):
            verdicts[index] = .admitted(device: request.device, key: key, action: action)
            claims[claim] = index
            return action
        case .refused(let message):
            verdicts[index] = .refused(.refused(message))
        case .refusedCode(let message):
            verdicts[index] = .refused(.refusedCode(message))
        }
        return nil
    }

    /// The answer for the ballot at `index` once the group is synced; a recorded ballot's phone has voted in its round.
    func answer(at index: Int, recorded: Bool, in state: WorkshopState) -> WebInbox.Outcome {
        switch verdicts[index] {
        case .admitted(let device, let key, let action)?:
            guard recorded else { return .refused(RoomHost.refusalMessage(after: action, in: state)) }
            inbox?.markVoted(device: device, key: key)
            return .recorded
        case .board(let request, let action)?:
            guard recorded else { return .refused(RoomHost.refusalMessage(after: action, in: state)) }
            switch request.request {
            case .upvote(let board, let item): inbox?.markUpvote(device: request.device, board: board, item: item, on: true)
            case .withdraw(let board, let item): inbox?.markUpvote(device: request.device, board: board, item: item, on: false)
            case .submit: break
            }
            return .recorded
        case .refused(let outcome)?:
            return outcome
        case nil:
            return .refused("Not recorded. Please tell the moderator.")
        }
    }
}
