/// One line of the journal.
public enum JournalRecord: Sendable, Equatable {
    /// First line: which session this journal belongs to.
    case header(JournalHeader)
    /// A command as it was acknowledged, with its sequence number and time.
    case command(seq: Int, at: Instant, command: WorkshopCommand)
}

public struct JournalHeader: Sendable, Equatable, Codable {
    /// Version of the journal layout.
    public var format: Int
    public var title: String
    /// Slot ids in agenda order: commands refer to slots by position, so the agenda must not change under them.
    public var slots: [String]
    public var createdAt: Instant

    public init(format: Int = JournalCodec.format, title: String, slots: [String], createdAt: Instant) {
        self.format = format
        self.title = title
        self.slots = slots
        self.createdAt = createdAt
    }
}
