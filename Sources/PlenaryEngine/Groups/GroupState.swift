/// A working group during the workshop: its definition, its entries in order, and what can be undone.
public struct GroupState: Sendable, Equatable, Identifiable {
    public var definition: WorkingGroup
    public var entries: [GroupEntry]
    /// Steps that `undo` reverses, newest last.
    public var undoStack: [UndoStep]
    /// Number given to the next new entry.
    public var nextNumber: Int
    /// Origins of merged entries deleted here: merging their file again must not bring them back.
    public var deletedOrigins: [EntryOrigin]
    /// While the runner may still take an action back (`StateRollback`, until its journal record is on disk): what
    /// the action changed here, oldest first. Nil otherwise (replay, tests): nothing is written down. Not part of
    /// the group's value, so equality ignores it.
    var pendingChanges: [GroupChange]?

    public enum UndoStep: Sendable, Equatable {
        case removeAdded(entryID: String)
        case restoreDeleted(GroupEntry, index: Int)
        case restoreField(entryID: String, field: String, previous: String?, editedAt: Instant)
        case moveBack(entryID: String, by: Int)
    }

    public init(definition: WorkingGroup) {
        self.definition = definition
        self.entries = []
        self.undoStack = []
        self.nextNumber = 1
        self.deletedOrigins = []
    }

    public var id: String { definition.id }

    public static func == (a: GroupState, b: GroupState) -> Bool {
        a.definition == b.definition && a.entries == b.entries && a.undoStack == b.undoStack && a.nextNumber == b.nextNumber
            && a.deletedOrigins == b.deletedOrigins
    }

    public func index(of entryID: String) -> Int? { entries.firstIndex { $0.id == entryID } }

    /// Where the entry merged from `origin` is in the list, if it was merged and is still here.
    func index(ofMerged origin: EntryOrigin) -> Int? {
        entries.firstIndex { $0.origin?.isSameEntry(as: origin) == true }
    }

    /// True when the entry merged from `origin` was deleted here (a merge must not bring it back).
    func wasDeletedHere(_ origin: EntryOrigin) -> Bool {
        deletedOrigins.contains { $0.isSameEntry(as: origin) }
    }
}
