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

    /// - Parameter group: a facilitator terminal's group (`--group`): its files default to `<session>.<group>.…`,
    ///   so a group laptop's results copied next to the plenary's never replace them.
    /// - Parameter rehearsal: a rehearsal's files (`--rehearse`) are the real ones' with `.rehearsal` before the kind
    ///   (`sevilla.rehearsal.results.json`, `sevilla.rehearsal.journal.jsonl`), also under `--results`, so a rehearsal
    ///   can never write into the real record, and its files sort next to the real ones.
    public init(sessionPath: String, resultsPath: String? = nil, group: String? = nil, rehearsal: Bool = false) {
        self.sessionPath = sessionPath
        var base = sessionPath
        for suffix in [".yaml", ".yml"] where base.hasSuffix(suffix) {
            base.removeLast(suffix.count)
        }
        var results = resultsPath ?? base + (group.map { ".\($0)" } ?? "") + ".results.json"
        if rehearsal { results = Self.rehearsalName(results) }
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

    /// `x.results.json` → `x.rehearsal.results.json`, `x.json` → `x.rehearsal.json`; a name already marked stays.
    public static func rehearsalName(_ resultsPath: String) -> String {
        for suffix in [".results.json", ".json"] where resultsPath.hasSuffix(suffix) {
            let base = String(resultsPath.dropLast(suffix.count))
            if base.hasSuffix(".rehearsal") { return resultsPath }
            return base + ".rehearsal" + suffix
        }
        return resultsPath.hasSuffix(".rehearsal") ? resultsPath : resultsPath + ".rehearsal"
    }

    /// The last component of a path: what messages and merged entries call a file.
    public static func fileName(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The results file's folder ("." when it has none) and name.
    public var resultsFolderAndName: (folder: String, name: String) {
        guard let slash = resultsPath.lastIndex(of: "/") else { return (".", resultsPath) }
        return (String(resultsPath[..<slash]).isEmpty ? "/" : String(resultsPath[..<slash]),
                String(resultsPath[resultsPath.index(after: slash)...]))
    }

    /// True for `name.<stamp>.results.json`, the copies `--fresh` keeps of `name.results.json`.
    public static func isArchive(_ candidate: String, of name: String) -> Bool {
        let suffix = ".results.json"
        guard name.hasSuffix(suffix), candidate.hasSuffix(suffix) else { return false }
        let base = String(name.dropLast(suffix.count)) + "."
        guard candidate.hasPrefix(base) else { return false }
        let stamp = candidate.dropFirst(base.count).dropLast(suffix.count)
        return !stamp.isEmpty && stamp.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-") }
    }

    /// `name.results.json` → `name.<stamp>.results.json` (`day1.json` → `day1.<stamp>.json`), keeping the kind of
    /// file recognisable and the copies of one record together under `name.<stamp>.*`.
    public static func archivedName(_ path: String, stamp: String) -> String {
        for suffix in [".results.json", ".journal.jsonl", ".json"] where path.hasSuffix(suffix) {
            return String(path.dropLast(suffix.count)) + ".\(stamp)" + suffix
        }
        return path + ".\(stamp)"
    }
}
