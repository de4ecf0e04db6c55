import Foundation

/// Applies poll commands. Like `WorkshopReducer.apply`, it is also used to replay the journal.
enum PollReducer {
    /// Returns why the command was refused, or nil when it changed the state.
    static func apply(_ command: PollCommand, to state: inout WorkshopState) -> String? {
        if case .create(let definition) = command {
            if let problem = problem(creating: definition, in: state) { return problem }
            state.polls.append(PollState(definition: definition, isAdHoc: true))
            return nil
        }
        guard let index = state.polls.firstIndex(where: { $0.id == command.pollID }) else {
            return "There is no poll \"\(command.pollID)\"."
        }
        var poll = state.polls[index]
        switch command {
        case .open:
            guard poll.status != .open else { return "The poll is already open." }
            poll.status = .open
        case .close:
            guard poll.status == .open else { return "The poll is not open." }
            poll.status = .closed
        case .reveal(_, let shown):
            guard poll.revealed != shown else { return shown ? "Results are already shown." : "Results are already hidden." }
            poll.revealed = shown
        case .newRound:
            guard !poll.currentRound.ballots.isEmpty || poll.currentRound.handCounts != nil else {
                return "This round has no ballots yet."
            }
            poll.rounds.append(PollRound())
            poll.status = .open
            poll.revealed = false
        case .cast(_, let ballot):
            guard poll.status == .open else {
                return poll.status == .draft ? "This poll is not open yet." : "This poll is closed."
            }
            let clean = BallotValidation.normalized(ballot)
            if let problem = BallotValidation.problem(with: clean, for: poll.definition) { return problem }
            poll.rounds[poll.rounds.count - 1].ballots.append(clean)
        case .handCount(_, let counts):
            guard poll.definition.type == .single || poll.definition.type == .multiple else {
                return "Hand counts are for single and multiple choice polls."
            }
            guard counts.count == poll.definition.options.count, counts.allSatisfy({ $0 >= 0 }) else {
                return "Give one count (0 or more) per option."
            }
            poll.rounds[poll.rounds.count - 1].handCounts = counts
        case .create:
            return nil
        }
        state.polls[index] = poll
        return nil
    }

    private static func problem(creating poll: PollDefinition, in state: WorkshopState) -> String? {
        if state.polls.contains(where: { $0.id == poll.id }) { return "A poll with the id \"\(poll.id)\" exists already." }
        if poll.question.trimmingCharacters(in: .whitespaces).isEmpty { return "The question is empty." }
        switch poll.type {
        case .single, .multiple, .allocation:
            if poll.options.count < 2 { return "Give at least two options." }
        case .ranking:
            if poll.options.isEmpty { return "Give at least one item to rank." }
        case .scale, .open:
            break
        }
        if Set(poll.options).count != poll.options.count { return "Two options are the same." }
        if poll.options.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) { return "An option is empty." }
        return nil
    }
}
