/// How the running agenda differs from the session file: what the header counts, the results list and undo takes
/// back. Rebuilt by replaying the journal's `plan` records, like everything else in the state.
public struct PlanChanges: Sendable, Equatable {
    /// One change as the report lists it, undos included, in the order they were made.
    public struct Change: Sendable, Equatable {
        public var at: Instant
        /// "Inserted “Minister’s message” (10 min) after “Opening”".
        public var summary: String
    }

    /// The agenda as it was before a change still in effect, to put back on undo.
    struct Snapshot: Sendable, Equatable {
        var agenda: [Slot]
        var entries: [PlannedAgenda.Entry]
        var progress: [String: SlotProgress]
        /// Slot runs started before the change: once another slot starts, the change is part of the day.
        var runsStarted: Int
        var summary: String
    }

    public private(set) var log: [Change] = []
    var undoStack: [Snapshot] = []

    /// Changes made and not undone: zero when the running agenda is the file's.
    public var inEffect: Int { undoStack.count }

    /// The agenda as the file has it, while changes are in effect: the state before the oldest change not undone
    /// (every change before it was undone, so that state is the file's).
    public var fileAgenda: (slots: [Slot], entries: [PlannedAgenda.Entry])? {
        undoStack.first.map { ($0.agenda, $0.entries) }
    }

    mutating func push(_ snapshot: Snapshot, at now: Instant) {
        undoStack.append(snapshot)
        log.append(Change(at: now, summary: snapshot.summary))
    }

    mutating func popForUndo(at now: Instant) -> Snapshot? {
        guard let snapshot = undoStack.popLast() else { return nil }
        log.append(Change(at: now, summary: "Undone: " + snapshot.summary))
        return snapshot
    }
}
