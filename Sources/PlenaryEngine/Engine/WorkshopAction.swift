/// Everything that can happen to the state, nested by feature: each feature's reducer takes its own action type and
/// switches over it exhaustively, so a new case fails to compile until it is handled (decision 57).
public enum WorkshopAction: Sendable, Equatable {
    /// Changes the record; journaled before it is shown.
    case command(WorkshopCommand)
    /// The clock moved on (the runner sends one every second).
    case tick
    /// Help, overlays, quitting, messages and export: what every screen shares.
    case app(AppAction)
    /// Moves on the agenda that ask first, and the jump picker.
    case agenda(AgendaAction)
    /// What the runner reports about the journal and the results file.
    case storage(StorageAction)
    /// The poll list, one poll, and the forms for a ballot, a hand count and a new poll.
    case poll(PollScreenAction)
    /// Handing the terminal to voters and taking it back: PIN set-up and check, the code sheet.
    case voterMode(VoterModeAction)
    /// A key on the voter terminal.
    case voter(VoterInput)
    /// Working groups: list, one group, its entries, the entry form, the shortlist and report-back.
    case group(GroupAction)
    /// Merging a facilitator laptop's results file.
    case importing(ImportAction)
    /// What an attached client asked for, once `RoleGate` admitted it (issue 14).
    case remote(RemoteAction)
    /// Q&A and ideas boards: participants' questions and upvotes, the moderator's queue (issue 16).
    case qa(QAAction)
}
