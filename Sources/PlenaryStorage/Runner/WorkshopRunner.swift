import PlenaryEngine
import PlenaryReports

/// Runs the reducer and its effects against real (or test) storage and clock.
///
/// An action that must be recorded changes what is shown only after its journal records are on disk: the reducer
/// changes the state in place (a copy would copy every ballot array it grows), and if the one append of all its
/// records fails, `StateRollback` puts the state back before anything is drawn (decision 56). The results file is
/// not written on the key path: `ResultsSchedule` coalesces it and `ResultsWriter` writes it (decision 60).
public final class WorkshopRunner {
    /// The workshop now. Changed only through `changing`, which counts the changes in `revision`.
    public var state: WorkshopState { current }
    private var current: WorkshopState
    /// Goes up with every change to `state`: what was drawn from the state at one revision is what the state at
    /// that revision looks like, so a frame drawn while the journal synced can be shown as it is (decision 105).
    public private(set) var revision = 0
    /// Every change to `state` goes through here, in place (no copy of the state; `_modify` yields the stored value).
    private var changing: WorkshopState {
        get { current }
        _modify {
            revision &+= 1
            yield &current
        }
    }
    /// Called with the new state while the journal syncs an action's records (on this thread, decision 105): the
    /// moderator's screen draws its next frame meanwhile, and shows it only once the records are on disk and the
    /// state is still at the same `revision`.
    public var whileJournalSyncs: ((WorkshopState) -> Void)?
    public private(set) var wantsToQuit = false
    /// Set when keys typed ahead must be thrown away; the app loop clears it with `takeDiscardRequest()`.
    public private(set) var wantsInputDiscarded = false
    public let files: WorkshopFiles
    private let journal: any AppendLog
    private let fileSystem: any FileSystem
    private let clock: any Clock
    private let generator: String
    /// Source of salts; injected so tests are repeatable.
    private let randomBytes: (Int) -> [UInt8]
    /// What `~` means in a typed path (from the environment, which the core does not read).
    private let homeDirectory: String?
    /// A PIN waiting to be checked (`.checkPIN`): done by `performDeferredWork` once the screen says "Checking".
    private var pendingPINCheck: String?
    /// Set while the results file is failing, so "saved again" is said once, when it recovers.
    private var resultsFailing = false
    /// When the results snapshot is written next, and what writes it.
    public private(set) var resultsSchedule = ResultsSchedule()
    private let resultsWriter: ResultsWriter
    /// When the write in flight (or whose outcome is not yet taken) was started.
    private var resultsWriteStartedAt: Instant?

    /// The reducer; tests may wrap it to script an action's effects in an order no action produces yet.
    private let reduce: (inout WorkshopState, WorkshopAction, Instant) -> [Effect]

    public convenience init(state: WorkshopState, journal: any AppendLog, fileSystem: any FileSystem, files: WorkshopFiles,
                            clock: any Clock, generator: String,
                            randomBytes: @escaping (Int) -> [UInt8] = WorkshopRunner.systemRandomBytes, homeDirectory: String? = nil,
                            resultsInBackground: Bool = false) {
        self.init(state: state, journal: journal, fileSystem: fileSystem, files: files, clock: clock, generator: generator,
                  randomBytes: randomBytes, homeDirectory: homeDirectory, resultsInBackground: resultsInBackground,
                  reduce: WorkshopReducer.reduce)
    }

    /// - Parameter resultsInBackground: build and write results snapshots on a thread of their own (the program);
    ///   otherwise on this thread when due (tests, `plenary merge`).
    init(state: WorkshopState, journal: any AppendLog, fileSystem: any FileSystem, files: WorkshopFiles,
         clock: any Clock, generator: String, randomBytes: @escaping (Int) -> [UInt8], homeDirectory: String?,
         resultsInBackground: Bool = false,
         reduce: @escaping (inout WorkshopState, WorkshopAction, Instant) -> [Effect]) {
        resultsWriter = ResultsWriter(fileSystem: fileSystem, path: files.resultsPath, sessionFile: files.sessionPath,
                                      generator: generator, inBackground: resultsInBackground)
        self.reduce = reduce
        self.randomBytes = randomBytes
        self.homeDirectory = homeDirectory
        current = state
        self.journal = journal
        self.fileSystem = fileSystem
        self.files = files
        self.clock = clock
        self.generator = generator
    }

    /// Runs the action, then the actions its effects answer with (a listing, a file read, a hashed PIN), in order:
    /// each answer waits until every effect of the action before it has run. Says whether `action` itself was
    /// recorded (its follow-ups are the runner's own business).
    @discardableResult
    public func send(_ action: WorkshopAction) -> SendOutcome {
        let (outcome, followUps) = perform(action)
        var pending = followUps
        while !pending.isEmpty {
            pending += perform(pending.removeFirst()).followUps
        }
        return outcome
    }

    /// Group commit (decision 92): requests that arrived together (the host's phones and socket voters in one turn)
    /// share one journal write and one fdatasync instead of one each. They still run one by one: `admit` gives the
    /// action for request `index` judged against the state the requests before it left (nil: refused before the
    /// reducer), then the reducer runs it. Only after the sync does any outcome say "recorded".
    ///
    /// Nothing outside the state happens before the sync except what must come first (a spent voting code's file);
    /// the other effects run after it, in order, as `send` runs them after its own. If the write or the sync fails,
    /// every request of the group is taken back and none is recorded, as for one action of several records. If a
    /// voting code's file cannot be written, the group is taken back and run again one request at a time with
    /// `send`, which tells the request concerned: so `admit` may be asked again for the same index.
    public func sendTogether(_ count: Int, admit: (Int, WorkshopState) -> WorkshopAction?) -> [SendOutcome?] {
        let now = clock.now()
        let rollback = StateRollback(arming: &changing)
        var bytes: [UInt8] = []
        var outcomes: [SendOutcome?] = []
        var performed: [[Effect]] = []
        for index in 0..<count {
            guard let action = admit(index, state) else {
                outcomes.append(nil)
                continue
            }
            let recordedBefore = state.recordedCommands
            let effects = reduce(&changing, action, now)
            do {
                try spendCodes(effects)
            } catch {
                rollback.restore(&changing)
                return (0..<count).map { index in admit(index, state).map { send($0) } }
            }
            let commands = Self.journalRecords(in: effects)
            if !commands.isEmpty {
                bytes += JournalCodec.encode(action: commands, firstSeq: recordedBefore + 1, at: state.now)
            }
            outcomes.append(commands.isEmpty ? .notRecorded : .recorded(commands: commands.count))
            performed.append(effects)
        }
        // Nothing of the group is on disk when this fails, so none of it is acknowledged.
        if !bytes.isEmpty, !appendDurably(bytes, else: rollback, now: now) {
            return outcomes.map { $0.map { _ in .notRecorded } }
        }
        // Not a change anything shows (the groups stop writing down their changes), so not counted: the frame drawn
        // while the journal synced stays good.
        rollback.settle(&current)
        if performed.contains(where: { $0.contains(.saveResults) }) {
            resultsSchedule.changed(at: now)
        }
        var followUps = performed.flatMap { runEffects($0, now: now) }
        while !followUps.isEmpty {
            followUps += perform(followUps.removeFirst()).followUps
        }
        return outcomes
    }

    /// Appends records in one write and one fdatasync; false when that failed. Then they are not on disk, so not
    /// acknowledged: the state goes back and says why. After a failed fsync the kernel may have dropped the data, so
    /// the journal is not trusted again (read-only).
    private func appendDurably(_ bytes: [UInt8], else rollback: StateRollback, now: Instant) -> Bool {
        do {
            if let whileJournalSyncs {
                try journal.appendDurably(bytes) { whileJournalSyncs(current) }
            } else {
                try journal.appendDurably(bytes)
            }
            return true
        } catch {
            rollback.restore(&changing)
            _ = WorkshopReducer.reduce(&changing, .storage(.failed(StorageFailure(
                kind: .journal,
                message: "NOT RECORDED: \(error.reason) writing the journal. Read-only: fix the disk, then restart."
            ))), now: now)
            return false
        }
    }

    /// Before the journal: a code must be spent on disk before the ballot it admits can count.
    private func spendCodes(_ effects: [Effect]) throws(StorageError) {
        guard effects.contains(.saveCodes), let book = state.codeBook else { return }
        try fileSystem.replaceAtomically(files.usedCodesPath, with: UsedCodesFile.encode(book.used))
    }

    private static func journalRecords(in effects: [Effect]) -> [WorkshopCommand] {
        effects.compactMap { effect -> WorkshopCommand? in
            if case .appendJournal(let command) = effect { command } else { nil }
        }
    }

    /// One action, all or nothing: its journal records go to disk in one write and one fdatasync, then the new
    /// state is adopted, then a results snapshot is scheduled (written later, coalesced). Returns whether it was
    /// recorded and the follow-up actions its effects produced.
    private func perform(_ action: WorkshopAction) -> (outcome: SendOutcome, followUps: [WorkshopAction]) {
        let now = clock.now()
        let rollback = StateRollback(arming: &changing)
        let recordedBefore = state.recordedCommands
        let effects = reduce(&changing, action, now)
        do {
            try spendCodes(effects)
        } catch {
            // The code is not marked used on disk, so it must not admit anyone yet: back to the old state.
            rollback.restore(&changing)
            _ = WorkshopReducer.reduce(&changing, .voterMode(.message(
                "This code could not be recorded (\(error.reason)). Please tell the moderator.")), now: now)
            return (.notRecorded, [])
        }
        let commands = Self.journalRecords(in: effects)
        if !commands.isEmpty,
           !appendDurably(JournalCodec.encode(action: commands, firstSeq: recordedBefore + 1, at: state.now), else: rollback, now: now) {
            return (.notRecorded, [])
        }
        // Not counted, as in `sendTogether`.
        rollback.settle(&current)
        if effects.contains(.saveResults) {
            resultsSchedule.changed(at: now)
        }
        let followUps = runEffects(effects, now: now)
        return (commands.isEmpty ? .notRecorded : .recorded(commands: commands.count), followUps)
    }

    /// What an action's effects do once its records are on disk (the journal's, results' and codes' effects are the
    /// caller's); returns the actions they answer with.
    private func runEffects(_ effects: [Effect], now: Instant) -> [WorkshopAction] {
        var followUps: [WorkshopAction] = []
        for effect in effects {
            switch effect {
            case .appendJournal, .saveResults, .saveCodes:
                break
            case .quit:
                wantsToQuit = true
                saveResults()
            case .discardInput:
                wantsInputDiscarded = true
            case .export:
                export(&changing, now: now)
            case .listResultsFiles:
                followUps.append(listResultsFiles())
            case .readImportFile(var path):
                // The file may be this workshop's own results: what is read from disk must be up to date.
                if resultsLagState { saveResults() }
                if path.hasPrefix("~/"), let homeDirectory { path = homeDirectory + path.dropFirst() }
                let result: Result<[UInt8], StorageError>
                do {
                    if let bytes = try fileSystem.contents(of: path, rule: .results) {
                        result = .success(bytes)
                    } else {
                        result = .failure(StorageError(operation: "read", path: path, reason: "No such file", errno: 2))
                    }
                } catch {
                    result = .failure(error)
                }
                followUps.append(.importing(.fileRead(path: path, result.mapError { FileReadFailure(reason: $0.reason) })))
            case .checkPIN(let typed):
                pendingPINCheck = typed
            case .hashPIN(let pin):
                followUps.append(.voterMode(.pinReady(SecretHash.pin(pin, salt: randomBytes(16)))))
            }
        }
        return followUps
    }

    /// Results files beside this workshop's, except its own and its own archived copies (`--fresh`).
    private func listResultsFiles() -> WorkshopAction {
        let (folder, ownName) = files.resultsFolderAndName
        let names = (try? fileSystem.fileNames(in: folder)) ?? []
        return .importing(.filesListed(folder: folder, names: names.filter {
            $0.hasSuffix(".results.json") && $0 != ownName && !WorkshopFiles.isArchive($0, of: ownName)
        }))
    }

    /// Runs `actions` through the reducer on a copy of the state and encodes the journal records they would append,
    /// then throws all of it away: nothing is journaled, nothing changes, no effect runs. The first key of a run
    /// otherwise pays the Swift runtime's first-time costs (type metadata, conformances, the JSON encoder) on the
    /// key path, about half a millisecond more than every later key (decision 95). Returns the states the actions
    /// led to, so the caller can draw them off screen too.
    public func warmUp(_ actions: [WorkshopAction]) -> [WorkshopState] {
        let now = clock.now()
        var scratch = state
        var reached: [WorkshopState] = []
        for action in actions {
            let recordedBefore = scratch.recordedCommands
            let commands = Self.journalRecords(in: reduce(&scratch, action, now))
            if !commands.isEmpty {
                _ = JournalCodec.encode(action: commands, firstSeq: recordedBefore + 1, at: scratch.now)
            }
            reached.append(scratch)
        }
        // A ballot's record too, whichever polls are open: the first ballot of a run otherwise pays for the
        // conformance look-ups of three synthesised encoders (`WorkshopCommand`, `PollCommand`, `Ballot`: about
        // 2 ms, decision 105).
        _ = JournalCodec.encode(action: [.poll(.cast(poll: "warm-up", ballot: .single(option: 0)))], firstSeq: 1, at: now)
        return reached
    }

    /// True while slow work waits for `performDeferredWork` (the app draws first, so the wait is explained).
    public var hasDeferredWork: Bool { pendingPINCheck != nil }

    /// Checks a PIN typed on the voter screen (PBKDF2, about 0.3 s) and sends the answer to the reducer.
    public func performDeferredWork() {
        guard let typed = pendingPINCheck else { return }
        pendingPINCheck = nil
        send(.voterMode(.pinChecked(matches: state.voterPIN?.matches(typed) ?? false)))
    }

    /// True once after an action asked for typed-ahead keys to be dropped.
    public func takeDiscardRequest() -> Bool {
        defer { wantsInputDiscarded = false }
        return wantsInputDiscarded
    }

    public static func systemRandomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// The results file changed at start-up (a resume, a new workshop): written soon, off the key path.
    public func scheduleResults() {
        resultsSchedule.changed(at: clock.now())
    }

    /// True while the results file on disk may not show the state: changes not yet handed to the writer, or a write
    /// still in flight.
    private var resultsLagState: Bool { resultsSchedule.hasUnsavedChanges || resultsWriteStartedAt != nil }

    /// When the app loop should wake to write (or to collect a write in flight), if it would sleep longer.
    public var resultsWakeAt: Instant? {
        if resultsWriteStartedAt != nil { return clock.now().adding(milliseconds: 50) }
        return resultsSchedule.dueAt
    }

    /// Takes the outcome of a finished write (a failure goes on screen, a recovery too), then hands a snapshot of
    /// the state to the writer if one is due and none is in flight. Called by the app loop on every turn; the
    /// copy of the state it hands over costs nothing until the next change copies what it changes.
    public func flushResultsIfDue() {
        collectResultsOutcome(waiting: false)
        let now = clock.now()
        guard resultsWriteStartedAt == nil, resultsSchedule.isDue(at: now) else { return }
        settleJournal()
        startResultsWrite(at: now)
        // Inline, the write is already done: show its outcome now.
        collectResultsOutcome(waiting: false)
    }

    /// Writes the results snapshot now and waits for it: on quit, on a terminating signal, before reading a results
    /// file from disk, when the runner closes. Waits for a write in flight first (one at a time).
    public func saveResults() {
        collectResultsOutcome(waiting: true)
        settleJournal()
        startResultsWrite(at: clock.now())
        collectResultsOutcome(waiting: true)
    }

    private func startResultsWrite(at now: Instant) {
        resultsSchedule.started(at: now)
        resultsWriteStartedAt = now
        resultsWriter.start(ResultsSnapshot.input(from: state))
    }

    private func collectResultsOutcome(waiting: Bool) {
        guard let startedAt = resultsWriteStartedAt else { return }
        guard let outcome = waiting ? resultsWriter.waitForOutcome() : resultsWriter.takeOutcome() else { return }
        resultsWriteStartedAt = nil
        let now = clock.now()
        switch outcome {
        case .written:
            if resultsFailing {
                resultsFailing = false
                _ = WorkshopReducer.reduce(&changing, .storage(.recovered), now: now)
            }
        case .failed(let error):
            resultsFailing = true
            // Written again at the next due write; the previous file stays as it was (or, after the rename, is new).
            resultsSchedule.failed(startedAt: startedAt)
            let message = error.operation == StorageError.folderSyncAfterReplace
                ? "Results written but not synced: \(error.reason). A power cut may lose them; journal has everything."
                : "Results not saved: \(error.reason). Old file intact; journal has everything."
            _ = WorkshopReducer.reduce(&changing, .storage(.failed(StorageFailure(kind: .results, message: message))), now: now)
        }
    }

    /// Writes `WorkshopExport`'s files next to the results file, each atomically, and tells the moderator where they
    /// went (or what failed: files already written stay, the record is untouched).
    private func export(_ target: inout WorkshopState, now: Instant) {
        let snapshot = ResultsSnapshot(state: target, sessionFile: files.sessionPath, generator: generator)
        let base = WorkshopExport.baseName(ofResultsFile: files.resultsPath)
        let folder = files.resultsPath.lastIndex(of: "/").map { String(files.resultsPath[...$0]) } ?? ""
        let exported = WorkshopExport.files(for: snapshot, baseName: base)
        do {
            for file in exported {
                try fileSystem.replaceAtomically(folder + file.name, with: file.bytes)
            }
        } catch {
            _ = WorkshopReducer.reduce(&target, .app(.notify("Export failed: \(error.reason) writing \(error.path).", .warning)), now: now)
            return
        }
        let csvCount = exported.count { $0.name.hasSuffix(".csv") }
        _ = WorkshopReducer.reduce(&target, .app(.notify(
            "Exported to \(folder.isEmpty ? "this folder" : folder): \(base).report.md, .report.html and \(csvCount) CSV files.", .success)),
            now: now)
    }

    /// Makes a new journal's header durable (it was written without waiting, decision 104): called once the first
    /// frame is up, and before any results file names the record. A failure is a journal failure: read-only, and a
    /// journal that failed is not synced again.
    public func settleJournal() {
        guard !state.isReadOnly else { return }
        do {
            try journal.settle()
        } catch {
            _ = WorkshopReducer.reduce(&changing, .storage(.failed(StorageFailure(
                kind: .journal,
                message: "NOT RECORDED: \(error.reason) syncing the new journal. Read-only: fix the disk, then restart."
            ))), now: clock.now())
        }
    }

    /// Every record is already synced; writes the results if they lag the state, then closes the journal.
    public func close() {
        settleJournal()
        if resultsLagState {
            saveResults()
        }
        resultsWriter.stop()
        journal.close()
    }
}
