/// Runs the reducer and its effects against real (or test) storage and clock.
///
/// An action that must be recorded changes what is shown only after its journal record is on disk:
/// the reducer works on a copy, and the copy is adopted once the append succeeded.
public final class WorkshopRunner {
    public private(set) var state: WorkshopState
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
    /// Set while the results file is failing, so "saved again" is said once, when it recovers.
    private var resultsFailing = false

    public init(state: WorkshopState, journal: any AppendLog, fileSystem: any FileSystem, files: WorkshopFiles,
                clock: any Clock, generator: String,
                randomBytes: @escaping (Int) -> [UInt8] = WorkshopRunner.systemRandomBytes) {
        self.randomBytes = randomBytes
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
                // Ballots carry no time: with a timestamp, someone who watched the queue could match votes to voters.
                let isBallot = if case .poll(.cast) = command { true } else { false }
                let record = JournalRecord.command(seq: next.recordedCommands, at: isBallot ? Instant(milliseconds: 0) : next.now,
                                                   command: command)
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
            case .discardInput:
                wantsInputDiscarded = true
            case .saveCodes:
                guard let book = next.codeBook else { continue }
                do {
                    try fileSystem.replaceAtomically(files.usedCodesPath, with: UsedCodesFile.encode(book.used))
                } catch {
                    // The code is not marked used on disk, so it must not admit anyone yet: keep the old state.
                    _ = WorkshopReducer.reduce(&state, .voterMessage(
                        "This code could not be recorded (\(error.reason)). Please tell the moderator."), now: now)
                    return
                }
            case .hashPIN(let pin):
                state = next
                let hash = SecretHash(secret: pin, salt: randomBytes(16), rounds: SecretHash.pinRounds)
                send(.voterPINReady(hash))
                return
            }
        }
        state = next
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
            let message = error.operation == StorageError.folderSyncAfterReplace
                ? "Results written but not synced: \(error.reason). A power cut may lose them; journal has everything."
                : "Results not saved: \(error.reason). Old file intact; journal has everything."
            _ = WorkshopReducer.reduce(&target, .storageFailed(StorageFailure(kind: .results, message: message)), now: now)
        }
    }

    /// Flushes nothing (every record is already synced) but closes the journal cleanly.
    public func close() {
        journal.close()
    }
}
