/// One working-group entry open in the form: which field has the cursor, and what has been typed there.
///
/// Typing changes only the draft; the field is journaled when the facilitator moves to another field, leaves
/// the form, or stops typing for `autosaveSeconds`, so at most that much typing can be lost in a crash.
public struct EntryDraft: Sendable, Equatable {
    public var groupID: String
    public var entryID: String
    public var fieldIndex: Int
    public var editor: TextEditor
    /// Typed since the field was last journaled.
    public var isDirty: Bool
    public var lastKeyAt: Instant?

    public static let autosaveSeconds: Int64 = 2

    public init(groupID: String, entryID: String, fieldIndex: Int, editor: TextEditor) {
        self.groupID = groupID
        self.entryID = entryID
        self.fieldIndex = fieldIndex
        self.editor = editor
        self.isDirty = false
        self.lastKeyAt = nil
    }

    /// A draft on `field` of `entry`, holding its saved text. Long and list fields take several lines.
    public static func open(_ entry: GroupEntry, groupID: String, template: CaptureTemplate, fieldIndex: Int) -> EntryDraft {
        let field = template.fields[max(0, min(fieldIndex, template.fields.count - 1))]
        let multiline = field.kind == .long || field.kind == .list
        return EntryDraft(groupID: groupID, entryID: entry.id, fieldIndex: max(0, min(fieldIndex, template.fields.count - 1)),
                          editor: TextEditor(entry.fields[field.id] ?? "", multiline: multiline))
    }
}
