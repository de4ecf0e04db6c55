/// Work the reducer asks for. The runner performs effects in order; the reducer itself never touches disk or clock.
public enum Effect: Sendable, Equatable {
    /// Append this command to the journal and fsync it. Must succeed before the new state is shown.
    case appendJournal(WorkshopCommand)
    /// Rewrite the results snapshot from the state.
    case saveResults
    /// Leave the program after saving.
    case quit
    /// Rewrite the used-codes file (a sorted set per poll) before the voter may go on.
    case saveCodes
    /// Hash a new moderator PIN with a fresh random salt, then send `.voterPINReady`.
    case hashPIN(String)
    /// Check the typed moderator PIN against its hash, then send `.voterPINChecked`. Slow by design (PBKDF2), so
    /// the runner defers it until the screen shows "Checking" (`performDeferredWork`).
    case checkPIN(String)
    /// List the other results files in the results folder, then send `.resultsFilesListed`.
    case listResultsFiles
    /// Read a file to merge, then send `.importFileRead`.
    case readImportFile(String)
    /// Throw away keys typed ahead, so one voter's keystrokes never reach the next screen.
    case discardInput
    /// Write the report (Markdown, HTML) and the CSV tables next to the results file, then say where they went.
    case export
}
