import PlenaryCore

/// Keys of the moderator screen, one table per overlay. Unlisted keys do nothing.
public enum ModeratorKeyMap {
    /// - Parameter size: the screen's size, for views whose pages depend on it (report-back).
    public static func action(for key: KeyEvent, in state: WorkshopState,
                              size: TerminalSize = ModeratorScreen.minimumSize) -> WorkshopAction? {
        if let voter = state.voter {
            return VoterKeyMap.action(for: key, in: voter, state: state)
        }
        switch state.screen {
        case .agenda: return agenda(key, state)
        case .help: return help(key)
        case .confirmQuit: return confirm(key, yes: .confirmQuit)
        case .confirmEnd: return confirm(key, yes: .command(.end))
        case .confirmEarlyStart(_, let move): return confirm(key, yes: .command(move))
        case .jumpPicker(let selection): return picker(key, selection: selection, state: state)
        case .pollList(let selection): return pollList(key, selection: selection, state: state)
        case .poll(let id): return poll(key, id: id, state: state)
        case .ballot(let draft): return ballot(key, draft: draft, state: state)
        case .handCount: return handCount(key)
        case .newPoll(let draft): return newPoll(key, draft: draft)
        case .setPIN: return setPIN(key)
        case .groupList(let selection): return groupList(key, selection: selection, state: state)
        case .group: return GroupKeyMap.group(key, state: state)
        case .entry(let draft): return GroupKeyMap.entry(key, draft: draft, size: size)
        case .importPicker: return importPicker(key)
        case .groupHelp: return .dismissOverlay
        case .reportBack(let group, let page): return reportBack(key, group: group, page: page, state: state, size: size)
        }
    }

    private static func agenda(_ key: KeyEvent, _ state: WorkshopState) -> WorkshopAction? {
        switch key {
        case .character(" "):
            if !state.hasStarted { return .command(.start) }
            return state.isPaused ? .command(.resume) : .command(.pause)
        case .character("n"), .right: return .requestMove(.next)
        case .character("p"), .left: return .requestMove(.previous)
        case .character("+"), .character("="): return .command(.adjust(slot: state.currentIndex, seconds: 60))
        case .character("-"), .character("_"): return .command(.adjust(slot: state.currentIndex, seconds: -60))
        case .character("g"), .enter: return .openJumpPicker
        case .character("E"): return .requestEnd
        case .character("?"), .character("h"), .function(1): return .showHelp
        case .character("q"), .character("Q"): return .requestQuit
        case .character("P"): return .openPollList
        case .character("a"): return .startNewPoll
        case .character("v"): return .startVoterMode
        case .character("w"): return .openGroupList
        case .character("e"): return .export
        case .character("R"): return .openReportBack
        case .character("i"): return .openImport
        default: return nil
        }
    }

    private static func importPicker(_ key: KeyEvent) -> WorkshopAction? {
        switch key {
        case .up: return .moveImportSelection(by: -1)
        case .down: return .moveImportSelection(by: 1)
        case .enter: return .confirmImport
        case .escape: return .dismissOverlay
        case .left: return .editImportPath(.left)
        case .right: return .editImportPath(.right)
        case .home: return .editImportPath(.home)
        case .end: return .editImportPath(.end)
        case .backspace: return .editImportPath(.backspace)
        case .delete: return .editImportPath(.deleteForward)
        case .control("u"): return .editImportPath(.deleteToStart)
        case .controlArrow(.left), .altArrow(.left): return .editImportPath(.wordLeft)
        case .controlArrow(.right), .altArrow(.right): return .editImportPath(.wordRight)
        case .character(let character): return .editImportPath(.insert(String(character)))
        case .paste(let text): return .editImportPath(.paste(text))
        default: return nil
        }
    }

    /// Turning pages runs on into the next group after the last page, and back into the previous group's last page.
    private static func reportBack(_ key: KeyEvent, group: Int, page: Int, state: WorkshopState, size: TerminalSize) -> WorkshopAction? {
        let pages = ReportBackView.pageCount(state, groupIndex: group, size: size)
        let current = min(page, pages - 1)
        let groups = state.groups.count
        switch key {
        case .pageDown, .character(" "), .down, .character("j"):
            if current + 1 < pages { return .showReportBack(group: group, page: current + 1) }
            return group + 1 < groups ? .showReportBack(group: group + 1, page: 0) : nil
        case .pageUp, .up, .character("k"), .backspace:
            if current > 0 { return .showReportBack(group: group, page: current - 1) }
            guard group > 0 else { return nil }
            return .showReportBack(group: group - 1, page: ReportBackView.pageCount(state, groupIndex: group - 1, size: size) - 1)
        case .right, .tab, .character("n"): return group + 1 < groups ? .showReportBack(group: group + 1, page: 0) : nil
        case .left, .backTab, .character("p"): return group > 0 ? .showReportBack(group: group - 1, page: 0) : nil
        case .home: return .showReportBack(group: 0, page: 0)
        case .escape, .character("q"), .character("R"): return .dismissOverlay
        case .character("?"): return .showHelp
        default: return nil
        }
    }

    private static func groupList(_ key: KeyEvent, selection: Int, state: WorkshopState) -> WorkshopAction? {
        switch key {
        case .up, .character("k"): return .moveGroupSelection(by: -1)
        case .down, .character("j"): return .moveGroupSelection(by: 1)
        case .enter: return selection < state.groups.count ? .showGroup(state.groups[selection].id) : nil
        case .escape, .character("q"), .character("w"): return .dismissOverlay
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
        case .controlArrow(.left) where !onType, .altArrow(.left) where !onType: return .editNewPoll(.line(.wordLeft))
        case .controlArrow(.right) where !onType, .altArrow(.right) where !onType: return .editNewPoll(.line(.wordRight))
        case .character(let character): return .editNewPoll(.line(.insert(String(character))))
        case .paste(let text) where !onType: return .editNewPoll(.line(.paste(text)))
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
        case .character("v"): return .startVoterMode
        case .escape, .character("q"), .backspace: return .dismissOverlay
        default: return nil
        }
    }

    private static func ballot(_ key: KeyEvent, draft: BallotDraft, state: WorkshopState) -> WorkshopAction? {
        switch key {
        case .enter: return .submitBallot
        case .escape: return .showPoll(draft.pollID)
        default:
            let isText = state.poll(draft.pollID)?.definition.type == .open
            return BallotKeys.edit(for: key, isText: isText).map(WorkshopAction.editBallot)
        }
    }

    private static func setPIN(_ key: KeyEvent) -> WorkshopAction? {
        switch key {
        case .enter: return .submitNewPIN
        case .escape: return .dismissOverlay
        case .backspace: return .editNewPIN(.backspace)
        case .character(let character) where character != " ": return .editNewPIN(.insert(String(character)))
        // A PIN has no spaces (they cannot be typed here), so a pasted one loses them and its line break.
        case .paste(let text): return .editNewPIN(.insert(String(text.filter { !$0.isWhitespace })))
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
            return selection == state.currentIndex ? .dismissOverlay : .requestMove(.jump(slot: selection))
        case .escape, .character("g"), .character("q"): return .dismissOverlay
        case .character(let digit) where ("1"..."9").contains(digit):
            // A digit selects one of the first nine slots; Enter then jumps.
            return .setJumpSelection(Int(String(digit))! - 1)
        default: return nil
        }
    }
}
