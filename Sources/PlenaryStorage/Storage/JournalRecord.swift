import PlenaryEngine

/// One line of the journal.
public enum JournalRecord: Sendable, Equatable {
    /// First line: which session this journal belongs to.
    case header(JournalHeader)
    /// A command as it was acknowledged, with its sequence number and time. `actionEnd` is set only on the records
    /// of an action that recorded several commands (a poll made from entries is created, then opened): the sequence
    /// number of that action's last record, so a replay that finds fewer records knows the action was never whole.
    case command(seq: Int, at: Instant, command: WorkshopCommand, actionEnd: Int? = nil)
}

public struct JournalHeader: Sendable, Equatable, Codable {
    /// Version of the journal layout.
    public var format: Int
    public var title: String
    /// Slot ids in agenda order: commands refer to slots by position, so the agenda must not change under them.
    public var slots: [String]
    public var createdAt: Instant
    /// Random id of this record of the workshop, so entries merged from another laptop are recognised when
    /// merged again. Journals written before merging existed have none.
    public var record: String?

    public init(format: Int = JournalCodec.format, title: String, slots: [String], createdAt: Instant, record: String? = nil) {
        self.format = format
        self.title = title
        self.slots = slots
        self.createdAt = createdAt
        self.record = record
    }

    /// The record id, or for older journals one derived from when and for what the journal was made.
    public var recordID: String {
        record ?? "journal-\(createdAt.milliseconds)"
    }
}
