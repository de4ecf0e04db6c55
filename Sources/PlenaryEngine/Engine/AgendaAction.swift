/// The agenda's moves that may ask first, and the jump picker. Moves that never ask are plain commands.
public enum AgendaAction: Sendable, Equatable {
    /// A move between slots (next, back, a jump): it asks first when it would start a fixed slot before its
    /// planned time, and otherwise records the command at once.
    case requestMove(WorkshopCommand)
    case requestEnd
    case openJumpPicker
    case moveJumpSelection(by: Int)
    case setJumpSelection(Int)
}
