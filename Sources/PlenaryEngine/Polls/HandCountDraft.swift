/// Counts from a show of hands being typed in by the moderator, one number per option.
public struct HandCountDraft: Sendable, Equatable {
    public var pollID: String
    public var cursor: Int
    public var counts: [Int]
    /// The first digit typed on a row replaces its count (see `BallotDraft.replacesOnDigit`).
    public var replacesOnDigit = true

    public init(poll: PollState) {
        pollID = poll.id
        cursor = 0
        counts = poll.currentRound.handCounts ?? Array(repeating: 0, count: poll.definition.options.count)
    }

    public mutating func apply(_ edit: BallotDraft.Edit) {
        switch edit {
        case .up:
            cursor = max(0, cursor - 1)
            replacesOnDigit = true
        case .down:
            cursor = min(counts.count - 1, cursor + 1)
            replacesOnDigit = true
        case .digit(let digit):
            // A room holds at most a few thousand hands: five digits are plenty.
            let typed = replacesOnDigit ? digit : counts[cursor] * 10 + digit
            if typed < 100_000 { counts[cursor] = typed }
            replacesOnDigit = false
        case .erase:
            counts[cursor] /= 10
            replacesOnDigit = false
        case .right: counts[cursor] += 1
        case .left: counts[cursor] = max(0, counts[cursor] - 1)
        default: break
        }
    }
}
