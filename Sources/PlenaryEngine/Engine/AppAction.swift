/// What every screen shares: help, overlays, quitting, messages for the moderator, export.
public enum AppAction: Sendable, Equatable {
    case showHelp
    /// Shows where phones vote, large, for the room to scan (`W`); says how to turn it on when it is off.
    case showJoinCode
    /// Closes whatever overlay is open (help, picker, confirmation).
    case dismissOverlay
    case requestQuit
    case confirmQuit
    /// Detach the screen the key came from (the host keeps running). Which screen that is only the app loop knows,
    /// so the reducer changes nothing; the app loop handles it before it reaches the runner.
    case detach
    /// Sets (or clears, with nil) the line every attached screen shows about the room (`WorkshopState.roomNotice`).
    case setRoomNotice(String?)
    /// A message for the moderator (recovery reports, where files went).
    case notify(String, Notice.Level)
    /// Marks this run as a rehearsal (`--rehearse`), on its own clock and files: the header and the results say so.
    /// Not recorded: the rehearsal's files are told apart by their names, and a resume says `--rehearse` again.
    /// `speed`: rehearsal seconds per real second, which notices are stretched by so a person can still read them.
    case markRehearsal(speed: Int)
    /// The phones' voting page is served (`--web`): where phones join, shown on the moderator's screen and the
    /// projector with its QR code. Not recorded: it belongs to this run of the host, like its socket.
    case announceWebPage(WebPageAddress)
    /// Writes the report and the CSV tables next to the results file (`e`); records nothing.
    case export
}
