import PlenaryEngine

/// The bindings of the working groups' screens: the list of groups, a group's entries, and the entry form.
public enum GroupKeys {
    public static let groupList = ScreenKeys([
        ScreenKey([.key(.up), .key(.down), .char("k"), .char("j")], "Choose a group") { key, _ in
            .group(.moveSelection(by: key == .up || key == .character("k") ? -1 : 1))
        },
        ScreenKey([.key(.enter)], "Show the group's entries") { _, context in
            context.selection < context.state.groups.count ? .group(.show(context.state.groups[context.selection].id)) : nil
        },
        ScreenKey([.key(.escape), .char("q"), .char("w")], "Back to the agenda", always: .app(.dismissOverlay)),
        ScreenKey([.char("?"), .key(.function(1))], "Show this help", always: .app(.showHelp)),
    ])

    public static let group = ScreenKeys([
        ScreenKey([.digits], "Add an entry from that template", footer: "add") { key, _ in
            guard case .character(let digit) = key, let number = Int(String(digit)) else { return nil }
            return .group(.addEntry(templateIndex: number - 1))
        },
        ScreenKey([.key(.enter), .char("e")], "Edit the entry", footer: "edit", always: .group(.openEntry)),
        ScreenKey([.char("d"), .key(.delete)], "Delete the entry", footer: "delete", always: .group(.deleteEntry)),
        ScreenKey([.char("u")], "Undo the last change (says what it undid)", footer: "undo", always: .group(.undo)),
        ScreenKey([.char("["), .char("]"), .char("K"), .char("J")], "Move the entry up or down", footer: "move", footerKeys: 2) { key, _ in
            .group(.moveEntry(by: key == .character("[") || key == .character("K") ? -1 : 1))
        },
        ScreenKey([.key(.up), .key(.down), .char("k"), .char("j")], "Choose an entry") { key, _ in
            .group(.moveEntrySelection(by: key == .up || key == .character("k") ? -1 : 1))
        },
        ScreenKey([.char("?"), .key(.function(1))], "Show these keys", footer: "keys", always: .group(.showHelp)),
        ScreenKey([.char("a")], "Show the day's agenda, as it runs now", footer: "agenda", always: .group(.showAgenda)),
        ScreenKey([.key(.escape)], "Back to the groups (a group's own laptop stays here)", footer: "back", always: .app(.dismissOverlay)),
        ScreenKey([.char("q")], "Back to the groups; on a group's own laptop, quit (asks first)") { _, context in
            context.state.role == .facilitator ? .app(.requestQuit) : .app(.dismissOverlay)
        },
        // Prioritising is refused with a message on a group's own laptop; listed there too, so it is never a surprise.
        ScreenKey([.char("s"), .char(" ")], "Mark or unmark the entry (across groups; plenary only)", always: .group(.toggleShortlist)),
        ScreenKey([.char("R")], "Marked entries → a ranking poll (question first, then it opens)", always: .group(.pollFromShortlist(.ranking))),
        ScreenKey([.char("D")], "Marked entries → a dot vote (question and dots first)", always: .group(.pollFromShortlist(.multiple))),
        ScreenKey([.char("A")], "Marked entries → a 100-point allocation (question first)", always: .group(.pollFromShortlist(.allocation))),
    ])

    /// The poll proposed from the marked entries, before it opens: its question, and a dot vote's dots.
    public static let shortlistPoll = ScreenKeys([
        ScreenKey([.key(.enter)], "Make the poll and open it", footer: "open", always: .group(.openShortlistPoll)),
        ScreenKey([.key(.escape)], "Back to the group without a poll (the marks stay)", footer: "cancel", always: .group(.cancelShortlistPoll)),
        ScreenKey([.key(.tab), .key(.down)], "Next field (a dot vote: the dots each, the most on one item)", footer: "next field",
                  always: .group(.editShortlistPoll(.next))),
        ScreenKey([.key(.backTab), .key(.up)], "Previous field", always: .group(.editShortlistPoll(.previous))),
        ScreenKey([.key(.left), .key(.right)], "Move the cursor; on a number, one fewer or one more", footer: "change", footerKeys: 2) { key, _ in
            .group(.editShortlistPoll(.adjust(key == .left ? -1 : 1)))
        },
        ScreenKey([.key(.home), .ctrl("a")], "Start of the question", always: .group(.editShortlistPoll(.line(.home)))),
        ScreenKey([.key(.end), .ctrl("e")], "End of the question", always: .group(.editShortlistPoll(.line(.end)))),
        ScreenKey([.key(.backspace)], "Delete the character before the cursor", always: .group(.editShortlistPoll(.line(.backspace)))),
        ScreenKey([.key(.delete)], "Delete the character under the cursor", always: .group(.editShortlistPoll(.line(.deleteForward)))),
        ScreenKey([.ctrl("w")], "Delete the word before the cursor", always: .group(.editShortlistPoll(.line(.deleteWordBackward)))),
        ScreenKey([.ctrl("u")], "Delete to the start of the question", always: .group(.editShortlistPoll(.line(.deleteToStart)))),
        ScreenKey([.printable], "Typed into the question") { key, _ in
            guard case .character(let character) = key else { return nil }
            return .group(.editShortlistPoll(.line(.insert(String(character)))))
        },
        ScreenKey([.paste], "Goes into the question as text") { key, _ in
            guard case .paste(let text) = key else { return nil }
            return .group(.editShortlistPoll(.line(.paste(text))))
        },
    ])

    /// The agenda over a group's screen closes on any key.
    public static let groupAgenda = ScreenKeys([
        ScreenKey([.anyKey], "Close the agenda", always: .app(.dismissOverlay)),
    ])

    /// The help over a group's screen closes on any key.
    public static let groupHelp = ScreenKeys([
        ScreenKey([.anyKey], "Close this help", always: .app(.dismissOverlay)),
    ])

    /// The form runs with raw input (see `ModeratorApp`), so Ctrl-Z and Ctrl-Y reach it as undo and redo, and
    /// Ctrl-C leaves it as Esc does (saving) instead of ending the program. ↑/↓ and a page move by the rows the
    /// field's box shows at the screen's size (`EntryFieldBox`).
    public static let entry = ScreenKeys([
        ScreenKey([.key(.tab)], "Next field (saves this one)", footer: "next field", always: .group(.changeField(by: 1))),
        ScreenKey([.key(.backTab)], "Previous field", footer: "previous", always: .group(.changeField(by: -1))),
        ScreenKey([.ctrl("z")], "Undo typing", footer: "undo", always: .group(.editField(.undo))),
        ScreenKey([.key(.escape), .ctrl("c")], "Save and back to the list (an empty entry is discarded)", footer: "done",
                  always: .group(.closeEntry)),
        ScreenKey([.ctrl("y")], "Redo", always: .group(.editField(.redo))),
        ScreenKey([.key(.enter)], "A new line (a list: a new item); in a one-line field, the next field") { _, context in
            context.entryDraft?.editor.multiline == true ? .group(.editField(.newline)) : .group(.changeField(by: 1))
        },
        ScreenKey([.key(.left), .key(.right)], "A character back or on") { key, _ in .group(.editField(key == .left ? .left : .right)) },
        ScreenKey([.key(.up), .key(.down), .key(.pageUp), .key(.pageDown)], "A row up or down as the field shows it, or a boxful") { key, context in
            guard let draft = context.entryDraft else { return nil }
            let page = key == .pageUp || key == .pageDown
            return move(draft, up: key == .up || key == .pageUp,
                        rows: page ? EntryFieldBox.visibleRows(draft, screen: context.size) : 1, size: context.size)
        },
        ScreenKey([.key(.controlArrow(.up)), .key(.controlArrow(.down))], "A line up or down (a list item)") { key, _ in
            .group(.editField(key == .controlArrow(.up) ? .up : .down))
        },
        ScreenKey([.key(.controlArrow(.left)), .key(.altArrow(.left)), .key(.alt("b"))], "A word back", always: .group(.editField(.wordLeft))),
        ScreenKey([.key(.controlArrow(.right)), .key(.altArrow(.right)), .key(.alt("f"))], "A word on", always: .group(.editField(.wordRight))),
        ScreenKey([.key(.home), .ctrl("a")], "Start of the line", always: .group(.editField(.home))),
        ScreenKey([.key(.end), .ctrl("e")], "End of the line", always: .group(.editField(.end))),
        ScreenKey([.key(.backspace)], "Delete the character before the cursor", always: .group(.editField(.backspace))),
        ScreenKey([.key(.delete)], "Delete the character under the cursor", always: .group(.editField(.deleteForward))),
        ScreenKey([.key(.altBackspace), .ctrl("w")], "Delete the word before the cursor", always: .group(.editField(.deleteWordBackward))),
        ScreenKey([.key(.alt("d"))], "Delete the word after the cursor", always: .group(.editField(.deleteWordForward))),
        ScreenKey([.ctrl("u")], "Delete to the start of the line", always: .group(.editField(.deleteToLineStart))),
        ScreenKey([.ctrl("k")], "Delete to the end of the line", always: .group(.editField(.deleteLine))),
        ScreenKey([.printable], "Typed into the field") { key, _ in
            guard case .character(let character) = key else { return nil }
            return .group(.editField(.insert(String(character))))
        },
        ScreenKey([.paste], "Goes in as text: a line break is a space in a one-line field, a new item in a list") { key, _ in
            guard case .paste(let text) = key else { return nil }
            return .group(.editField(.paste(text)))
        },
    ])

    /// A choice field is picked from its list, so it can only ever hold one of the choices.
    public static let choice = ScreenKeys([
        ScreenKey([.key(.tab), .key(.enter)], "Next field", footer: "next field", always: .group(.changeField(by: 1))),
        ScreenKey([.key(.backTab)], "Previous field", footer: "previous", always: .group(.changeField(by: -1))),
        ScreenKey([.key(.escape), .ctrl("c")], "Save and back to the list", footer: "done", always: .group(.closeEntry)),
        ScreenKey([.key(.left), .key(.up)], "The previous choice", always: .group(.stepChoice(by: -1))),
        ScreenKey([.key(.right), .key(.down), .char(" ")], "The next choice", always: .group(.stepChoice(by: 1))),
        ScreenKey([.digits], "Pick a choice by its number") { key, _ in
            guard case .character(let digit) = key, let number = Int(String(digit)) else { return nil }
            return .group(.pickChoice(number - 1))
        },
        ScreenKey([.key(.backspace), .key(.delete)], "Clear the choice", always: .group(.pickChoice(nil))),
    ])

    /// ↑/↓ (and a page) by the rows the field's box shows, wrapped where the form wraps it; nil at the first or last row.
    private static func move(_ draft: EntryDraft, up: Bool, rows: Int, size: TerminalSize) -> WorkshopAction? {
        let moved = TextEditorView.visualMove(draft.editor, up: up, width: EntryFieldBox.width(screen: size), rows: rows)
        guard moved.cursor != draft.editor.cursor else { return nil }
        return .group(.editField(.moveTo(moved.cursor, preferredDisplayColumn: moved.preferredDisplayColumn)))
    }
}
