/// Counts from a show of hands being typed in by the moderator, one number per option.
public struct HandCountDraft: Sendable, Equatable {
    public var pollID: String
    public var cursor: Int
    public var counts: [Int]

    public init(poll: PollState) {
        pollID = poll.id
        cursor = 0
        counts = poll.currentRound.handCounts ?? Array(repeating: 0, count: poll.definition.options.count)
    }

    public mutating func apply(_ edit: BallotDraft.Edit) {
        switch edit {
        case .up: cursor = max(0, cursor - 1)
        case .down: cursor = min(counts.count - 1, cursor + 1)
        case .digit(let digit) where counts[cursor] < 100_000: counts[cursor] = counts[cursor] * 10 + digit
        case .erase: counts[cursor] /= 10
        case .right: counts[cursor] += 1
        case .left: counts[cursor] = max(0, counts[cursor] - 1)
        default: break
        }
    }
}
