/// Reads another laptop's results file (`plenary run --group`) and works out what merging its working-group
/// entries into this record would change. Pure: the caller reads the file and records the command.
public enum GroupImport {
    public struct Plan: Sendable, Equatable {
        /// Nil when nothing would change (the file was merged before and nobody edited since).
        public var command: WorkshopCommand?
        public var added: Int
        public var updated: Int
        public var unchanged: Int
        /// Entries the file holds an older copy of than the one merged before: left as they are.
        public var older: Int
        /// Fields edited both here and on the laptop since the last merge: the edit here is kept.
        public var keptHere: Int
        /// Entries merged before and deleted here since: not brought back.
        public var deletedHere: Int
        /// Names of the groups that gain or change entries, in session order.
        public var groups: [String]

        /// "3 entries added, 1 updated, 2 already there", or "2 entries already there" when nothing changes.
        public var summary: String {
            func entries(_ count: Int) -> String { "\(count) \(count == 1 ? "entry" : "entries")" }
            var parts: [String] = []
            if added > 0 || updated > 0 { parts.append("\(entries(added)) added") }
            if updated > 0 { parts.append("\(updated) updated") }
            if unchanged > 0 { parts.append(parts.isEmpty ? "\(entries(unchanged)) already there" : "\(unchanged) already there") }
            if older > 0 { parts.append("\(entries(older)) newer here than in the file") }
            if keptHere > 0 { parts.append("\(keptHere) field\(keptHere == 1 ? "" : "s") edited on both sides kept as edited here") }
            if deletedHere > 0 { parts.append("\(entries(deletedHere)) deleted here, not brought back") }
            return parts.isEmpty ? "the file has no entries" : parts.joined(separator: ", ")
        }
    }

    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case unreadable(file: String, reason: String)
        case newerVersion(file: String, version: Int)
        case olderVersion(file: String, version: Int)
        case otherSession(file: String, theirs: String, ours: String)
        case ownFile(file: String)
        /// A rehearsal's laptop into the real workshop, or the reverse: rehearsal entries never join the real record.
        case rehearsalMix(file: String, fileIsRehearsal: Bool)

        public var description: String {
            switch self {
            case .unreadable(let file, let reason):
                return "\(file) is not a Plenary results file (\(reason)). Nothing was merged."
            case .newerVersion(let file, let version):
                return "\(file) was written by a newer Plenary (results version \(version)); update this one. Nothing was merged."
            case .olderVersion(let file, let version):
                return "\(file) was written by an older Plenary (results version \(version)) that did not record its session. Open it once with this version (plenary run SESSION --results \(file), then q) and merge again. Nothing was merged."
            case .otherSession(let file, let theirs, let ours):
                return "\(file) is from another session (\(theirs)); this workshop is \(ours). Nothing was merged."
            case .ownFile(let file):
                return "\(file) is this workshop's own results file. Nothing was merged."
            case .rehearsalMix(let file, let fileIsRehearsal):
                return fileIsRehearsal
                    ? "\(file) is from a rehearsal; this is the real workshop. Nothing was merged."
                    : "\(file) is from the real workshop; this is a rehearsal. Nothing was merged."
            }
        }
    }

    /// - Parameter fileName: how the file is named in origins and messages (its last path component).
    public static func plan(bytes: [UInt8], fileName: String, into state: WorkshopState) -> Result<Plan, Refusal> {
        let snapshot: ResultsSnapshot
        do {
            snapshot = try ResultsSnapshot.decode(bytes)
        } catch {
            return .failure(.unreadable(file: fileName, reason: bytes.isEmpty ? "the file is empty" : "not the expected JSON"))
        }
        return plan(snapshot, fileName: fileName, into: state)
    }

    public static func plan(_ snapshot: ResultsSnapshot, fileName: String, into state: WorkshopState) -> Result<Plan, Refusal> {
        guard snapshot.schemaVersion <= ResultsSnapshot.schemaVersion else {
            return .failure(.newerVersion(file: fileName, version: snapshot.schemaVersion))
        }
        guard let fingerprint = snapshot.workshop.fingerprint, let record = snapshot.workshop.record else {
            return .failure(.olderVersion(file: fileName, version: snapshot.schemaVersion))
        }
        guard fingerprint == state.sessionFingerprint else {
            return .failure(.otherSession(file: fileName, theirs: describe(title: snapshot.workshop.title, date: snapshot.workshop.date),
                                          ours: describe(title: state.session.title, date: state.session.date?.description)))
        }
        guard record != state.recordID else { return .failure(.ownFile(file: fileName)) }
        let fileIsRehearsal = snapshot.workshop.rehearsal == true
        guard fileIsRehearsal == state.isRehearsal else {
            return .failure(.rehearsalMix(file: fileName, fileIsRehearsal: fileIsRehearsal))
        }

        var plan = Plan(command: nil, added: 0, updated: 0, unchanged: 0, older: 0, keptHere: 0, deletedHere: 0, groups: [])
        var incoming: [ImportedEntry] = []
        for group in snapshot.groups {
            let here = state.group(group.id)
            for entry in group.entries {
                let origin = entry.origin ?? EntryOrigin(record: record, entry: entry.id, file: fileName)
                // Entries this record sent to the other laptop earlier come home unchanged: skip them.
                guard origin.record != state.recordID else { continue }
                var fields: [String: String] = [:]
                for field in entry.fields {
                    let text = field.items?.joined(separator: "\n") ?? field.text ?? ""
                    if !text.isEmpty { fields[field.id] = text }
                }
                let createdAt = LocalCalendar.instant(fromISO8601: entry.createdAt) ?? state.now
                let item = ImportedEntry(group: group.id, origin: origin, template: entry.template, fields: fields,
                                         author: entry.author, createdAt: createdAt,
                                         editedAt: LocalCalendar.instant(fromISO8601: entry.editedAt) ?? createdAt)
                if here?.wasDeletedHere(origin) == true {
                    plan.deletedHere += 1
                    continue
                }
                if let here, let index = here.index(ofMerged: origin) {
                    switch EntryMerge.merge(item, into: here.entries[index]) {
                    case .unchanged:
                        plan.unchanged += 1
                        continue
                    case .older:
                        plan.older += 1
                        continue
                    case .updated(_, let keptHere):
                        plan.updated += 1
                        plan.keptHere += keptHere
                    }
                } else {
                    plan.added += 1
                }
                incoming.append(item)
            }
        }
        plan.command = incoming.isEmpty ? nil : .merge(entries: incoming)
        plan.groups = state.groups.filter { group in incoming.contains { $0.group == group.id } }.map(\.definition.name)
        return .success(plan)
    }

    private static func describe(title: String, date: String?) -> String {
        "\u{201C}\(title)\u{201D}" + (date.map { ", \($0)" } ?? "")
    }
}
