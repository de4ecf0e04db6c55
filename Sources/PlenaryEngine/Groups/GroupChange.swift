/// One change an action made to a working group, holding what it replaced, so that `StateRollback` can take back an
/// action whose journal record failed without keeping a copy of every entry (issue 13): a copy held across the
/// action would make its first change to the group copy all of the group's entries.
indirect enum GroupChange: Sendable {
    case appendedEntry
    case replacedEntry(at: Int, old: GroupEntry)
    case removedEntry(at: Int, old: GroupEntry)
    case insertedEntry(at: Int)
    case pushedUndo
    case poppedUndo(GroupState.UndoStep)
    case appendedDeletedOrigin
    case removedDeletedOrigin(at: Int, old: EntryOrigin)
    /// A merge builds its groups aside (it is all or nothing) and replaces them whole.
    case replacedGroup(GroupState)
}

/// The group's changes go through these, so that each is written down while a rollback is armed.
extension GroupState {
    private mutating func note(_ change: GroupChange) {
        if pendingChanges != nil { pendingChanges?.append(change) }
    }

    mutating func appendEntry(_ entry: GroupEntry) {
        entries.append(entry)
        note(.appendedEntry)
    }

    mutating func changeEntry(at index: Int, _ change: (inout GroupEntry) -> Void) {
        note(.replacedEntry(at: index, old: entries[index]))
        change(&entries[index])
    }

    @discardableResult
    mutating func removeEntry(at index: Int) -> GroupEntry {
        let old = entries.remove(at: index)
        note(.removedEntry(at: index, old: old))
        return old
    }

    mutating func insertEntry(_ entry: GroupEntry, at index: Int) {
        entries.insert(entry, at: index)
        note(.insertedEntry(at: index))
    }

    mutating func pushUndo(_ step: UndoStep) {
        undoStack.append(step)
        note(.pushedUndo)
    }

    mutating func popUndo() -> UndoStep? {
        guard let step = undoStack.popLast() else { return nil }
        note(.poppedUndo(step))
        return step
    }

    mutating func appendDeletedOrigin(_ origin: EntryOrigin) {
        deletedOrigins.append(origin)
        note(.appendedDeletedOrigin)
    }

    mutating func removeDeletedOrigin(at index: Int) {
        let old = deletedOrigins.remove(at: index)
        note(.removedDeletedOrigin(at: index, old: old))
    }

    /// Undoes `changes`, newest first: the group's entries, undo steps and tombstones as they were before them.
    mutating func takeBack(_ changes: [GroupChange]) {
        for change in changes.reversed() {
            switch change {
            case .appendedEntry: entries.removeLast()
            case .replacedEntry(let index, let old): entries[index] = old
            case .removedEntry(let index, let old): entries.insert(old, at: index)
            case .insertedEntry(let index): entries.remove(at: index)
            case .pushedUndo: undoStack.removeLast()
            case .poppedUndo(let step): undoStack.append(step)
            case .appendedDeletedOrigin: deletedOrigins.removeLast()
            case .removedDeletedOrigin(let index, let old): deletedOrigins.insert(old, at: index)
            case .replacedGroup(let old): self = old
            }
        }
        pendingChanges = nil
    }
}
