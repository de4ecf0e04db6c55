/// One thing a working group captured: an action concept, a SWOT, a challenge... filled in from a template.
public struct GroupEntry: Sendable, Equatable, Identifiable {
    /// Stable id, `<group>-<n>`, given in order of creation (so a replayed journal gives the same ids).
    public var id: String
    public var template: String
    /// Field id → text. List fields hold one item per line.
    public var fields: [String: String]
    /// Who typed it: on a group's own terminal the facilitator's name from the session ("facilitator" when it names
    /// none, and in journals written before names were recorded), "moderator" on the plenary one.
    public var author: String
    public var createdAt: Instant
    public var editedAt: Instant
    /// Set on entries merged from another laptop's results: where they came from.
    public var origin: EntryOrigin?
    /// For merged entries: the laptop's version as merged last, so a later merge can tell which fields the
    /// laptop changed and which were edited here (`EntryMerge`).
    public var mergedBase: MergedBase?

    public struct MergedBase: Sendable, Equatable {
        public var fields: [String: String]
        public var editedAt: Instant
    }

    public init(id: String, template: String, fields: [String: String] = [:], author: String, createdAt: Instant,
                origin: EntryOrigin? = nil) {
        self.id = id
        self.template = template
        self.fields = fields
        self.author = author
        self.createdAt = createdAt
        self.editedAt = createdAt
        self.origin = origin
    }

    /// The first non-empty field, as a one-line title for lists.
    public func title(using template: CaptureTemplate?) -> String {
        let order = template?.fields.map(\.id) ?? fields.keys.sorted()
        let first = order.lazy.compactMap { self.fields[$0] }.first { !$0.isEmpty } ?? ""
        return first.split(separator: "\n").first.map(String.init) ?? ""
    }
}
