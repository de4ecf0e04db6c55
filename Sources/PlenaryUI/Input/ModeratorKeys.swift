import PlenaryEngine

/// A binding of the moderator's screens.
public typealias ScreenKey = KeyBinding<KeyContext, WorkshopAction>
/// One screen's bindings: its key map, its `?` help and its footer.
public typealias ScreenKeys = KeyTable<KeyContext, WorkshopAction>

/// The bindings of the moderator's screens other than the working groups' (`GroupKeys`), each declared once.
/// Bindings with a footer word come first: the footer shows them in this order, as far as the width allows.
public enum ModeratorKeys {
    public static let agenda = ScreenKeys([
        ScreenKey([.char(" ")], "Start the workshop; then pause or resume the slot timer", footer: "start/pause") { _, context in
            let state = context.state
            if !state.hasStarted { return .command(.start) }
            return state.isPaused ? .command(.resume) : .command(.pause)
        },
        ScreenKey([.char("n"), .key(.right)], "End this slot and start the next one (asks if fixed and early)",
                  footer: "next", footerKeys: 2, always: .agenda(.requestMove(.next))),
        ScreenKey([.char("p"), .key(.left)], "Back one slot (within 30 s of a move: undo it)", footer: "back", footerKeys: 2,
                  always: .agenda(.requestMove(.previous))),
        ScreenKey([.char("?"), .char("h"), .key(.function(1))], "Show this help", footer: "help", always: .app(.showHelp)),
        ScreenKey([.char("q")], "Quit (asks first; everything is already saved)", footer: "quit", always: .app(.requestQuit)),
        ScreenKey([.char("+"), .char("-"), .char("="), .char("_")], "Lengthen (+ =) or shorten (- _) the slot by one minute",
                  footer: "1 min", footerKeys: 2) { key, context in
            let longer = key == .character("+") || key == .character("=")
            return .command(.adjust(slot: context.state.currentIndex, seconds: longer ? 60 : -60))
        },
        ScreenKey([.char("g"), .key(.enter)], "Jump to any slot (↑ ↓ or a digit, Enter; asks as n does)", footer: "jump",
                  always: .agenda(.openJumpPicker)),
        ScreenKey([.char("E")], "End the workshop, or take the end back (asks first)", footer: "end", always: .agenda(.requestEnd)),
        ScreenKey([.char("c")], "Change the plan of the slots still to come",
                  always: .agenda(.openPlanEditor)),
        ScreenKey([.char("P")], "Polls: the current slot's first; Enter shows one", always: .poll(.openList)),
        ScreenKey([.char("a")], "Write an ad-hoc poll", always: .poll(.startNew)),
        ScreenKey([.char("v")], "Hand the terminal to voters (Ctrl-X then the PIN comes back)", always: .voterMode(.start)),
        ScreenKey([.char("w")], "Working groups: capture and edit entries", always: .group(.openList)),
        ScreenKey([.char("Q")], "Q&A and ideas: the queue of the current slot's board", always: .qa(.open)),
        ScreenKey([.char("R")], "Report-back: show the groups' entries to the room", always: .group(.openReportBack)),
        ScreenKey([.char("i")], "Merge a group laptop's results file", always: .importing(.open)),
        ScreenKey([.char("e")], "Export the report and CSV files next to the results", always: .app(.export)),
        ScreenKey([.char("D")], "Detach this screen; the workshop runs on (attach to come back)",
                  always: .app(.detach)),
    ])

    /// The QR code for phones closes on any key, back to the screen it covers.
    public static let joinCode = ScreenKeys([
        ScreenKey([.anyKey], "Close", always: .app(.dismissOverlay)),
    ])

    /// The keys of the help itself, listed under the keys of the screen it covers.
    public static let help = ScreenKeys([
        ScreenKey([.key(.escape), .key(.enter), .char(" "), .char("?"), .char("q"), .key(.function(1))], "Close this help",
                  always: .app(.dismissOverlay)),
    ])

    /// "Quit?", "End the workshop?", "Start a fixed slot early?".
    public static let confirm = ScreenKeys([
        ScreenKey([.char("y"), .char("Y")], "Yes") { _, context in
            switch context.state.screen {
            case .confirmQuit: .app(.confirmQuit)
            case .confirmEnd: .command(.end)
            case .confirmReopen: .command(.reopen)
            case .confirmEarlyStart(_, let move): .command(move)
            default: nil
            }
        },
        ScreenKey([.char("n"), .char("N"), .key(.escape), .char("q")], "No: back as it was", always: .app(.dismissOverlay)),
    ])

    public static let jumpPicker = ScreenKeys([
        ScreenKey([.key(.up), .key(.down), .char("k"), .char("j")], "Choose a slot") { key, _ in
            .agenda(.moveJumpSelection(by: key == .up || key == .character("k") ? -1 : 1))
        },
        ScreenKey([.key(.pageUp), .key(.pageDown)], "Ten slots up or down") { key, _ in
            .agenda(.moveJumpSelection(by: key == .pageUp ? -10 : 10))
        },
        ScreenKey([.key(.home), .key(.end)], "The first or the last slot") { key, context in
            .agenda(.setJumpSelection(key == .home ? 0 : context.state.session.agenda.count - 1))
        },
        ScreenKey([.digits], "Choose one of the first nine slots") { key, _ in
            guard case .character(let digit) = key, let number = Int(String(digit)) else { return nil }
            return .agenda(.setJumpSelection(number - 1))
        },
        ScreenKey([.key(.enter)], "Go to the chosen slot (asks as n does)") { _, context in
            context.selection == context.state.currentIndex ? .app(.dismissOverlay) : .agenda(.requestMove(.jump(slot: context.selection)))
        },
        ScreenKey([.key(.escape), .char("g"), .char("q")], "Cancel", always: .app(.dismissOverlay)),
        ScreenKey([.char("?"), .key(.function(1))], "Show this help", always: .app(.showHelp)),
    ])

    /// The plan editor: changes act on the selected slot, and only slots still to come change.
    public static let planEditor = ScreenKeys([
        ScreenKey([.key(.up), .key(.down), .char("k"), .char("j")], "Choose a slot", footer: "choose", footerKeys: 2) { key, _ in
            .agenda(.movePlanSelection(by: key == .up || key == .character("k") ? -1 : 1))
        },
        ScreenKey([.char("i")], "Insert a new slot after this one (title, then minutes)", footer: "insert",
                  always: .agenda(.startPlanPrompt(.insertTitle))),
        ScreenKey([.char("x")], "Drop this slot", footer: "drop") { _, context in
            .agenda(.requestPlanChange(.drop(slot: context.selection)))
        },
        ScreenKey([.char("["), .char("]")], "Move this slot up ([) or down (])", footer: "move", footerKeys: 2) { key, context in
            .agenda(.requestPlanChange(.move(slot: context.selection, by: key == .character("[") ? -1 : 1)))
        },
        ScreenKey([.char("t")], "Change this slot's title", footer: "title", always: .agenda(.startPlanPrompt(.title))),
        ScreenKey([.char("m")], "Change this slot's planned minutes", footer: "minutes", always: .agenda(.startPlanPrompt(.minutes))),
        ScreenKey([.char("s")], "Confirm a TBC speaker of this slot, or add one (name, role, affiliation)", footer: "speaker",
                  always: .agenda(.startSpeakerPrompt)),
        ScreenKey([.char("f")], "Fix this slot to its planned end, or free it", footer: "fixed") { _, context in
            let agenda = context.state.session.agenda
            guard agenda.indices.contains(context.selection) else { return nil }
            return .agenda(.requestPlanChange(.setFixed(slot: context.selection, fixed: !agenda[context.selection].fixed)))
        },
        ScreenKey([.char("u")], "Undo the last change to the plan", footer: "undo", always: .agenda(.requestPlanChange(.undo))),
        ScreenKey([.key(.escape), .char("q"), .char("c")], "Back to the agenda", footer: "back", always: .app(.dismissOverlay)),
        ScreenKey([.char("?"), .key(.function(1))], "Show this help", always: .app(.showHelp)),
    ])

    /// The plan editor's question (a title or minutes).
    public static let planPrompt = ScreenKeys([
        ScreenKey([.key(.enter)], "Make the change (or go on: a new slot's minutes, a speaker's role and affiliation)", footer: "ok",
                  always: .agenda(.submitPlanPrompt)),
        ScreenKey([.key(.escape)], "Cancel", footer: "cancel", always: .agenda(.cancelPlanPrompt)),
        ScreenKey([.key(.tab), .key(.backTab)], "A new slot's title: the next or previous kind; a speaker's name: another speaker") { key, context in
            guard case .planEditor(_, let prompt?) = context.state.screen else { return nil }
            let step = key == .backTab ? -1 : 1
            switch prompt.purpose {
            case .insertTitle: return .agenda(.cyclePlanKind(step))
            case .speakerName: return .agenda(.cyclePlanSpeaker(step))
            case .insertMinutes, .title, .minutes, .speakerRole, .speakerAffiliation: return nil
            }
        },
        ScreenKey([.key(.left), .key(.right)], "Move the cursor") { key, _ in
            .agenda(.editPlanPrompt(key == .left ? .left : .right))
        },
        ScreenKey([.key(.home), .ctrl("a")], "Start of the line", always: .agenda(.editPlanPrompt(.home))),
        ScreenKey([.key(.end), .ctrl("e")], "End of the line", always: .agenda(.editPlanPrompt(.end))),
        ScreenKey([.key(.backspace)], "Delete the character before the cursor", always: .agenda(.editPlanPrompt(.backspace))),
        ScreenKey([.key(.delete)], "Delete the character under the cursor", always: .agenda(.editPlanPrompt(.deleteForward))),
        ScreenKey([.ctrl("u")], "Delete to the start of the line", always: .agenda(.editPlanPrompt(.deleteToStart))),
        ScreenKey([.printable], "Typed into the field") { key, _ in
            guard case .character(let character) = key else { return nil }
            return .agenda(.editPlanPrompt(.insert(String(character))))
        },
        ScreenKey([.paste], "Goes into the field as text") { key, _ in
            guard case .paste(let text) = key else { return nil }
            return .agenda(.editPlanPrompt(.paste(text)))
        },
    ])

    public static let pollList = ScreenKeys([
        ScreenKey([.key(.up), .key(.down), .char("k"), .char("j")], "Choose a poll", footer: "choose", footerKeys: 2) { key, _ in
            .poll(.moveSelection(by: key == .up || key == .character("k") ? -1 : 1))
        },
        ScreenKey([.key(.enter)], "Show the poll", footer: "show") { _, context in
            let polls = context.state.pollsForList
            return context.selection < polls.count ? .poll(.show(polls[context.selection].id)) : nil
        },
        ScreenKey([.key(.escape), .char("q"), .char("P")], "Back", footer: "back", always: .app(.dismissOverlay)),
        ScreenKey([.char("a")], "Write an ad-hoc poll", always: .poll(.startNew)),
        ScreenKey([.char("?"), .key(.function(1))], "Show this help", always: .app(.showHelp)),
    ])

    public static let poll = ScreenKeys([
        ScreenKey([.char("o")], "Open the poll for ballots (or reopen it)", footer: "open") { _, context in
            context.pollID.map { .command(.poll(.open(poll: $0))) }
        },
        ScreenKey([.char("c")], "Close the poll", footer: "close") { _, context in
            context.pollID.map { .command(.poll(.close(poll: $0))) }
        },
        ScreenKey([.char("r")], "Show or hide the results", footer: "reveal") { _, context in
            guard let id = context.pollID, let poll = context.state.poll(id) else { return nil }
            return .command(.poll(.reveal(poll: id, shown: !poll.revealed)))
        },
        ScreenKey([.char("N")], "Start a new round (earlier rounds are kept)", footer: "new round") { _, context in
            context.pollID.map { .command(.poll(.newRound(poll: $0))) }
        },
        ScreenKey([.char("b")], "Type in one ballot", footer: "ballot") { _, context in context.pollID.map { .poll(.startBallot($0)) } },
        ScreenKey([.char("h")], "Type in counts from a show of hands", footer: "hands") { _, context in
            context.pollID.map { .poll(.startHandCount($0)) }
        },
        ScreenKey([.char("v")], "Hand the terminal to voters (Ctrl-X then the PIN comes back)", footer: "voters",
                  always: .voterMode(.start)),
        ScreenKey([.char("P")], "All polls", footer: "polls", always: .poll(.openList)),
        ScreenKey([.key(.escape), .char("q"), .key(.backspace)], "Back to the agenda", footer: "agenda", always: .app(.dismissOverlay)),
        ScreenKey([.char("?"), .key(.function(1))], "Show this help", always: .app(.showHelp)),
        ScreenKey([.char("W")], "Where phones vote: address, room code, QR code (with --web)", always: .app(.showJoinCode)),
    ])

    /// The moderator's ballot and hand-count forms: record or cancel (the footer), and the form's own keys.
    static let formEnds = ScreenKeys([
        ScreenKey([.key(.enter)], "Record it", footer: "record") { _, context in
            switch context.state.screen {
            case .ballot: .poll(.submitBallot)
            case .handCount: .poll(.submitHandCount)
            default: nil
            }
        },
        ScreenKey([.key(.escape)], "Cancel", footer: "cancel") { _, context in
            switch context.state.screen {
            case .ballot(let draft): .poll(.show(draft.pollID))
            default: .app(.dismissOverlay)
            }
        },
    ])

    public static let ballot = formEnds + BallotKeys.edits.pullback({ $0.pollTakesText }, { WorkshopAction.poll(.editBallot($0)) })

    public static let handCount = formEnds + ScreenKeys([
        ScreenKey([.key(.up), .key(.down), .key(.left), .key(.right)], "Move between the counts") { key, _ in
            switch key {
            case .up: .poll(.editHandCount(.up))
            case .down: .poll(.editHandCount(.down))
            case .left: .poll(.editHandCount(.left))
            default: .poll(.editHandCount(.right))
            }
        },
        ScreenKey([.key(.backspace)], "Erase a digit", always: .poll(.editHandCount(.erase))),
        ScreenKey([.numbers], "Type the count") { key, _ in
            guard case .character(let digit) = key, let number = Int(String(digit)) else { return nil }
            return .poll(.editHandCount(.digit(number)))
        },
    ])

    public static let newPoll = ScreenKeys([
        ScreenKey([.key(.tab), .key(.down)], "Next field", footer: "next field", always: .poll(.editNew(.next))),
        ScreenKey([.key(.backTab), .key(.up)], "Previous field", always: .poll(.editNew(.previous))),
        ScreenKey([.key(.left), .key(.right)], "Change the question type; in text, move the cursor", footer: "type",
                  footerKeys: 2) { key, context in
            let step = key == .left ? -1 : 1
            if context.newPollDraft?.field == .type { return .poll(.editNew(.cycleType(step))) }
            return .poll(.editNew(.line(step < 0 ? .left : .right)))
        },
        ScreenKey([.key(.enter)], "Next field, or a new option", footer: "next / add option", always: .poll(.editNew(.enter))),
        ScreenKey([.key(.escape)], "Cancel", footer: "cancel", always: .app(.dismissOverlay)),
        ScreenKey([.char(" ")], "On the type: the next type") { _, context in
            context.newPollDraft?.field == .type ? .poll(.editNew(.cycleType(1))) : nil
        },
        ScreenKey([.key(.home), .ctrl("a")], "Start of the line", always: .poll(.editNew(.line(.home)))),
        ScreenKey([.key(.end), .ctrl("e")], "End of the line", always: .poll(.editNew(.line(.end)))),
        ScreenKey([.key(.backspace)], "Delete the character before the cursor", always: .poll(.editNew(.line(.backspace)))),
        ScreenKey([.key(.delete)], "Delete the character under the cursor", always: .poll(.editNew(.line(.deleteForward)))),
        ScreenKey([.ctrl("w")], "Delete the word before the cursor", always: .poll(.editNew(.line(.deleteWordBackward)))),
        ScreenKey([.ctrl("u")], "Delete to the start of the line", always: .poll(.editNew(.line(.deleteToStart)))),
        ScreenKey([.key(.controlArrow(.left)), .key(.altArrow(.left))], "A word back") { _, context in
            context.newPollDraft?.field == .type ? nil : .poll(.editNew(.line(.wordLeft)))
        },
        ScreenKey([.key(.controlArrow(.right)), .key(.altArrow(.right))], "A word on") { _, context in
            context.newPollDraft?.field == .type ? nil : .poll(.editNew(.line(.wordRight)))
        },
        ScreenKey([.printable], "Typed into the field") { key, _ in
            guard case .character(let character) = key else { return nil }
            return .poll(.editNew(.line(.insert(String(character)))))
        },
        ScreenKey([.paste], "Goes into the field as text") { key, context in
            guard case .paste(let text) = key, context.newPollDraft?.field != .type else { return nil }
            return .poll(.editNew(.line(.paste(text))))
        },
    ])

    public static let setPIN = ScreenKeys([
        ScreenKey([.key(.enter)], "Confirm the PIN", always: .voterMode(.submitNewPIN)),
        ScreenKey([.key(.escape)], "Cancel", always: .app(.dismissOverlay)),
        ScreenKey([.key(.backspace)], "Erase a character", always: .voterMode(.editNewPIN(.backspace))),
        ScreenKey([.printable], "Typed into the PIN (a PIN has no spaces)") { key, _ in
            guard case .character(let character) = key, character != " " else { return nil }
            return .voterMode(.editNewPIN(.insert(String(character))))
        },
        // A PIN has no spaces (they cannot be typed here), so a pasted one loses them and its line break.
        ScreenKey([.paste], "Goes into the PIN without its spaces") { key, _ in
            guard case .paste(let text) = key else { return nil }
            return .voterMode(.editNewPIN(.insert(String(text.filter { !$0.isWhitespace }))))
        },
    ])

    public static let importPicker = ScreenKeys([
        ScreenKey([.key(.up), .key(.down)], "Choose a results file") { key, _ in .importing(.moveSelection(by: key == .up ? -1 : 1)) },
        ScreenKey([.key(.enter)], "Merge the chosen or typed file", always: .importing(.confirm)),
        ScreenKey([.key(.escape)], "Cancel", always: .app(.dismissOverlay)),
        ScreenKey([.key(.left), .key(.right)], "Move the cursor in the path") { key, _ in .importing(.editPath(key == .left ? .left : .right)) },
        ScreenKey([.key(.home), .key(.end)], "Start or end of the path") { key, _ in .importing(.editPath(key == .home ? .home : .end)) },
        ScreenKey([.key(.backspace)], "Delete the character before the cursor", always: .importing(.editPath(.backspace))),
        ScreenKey([.key(.delete)], "Delete the character under the cursor", always: .importing(.editPath(.deleteForward))),
        ScreenKey([.ctrl("u")], "Delete to the start of the path", always: .importing(.editPath(.deleteToStart))),
        ScreenKey([.key(.controlArrow(.left)), .key(.altArrow(.left))], "A word back", always: .importing(.editPath(.wordLeft))),
        ScreenKey([.key(.controlArrow(.right)), .key(.altArrow(.right))], "A word on", always: .importing(.editPath(.wordRight))),
        ScreenKey([.printable], "Typed into the path") { key, _ in
            guard case .character(let character) = key else { return nil }
            return .importing(.editPath(.insert(String(character))))
        },
        ScreenKey([.paste], "Goes into the path as text") { key, _ in
            guard case .paste(let text) = key else { return nil }
            return .importing(.editPath(.paste(text)))
        },
    ])

    /// Turning pages runs on into the next group after the last page, and back into the previous group's last page.
    public static let reportBack = ScreenKeys([
        ScreenKey([.key(.pageDown), .char(" "), .key(.down), .char("j")], "Next page (after the last: the next group)",
                  footer: "next page") { _, context in
            let (group, page, pages) = reportBackPosition(context)
            if page + 1 < pages { return .group(.showReportBack(group: group, page: page + 1)) }
            return group + 1 < context.state.groups.count ? .group(.showReportBack(group: group + 1, page: 0)) : nil
        },
        ScreenKey([.key(.pageUp), .key(.up), .char("k"), .key(.backspace)], "Previous page", footer: "back") { _, context in
            let (group, page, _) = reportBackPosition(context)
            if page > 0 { return .group(.showReportBack(group: group, page: page - 1)) }
            guard group > 0 else { return nil }
            return .group(.showReportBack(group: group - 1,
                                   page: ReportBackView.pageCount(context.state, groupIndex: group - 1, size: context.size) - 1))
        },
        ScreenKey([.key(.left), .key(.right), .key(.backTab), .key(.tab), .char("p"), .char("n")], "Previous or next group",
                  footer: "group", footerKeys: 2) { key, context in
            let (group, _, _) = reportBackPosition(context)
            if key == .left || key == .backTab || key == .character("p") {
                return group > 0 ? .group(.showReportBack(group: group - 1, page: 0)) : nil
            }
            return group + 1 < context.state.groups.count ? .group(.showReportBack(group: group + 1, page: 0)) : nil
        },
        ScreenKey([.key(.escape), .char("q"), .char("R")], "Back to the agenda", footer: "close", always: .app(.dismissOverlay)),
        ScreenKey([.key(.home)], "The first group's first page", always: .group(.showReportBack(group: 0, page: 0))),
        ScreenKey([.char("?"), .key(.function(1))], "Show this help", always: .app(.showHelp)),
    ])

    private static func reportBackPosition(_ context: KeyContext) -> (group: Int, page: Int, pages: Int) {
        guard case .reportBack(let group, let page) = context.state.screen else { return (0, 0, 1) }
        let pages = ReportBackView.pageCount(context.state, groupIndex: group, size: context.size)
        return (group, min(page, pages - 1), pages)
    }
}
