/// What every screen shares: help, closing overlays, quitting, messages for the moderator, export.
enum AppReducer {
    static func reduce(_ state: inout WorkshopState, _ action: AppAction) -> [Effect] {
        switch action {
        case .showHelp:
            if case .help = state.screen { break }
            state.screen = .help(over: state.screen)
        case .showJoinCode:
            guard state.webPage != nil else {
                WorkshopReducer.inform(&state, "Phones cannot vote in this run: start it with --web PORT (e.g. --web 8080).", .warning)
                break
            }
            if case .joinCode = state.screen { break }
            state.screen = .joinCode(over: state.screen)
        case .dismissOverlay:
            dismissOverlay(&state)
        case .requestQuit:
            state.screen = .confirmQuit
        case .confirmQuit:
            return [.saveResults, .quit]
        case .notify(let text, let level):
            if let warning = state.clockCorrection.warning, let shown = state.notice, shown.text == warning {
                // The clock warning is still unread: the start-up report ("Resumed from the journal…") joins it.
                state.notice = Notice(text: warning + " " + text, level: level == .error ? .error : .warning, until: nil)
            } else {
                WorkshopReducer.inform(&state, text, level)
            }
        case .export:
            return [.export]
        case .detach:
            break
        case .setRoomNotice(let text):
            state.roomNotice = text
        case .announceWebPage(let address):
            state.webPage = address
        case .markRehearsal(let speed):
            state.rehearsalSpeed = max(1, speed)
        }
        return []
    }

    private static func dismissOverlay(_ state: inout WorkshopState) {
        switch state.screen {
        case .ballot(let draft): state.screen = .poll(id: draft.pollID)
        case .handCount(let draft): state.screen = .poll(id: draft.pollID)
        case .groupHelp(let id, let selection), .groupAgenda(let id, let selection):
            state.screen = .group(id: id, selection: selection)
        // Over the agenda, closing goes where closing anything on the agenda goes (a group's laptop: its group).
        case .help(let under) where under != .agenda: state.screen = under
        case .joinCode(let under): state.screen = under
        case .group where state.role == .facilitator: break
        case .group(let id, _):
            // Back to the list of groups, on the one just left.
            state.screen = .groupList(selection: state.groups.firstIndex { $0.id == id } ?? 0)
        default:
            // A facilitator terminal has no agenda of its own: everything closes back onto its group.
            if state.role == .facilitator, let group = state.facilitatorGroup {
                state.screen = .group(id: group, selection: 0)
            } else {
                state.screen = .agenda
            }
        }
    }
}
