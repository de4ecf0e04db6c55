/// A change to the running agenda (issue 15): the session file is never rewritten, so these records in the journal
/// are the only place the changed plan lives. Slots are named by their index in the agenda as it stands when the
/// record is applied, as `jump` and `adjust` name them; replay applies them in order, so the indices agree.
public enum AgendaEdit: Sendable, Equatable, Codable {
    /// A new slot after slot `after`, planned to start when that one is planned to end.
    case insert(after: Int, title: String, kind: SlotKind, minutes: Int)
    /// Takes a slot still to come off the agenda.
    case drop(slot: Int)
    /// Moves a slot still to come one place up (`by: -1`) or down (`by: 1`), past another slot still to come.
    case move(slot: Int, by: Int)
    /// A slot still to come gets a new planned length (its + and - adjustments start again from zero).
    case setMinutes(slot: Int, minutes: Int)
    case setTitle(slot: Int, title: String)
    /// A slot still to come keeps (or no longer keeps) its planned end, as `fixed: true` in the file does.
    case setFixed(slot: Int, fixed: Bool)
    /// Confirms or replaces speaker `index` of a slot not yet over (the current slot too: a speaker confirmed on
    /// the spot), or adds one when `index` is the number of speakers. The speaker is no longer TBC; an empty role or
    /// affiliation is none.
    case setSpeaker(slot: Int, index: Int, name: String, role: String?, affiliation: String?)
    /// Takes back the last change still in effect: its own record, so the journal tells what happened in order.
    case undo
}

extension SlotKind: Codable {}
