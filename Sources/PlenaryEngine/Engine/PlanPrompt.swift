/// The one-line question the plan editor asks before a change that needs words or a number.
public struct PlanPrompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        /// The title of a new slot after the selected one; the minutes are asked next.
        case insertTitle
        /// The minutes of the new slot titled `title`, of `kind`.
        case insertMinutes(title: String, kind: SlotKind)
        /// A new title for the selected slot.
        case title
        /// A new planned length for the selected slot.
        case minutes
        /// The name of speaker `index` of the selected slot (`current`), or of a new speaker when `current` is nil;
        /// `count` speakers before the change. Tab goes to another speaker. The role, then the affiliation, follow.
        case speakerName(index: Int, count: Int, current: Person?)
        case speakerRole(index: Int, name: String, current: Person?)
        case speakerAffiliation(index: Int, name: String, role: String)
    }

    public var purpose: Purpose
    public var editor: LineEditor
    /// The kind of a new slot, chosen with Tab while its title is asked (a talk unless changed).
    public var kind: SlotKind

    public init(purpose: Purpose, editor: LineEditor, kind: SlotKind = .talk) {
        self.purpose = purpose
        self.editor = editor
        self.kind = kind
    }

    /// What the dialog asks, above the field.
    public var question: String {
        switch purpose {
        case .insertTitle: "Title of the new slot (\(kind.label); Tab: another kind)"
        case .insertMinutes(let title, let kind): "Minutes for “\(title)” (\(kind.label))"
        case .title: "New title"
        case .minutes: "Planned minutes"
        case .speakerName(let index, let count, let current?):
            "Name of speaker \(index + 1) of \(count) (\(current.tbc ? "TBC now; " : "")Tab: another speaker)"
        case .speakerName: "Name of a new speaker (Tab: another speaker)"
        case .speakerRole(_, let name, _): "Role of \(name) (may stay empty)"
        case .speakerAffiliation(_, let name, _): "Affiliation of \(name) (may stay empty)"
        }
    }

    /// Only digits go into a minutes field: a letter typed there is a slip, not a length.
    public var takesDigitsOnly: Bool {
        switch purpose {
        case .insertMinutes, .minutes: true
        case .insertTitle, .title, .speakerName, .speakerRole, .speakerAffiliation: false
        }
    }
}
