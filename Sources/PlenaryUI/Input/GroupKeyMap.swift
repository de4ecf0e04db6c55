import PlenaryCore

/// Keys of the facilitator's screens: a group's entries, and the entry form.
enum GroupKeyMap {
    static func group(_ key: KeyEvent, state: WorkshopState) -> WorkshopAction? {
        switch key {
        case .up, .character("k"): return .moveEntrySelection(by: -1)
        case .down, .character("j"): return .moveEntrySelection(by: 1)
        case .enter, .character("e"): return .openEntry
        case .character(let digit) where ("1"..."9").contains(digit): return .addEntry(templateIndex: Int(String(digit))! - 1)
        case .character("d"), .delete: return .deleteEntry
        case .character("u"): return .undoGroup
        case .character("["), .character("K"): return .moveEntry(by: -1)
        case .character("]"), .character("J"): return .moveEntry(by: 1)
        case .character("s"), .character(" "): return .toggleShortlist
        case .character("R"): return .pollFromShortlist(.ranking)
        case .character("D"): return .pollFromShortlist(.multiple)
        case .character("A"): return .pollFromShortlist(.allocation)
        case .character("?"), .function(1): return .showGroupHelp
        case .escape: return .dismissOverlay
        case .character("q") where state.role == .facilitator: return .requestQuit
        case .character("q"): return .dismissOverlay
        default: return nil
        }
    }

    /// The form runs with raw input (see `ModeratorApp`), so Ctrl-Z and Ctrl-Y reach it as undo and redo, and
    /// Ctrl-C leaves it as Esc does (saving) instead of ending the program. `size`: the screen's, for moving
    /// by the rows the field shows (`EntryFieldBox`).
    static func entry(_ key: KeyEvent, draft: EntryDraft, size: TerminalSize) -> WorkshopAction? {
        if !draft.choices.isEmpty { return choice(key) }
        let multiline = draft.editor.multiline
        switch key {
        case .tab: return .changeField(by: 1)
        case .backTab: return .changeField(by: -1)
        case .enter: return multiline ? .editField(.newline) : .changeField(by: 1)
        case .escape, .control("c"): return .closeEntry
        case .left: return .editField(.left)
        case .right: return .editField(.right)
        case .up: return move(draft, up: true, rows: 1, size: size)
        case .down: return move(draft, up: false, rows: 1, size: size)
        case .pageUp: return move(draft, up: true, rows: EntryFieldBox.visibleRows(draft, screen: size), size: size)
        case .pageDown: return move(draft, up: false, rows: EntryFieldBox.visibleRows(draft, screen: size), size: size)
        case .controlArrow(.up): return .editField(.up)
        case .controlArrow(.down): return .editField(.down)
        case .controlArrow(.left), .altArrow(.left), .alt("b"): return .editField(.wordLeft)
        case .controlArrow(.right), .altArrow(.right), .alt("f"): return .editField(.wordRight)
        case .home, .control("a"): return .editField(.home)
        case .end, .control("e"): return .editField(.end)
        case .backspace: return .editField(.backspace)
        case .delete: return .editField(.deleteForward)
        case .control("w"), .altBackspace: return .editField(.deleteWordBackward)
        case .alt("d"): return .editField(.deleteWordForward)
        case .control("u"): return .editField(.deleteToLineStart)
        case .control("k"): return .editField(.deleteLine)
        case .control("z"): return .editField(.undo)
        case .control("y"): return .editField(.redo)
        case .character(let character): return .editField(.insert(String(character)))
        case .paste(let text): return .editField(.paste(text))
        default: return nil
        }
    }

    /// ↑/↓ (and a page) by the rows the field's box shows, wrapped where the form wraps it; nil at the first or last row.
    private static func move(_ draft: EntryDraft, up: Bool, rows: Int, size: TerminalSize) -> WorkshopAction? {
        let moved = TextEditorView.visualMove(draft.editor, up: up, width: EntryFieldBox.width(screen: size), rows: rows)
        guard moved.cursor != draft.editor.cursor else { return nil }
        return .editField(.moveTo(moved.cursor, preferredDisplayColumn: moved.preferredDisplayColumn))
    }

    /// A choice field is picked from its list, so it can only ever hold one of the choices.
    private static func choice(_ key: KeyEvent) -> WorkshopAction? {
        switch key {
        case .tab, .enter: return .changeField(by: 1)
        case .backTab: return .changeField(by: -1)
        case .escape, .control("c"): return .closeEntry
        case .left, .up: return .stepChoice(by: -1)
        case .right, .down, .character(" "): return .stepChoice(by: 1)
        case .character(let digit) where ("1"..."9").contains(digit): return .pickChoice(Int(String(digit))! - 1)
        case .backspace, .delete: return .pickChoice(nil)
        default: return nil
        }
    }
}
