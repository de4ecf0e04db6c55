/// Where a merged entry was captured: the other record's id and the entry's id there. Together they recognise
/// the entry when the same (or a later) results file is merged again.
public struct EntryOrigin: Sendable, Equatable, Hashable, Codable {
    /// The record id of the results file it came from (`workshop.record`).
    public var record: String
    /// The entry's id in that record.
    public var entry: String
    /// File name it was merged from, for people reading the results.
    public var file: String

    /// The same entry of the same record, whatever file it was carried in.
    public func isSameEntry(as other: EntryOrigin) -> Bool {
        record == other.record && entry == other.entry
    }

    public init(record: String, entry: String, file: String) {
        self.record = record
        self.entry = entry
        self.file = file
    }
}
