/// The moderator's poll screens. Recording goes through `WorkshopReducer.record`; the tallies are `PollReducer`'s.
enum PollScreenReducer {
    static func reduce(_ state: inout WorkshopState, _ action: PollScreenAction) -> [Effect] {
        switch action {
        case .openList:
            if state.polls.isEmpty {
                WorkshopReducer.inform(&state, "This session has no polls.", .info)
            } else {
                state.screen = .pollList(selection: 0)
            }
        case .moveSelection(let delta):
            if case .pollList(let selection) = state.screen {
                state.screen = .pollList(selection: min(state.polls.count - 1, max(0, selection + delta)))
            }
        case .show(let id):
            if state.poll(id) != nil { state.screen = .poll(id: id) }
        case .startBallot(let id):
            guard let poll = state.poll(id) else { break }
            guard poll.status == .open else {
                WorkshopReducer.refuse(&state, "Open the poll first (o).")
                break
            }
            state.screen = .ballot(BallotDraft(poll: poll.definition))
        case .editBallot(let edit):
            if case .ballot(var draft) = state.screen, let poll = state.poll(draft.pollID) {
                draft.apply(edit, poll: poll.definition)
                state.screen = .ballot(draft)
            }
        case .submitBallot:
            // The definition, not the poll: a copy of the poll held across the record would make it copy every ballot.
            guard case .ballot(let draft) = state.screen, let definition = state.pollDefinition(draft.pollID) else { break }
            let recording = WorkshopReducer.record(.poll(.cast(poll: definition.id, ballot: draft.ballot(for: definition))), in: &state)
            if recording.isRecorded {
                state.screen = .poll(id: definition.id)
                let count = state.polls.first { $0.id == definition.id }?.ballotCount ?? 0
                WorkshopReducer.inform(&state, "Ballot recorded: \(count) in this round.", .success)
            }
            return recording.effects
        case .startNew:
            state.screen = .newPoll(PollDraft())
        case .editNew(let edit):
            guard case .newPoll(var draft) = state.screen else { break }
            let create = draft.apply(edit)
            state.screen = .newPoll(draft)
            guard create else { break }
            let number = state.polls.filter(\.isAdHoc).count + 1
            var id = "adhoc-\(number)"
            var suffix = number
            while state.poll(id) != nil { suffix += 1; id = "adhoc-\(suffix)" }
            let recording = WorkshopReducer.record(.poll(.create(draft.definition(id: id))), in: &state)
            if recording.isRecorded { WorkshopReducer.inform(&state, "Poll created. Press o to open it.", .success) }
            return recording.effects
        case .startHandCount(let id):
            guard let poll = state.poll(id) else { break }
            guard poll.definition.type == .single || poll.definition.type == .multiple else {
                WorkshopReducer.refuse(&state, "Hand counts are for single and multiple choice polls.")
                break
            }
            state.screen = .handCount(HandCountDraft(poll: poll))
        case .editHandCount(let edit):
            if case .handCount(var draft) = state.screen {
                draft.apply(edit)
                state.screen = .handCount(draft)
            }
        case .submitHandCount:
            guard case .handCount(let draft) = state.screen else { break }
            let recording = WorkshopReducer.record(.poll(.handCount(poll: draft.pollID, counts: draft.counts)), in: &state)
            if recording.isRecorded {
                state.screen = .poll(id: draft.pollID)
                WorkshopReducer.inform(&state, "Hand count recorded: \(draft.counts.reduce(0, +)) hands.", .success)
            }
            return recording.effects
        }
        return []
    }
}
