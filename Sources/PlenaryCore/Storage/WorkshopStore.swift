/// Opens a workshop's files: resumes from the journal, or starts one; repairs a torn last record.
public enum WorkshopStore {
    public struct Opened {
        public var state: WorkshopState
        public var journal: any AppendLog
        /// Lines for the moderator about what was recovered or moved aside.
        public var messages: [String]
    }

    public enum OpenError: Error, CustomStringConvertible {
        case storage(StorageError)
        case damagedJournal(path: String, damage: JournalReader.Damage)
        case differentSession(path: String, detail: String)
        /// Another plenary on this computer has the journal open.
        case inUse(path: String)

        public var description: String {
            switch self {
            case .storage(let error):
                var text = "cannot open the workshop files: \(error)"
                if error.errno == 13 || error.errno == 30 {
                    text += ". Choose a writable place with --results PATH (the journal goes next to it)."
                } else if error.errno == 2 {
                    text += ". Does the folder exist? Create it, or choose another with --results PATH."
                }
                return text
            case .damagedJournal(let path, let damage):
                return "\(path): \(damage). Nothing was changed. Keep the file; to start over anyway run with --fresh (the damaged journal is kept under a new name)."
            case .inUse(let path):
                return "\(path) is in use by another plenary on this computer. Quit that one first, or give this one its own files with --results PATH (for example one per working group)."
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
            var messages: [String] = []
            if fileSystem.exists(files.journalPath) {
                try lock(files.journalPath, fileSystem: fileSystem)
                // Holding the lock, no other program writes these results: a temporary copy left beside them was
                // cut short by a kill or a power cut.
                let (folder, name) = files.resultsFolderAndName
                let leftovers = ((try? fileSystem.fileNames(in: folder)) ?? []).filter { $0.hasPrefix(name + ".tmp-") }
                for leftover in leftovers { try? fileSystem.remove(folder + "/" + leftover) }
                if !leftovers.isEmpty {
                    messages.append("Removed \(leftovers.count) unfinished results write\(leftovers.count == 1 ? "" : "s") left by an interrupted run (the journal has everything).")
                }
            }
            if fresh, let kept = try keepPreviousRecord(files: files, fileSystem: fileSystem, stamp: stamp) {
                messages.append(kept)
            }
            var state = WorkshopState(session: session, plan: plan, now: now)
            let existing: [UInt8]?
            do { existing = try fileSystem.contents(of: files.journalPath) } catch { throw .storage(error) }

            if let bytes = existing, !bytes.isEmpty {
                switch JournalReader.read(bytes) {
                case .failure(let damage):
                    if damage.line == 1 && !bytes.dropLast().contains(UInt8(ascii: "\n")) {
                        // Only a torn header: the crash came before anything was recorded.
                        let aside = files.journalPath + ".broken-\(stamp)"
                        do { try fileSystem.moveAside(files.journalPath, to: aside) } catch { throw .storage(error) }
                        messages.append("The journal held no complete record; it was kept as \(aside).")
                        return .success(try create(state: state, files: files, fileSystem: fileSystem, now: now, stamp: stamp, recordID: newRecordID, messages: messages))
                    }
                    throw .damagedJournal(path: files.journalPath, damage: damage)
                case .success(let contents):
                    let expected = session.agenda.map(\.id)
                    if contents.header.slots != expected {
                        throw .differentSession(path: files.journalPath,
                            detail: "journal slots: \(contents.header.slots.count), session slots: \(expected.count)")
                    }
                    if contents.damagedTailLength > 0 {
                        let aside = files.journalPath + ".broken-\(stamp)"
                        do {
                            try fileSystem.copy(files.journalPath, to: aside)
                            try fileSystem.truncate(files.journalPath, to: contents.intactLength)
                        } catch { throw .storage(error) }
                        messages.append("Recovered \(CountedNoun.phrase(contents.commands.count, "record")); an incomplete last record (\(contents.damagedTailLength) bytes, never acknowledged) was cut off. The original journal is kept as \(aside).")
                    } else if !contents.commands.isEmpty {
                        messages.append("Resumed from the journal: \(CountedNoun.phrase(contents.commands.count, "recorded action")).")
                    }
                    state.recordID = contents.header.recordID
                    for entry in contents.commands {
                        _ = WorkshopReducer.apply(entry.command, to: &state, at: entry.at)
                        state.now = max(state.now, entry.at)
                        state.recordedCommands = entry.seq
                    }
                    state.now = max(state.now, now)
                    let journal: any AppendLog
                    do { journal = try fileSystem.openAppendLog(files.journalPath) } catch { throw .storage(error) }
                    return .success(Opened(state: state, journal: journal, messages: messages))
                }
            }
            return .success(try create(state: state, files: files, fileSystem: fileSystem, now: now, stamp: stamp, recordID: newRecordID, messages: messages))
        } catch {
            return .failure(error)
        }
    }

    private static func create(state: WorkshopState, files: WorkshopFiles, fileSystem: any FileSystem,
                               now: Instant, stamp: String, recordID: String, messages: [String]) throws(OpenError) -> Opened {
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
            guard try fileSystem.lockExclusively(files.journalPath) else {
                journal.close()
                throw OpenError.inUse(path: files.journalPath)
            }
            try journal.appendDurably(JournalCodec.encode(.header(header)))
            return Opened(state: state, journal: journal, messages: messages)
        } catch let error as OpenError {
            throw error
        } catch let error as StorageError {
            throw .storage(error)
        } catch {
            throw .storage(StorageError(operation: "create", path: files.journalPath, reason: "\(error)"))
        }
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
