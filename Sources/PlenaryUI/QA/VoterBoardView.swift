import PlenaryEngine

/// A Q&A or ideas board at a voter screen: the room's items, most upvoted first, a page at a time (so hundreds of
/// items fit 80x24), this participant's upvotes marked, the chosen item's whole text under the list; or the question
/// or idea being written, with its length limit.
enum VoterBoardView {
    /// Rows that are not list rows: title, column heads; position, two rows of the chosen item's text, keys.
    static let chromeRows = 6

    /// List rows in a body `height` rows high.
    static func pageSize(height: Int) -> Int { max(1, height - chromeRows) }

    static func draw(_ board: RoomQABoard, place: QAVoterBoard, upvoted: Set<Int>, into grid: inout CellGrid,
                     x: Int, y: Int, width: Int, height: Int, glyphs: Glyphs) {
        if let draft = place.draft {
            drawDraft(draft, board: board, into: &grid, x: x, y: y, width: width, height: height, glyphs: glyphs)
            return
        }
        let items = board.items ?? []
        let count = CountedNoun.phrase(board.publicCount, board.kind.itemNoun)
        grid.putClipped(glyphs.text(board.title), x: x, y: y, style: .title,
                        width: max(0, width - count.terminalWidth - 1), ellipsis: glyphs.ellipsis)
        grid.put(count, x: x + width - count.terminalWidth, y: y, style: .dim)
        let bottom = y + height - 1
        let rows = pageSize(height: height)
        let listTop = y + 2
        if items.isEmpty {
            grid.putClipped("Nothing on the board yet: n writes the first \(board.kind.itemNoun).", x: x, y: listTop,
                            style: .dim, width: width, ellipsis: glyphs.ellipsis)
        } else {
            grid.putClipped(board.upvotes ? "    votes" : "", x: x, y: y + 1, style: .dim, width: width, ellipsis: glyphs.ellipsis)
        }
        let selection = place.selectedIndex(in: items)
        let offset = ((selection ?? 0) / rows) * rows
        for row in 0..<min(rows, max(0, items.count - offset)) {
            let item = items[offset + row]
            let selected = offset + row == selection
            let style: StyleRole = selected ? .selected : (item.answered ? .dim : .normal)
            if selected { grid.fill(style: style, x: x, y: listTop + row, width: width) }
            let mine = upvoted.contains(item.number) ? glyphs.doneMarker : " "
            let votes = board.upvotes ? String(item.votes).leftPadded(to: 5) : ""
            var line = " \(mine)\(votes)  \(item.text)"
            if let name = item.name { line += " \(glyphs.middleDot) \(name)" }
            if item.answered { line += " (answered)" }
            if board.highlighted?.number == item.number { line += " (on screen now)" }
            grid.putClipped(glyphs.text(line), x: x, y: listTop + row, style: style, width: width, ellipsis: glyphs.ellipsis)
        }
        if !items.isEmpty {
            var position = "\(offset + 1)\(glyphs.rangeDash)\(min(offset + rows, items.count)) of \(items.count)"
            if upvoted.isEmpty == false { position += "   \(glyphs.doneMarker) your upvotes" }
            grid.putClipped(glyphs.text(position), x: x, y: bottom - 3, style: .dim, width: width, ellipsis: glyphs.ellipsis)
        }
        if let selection, items[selection].text.terminalWidth > width - 9 {
            // The list cuts a long question; the chosen one is shown whole (two lines) under it.
            let lines = items[selection].text.wrapped(toWidth: width, maxLines: 2, ellipsis: glyphs.ellipsis)
            for (index, line) in lines.enumerated() {
                grid.putClipped(glyphs.text(line), x: x, y: bottom - 2 + index, style: .normal, width: width, ellipsis: glyphs.ellipsis)
            }
        }
        let upvote = board.upvotes ? "Space upvote (again: take back)   " : ""
        grid.putClipped(glyphs.keyLabel("↑ ↓ choose   \(upvote)n new \(board.kind.itemNoun)   Enter done"), x: x, y: bottom,
                        style: .key, width: width, ellipsis: glyphs.ellipsis)
    }

    private static func drawDraft(_ draft: QADraft, board: RoomQABoard, into grid: inout CellGrid,
                                  x: Int, y: Int, width: Int, height: Int, glyphs: Glyphs) {
        let noun = board.kind.itemNoun
        grid.putClipped(glyphs.text("Your \(noun) for \u{201C}\(board.title)\u{201D}"), x: x, y: y, style: .title, width: width,
                        ellipsis: glyphs.ellipsis)
        let after = board.premoderation ? "It shows on the board once the moderator approves it." : "It shows on the board at once."
        grid.putClipped(glyphs.text("One line, at most \(board.maxLength) characters. \(after)"), x: x, y: y + 1, style: .dim,
                        width: width, ellipsis: glyphs.ellipsis)
        field(draft.text, focused: !draft.editingName, into: &grid, x: x, y: y + 3, width: width, glyphs: glyphs)
        if let name = draft.name {
            grid.putClipped("Your name (optional; leave it empty to stay anonymous)", x: x, y: y + 6,
                            style: draft.editingName ? .title : .dim, width: width, ellipsis: glyphs.ellipsis)
            field(name, focused: draft.editingName, into: &grid, x: x, y: y + 7, width: width, glyphs: glyphs)
        }
        let keys = draft.sendingID != nil ? "Sending…"
            : "Enter send   " + (draft.name == nil ? "" : "Tab your name   ") + "Esc back to the list"
        grid.putClipped(glyphs.keyLabel(keys), x: x, y: y + height - 1, style: draft.sendingID != nil ? .dim : .key,
                        width: width, ellipsis: glyphs.ellipsis)
    }

    /// A field with its count; the one not being typed in shows its text without a cursor.
    private static func field(_ editor: LineEditor, focused: Bool, into grid: inout CellGrid,
                              x: Int, y: Int, width: Int, glyphs: Glyphs) {
        if focused {
            BallotFormView.drawText(editor, into: &grid, x: x, y: y, width: width, glyphs: glyphs)
        } else {
            grid.put("  ", x: x, y: y, style: .normal)
            grid.putClipped(editor.text, x: x + 2, y: y, style: .normal, width: width - 2, ellipsis: glyphs.ellipsis)
        }
    }
}
