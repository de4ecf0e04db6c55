/// The agenda's moves that may ask first, and the jump picker. Moves that never ask are plain commands.
public enum AgendaAction: Sendable, Equatable {
    /// A move between slots (next, back, a jump): it asks first when it would start a fixed slot before its
    /// planned time, and otherwise records the command at once.
    case requestMove(WorkshopCommand)
    case requestEnd
    case openJumpPicker
    case moveJumpSelection(by: Int)
    case setJumpSelection(Int)
    /// The plan editor, on the first slot still to come.
    case openPlanEditor
    case movePlanSelection(by: Int)
    /// Records a change to the plan; the selection follows the slot it moved.
    case requestPlanChange(AgendaEdit)
    /// Asks for a title or minutes for the selected slot (or for a new slot after it).
    case startPlanPrompt(PlanPrompt.Purpose)
    case editPlanPrompt(LineEdit)
    /// While a new slot's title is asked: the next (1) or previous (-1) slot kind.
    case cyclePlanKind(Int)
    /// Asks for a speaker of the selected slot: its first TBC speaker, or a new one when none is TBC.
    case startSpeakerPrompt
    /// While a speaker's name is asked: the next (1) or previous (-1) speaker, a new one after the last.
    case cyclePlanSpeaker(Int)
    case submitPlanPrompt
    /// Back to the plan editor without a change.
    case cancelPlanPrompt
}
