/// Work the reducer asks for; the reducer itself never touches disk or clock. The runner writes the used codes,
/// then all of the action's journal records at once, adopts the state, saves the results, then runs the rest in
/// order; actions that effects answer with are queued behind them.
public enum Effect: Sendable, Equatable {
    /// Record this command. All of one action's commands go in one write and one fdatasync, which must succeed
    /// before the new state is shown.
    case appendJournal(WorkshopCommand)
    /// Rewrite the results snapshot from the state (once per action, however often asked).
    case saveResults
    /// Leave the program after saving.
    case quit
    /// Rewrite the used-codes file (a sorted set per poll) before the voter may go on.
    case saveCodes
    /// Hash a new moderator PIN with a fresh random salt, then send `.voterMode(.pinReady)`.
    case hashPIN(String)
    /// Check the typed moderator PIN against its hash, then send `.voterMode(.pinChecked)`. Slow by design (PBKDF2), so
    /// the runner defers it until the screen shows "Checking" (`performDeferredWork`).
    case checkPIN(String)
    /// List the other results files in the results folder, then send `.importing(.filesListed)`.
    case listResultsFiles
    /// Read a file to merge, then send `.importing(.fileRead)`.
    case readImportFile(String)
    /// Throw away keys typed ahead, so one voter's keystrokes never reach the next screen.
    case discardInput
    /// Write the report (Markdown, HTML) and the CSV tables next to the results file, then say where they went.
    case export
}
