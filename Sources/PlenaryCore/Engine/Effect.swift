/// Work the reducer asks for. The runner performs effects in order; the reducer itself never touches disk or clock.
public enum Effect: Sendable, Equatable {
    /// Append this command to the journal and fsync it. Must succeed before the new state is shown.
    case appendJournal(WorkshopCommand)
    /// Rewrite the results snapshot from the state.
    case saveResults
    /// Leave the program after saving.
    case quit
}
