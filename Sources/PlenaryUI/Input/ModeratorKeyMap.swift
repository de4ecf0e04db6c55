import PlenaryCore

/// Keys of the moderator screen, one table per overlay. Unlisted keys do nothing.
public enum ModeratorKeyMap {
    public static func action(for key: KeyEvent, in state: WorkshopState) -> WorkshopAction? {
        switch state.screen {
        case .agenda: agenda(key, state)
        case .help: help(key)
        case .confirmQuit: confirm(key, yes: .confirmQuit)
        case .confirmEnd: confirm(key, yes: .command(.end))
        case .jumpPicker(let selection): picker(key, selection: selection, state: state)
        }
    }

    private static func agenda(_ key: KeyEvent, _ state: WorkshopState) -> WorkshopAction? {
        switch key {
        case .character(" "):
            if !state.hasStarted { return .command(.start) }
            return state.isPaused ? .command(.resume) : .command(.pause)
        case .character("n"), .right: return .command(.next)
        case .character("p"), .left: return .command(.previous)
        case .character("+"), .character("="): return .command(.adjust(slot: state.currentIndex, seconds: 60))
        case .character("-"), .character("_"): return .command(.adjust(slot: state.currentIndex, seconds: -60))
        case .character("g"), .enter: return .openJumpPicker
        case .character("E"): return .requestEnd
        case .character("?"), .character("h"), .function(1): return .showHelp
        case .character("q"), .character("Q"): return .requestQuit
        default: return nil
        }
    }

    private static func help(_ key: KeyEvent) -> WorkshopAction? {
        switch key {
        case .escape, .enter, .character("?"), .character("q"), .character(" "), .function(1): .dismissOverlay
        default: nil
        }
    }

    private static func confirm(_ key: KeyEvent, yes: WorkshopAction) -> WorkshopAction? {
        switch key {
        case .character("y"), .character("Y"): yes
        case .character("n"), .character("N"), .escape, .character("q"): .dismissOverlay
        default: nil
        }
    }

    private static func picker(_ key: KeyEvent, selection: Int, state: WorkshopState) -> WorkshopAction? {
        switch key {
        case .up, .character("k"): return .moveJumpSelection(by: -1)
        case .down, .character("j"): return .moveJumpSelection(by: 1)
        case .pageUp: return .moveJumpSelection(by: -10)
        case .pageDown: return .moveJumpSelection(by: 10)
        case .home: return .setJumpSelection(0)
        case .end: return .setJumpSelection(state.session.agenda.count - 1)
        case .enter:
            return selection == state.currentIndex ? .dismissOverlay : .command(.jump(slot: selection))
        case .escape, .character("g"), .character("q"): return .dismissOverlay
        case .character(let digit) where ("1"..."9").contains(digit):
            // A digit selects one of the first nine slots; Enter then jumps.
            return .setJumpSelection(Int(String(digit))! - 1)
        default: return nil
        }
    }
}
