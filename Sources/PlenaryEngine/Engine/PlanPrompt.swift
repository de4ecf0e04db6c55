/// The one-line question the plan editor asks before a change that needs words or a number.
public struct PlanPrompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        /// The title of a new slot after the selected one; the minutes are asked next.
        case insertTitle
        /// The minutes of the new slot titled `title`.
        case insertMinutes(title: String)
        /// A new title for the selected slot.
        case title
        /// A new planned length for the selected slot.
        case minutes
    }

    public var purpose: Purpose
    public var editor: LineEditor

    public init(purpose: Purpose, editor: LineEditor) {
        self.purpose = purpose
        self.editor = editor
    }

    /// What the dialog asks, above the field.
    public var question: String {
        switch purpose {
        case .insertTitle: "Title of the new slot"
        case .insertMinutes(let title): "Minutes for “\(title)”"
        case .title: "New title"
        case .minutes: "Planned minutes"
        }
    }

    /// Only digits go into a minutes field: a letter typed there is a slip, not a length.
    public var takesDigitsOnly: Bool {
        switch purpose {
        case .insertMinutes, .minutes: true
        case .insertTitle, .title: false
        }
    }
}
