/// What became of a command a feature asked to record (`WorkshopReducer.record`). Features decide what to show
/// next from this answer, never by guessing from whether any effects came back.
public enum Recording: Sendable, Equatable {
    /// Applied to the state; `effects` journal it and save the results.
    case recorded(effects: [Effect])
    /// Not applied; `reason` is already on screen as the notice.
    case refused(reason: String)

    public var isRecorded: Bool {
        if case .recorded = self { return true }
        return false
    }

    /// The effects to hand back to the runner: none for a refusal.
    public var effects: [Effect] {
        if case .recorded(let effects) = self { return effects }
        return []
    }
}
