import Foundation

/// A poll proposed from the marked entries, before it opens (issue 15): the moderator may reword the proposed
/// question and, for a dot vote, set the dots each person has and how many may stack on one item, as on paper.
public struct ShortlistPollDraft: Sendable, Equatable {
    public enum Field: Sendable, Equatable, CaseIterable {
        case question, dots, perItem
    }

    public enum Edit: Sendable, Equatable {
        case line(LineEdit)
        case next, previous
        /// ← → on a number: one more or one fewer.
        case adjust(Int)
    }

    /// The group screen the proposal came from, and returns to when it is cancelled.
    public var groupID: String
    public var selection: Int
    /// Options, the entries behind them, the type and points: what the marks gave.
    public var proposal: PollDefinition
    public var question: LineEditor
    /// A dot vote: the dots each person has, and how many may go on one item.
    public var dots: Int
    public var perItem: Int
    public var field: Field
    /// Set once the moderator types in the question: a change of dots then no longer rewrites it.
    public var questionEdited: Bool

    /// Longest stack on one item, as in a session file's `max_per_option`.
    public static let maximumPerItem = 20

    public init(groupID: String, selection: Int, proposal: PollDefinition) {
        self.groupID = groupID
        self.selection = selection
        self.proposal = proposal
        dots = min(3, proposal.options.count)
        perItem = 1
        field = .question
        questionEdited = false
        question = LineEditor(Self.question(for: proposal, dots: dots, perItem: 1), limit: 200)
    }

    public var isDotVote: Bool { proposal.type == .multiple }

    /// The fields the moderator can move to: the question, and the dots for a dot vote.
    public var fields: [Field] { isDotVote ? Field.allCases : [.question] }

    /// What the proposal asks until the moderator rewords it; a dot vote's says the dots.
    public var proposedQuestion: String { Self.question(for: proposal, dots: dots, perItem: perItem) }

    private static func question(for proposal: PollDefinition, dots: Int, perItem: Int) -> String {
        switch proposal.type {
        case .ranking: return "Rank these actions, most important first"
        case .allocation: return "Share \(proposal.points ?? 100) points between these actions"
        default:
            let stack = perItem > 1 ? ", up to \(perItem) on one" : ""
            return "Which actions should we take forward? (\(CountedNoun.phrase(dots, "dot")) each\(stack))"
        }
    }

    public mutating func apply(_ edit: Edit) {
        let order = fields
        let index = order.firstIndex(of: field) ?? 0
        switch edit {
        case .next: field = order[min(order.count - 1, index + 1)]
        case .previous: field = order[max(0, index - 1)]
        case .line(let lineEdit):
            switch field {
            case .question:
                let before = question.text
                question.apply(lineEdit)
                if question.text != before { questionEdited = true }
            case .dots, .perItem:
                if lineEdit == .left { apply(.adjust(-1)) }
                if lineEdit == .right { apply(.adjust(1)) }
            }
        case .adjust(let step):
            switch field {
            case .question: question.apply(step < 0 ? .left : .right)
            case .dots: dots = min(proposal.options.count * perItem, max(1, dots + step))
            case .perItem: perItem = min(Self.maximumPerItem, dots, max(1, perItem + step))
            }
            if !questionEdited { question = LineEditor(proposedQuestion, limit: 200) }
        }
    }

    /// The poll to create: the proposal with the question as written and, for a dot vote, its dots.
    public var definition: PollDefinition {
        var definition = proposal
        definition.question = TextPolicy.cleaned(question.text, for: .line).trimmingCharacters(in: .whitespaces)
        if isDotVote {
            definition.maxPicks = dots
            definition.maxPerOption = perItem > 1 ? perItem : nil
        }
        return definition
    }
}
