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
        case .pollList(let selection): pollList(key, selection: selection, state: state)
        case .poll(let id): poll(key, id: id, state: state)
        case .ballot(let draft): ballot(key, draft: draft, state: state)
        case .handCount: handCount(key)
        case .newPoll(let draft): newPoll(key, draft: draft)
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
        case .character("P"): return .openPollList
        case .character("a"): return .startNewPoll
        default: return nil
        }
    }

    private static func pollList(_ key: KeyEvent, selection: Int, state: WorkshopState) -> WorkshopAction? {
        switch key {
        case .up, .character("k"): return .movePollSelection(by: -1)
        case .down, .character("j"): return .movePollSelection(by: 1)
        case .enter:
            let polls = state.pollsForList
            return selection < polls.count ? .showPoll(polls[selection].id) : nil
        case .character("a"): return .startNewPoll
        case .escape, .character("q"), .character("P"): return .dismissOverlay
        default: return nil
        }
    }

    private static func newPoll(_ key: KeyEvent, draft: PollDraft) -> WorkshopAction? {
        let onType = draft.field == .type
        switch key {
        case .tab, .down: return .editNewPoll(.next)
        case .backTab, .up: return .editNewPoll(.previous)
        case .enter: return .editNewPoll(.enter)
        case .escape: return .dismissOverlay
        case .left: return .editNewPoll(onType ? .cycleType(-1) : .line(.left))
        case .right: return .editNewPoll(onType ? .cycleType(1) : .line(.right))
        case .character(" ") where onType: return .editNewPoll(.cycleType(1))
        case .home: return .editNewPoll(.line(.home))
        case .end: return .editNewPoll(.line(.end))
        case .backspace: return .editNewPoll(.line(.backspace))
        case .delete: return .editNewPoll(.line(.deleteForward))
        case .control("w"): return .editNewPoll(.line(.deleteWordBackward))
        case .control("u"): return .editNewPoll(.line(.deleteToStart))
        case .control("a"): return .editNewPoll(.line(.home))
        case .control("e"): return .editNewPoll(.line(.end))
        case .character(let character): return .editNewPoll(.line(.insert(String(character))))
        default: return nil
        }
    }

    private static func poll(_ key: KeyEvent, id: String, state: WorkshopState) -> WorkshopAction? {
        guard let poll = state.poll(id) else { return .dismissOverlay }
        switch key {
        case .character("o"): return .command(.poll(.open(poll: id)))
        case .character("c"): return .command(.poll(.close(poll: id)))
        case .character("r"): return .command(.poll(.reveal(poll: id, shown: !poll.revealed)))
        case .character("N"): return .command(.poll(.newRound(poll: id)))
        case .character("b"): return .startBallot(id)
        case .character("h"): return .startHandCount(id)
        case .character("P"): return .openPollList
        case .escape, .character("q"), .backspace: return .dismissOverlay
        default: return nil
        }
    }

    private static func ballot(_ key: KeyEvent, draft: BallotDraft, state: WorkshopState) -> WorkshopAction? {
        let isText = state.poll(draft.pollID)?.definition.type == .open
        switch key {
        case .enter: return .submitBallot
        case .escape: return .showPoll(draft.pollID)
        case .up: return .editBallot(.up)
        case .down: return .editBallot(.down)
        case .left: return .editBallot(.left)
        case .right: return .editBallot(.right)
        case .home where isText: return .editBallot(.line(.home))
        case .end where isText: return .editBallot(.line(.end))
        case .delete where isText: return .editBallot(.line(.deleteForward))
        case .backspace: return .editBallot(isText ? .line(.backspace) : .erase)
        case .control("w") where isText: return .editBallot(.line(.deleteWordBackward))
        case .control("u") where isText: return .editBallot(.line(.deleteToStart))
        case .control("k") where isText: return .editBallot(.line(.deleteToEnd))
        case .control("a") where isText: return .editBallot(.line(.home))
        case .control("e") where isText: return .editBallot(.line(.end))
        case .character(" "): return .editBallot(.toggle)
        case .character(let character) where isText: return .editBallot(.line(.insert(String(character))))
        case .character(let character) where character.isASCII && character.isWholeNumber:
            return .editBallot(.digit(Int(String(character))!))
        default: return nil
        }
    }

    private static func handCount(_ key: KeyEvent) -> WorkshopAction? {
        switch key {
        case .enter: return .submitHandCount
        case .escape: return .dismissOverlay
        case .up: return .editHandCount(.up)
        case .down: return .editHandCount(.down)
        case .left: return .editHandCount(.left)
        case .right: return .editHandCount(.right)
        case .backspace: return .editHandCount(.erase)
        case .character(let character) where character.isASCII && character.isWholeNumber:
            return .editHandCount(.digit(Int(String(character))!))
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
