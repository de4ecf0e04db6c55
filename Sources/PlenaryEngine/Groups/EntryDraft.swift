/// One working-group entry open in the form: which field has the cursor, and what has been typed there.
///
/// Typing changes only the draft; the field is journaled when the facilitator moves to another field, leaves
/// the form, or `autosaveSeconds` after the first unsaved key (while typing goes on, too), so at most that much
/// typing can be lost in a crash.
public struct EntryDraft: Sendable, Equatable {
    public var groupID: String
    public var entryID: String
    public var fieldIndex: Int
    public var editor: TextEditor
    /// Typed since the field was last journaled.
    public var isDirty: Bool
    /// The first key not yet journaled: the autosave is due `autosaveSeconds` after it.
    public var dirtySince: Instant?
    /// The allowed answers when the field is a choice (then picked, never typed); empty otherwise.
    public var choices: [String]

    public static let autosaveSeconds: Int64 = 2

    public init(groupID: String, entryID: String, fieldIndex: Int, editor: TextEditor) {
        self.groupID = groupID
        self.entryID = entryID
        self.fieldIndex = fieldIndex
        self.editor = editor
        self.isDirty = false
        self.dirtySince = nil
        self.choices = []
    }

    /// Replaces the field's text with a picked choice (or "" to clear); saved like typing.
    mutating func choose(_ choice: String, at now: Instant) {
        guard choice != editor.text else { return }
        editor = TextEditor(choice, multiline: false)
        markTyped(at: now)
    }

    mutating func markTyped(at now: Instant) {
        if !isDirty { dirtySince = now }
        isDirty = true
    }

    /// True once the oldest unsaved key is `autosaveSeconds` old.
    func autosaveIsDue(at now: Instant) -> Bool {
        guard isDirty, let since = dirtySince else { return false }
        return now.milliseconds - since.milliseconds >= Self.autosaveSeconds * 1000
    }

    /// The index of the chosen answer on a choice field, nil when none is chosen.
    public var choiceIndex: Int? { choices.firstIndex(of: editor.text) }

    /// A draft on `field` of `entry`, holding its saved text. Long and list fields take several lines.
    public static func open(_ entry: GroupEntry, groupID: String, template: CaptureTemplate, fieldIndex: Int) -> EntryDraft {
        let field = template.fields[max(0, min(fieldIndex, template.fields.count - 1))]
        let multiline = field.kind == .long || field.kind == .list
        var draft = EntryDraft(groupID: groupID, entryID: entry.id, fieldIndex: max(0, min(fieldIndex, template.fields.count - 1)),
                               editor: TextEditor(entry.fields[field.id] ?? "", multiline: multiline))
        if field.kind == .choice { draft.choices = field.choices }
        return draft
    }
}
