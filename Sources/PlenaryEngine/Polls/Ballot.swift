/// One participant's answer to a poll. Holds no identity and no time: ballots are secret.
public enum Ballot: Sendable, Equatable, Hashable, Codable {
    /// Index of the chosen option.
    case single(option: Int)
    /// Indices of the chosen options, in ascending order.
    case multiple(options: [Int])
    /// A value within the poll's scale.
    case scale(value: Int)
    /// A short text answer.
    case open(text: String)
    /// Every option index exactly once, most preferred first.
    case ranking(order: [Int])
    /// Points given to each option, one entry per option, summing to the poll's points.
    case allocation(points: [Int])
}
