import PlenaryEngine

/// What the moderator screen's key bindings read to decide an action: the state (its screen holds the selection,
/// the draft or the poll) and the screen's size, for the views whose rows or pages depend on it.
public struct KeyContext: Sendable {
    public var state: WorkshopState
    public var size: TerminalSize

    public init(state: WorkshopState, size: TerminalSize = ModeratorScreen.minimumSize) {
        self.state = state
        self.size = size
    }

    /// The selected row of the list on screen (jump picker, polls, groups).
    var selection: Int {
        switch state.screen {
        case .jumpPicker(let selection), .pollList(let selection), .groupList(let selection): selection
        case .planEditor(let selection, _): selection
        default: 0
        }
    }

    /// The poll on screen, with its ballot or hand-count form.
    var pollID: String? {
        switch state.screen {
        case .poll(let id): id
        case .ballot(let draft): draft.pollID
        case .handCount(let draft): draft.pollID
        default: nil
        }
    }

    var newPollDraft: PollDraft? {
        if case .newPoll(let draft) = state.screen { return draft }
        return nil
    }

    var entryDraft: EntryDraft? {
        if case .entry(let draft) = state.screen { return draft }
        return nil
    }

    /// Whether the poll on screen takes text (its ballot form is a line editor).
    var pollTakesText: Bool {
        pollID.flatMap { state.poll($0) }?.definition.type == .open
    }
}
