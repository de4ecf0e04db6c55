/// An entry as read from another laptop's results file, ready to be journaled into this record.
public struct ImportedEntry: Sendable, Equatable, Codable {
    public var group: String
    public var origin: EntryOrigin
    public var template: String
    /// Field id → text, list fields one item per line (as `GroupEntry.fields`).
    public var fields: [String: String]
    public var author: String
    public var createdAt: Instant
    public var editedAt: Instant

    public init(group: String, origin: EntryOrigin, template: String, fields: [String: String], author: String,
                createdAt: Instant, editedAt: Instant) {
        self.group = group
        self.origin = origin
        self.template = template
        self.fields = fields
        self.author = author
        self.createdAt = createdAt
        self.editedAt = editedAt
    }
}
