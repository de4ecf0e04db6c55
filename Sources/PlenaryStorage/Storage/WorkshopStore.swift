#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PlenaryEngine
import PlenaryReports

/// Opens a workshop's files: resumes from the journal, or starts one; repairs a torn last record.
public enum WorkshopStore {
    public struct Opened {
        public var state: WorkshopState
        public var journal: any AppendLog
        /// Lines for the moderator about what was recovered or moved aside.
        public var messages: [String]
        /// Records the replay could not apply, each with where and why ("line 7 (byte 1432): …"). They stay in the
        /// file (a newer version may apply them) and are not counted as recorded actions.
        public var skipped: [String] = []

        /// One line for the moderator about the skipped records, listing the first `listing` of them.
        public func skippedSummary(listing: Int) -> String? {
            guard !skipped.isEmpty else { return nil }
            let count = skipped.count
            var text = "Skipped \(count) journal record\(count == 1 ? "" : "s") that cannot apply (kept in the file, not counted): "
                + skipped.prefix(listing).joined(separator: "; ")
            if count > listing { text += "; and \(count - listing) more" }
            return text + "."
        }
    }

    public enum OpenError: Error, CustomStringConvertible {
        case storage(StorageError)
        case damagedJournal(path: String, damage: JournalReader.Damage)
        case differentSession(path: String, detail: String)
        /// Another plenary on this computer has the journal open.
        case inUse(path: String)
        /// A change to the plan in the journal no longer applies to the session file, edited since: replaying on
        /// without it would leave the rest of the day's record out of step.
        case planNoLongerApplies(journal: String, session: String, line: Int, reason: String)
        /// The results file (or the journal beside it) is a folder: `--results` named one. `example` is a file in it.
        case folder(path: String, example: String)

        public var description: String {
            switch self {
            case .storage(let error):
                var text = "cannot open the workshop files: \(error)"
                if error.errno == 13 || error.errno == 30 {
                    text += ". Choose a writable place with --results PATH (the journal goes next to it)."
                } else if error.errno == ELOOP {
                    text = "\(error.path) is a symbolic link: Plenary writes its journal only to a file of its own, never through a link. Remove the link, or choose other files with --results PATH."
                } else if error.errno == 2 {
                    text += ". Does the folder exist? Create it, or choose another with --results PATH."
                }
                return text
            case .damagedJournal(let path, let damage) where damage.kind == .unreadable:
                return "\(path): \(damage). Nothing was changed and nothing was cut. Run the Plenary that wrote it, or start a new record with --fresh (this journal is kept under a new name)."
            case .damagedJournal(let path, let damage):
                return "\(path): \(damage). Nothing was changed. Keep the file; to start over anyway run with --fresh (the damaged journal is kept under a new name)."
            case .inUse(let path):
                return "\(path) is in use by another plenary on this computer. Quit that one first, or give this one its own files with --results PATH (for example one per working group)."
            case .folder(let path, let example):
                return "\(path) is a folder, not a results file: name a file in it with --results, for example --results \(example)"
            case .planNoLongerApplies(let journal, let session, let line, let reason):
                return "\(journal) line \(line): a change made to the plan during the workshop no longer applies to \(session) (\(reason)). The session file was edited after the change: put it back as it was when the workshop ran, or run with --fresh to start a new record (the old files are kept)."
            case .differentSession(let path, let detail):
                return "\(path) belongs to a different agenda (\(detail)). Run with --fresh to start a new record (the old files are kept), or use --results to choose other files."
            }
        }
    }

    /// - Parameters:
    ///   - fresh: keep existing files under a dated name and start a new record.
    ///   - stamp: the date-time text used in names of files set aside (from the runner's clock).
    ///   - newRecordID: the id a new journal gets (random, made by the caller: the store stays deterministic).
    public static func open(session: Session, plan: PlannedAgenda, files: WorkshopFiles, fileSystem: any FileSystem,
                            now: Instant, stamp: String, fresh: Bool, newRecordID: String) -> Result<Opened, OpenError> {
        do throws(OpenError) {
            for path in [files.resultsPath, files.journalPath] where fileSystem.isFolder(path) {
                let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
                let sessionName = WorkshopFiles.fileName(of: WorkshopFiles(sessionPath: files.sessionPath).resultsPath)
                throw .folder(path: path, example: folder + "/" + sessionName)
            }
            var messages: [String] = []
            // flock(2) locks an open file, and a second descriptor of the same process is refused like any other:
            // take the lock once per journal file and remember it.
            var holdsLock = false
            if fileSystem.exists(files.journalPath) {
                try lock(files.journalPath, fileSystem: fileSystem)
                holdsLock = true
                // Holding the lock, no other program writes these results: a temporary copy left beside them was
                // cut short by a kill or a power cut.
                let (folder, name) = files.resultsFolderAndName
                let leftovers = ((try? fileSystem.fileNames(in: folder)) ?? []).filter { $0.hasPrefix(name + ".tmp-") }
                for leftover in leftovers { try? fileSystem.remove(folder + "/" + leftover) }
                if !leftovers.isEmpty {
                    messages.append("Removed \(leftovers.count) unfinished results write\(leftovers.count == 1 ? "" : "s") left by an interrupted run (the journal has everything).")
                }
            }
            if fresh {
                if let kept = try keepPreviousRecord(files: files, fileSystem: fileSystem, stamp: stamp) {
                    messages.append(kept)
                }
                // The lock went with the archived file; the new journal is locked when it is made.
                holdsLock = false
            }
            var state = WorkshopState(session: session, plan: plan, now: now)
            let chunks: (any FileChunks)?
            do { chunks = try fileSystem.chunks(of: files.journalPath, rule: .journal) } catch { throw .storage(error) }

            if let chunks {
                // Streamed: each command is applied as soon as its action is whole, so neither the file nor its
                // records are held in memory (decision 61). A damaged journal throws below, and this state goes.
                let expected = session.agenda.map(\.id)
                var otherSession: JournalHeader?
                var skipped: [String] = []
                var bytesRead = 0
                func nextChunk() throws(OpenError) -> [UInt8]? {
                    do {
                        let chunk = try chunks.next()
                        bytesRead += chunk?.count ?? 0
                        return chunk
                    } catch { throw .storage(error) }
                }
                func readHeader(_ header: JournalHeader) throws(OpenError) {
                    if header.slots != expected { otherSession = header }
                    state.recordID = header.recordID
                }
                func replay(_ entry: JournalReader.Command) throws(OpenError) {
                    guard otherSession == nil else { return }
                    if let refusal = WorkshopReducer.replay(entry.command, to: &state, at: entry.at) {
                        // Never skip a change to the plan: every later record names slots by their place in it.
                        if case .plan = entry.command {
                            throw .planNoLongerApplies(journal: files.journalPath, session: files.sessionPath,
                                                       line: entry.seq + 1, reason: refusal)
                        }
                        skipped.append("line \(entry.seq + 1) (byte \(entry.offset)): \(refusal)")
                    }
                    state.now = max(state.now, entry.at)
                    state.recordedCommands = entry.seq
                }
                let read = try JournalReader.read(chunks: nextChunk, header: readHeader, command: replay)
                if bytesRead > 0 {
                    switch read {
                    case .failure(let damage):
                        if damage.kind == .damaged && damage.line == 1 && (try? isOneLine(files.journalPath, fileSystem: fileSystem)) == true {
                            // Only a torn header: the crash came before anything was recorded.
                            let aside = files.journalPath + ".broken-\(stamp)"
                            do { try fileSystem.moveAside(files.journalPath, to: aside) } catch { throw .storage(error) }
                            messages.append("The journal held no complete record; it was kept as \(aside).")
                            state = WorkshopState(session: session, plan: plan, now: now)
                            return .success(try create(state: state, files: files, fileSystem: fileSystem, now: now, stamp: stamp, recordID: newRecordID,
                                                       holdsLock: false, messages: messages))
                        }
                        throw .damagedJournal(path: files.journalPath, damage: damage)
                    case .success(let contents):
                        if let header = otherSession {
                            throw .differentSession(path: files.journalPath,
                                detail: slotDifference(journal: header.slots, session: expected, sessionPath: files.sessionPath))
                        }
                        state.skippedRecords = skipped.count
                        let applied = contents.commandCount - skipped.count
                        if contents.damagedTailLength > 0 {
                            let aside = files.journalPath + ".broken-\(stamp)"
                            do {
                                try fileSystem.copy(files.journalPath, to: aside)
                                try fileSystem.truncate(files.journalPath, to: contents.intactLength)
                            } catch { throw .storage(error) }
                            let cut = contents.incompleteActionRecords > 0
                                ? "the last action, written only in part (\(contents.damagedTailLength) bytes, never acknowledged), was cut off whole"
                                : "an incomplete last record (\(contents.damagedTailLength) bytes, never acknowledged) was cut off"
                            messages.append("Recovered \(CountedNoun.phrase(applied, "record")); \(cut). The original journal is kept as \(aside).")
                        } else if applied > 0 {
                            messages.append("Resumed from the journal: \(CountedNoun.phrase(applied, "recorded action")).")
                        }
                        state.now = max(state.now, now)
                        let journal: any AppendLog
                        do { journal = try fileSystem.openAppendLog(files.journalPath) } catch { throw .storage(error) }
                        let discarded = try discardEmptyEntries(&state, journal: journal)
                        if !discarded.isEmpty {
                            messages.append("Discarded \(discarded.count == 1 ? "an empty entry" : "\(discarded.count) empty entries") (\(discarded.joined(separator: ", "))) left open when the last run stopped.")
                        }
                        return .success(Opened(state: state, journal: journal, messages: messages, skipped: skipped))
                    }
                }
                state = WorkshopState(session: session, plan: plan, now: now)
            }
            // No journal, or an empty one (a kill before its header was written): a new workshop.
            return .success(try create(state: state, files: files, fileSystem: fileSystem, now: now, stamp: stamp, recordID: newRecordID,
                                       holdsLock: holdsLock, messages: messages))
        } catch {
            return .failure(error)
        }
    }

    /// What differs between the journal's slots and the session file's, in words: the first slot missing from
    /// either, or the order.
    static func slotDifference(journal: [String], session: [String], sessionPath: String) -> String {
        if let missing = journal.first(where: { !session.contains($0) }) {
            return "slot id \"\(missing)\" is in the journal but not in \(sessionPath)"
        }
        if let added = session.first(where: { !journal.contains($0) }) {
            return "slot id \"\(added)\" is in \(sessionPath) but not in the journal"
        }
        return "\(sessionPath) has the journal's slots in another order"
    }

    private static func create(state: WorkshopState, files: WorkshopFiles, fileSystem: any FileSystem,
                               now: Instant, stamp: String, recordID: String, holdsLock: Bool,
                               messages: [String]) throws(OpenError) -> Opened {
        var state = state
        var messages = messages
        if fileSystem.exists(files.resultsPath) {
            // A results file with no journal (copied from a group laptop, say) is not this record's: keep it.
            let archived = try archive(files.resultsPath, stamp: stamp, fileSystem: fileSystem)
            messages.append("\(files.resultsPath) had no journal beside it; it was kept as \(archived).")
        }
        let header = JournalHeader(title: state.session.title, slots: state.session.agenda.map(\.id), createdAt: now, record: recordID)
        state.recordID = header.recordID
        do {
            let journal = try fileSystem.openAppendLog(files.journalPath)
            guard try holdsLock || fileSystem.lockExclusively(files.journalPath) else {
                journal.close()
                throw OpenError.inUse(path: files.journalPath)
            }
            // Synced after the first frame (`WorkshopRunner.settleJournal`) or with the first record: the header
            // acknowledges nothing, and a start should not wait for two syncs before it shows anything.
            try journal.appendLater(JournalCodec.encode(.header(header)))
            return Opened(state: state, journal: journal, messages: messages)
        } catch let error as OpenError {
            throw error
        } catch let error as StorageError {
            throw .storage(error)
        } catch {
            throw .storage(StorageError(operation: "create", path: files.journalPath, reason: "\(error)"))
        }
    }

    /// Deletes, through the journal, entries made here whose fields are all empty: the form was open when the
    /// program was killed, before anything in it was saved. Closing the form discards such an entry; this is that
    /// discard, done at the next start. Returns their ids.
    private static func discardEmptyEntries(_ state: inout WorkshopState, journal: any AppendLog) throws(OpenError) -> [String] {
        var discarded: [String] = []
        for group in state.groups {
            for entry in group.entries where entry.origin == nil && entry.fields.values.allSatisfy(\.isEmpty) {
                let command = WorkshopCommand.group(.delete(group: group.id, entry: entry.id))
                // In place, as the replay applies: a refused command changes nothing, and a failed write fails the
                // whole open, so this state is never used. A copy per entry would copy every group's entries.
                guard WorkshopReducer.apply(command, to: &state, at: state.now) == nil else { continue }
                state.recordedCommands += 1
                do {
                    try journal.appendDurably(JournalCodec.encode(action: [command], firstSeq: state.recordedCommands, at: state.now))
                } catch { throw .storage(error) }
                discarded.append(entry.id)
            }
        }
        return discarded
    }

    /// Whether the file has no line break but (maybe) its last byte: a journal whose only line is its header.
    /// Read again, whole, only when that first line is damaged.
    private static func isOneLine(_ path: String, fileSystem: any FileSystem) throws(StorageError) -> Bool {
        guard let bytes = try fileSystem.contents(of: path, rule: .journal) else { return false }
        return !bytes.dropLast().contains(UInt8(ascii: "\n"))
    }

    /// The status line's room at 80 columns, after its leading space.
    static let noticeWidth = 79

    /// `--fresh`: sets the journal, the results and every report and CSV file exported from them aside under one
    /// stamp, as `<base>.<stamp>.<rest>`, so the old record's files sort together; says so in one line that fits
    /// 80 columns ("Kept 5 old files as sevilla.20261121-224510.*"). Nil when there was nothing to keep.
    private static func keepPreviousRecord(files: WorkshopFiles, fileSystem: any FileSystem, stamp: String) throws(OpenError) -> String? {
        let folder = files.resultsPath.lastIndex(of: "/").map { String(files.resultsPath[...$0]) } ?? ""
        let base = WorkshopExport.baseName(ofResultsFile: files.resultsPath)
        let exports = ((try? fileSystem.fileNames(in: folder.isEmpty ? "." : folder)) ?? [])
            .filter { WorkshopExport.isExport($0, baseName: base) }.sorted()
        let record = [files.journalPath, files.resultsPath].filter { fileSystem.exists($0) }
        guard !record.isEmpty || !exports.isEmpty else { return nil }
        func moves(_ stamp: String) -> [(from: String, to: String)] {
            record.map { ($0, WorkshopFiles.archivedName($0, stamp: stamp)) }
                + exports.map { (folder + $0, folder + base + ".\(stamp)." + $0.dropFirst(base.count + 1)) }
        }
        // One stamp for all of them, numbered when an earlier start in the same second already used it.
        var chosen = stamp
        var attempt = 1
        while moves(chosen).contains(where: { fileSystem.exists($0.to) }) {
            attempt += 1
            chosen = "\(stamp)-\(attempt)"
        }
        let planned = moves(chosen)
        for move in planned {
            do { try fileSystem.moveAside(move.from, to: move.to) } catch { throw .storage(error) }
        }
        let names = planned.map { WorkshopFiles.fileName(of: $0.to) }
        let shared = "." + chosen + "."
        guard names.allSatisfy({ $0.hasPrefix(base + shared) }) else {
            return "Kept the old files as " + names.joined(separator: ", ") + "."
        }
        let lead = "Kept \(CountedNoun.phrase(names.count, "old file")) as "
        guard (lead + base + shared + "*").terminalWidth > noticeWidth else { return lead + base + shared + "*" }
        // A long name keeps its start, then `*`: still a pattern that matches every kept file.
        var start = base
        while !start.isEmpty, (lead + start + "*" + shared + "*").terminalWidth > noticeWidth { start.removeLast() }
        return lead + start + "*" + shared + "*"
    }

    /// Renames `path` to its dated name (numbered when two starts share a second); returns the new name.
    private static func archive(_ path: String, stamp: String, fileSystem: any FileSystem) throws(OpenError) -> String {
        var archived = WorkshopFiles.archivedName(path, stamp: stamp)
        var attempt = 1
        while fileSystem.exists(archived) {
            attempt += 1
            archived = WorkshopFiles.archivedName(path, stamp: "\(stamp)-\(attempt)")
        }
        do { try fileSystem.moveAside(path, to: archived) } catch { throw .storage(error) }
        return archived
    }

    private static func lock(_ path: String, fileSystem: any FileSystem) throws(OpenError) {
        let locked: Bool
        do { locked = try fileSystem.lockExclusively(path) } catch { throw .storage(error) }
        guard locked else { throw .inUse(path: path) }
    }
}
