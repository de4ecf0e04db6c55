import PlenaryEngine

/// Keys of the moderator screen: each screen's `ScreenKeys` table, which its help and footer show too.
/// Keys no binding names do nothing.
public enum ModeratorKeyMap {
    /// - Parameter size: the screen's size, for views whose rows or pages depend on it (report-back, the form).
    public static func action(for key: KeyEvent, in state: WorkshopState,
                              size: TerminalSize = ModeratorScreen.minimumSize) -> WorkshopAction? {
        // A poll deleted under its screen (a journal replayed without it) leaves at the first key.
        if case .poll(let id) = state.screen, state.voter == nil, state.poll(id) == nil { return .app(.dismissOverlay) }
        return keys(for: state).action(for: key, in: KeyContext(state: state, size: size))
    }

    /// The bindings in force in `state`: the voter screen's while voters have the terminal, else the screen's.
    public static func keys(for state: WorkshopState) -> ScreenKeys {
        if let voter = state.voter { return VoterKeys.keys(for: voter) }
        return keys(for: state.screen)
    }

    public static func keys(for screen: WorkshopState.Screen) -> ScreenKeys {
        switch screen {
        case .agenda: ModeratorKeys.agenda
        case .help: ModeratorKeys.help
        case .joinCode: ModeratorKeys.joinCode
        case .confirmQuit, .confirmEnd, .confirmReopen, .confirmEarlyStart: ModeratorKeys.confirm
        case .jumpPicker: ModeratorKeys.jumpPicker
        case .planEditor(_, let prompt): prompt == nil ? ModeratorKeys.planEditor : ModeratorKeys.planPrompt
        case .pollList: ModeratorKeys.pollList
        case .poll: ModeratorKeys.poll
        case .ballot: ModeratorKeys.ballot
        case .handCount: ModeratorKeys.handCount
        case .newPoll: ModeratorKeys.newPoll
        case .setPIN: ModeratorKeys.setPIN
        case .groupList: GroupKeys.groupList
        case .group: GroupKeys.group
        case .entry(let draft): draft.choices.isEmpty ? GroupKeys.entry : GroupKeys.choice
        case .importPicker: ModeratorKeys.importPicker
        case .groupHelp: GroupKeys.groupHelp
        case .groupAgenda: GroupKeys.groupAgenda
        case .reportBack: ModeratorKeys.reportBack
        case .shortlistPoll: GroupKeys.shortlistPoll
        case .qa(let screen): screen.prompt == nil ? QAKeys.queue : QAKeys.prompt
        }
    }

    /// What `?` shows over `screen`: that screen's keys, then the help's own.
    public static func help(over screen: WorkshopState.Screen) -> [KeyHelp] {
        keys(for: screen).help + ModeratorKeys.help.help
    }
}
