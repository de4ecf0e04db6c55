/// The moderator's queue of one board (`Q`): which items it lists, in which order, and the one selected.
public struct QAScreen: Sendable, Equatable {
    public var board: String
    public var filter: QAFilter
    public var order: QAOrder
    /// Position in the filtered, sorted list.
    public var selection: Int
    /// A line being typed: a correction, the number to merge into, or a question handed in on paper.
    public var prompt: QAPrompt?

    public init(board: String, filter: QAFilter = .pending, order: QAOrder = .votes, selection: Int = 0,
                prompt: QAPrompt? = nil) {
        self.board = board
        self.filter = filter
        self.order = order
        self.selection = selection
        self.prompt = prompt
    }
}

/// The one-line question the queue asks before an edit, a merge or a typed-in question.
public struct QAPrompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        /// New text for item `item`.
        case edit(item: Int)
        /// The number of the item that `duplicate` goes into.
        case merge(duplicate: Int)
        /// A question or idea the moderator types in (handed over on paper, asked aloud).
        case submit
    }

    public var purpose: Purpose
    public var editor: LineEditor

    public init(purpose: Purpose, editor: LineEditor) {
        self.purpose = purpose
        self.editor = editor
    }

    /// What the line asks, above the field.
    public var question: String {
        switch purpose {
        case .edit(let item): "Corrected text of item \(item) (the original stays in the journal)"
        case .merge(let duplicate): "Merge item \(duplicate) into item number"
        case .submit: "Type it in as it was handed over"
        }
    }

    public var takesDigitsOnly: Bool {
        if case .merge = purpose { return true }
        return false
    }
}
