/// What a facilitator (or the moderator) does to a working group's entries. Journaled like every command.
public enum GroupCommand: Sendable, Equatable, Codable {
    /// A new, empty entry from `template`, at the end of the list.
    case add(group: String, template: String, author: String)
    /// Replaces one field's text (also how autosaved typing is recorded).
    case setField(group: String, entry: String, field: String, text: String)
    case delete(group: String, entry: String)
    /// Moves an entry up (negative) or down the list.
    case move(group: String, entry: String, by: Int)
    /// Reverses the group's last add, edit, delete or move.
    case undo(group: String)

    public var groupID: String {
        switch self {
        case .add(let group, _, _), .setField(let group, _, _, _), .delete(let group, _), .move(let group, _, _), .undo(let group):
            group
        }
    }
}
