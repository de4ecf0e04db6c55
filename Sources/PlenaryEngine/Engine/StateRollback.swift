/// What the runner needs to put the state back when an action's records could not be written, without holding a
/// second reference to the poll rounds while the action runs (decision 56).
///
/// A plain copy of the state would share the rounds' ballot arrays with the live state, so the first ballot the
/// action appends would copy every ballot before it. This copy leaves the rounds out and remembers only how far
/// each had got; the live state then grows them in place, and a rollback cuts them back (recounting the tally, on
/// the rare failure path only). Rounds only ever grow: ballots are appended, rounds added, nothing removed.
public struct StateRollback {
    private var before: WorkshopState
    /// Per poll (in `before`'s order): per round, the ballots it held and its hand counts.
    private let rounds: [[(ballots: Int, handCounts: [Int]?)]]

    public init(_ state: WorkshopState) {
        var before = state
        rounds = state.polls.map { poll in poll.rounds.map { (ballots: $0.ballots.count, handCounts: $0.handCounts) } }
        for index in before.polls.indices { before.polls[index].rounds = [] }
        self.before = before
    }

    /// Puts `state` back as it was, keeping its rounds (cut back to where they were).
    public func restore(_ state: inout WorkshopState) {
        var restored = before
        for (index, marks) in rounds.enumerated() where index < state.polls.count {
            // Taken out of `state` before they are cut, so the cut works on the only reference.
            var kept = state.polls[index].rounds
            state.polls[index].rounds = []
            kept.removeLast(Swift.max(0, kept.count - marks.count))
            for (round, mark) in marks.enumerated() where round < kept.count {
                kept[round].keepFirst(mark.ballots)
                kept[round].handCounts = mark.handCounts
            }
            restored.polls[index].rounds = kept
        }
        state = restored
    }
}
