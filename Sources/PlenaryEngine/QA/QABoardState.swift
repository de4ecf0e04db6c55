/// One board during the workshop: its items, running counts, and what this run remembers about participants.
public struct QABoardState: Sendable, Equatable {
    public let definition: QABoardDefinition
    /// In the order they were submitted: item `n` is `items[n - 1]`.
    public internal(set) var items: [QAItem] = []
    public internal(set) var counts = QACounts()
    /// The item shown large on the projector.
    public internal(set) var highlighted: Int?
    /// Hidden items, the latest last: undo brings back the last one.
    public internal(set) var hiddenOrder: [Int] = []
    /// The items each participant of this run has upvoted (decision 84): in memory only, never journaled, so a
    /// duplicate upvote is refused while its participant exists (a kiosk admission, a connection).
    public internal(set) var upvotedBy: [QAParticipant: Set<Int>] = [:]
    /// How many items each participant of this run has submitted, against floods.
    public internal(set) var submittedBy: [QAParticipant: Int] = [:]
    /// While an action is armed for rollback (`StateRollback`): each changed item as it was before (nil when the
    /// action appended it), so a failed journal write is taken back without copying every item.
    var pendingChanges: [(number: Int, before: QAItem?)]?

    public init(definition: QABoardDefinition) {
        self.definition = definition
    }

    public var id: String { definition.id }

    public func item(_ number: Int) -> QAItem? {
        number >= 1 && number <= items.count ? items[number - 1] : nil
    }

    /// The item a participant's vote lands on: a merged duplicate stands for the item it went into.
    public func surviving(_ number: Int) -> Int {
        var current = number
        var steps = 0
        while let next = item(current)?.mergedInto, steps < items.count {
            current = next
            steps += 1
        }
        return current
    }

    /// Changes item `number` in place, keeping the counts and the rollback notes.
    mutating func update(_ number: Int, _ change: (inout QAItem) -> Void) {
        let index = number - 1
        let before = items[index]
        change(&items[index])
        counts.move(from: before.filterClass, to: items[index].filterClass)
        pendingChanges?.append((number, before))
    }

    mutating func append(_ item: QAItem) {
        items.append(item)
        counts.move(from: nil, to: item.filterClass)
        pendingChanges?.append((item.number, nil))
    }

    /// Takes back `changes`, newest first (a journal write failed).
    mutating func takeBack(_ changes: [(number: Int, before: QAItem?)]) {
        for change in changes.reversed() {
            if let before = change.before {
                let index = change.number - 1
                counts.move(from: items[index].filterClass, to: before.filterClass)
                items[index] = before
            } else if items.count == change.number {
                counts.move(from: items[items.count - 1].filterClass, to: nil)
                items.removeLast()
            }
        }
    }

    public static func == (lhs: QABoardState, rhs: QABoardState) -> Bool {
        lhs.definition == rhs.definition && lhs.items == rhs.items && lhs.counts == rhs.counts
            && lhs.highlighted == rhs.highlighted && lhs.hiddenOrder == rhs.hiddenOrder
            && lhs.upvotedBy == rhs.upvotedBy && lhs.submittedBy == rhs.submittedBy
            && (lhs.pendingChanges == nil) == (rhs.pendingChanges == nil)
    }
}
