/// How many items each filter of a board holds, kept as items change so that the moderator's tabs never count.
public struct QACounts: Sendable, Equatable {
    public var pending = 0
    public var approved = 0
    public var answered = 0
    public var hidden = 0

    public init() {}

    public subscript(filter: QAFilter) -> Int {
        get {
            switch filter {
            case .pending: pending
            case .approved: approved
            case .answered: answered
            case .hidden: hidden
            }
        }
        set {
            switch filter {
            case .pending: pending = newValue
            case .approved: approved = newValue
            case .answered: answered = newValue
            case .hidden: hidden = newValue
            }
        }
    }

    /// Moves one item's count from the class it had to the class it has.
    mutating func move(from old: QAFilter?, to new: QAFilter?) {
        if let old { self[old] -= 1 }
        if let new { self[new] += 1 }
    }
}
