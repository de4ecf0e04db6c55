/// A ballot being filled in on screen, for every poll type. The moderator's "enter a ballot" form uses it,
/// and so does the voter screen.
public struct BallotDraft: Sendable, Equatable {
    public var pollID: String
    /// Highlighted option (choices, ranking position, allocation item).
    public var cursor: Int
    /// Chosen options (single and multiple choice).
    public var chosen: Set<Int>
    /// A dot vote (`PollDefinition.stacksDots`): dots on each option, stacked up to the poll's limit.
    public var dots: [Int]
    public var scaleValue: Int?
    public var text: LineEditor
    /// Ranking: option indices, most preferred first.
    public var order: [Int]
    /// Ranking: the highlighted item moves with the arrows.
    public var grabbed: Bool
    /// Allocation: points per option.
    public var points: [Int]
    /// True until a digit is typed on the highlighted row: the first digit replaces the row's value,
    /// so typing 80 over 10 gives 80, not 1080 or 100.
    public var replacesOnDigit: Bool

    public init(poll: PollDefinition) {
        pollID = poll.id
        cursor = 0
        chosen = []
        dots = Array(repeating: 0, count: poll.options.count)
        scaleValue = nil
        text = LineEditor(limit: poll.type == .open ? (poll.maxLength ?? 280) : nil)
        order = Array(poll.options.indices)
        grabbed = false
        points = Array(repeating: 0, count: poll.options.count)
        replacesOnDigit = true
        refusal = nil
    }

    public enum Edit: Sendable, Equatable {
        case up, down, left, right
        /// Space: choose, toggle, or grab/drop a ranking item.
        case toggle
        /// A digit key.
        case digit(Int)
        /// Text editing, for open questions.
        case line(LineEdit)
        /// Backspace outside text: remove the last digit of an allocation.
        case erase
    }

    public mutating func apply(_ edit: Edit, poll: PollDefinition) {
        let count = poll.options.count
        switch poll.type {
        case .multiple where poll.stacksDots:
            switch edit {
            case .up: cursor = max(0, cursor - 1)
            case .down: cursor = min(count - 1, cursor + 1)
            case .toggle, .right: addDot(cursor, poll: poll)
            case .left, .erase: removeDot(cursor)
            case .digit(let digit) where digit >= 1 && digit <= count:
                cursor = digit - 1
                addDot(cursor, poll: poll)
            default: break
            }
        case .single, .multiple:
            switch edit {
            case .up: cursor = max(0, cursor - 1)
            case .down: cursor = min(count - 1, cursor + 1)
            case .toggle: choose(cursor, poll: poll)
            case .digit(let digit) where digit >= 1 && digit <= count:
                cursor = digit - 1
                choose(cursor, poll: poll)
            default: break
            }
        case .scale:
            let scale = poll.scale ?? RatingScale(min: 1, max: 5)
            let current = scaleValue ?? (scale.min + scale.max) / 2
            switch edit {
            case .left, .down: scaleValue = max(scale.min, scaleValue == nil ? current : current - 1)
            case .right, .up: scaleValue = min(scale.max, scaleValue == nil ? current : current + 1)
            case .digit(let digit) where digit >= scale.min && digit <= scale.max: scaleValue = digit
            default: break
            }
        case .open:
            switch edit {
            case .line(let lineEdit): text.apply(lineEdit)
            case .left: text.apply(.left)
            case .right: text.apply(.right)
            case .digit(let digit): text.apply(.insert(String(digit)))
            case .toggle: text.apply(.insert(" "))
            case .erase: text.apply(.backspace)
            default: break
            }
        case .ranking:
            switch edit {
            case .up where cursor > 0:
                if grabbed { order.swapAt(cursor, cursor - 1) }
                cursor -= 1
            case .down where cursor < count - 1:
                if grabbed { order.swapAt(cursor, cursor + 1) }
                cursor += 1
            case .toggle: grabbed.toggle()
            default: break
            }
        case .allocation:
            let total = poll.points ?? 100
            switch edit {
            case .up:
                cursor = max(0, cursor - 1)
                replacesOnDigit = true
            case .down:
                cursor = min(count - 1, cursor + 1)
                replacesOnDigit = true
            case .right:
                points[cursor] += max(0, min(5, remaining(poll)))
                replacesOnDigit = true
            case .left:
                points[cursor] = max(0, points[cursor] - 5)
                replacesOnDigit = true
            case .digit(let digit):
                let typed = replacesOnDigit ? digit : points[cursor] * 10 + digit
                if typed <= total { points[cursor] = typed }
                replacesOnDigit = false
            case .erase:
                points[cursor] /= 10
                replacesOnDigit = false
            default: break
            }
        }
    }

    /// Allocation: points not yet given.
    public func remaining(_ poll: PollDefinition) -> Int {
        (poll.points ?? 100) - points.reduce(0, +)
    }

    /// Set when a pick was refused (over the maximum), for the form to say why nothing happened.
    public var refusal: String?

    private mutating func choose(_ option: Int, poll: PollDefinition) {
        refusal = nil
        if poll.type == .single {
            chosen = [option]
        } else if chosen.contains(option) {
            chosen.remove(option)
        } else if let maximum = poll.maxPicks, chosen.count >= maximum {
            refusal = "At most \(CountedNoun.phrase(maximum, "pick")): untick one first."
        } else {
            chosen.insert(option)
        }
    }

    /// Dots not yet placed in a dot vote (nil when the poll sets no number).
    public func dotsLeft(_ poll: PollDefinition) -> Int? {
        poll.maxPicks.map { $0 - dots.reduce(0, +) }
    }

    private mutating func addDot(_ option: Int, poll: PollDefinition) {
        refusal = nil
        guard dots.indices.contains(option) else { return }
        let limit = poll.maxPerOption ?? 1
        if dots[option] >= limit {
            refusal = "At most \(CountedNoun.phrase(limit, "dot")) on one item: ← takes one off."
        } else if let left = dotsLeft(poll), left <= 0 {
            refusal = "All \(CountedNoun.phrase(poll.maxPicks ?? 0, "dot")) placed: ← takes one off an item."
        } else {
            dots[option] += 1
        }
    }

    private mutating func removeDot(_ option: Int) {
        refusal = nil
        guard dots.indices.contains(option), dots[option] > 0 else { return }
        dots[option] -= 1
    }

    /// The ballot as it stands; the reducer validates it before it counts.
    public func ballot(for poll: PollDefinition) -> Ballot {
        switch poll.type {
        case .single: .single(option: chosen.first ?? -1)
        case .multiple where poll.stacksDots:
            .multiple(options: dots.indices.flatMap { Array(repeating: $0, count: dots[$0]) })
        case .multiple: .multiple(options: chosen.sorted())
        case .scale: .scale(value: scaleValue ?? Int.min)
        case .open: .open(text: text.text)
        case .ranking: .ranking(order: order)
        case .allocation: .allocation(points: points)
        }
    }
}
