import PlenaryEngine

/// What `WorkshopRunner.send` did with an action: recorded (its journal records written and fdatasynced) or not.
/// Said by the runner, which did the append, so a caller that acknowledges to someone else (the host's clients)
/// never has to infer it from counters in the state.
public enum SendOutcome: Sendable, Equatable {
    /// The action's records are on disk: `commands` journal records in one durable append.
    case recorded(commands: Int)
    /// Nothing reached the journal: the reducer refused it, changed only the screen, or the write failed and was
    /// rolled back.
    case notRecorded

    public var isRecorded: Bool {
        if case .recorded = self { true } else { false }
    }
}
