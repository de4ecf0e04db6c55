import PlenaryEngine

/// The box in which the entry form shows the field being typed (`GroupViews.drawEntry`): the width it
/// wraps at and the rows it shows. ↑/↓ and PgUp/PgDn move the cursor by what the box shows, so the
/// key map asks here too, and the two cannot disagree.
enum EntryFieldBox {
    /// The most rows a field's box takes; longer text scrolls inside it.
    static let maxRows = 6

    /// Rows the box shows: the text's wrapped rows, at most `maxRows` and what is `available`, at least one.
    static func rows(_ editor: TextEditor, width: Int, available: Int) -> Int {
        min(max(1, TextEditorView.rowCount(editor, width: width)), max(1, available), maxRows)
    }

    /// The width the form wraps the field at on a screen of `screen`: the body, less the indent.
    static func width(screen: TerminalSize) -> Int {
        ModeratorScreen.bodyArea(screen).width - 2
    }

    /// Rows the box of `draft`'s field shows on a screen of `screen`. Above the box: the form's heading
    /// and a blank row, a label and a line for each earlier field, the field's own label; below it, a
    /// row for the field's help.
    static func visibleRows(_ draft: EntryDraft, screen: TerminalSize) -> Int {
        let available = ModeratorScreen.bodyArea(screen).height - 3 - 2 * draft.fieldIndex - 1
        return rows(draft.editor, width: width(screen: screen), available: available)
    }
}
