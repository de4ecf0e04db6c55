import Foundation

/// Applies poll commands. Like `WorkshopReducer.apply`, it is also used to replay the journal.
enum PollReducer {
    /// Returns why the command was refused, or nil when it changed the state.
    static func apply(_ command: PollCommand, to state: inout WorkshopState) -> String? {
        if case .create(let definition) = command {
            if let problem = problem(creating: definition, in: state) { return problem }
            state.polls.append(PollState(definition: definition, isAdHoc: true,
                                         createdInSlot: state.hasEnded ? nil : state.currentSlot.id))
            return nil
        }
        guard let index = state.polls.firstIndex(where: { $0.id == command.pollID }) else {
            return "There is no poll \"\(command.pollID)\"."
        }
        // Checked first, then changed in place: a copy of the poll held across the change would make the append
        // copy its ballots, and each ballot would cost as much as every ballot before it (decision 56).
        if let refusal = refusal(command, by: state.polls[index]) { return refusal }
        switch command {
        case .open:
            state.polls[index].status = .open
        case .close:
            state.polls[index].status = .closed
        case .reveal(_, let shown):
            state.polls[index].revealed = shown
        case .newRound:
            state.polls[index].startNewRound()
        case .cast(_, let ballot):
            state.polls[index].appendToCurrentRound(BallotValidation.normalized(ballot))
        case .handCount(_, let counts):
            state.polls[index].rounds[state.polls[index].rounds.count - 1].handCounts = counts
        case .create:
            break
        }
        return nil
    }

    /// Why `poll` refuses the command, or nil when it applies.
    private static func refusal(_ command: PollCommand, by poll: PollState) -> String? {
        switch command {
        case .open:
            return poll.status != .open ? nil : "The poll is already open."
        case .close:
            return poll.status == .open ? nil : "The poll is not open."
        case .reveal(_, let shown):
            guard poll.revealed != shown else { return shown ? "Results are already shown." : "Results are already hidden." }
            return nil
        case .newRound:
            return !poll.currentRound.ballots.isEmpty || poll.currentRound.handCounts != nil ? nil : "This round has no ballots yet."
        case .cast(_, let ballot):
            guard poll.status == .open else {
                return poll.status == .draft ? "This poll is not open yet." : "This poll is closed."
            }
            return BallotValidation.problem(with: BallotValidation.normalized(ballot), for: poll.definition)
        case .handCount(_, let counts):
            guard poll.definition.type == .single || poll.definition.type == .multiple else {
                return "Hand counts are for single and multiple choice polls."
            }
            guard counts.count == poll.definition.options.count, counts.allSatisfy({ $0 >= 0 }) else {
                return "Give one count (0 or more) per option."
            }
            return nil
        case .create:
            return nil
        }
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
