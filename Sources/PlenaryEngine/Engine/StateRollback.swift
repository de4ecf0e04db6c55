/// What the runner needs to put the state back when an action's records could not be written, without holding a
/// second reference to anything the action may grow (decision 56, issue 13).
///
/// A plain copy of the state would share the rounds' ballot arrays and the groups' entries with the live state, so
/// the first ballot the action appends, or the first entry it edits, would copy every one before it. This copy
/// leaves them out:
/// - Rounds only ever grow (ballots appended, rounds added, nothing removed), so it remembers how far each had got,
///   and a rollback cuts them back (recounting the tally, on the rare failure path only).
/// - Groups change anywhere (edits, deletes, moves, undo, merges), so arming the rollback asks each group to write
///   down its changes with what they replaced (`GroupChange`), and a rollback takes them back, newest first.
/// `settle` ends the writing down once the action's records are on disk.
public struct StateRollback {
    private var before: WorkshopState
    /// Per poll (in `before`'s order): per round, the ballots it held and its hand counts.
    private let rounds: [[(ballots: Int, handCounts: [Int]?)]]

    /// Remembers `state` as it is, and arms its groups to write down what the action changes.
    public init(arming state: inout WorkshopState) {
        rounds = state.polls.map { poll in poll.rounds.map { (ballots: $0.ballots.count, handCounts: $0.handCounts) } }
        for index in state.groups.indices { state.groups[index].pendingChanges = [] }
        for index in state.qa.indices { state.qa[index].pendingChanges = [] }
        var before = state
        for index in before.qa.indices {
            before.qa[index].items = []
            before.qa[index].pendingChanges = nil
        }
        for index in before.polls.indices { before.polls[index].rounds = [] }
        for index in before.groups.indices {
            before.groups[index].entries = []
            before.groups[index].undoStack = []
            before.groups[index].deletedOrigins = []
            before.groups[index].pendingChanges = nil
        }
        self.before = before
    }

    /// The action is kept: its groups stop writing down their changes.
    public func settle(_ state: inout WorkshopState) {
        for index in state.groups.indices where state.groups[index].pendingChanges != nil {
            state.groups[index].pendingChanges = nil
        }
        for index in state.qa.indices where state.qa[index].pendingChanges != nil {
            state.qa[index].pendingChanges = nil
        }
    }

    /// Puts `state` back as it was, keeping its rounds (cut back to where they were) and its groups' entries (with
    /// the action's changes taken back).
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
        for index in restored.groups.indices where index < state.groups.count {
            // Taken out of `state` too, so taking the changes back works on the only reference.
            var live = restored.groups[index]
            swap(&live, &state.groups[index])
            live.takeBack(live.pendingChanges ?? [])
            restored.groups[index].entries = live.entries
            restored.groups[index].undoStack = live.undoStack
            restored.groups[index].deletedOrigins = live.deletedOrigins
        }
        for index in restored.qa.indices where index < state.qa.count {
            // Q&A items are taken back the same way: out of `state` first, so the only reference changes.
            var live = state.qa[index].items
            state.qa[index].items = []
            var board = restored.qa[index]
            board.items = live
            live = []
            board.takeBack(state.qa[index].pendingChanges ?? [])
            restored.qa[index].items = board.items
        }
        state = restored
    }
}
