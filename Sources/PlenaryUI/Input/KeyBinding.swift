import PlenaryCore

/// A key and what it does, as listed by the help overlay and the footer: one table for both, so they agree.
public struct KeyBinding: Sendable, Equatable {
    public var keys: String
    /// Keys as the footer shows them ("n/→"); nil keeps the binding out of the footer.
    public var footerKeys: String?
    /// Short word for the footer ("next").
    public var hint: String?
    public var description: String

    public static let moderator: [KeyBinding] = [
        KeyBinding(keys: "Space", footerKeys: "Space", hint: "start/pause", description: "Start the workshop; then pause or resume the slot timer"),
        KeyBinding(keys: "n  →", footerKeys: "n/→", hint: "next", description: "End this slot and start the next one (asks if fixed and early)"),
        KeyBinding(keys: "p  ←", footerKeys: "p/←", hint: "back", description: "Back one slot (within 30 s of a move: undo it)"),
        KeyBinding(keys: "?  F1", footerKeys: "?", hint: "help", description: "Show or hide this help"),
        KeyBinding(keys: "q", footerKeys: "q", hint: "quit", description: "Quit (asks first; everything is already saved)"),
        KeyBinding(keys: "+  -", footerKeys: "+/-", hint: "1 min", description: "Lengthen or shorten the current slot by one minute"),
        KeyBinding(keys: "g", footerKeys: "g", hint: "jump", description: "Jump to any slot (↑ ↓ to choose, Enter to go; asks as n does)"),
        KeyBinding(keys: "E", footerKeys: "E", hint: "end", description: "End the workshop (asks first)"),
        KeyBinding(keys: "P", footerKeys: nil, hint: nil, description: "Polls: list them, open one, reveal results"),
        KeyBinding(keys: "a", footerKeys: nil, hint: nil, description: "Write an ad-hoc poll"),
        KeyBinding(keys: "w", footerKeys: nil, hint: nil, description: "Working groups: capture and edit entries"),
        KeyBinding(keys: "R", footerKeys: nil, hint: nil, description: "Report-back: show the groups' entries to the room"),
        KeyBinding(keys: "i", footerKeys: nil, hint: nil, description: "Merge a group laptop's results file"),
        KeyBinding(keys: "e", footerKeys: nil, hint: nil, description: "Export the report and CSV files next to the results"),
        KeyBinding(keys: "Esc", footerKeys: nil, hint: nil, description: "Close a dialog or this help"),
    ]

    public static let poll: [KeyBinding] = [
        KeyBinding(keys: "o", footerKeys: "o", hint: "open", description: "Open the poll for ballots (or reopen it)"),
        KeyBinding(keys: "c", footerKeys: "c", hint: "close", description: "Close the poll"),
        KeyBinding(keys: "r", footerKeys: "r", hint: "reveal", description: "Show or hide the results"),
        KeyBinding(keys: "N", footerKeys: "N", hint: "new round", description: "Start a new round (earlier rounds are kept)"),
        KeyBinding(keys: "b", footerKeys: "b", hint: "ballot", description: "Type in one ballot"),
        KeyBinding(keys: "h", footerKeys: "h", hint: "hands", description: "Type in counts from a show of hands"),
        KeyBinding(keys: "v", footerKeys: "v", hint: "voters", description: "Hand the terminal to voters (open polls; Ctrl-X + PIN leaves)"),
        KeyBinding(keys: "P", footerKeys: "P", hint: "polls", description: "All polls"),
        KeyBinding(keys: "Esc", footerKeys: "Esc", hint: "agenda", description: "Back to the agenda"),
    ]

    public static let reportBack: [KeyBinding] = [
        KeyBinding(keys: "PgDn Space", footerKeys: "PgDn", hint: "next page", description: "Next page (after the last: the next group)"),
        KeyBinding(keys: "PgUp", footerKeys: "PgUp", hint: "back", description: "Previous page"),
        KeyBinding(keys: "← →", footerKeys: "←/→", hint: "group", description: "Previous or next group"),
        KeyBinding(keys: "Esc", footerKeys: "Esc", hint: "close", description: "Back to the agenda"),
    ]

    public static let pollList: [KeyBinding] = [
        KeyBinding(keys: "↑ ↓", footerKeys: "↑/↓", hint: "choose", description: "Choose a poll"),
        KeyBinding(keys: "Enter", footerKeys: "Enter", hint: "show", description: "Show the poll"),
        KeyBinding(keys: "Esc", footerKeys: "Esc", hint: "back", description: "Back"),
    ]

    public static let newPoll: [KeyBinding] = [
        KeyBinding(keys: "Tab ↓", footerKeys: "Tab", hint: "next field", description: "Next field"),
        KeyBinding(keys: "← →", footerKeys: "←/→", hint: "type", description: "Change the question type"),
        KeyBinding(keys: "Enter", footerKeys: "Enter", hint: "next / add option", description: "Next field, or a new option"),
        KeyBinding(keys: "Esc", footerKeys: "Esc", hint: "cancel", description: "Cancel"),
    ]

    public static let group: [KeyBinding] = [
        KeyBinding(keys: "1-9", footerKeys: "1-9", hint: "add", description: "Add an entry from that template"),
        KeyBinding(keys: "Enter", footerKeys: "Enter", hint: "edit", description: "Edit the entry"),
        KeyBinding(keys: "d", footerKeys: "d", hint: "delete", description: "Delete the entry"),
        KeyBinding(keys: "u", footerKeys: "u", hint: "undo", description: "Undo the last change (says what it undid)"),
        KeyBinding(keys: "[ ]", footerKeys: "[/]", hint: "move", description: "Move the entry up or down"),
        KeyBinding(keys: "↑ ↓", footerKeys: nil, hint: nil, description: "Choose an entry"),
        KeyBinding(keys: "?", footerKeys: "?", hint: "keys", description: "Show these keys"),
        KeyBinding(keys: "Esc", footerKeys: "Esc", hint: "back", description: "Back to the groups (a group's own laptop stays here)"),
    ]

    /// Marking entries and turning them into a poll: on the plenary's screen only.
    public static let prioritise: [KeyBinding] = [
        KeyBinding(keys: "s  Space", footerKeys: nil, hint: nil, description: "Mark or unmark the entry (across groups)"),
        KeyBinding(keys: "R", footerKeys: nil, hint: nil, description: "Marked entries → a ranking poll, opened"),
        KeyBinding(keys: "D", footerKeys: nil, hint: nil, description: "Marked entries → a dot vote (3 dots each)"),
        KeyBinding(keys: "A", footerKeys: nil, hint: nil, description: "Marked entries → a 100-point allocation"),
    ]

    /// The help over a group's screen: its keys, and prioritising where it is possible.
    public static func groupHelp(role: WorkshopState.TerminalRole) -> [KeyBinding] {
        role == .moderator ? group + prioritise : group
    }

    public static let entry: [KeyBinding] = [
        KeyBinding(keys: "Tab", footerKeys: "Tab", hint: "next field", description: "Next field (saves this one)"),
        KeyBinding(keys: "Shift-Tab", footerKeys: "S-Tab", hint: "previous", description: "Previous field"),
        KeyBinding(keys: "Ctrl-Z", footerKeys: "^Z", hint: "undo", description: "Undo typing"),
        KeyBinding(keys: "Esc  Ctrl-C", footerKeys: "Esc", hint: "done", description: "Save and back to the list"),
        KeyBinding(keys: "Ctrl-Y", footerKeys: nil, hint: nil, description: "Redo"),
        KeyBinding(keys: "↑ ↓  PgUp PgDn", footerKeys: nil, hint: nil, description: "Up or down a row as shown, or a boxful"),
        KeyBinding(keys: "Ctrl-↑ Ctrl-↓", footerKeys: nil, hint: nil, description: "Up or down a line (a list item)"),
        KeyBinding(keys: "Ctrl-← Ctrl-→  Alt-B Alt-F", footerKeys: nil, hint: nil, description: "Back or on a word"),
        KeyBinding(keys: "Alt-Backspace Ctrl-W  Alt-D", footerKeys: nil, hint: nil, description: "Delete the word before or after the cursor"),
        KeyBinding(keys: "Paste", footerKeys: nil, hint: nil, description: "Pasted text goes into the field as text; a one-line field gets spaces for line breaks"),
    ]

    public static let form: [KeyBinding] = [
        KeyBinding(keys: "Enter", footerKeys: "Enter", hint: "record", description: "Record it"),
        KeyBinding(keys: "Esc", footerKeys: "Esc", hint: "cancel", description: "Cancel"),
    ]
}
