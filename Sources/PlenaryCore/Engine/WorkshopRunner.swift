/// Runs the reducer and its effects against real (or test) storage and clock.
///
/// An action that must be recorded changes what is shown only after its journal record is on disk:
/// the reducer works on a copy, and the copy is adopted once the append succeeded.
public final class WorkshopRunner {
    public private(set) var state: WorkshopState
    public private(set) var wantsToQuit = false
    public let files: WorkshopFiles
    private let journal: any AppendLog
    private let fileSystem: any FileSystem
    private let clock: any Clock
    private let generator: String
    /// Writes since the results file last failed: used to say "saved again" only once.
    private var resultsFailing = false

    public init(state: WorkshopState, journal: any AppendLog, fileSystem: any FileSystem, files: WorkshopFiles,
                clock: any Clock, generator: String) {
        self.state = state
        self.journal = journal
        self.fileSystem = fileSystem
        self.files = files
        self.clock = clock
        self.generator = generator
    }

    public func send(_ action: WorkshopAction) {
        let now = clock.now()
        var next = state
        let effects = WorkshopReducer.reduce(&next, action, now: now)
        for effect in effects {
            switch effect {
            case .appendJournal(let command):
                let record = JournalRecord.command(seq: next.recordedCommands, at: next.now, command: command)
                do {
                    try journal.appendDurably(JournalCodec.encode(record))
                } catch {
                    // Not on disk, so not acknowledged: keep the old state and say why. After a failed fsync the
                    // kernel may have dropped the data, so the journal is not trusted again (read-only).
                    _ = WorkshopReducer.reduce(&state, .storageFailed(StorageFailure(
                        kind: .journal,
                        message: "NOT RECORDED: \(error.reason) writing the journal. Read-only: fix the disk, then restart."
                    )), now: now)
                    return
                }
            case .saveResults:
                saveResults(&next, now: now)
            case .quit:
                wantsToQuit = true
            }
        }
        state = next
    }

    /// Writes the results snapshot now (at start-up and on quit as well as after each recorded action).
    public func saveResults() {
        saveResults(&state, now: clock.now())
    }

    private func saveResults(_ target: inout WorkshopState, now: Instant) {
        let snapshot = ResultsSnapshot(state: target, sessionFile: files.sessionPath, generator: generator)
        do {
            try fileSystem.replaceAtomically(files.resultsPath, with: snapshot.encoded())
            if resultsFailing {
                resultsFailing = false
                _ = WorkshopReducer.reduce(&target, .storageRecovered, now: now)
            }
        } catch {
            resultsFailing = true
            _ = WorkshopReducer.reduce(&target, .storageFailed(StorageFailure(
                kind: .results,
                message: "Results not saved: \(error.reason). Old file intact; journal has everything."
            )), now: now)
        }
    }

    /// Flushes nothing (every record is already synced) but closes the journal cleanly.
    public func close() {
        journal.close()
    }
}
