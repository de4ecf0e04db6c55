/// Where a session's journal and results live. By default next to the session file:
/// `agenda.yaml` → `agenda.journal.jsonl` and `agenda.results.json`.
public struct WorkshopFiles: Sendable, Equatable {
    public var sessionPath: String
    public var journalPath: String
    public var resultsPath: String
    /// Hashes of the printed one-time codes (`plenary codes`).
    public var codesPath: String
    /// Which codes were used, per poll: a set, rewritten atomically.
    public var usedCodesPath: String

    public init(sessionPath: String, resultsPath: String? = nil) {
        self.sessionPath = sessionPath
        var base = sessionPath
        for suffix in [".yaml", ".yml"] where base.hasSuffix(suffix) {
            base.removeLast(suffix.count)
        }
        let results = resultsPath ?? base + ".results.json"
        self.resultsPath = results
        var journalBase = results
        if journalBase.hasSuffix(".results.json") {
            journalBase.removeLast(".results.json".count)
        } else if journalBase.hasSuffix(".json") {
            journalBase.removeLast(".json".count)
        }
        self.journalPath = journalBase + ".journal.jsonl"
        var sessionBase = sessionPath
        for suffix in [".yaml", ".yml"] where sessionBase.hasSuffix(suffix) {
            sessionBase.removeLast(suffix.count)
        }
        self.codesPath = sessionBase + ".codes.json"
        self.usedCodesPath = journalBase + ".codes-used.json"
    }

    /// `name.results.json` → `name.<stamp>.results.json`, keeping the kind of file recognisable.
    public static func archivedName(_ path: String, stamp: String) -> String {
        for suffix in [".results.json", ".journal.jsonl"] where path.hasSuffix(suffix) {
            return String(path.dropLast(suffix.count)) + ".\(stamp)" + suffix
        }
        return path + ".\(stamp)"
    }
}
