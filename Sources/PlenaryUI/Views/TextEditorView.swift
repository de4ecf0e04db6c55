import PlenaryEngine

/// Draws a `TextEditor` as a soft-wrapped text box, and moves its cursor by what the box shows.
///
/// Wrapping (not `String.wrapped(toWidth:)`, which collapses spaces: an editor must show every
/// character it holds, or the cursor would sit on something invisible):
/// - Each logical line wraps on its own, measured in terminal columns (`String.terminalWidth` of
///   each character, exactly what `CellGrid.put` writes), after the last space that fits; a word
///   longer than a row is broken between characters, so a wide character never straddles rows.
/// - The rightmost column is kept for the cursor: text fills at most `width - 1` columns, and the
///   last column can only hold a space at which the row breaks or the cursor at the line's end.
///   So every cursor position has a cell of its own, a row does not start with the space it broke
///   at, and a line that just fills a row needs no extra row for its end. (A character alone on its
///   row may use the whole width, so a two-column character still shows in a two-column box.)
/// - A character wider than the whole box shows as `TerminalText.tooWide`.
public enum TextEditorView {
    /// Draws `editor` into the rectangle, which it clears first, and nothing outside it.
    /// `scroll` is the first visual row shown in the previous frame; returns the one to keep for the
    /// next, moved just enough to show the cursor's row (also when not focused, so the box shows
    /// where editing happens) and never past the end of the text. When focused, the cursor is a
    /// `.selected` cell (a selected space at a line's end).
    @discardableResult
    public static func draw(_ editor: TextEditor, into grid: inout CellGrid, x: Int, y: Int, width: Int, height: Int,
                            focused: Bool, scroll: Int, glyphs: Glyphs = .unicode) -> Int {
        guard width > 0, height > 0 else { return max(0, scroll) }
        let layout = Layout(editor, width: width)
        let cursor = layout.location(of: editor.cursor)
        var top = min(max(0, scroll), max(0, layout.rows.count - height))
        if cursor.row < top { top = cursor.row }
        if cursor.row >= top + height { top = cursor.row - height + 1 }

        grid.fill(x: x, y: y, width: width, height: height)
        for screenRow in 0..<min(height, layout.rows.count - top) {
            let row = layout.rows[top + screenRow]
            let characters = editor.lines[row.line]
            var column = x
            for item in row.items where item < characters.count {
                let text = layout.isTooWide(line: row.line, item: item) ? glyphs.tooWide : String(characters[item])
                grid.put(text, x: column, y: y + screenRow, maxWidth: x + width - column)
                column += layout.widths[row.line][item]
            }
        }
        if focused, cursor.row >= top, cursor.row < top + height {
            let cells = max(1, layout.widths[editor.cursor.line][editor.cursor.column])
            grid.paint(.selected, x: x + cursor.column, y: y + cursor.row - top, width: cells)
        }
        return top
    }

    /// `editor` with its cursor `rows` rows up or down (a page for PgUp/PgDn) as drawn in a box
    /// `width` columns wide, stopping at the first or last row, at the same display column as far as
    /// that row allows (on a wide character covering that column, the cursor goes before it).
    /// Consecutive moves keep aiming for the column they started from
    /// (`TextEditor.preferredDisplayColumn`), across shorter rows. Returns `editor` unchanged on the
    /// first row going up or the last going down, so a form can move to the neighbouring field.
    /// With no width to wrap at, moves by logical line.
    public static func visualMove(_ editor: TextEditor, up: Bool, width: Int, rows: Int = 1) -> TextEditor {
        var result = editor
        guard width > 0 else {
            for _ in 0..<max(1, rows) { result.apply(up ? .up : .down) }
            return result
        }
        let layout = Layout(editor, width: width)
        let here = layout.location(of: editor.cursor)
        let target = min(max(0, here.row + (up ? -1 : 1) * max(1, rows)), layout.rows.count - 1)
        guard target != here.row else { return editor }
        let goal = editor.preferredDisplayColumn ?? here.column
        result.moveCursor(to: layout.position(inRow: target, atColumn: goal), preferredDisplayColumn: goal)
        return result
    }

    /// Visual rows the text takes in a box `width` columns wide (at least 1), for sizing a box to its text.
    public static func rowCount(_ editor: TextEditor, width: Int) -> Int {
        width > 0 ? Layout(editor, width: width).rows.count : editor.lines.count
    }

    /// Where every character goes: the text cut into visual rows.
    /// An "item" is a character index in its line, or the line's length for the end-of-line slot
    /// where the cursor stands after the last character.
    private struct Layout {
        struct Row {
            let line: Int
            /// Items shown on this row; the last row of a line includes the end-of-line slot.
            let items: Range<Int>
        }

        let boxWidth: Int
        /// Columns each item takes on screen (the end-of-line slot: 1, too-wide characters: 1).
        let widths: [[Int]]
        private(set) var rows: [Row] = []
        /// Index in `rows` of each line's first row.
        private(set) var firstRow: [Int] = []
        private let tooWide: [Set<Int>]

        init(_ editor: TextEditor, width: Int) {
            boxWidth = width
            var widths: [[Int]] = []
            var tooWide: [Set<Int>] = []
            for characters in editor.lines {
                var lineWidths = characters.map { String($0).terminalWidth }
                var wide = Set<Int>()
                for (index, columns) in lineWidths.enumerated() where columns > width {
                    lineWidths[index] = 1
                    wide.insert(index)
                }
                widths.append(lineWidths + [1])
                tooWide.append(wide)
            }
            self.widths = widths
            self.tooWide = tooWide
            for (line, characters) in editor.lines.enumerated() {
                firstRow.append(rows.count)
                wrap(line: line, characters)
            }
        }

        func isTooWide(line: Int, item: Int) -> Bool { tooWide[line].contains(item) }

        /// Greedy: fills each row, going back to the last space when a character does not fit.
        private mutating func wrap(line: Int, _ characters: [Character]) {
            let itemWidths = widths[line]
            var rowStart = 0
            var used = 0
            var afterLastSpace: Int?
            var item = 0
            while item <= characters.count {
                let columns = itemWidths[item]
                let hangs = item == characters.count || characters[item] == " "
                // Only a breaking space or the end-of-line slot may take the last column.
                let fits = used == 0 || used + columns <= (hangs ? boxWidth : boxWidth - 1)
                if !fits {
                    let cut = hangs ? item : (afterLastSpace ?? item)
                    rows.append(Row(line: line, items: rowStart..<cut))
                    rowStart = cut
                    used = 0
                    afterLastSpace = nil
                    item = cut
                    continue
                }
                used += columns
                if item < characters.count && characters[item] == " " { afterLastSpace = item + 1 }
                item += 1
            }
            rows.append(Row(line: line, items: rowStart..<(characters.count + 1)))
        }

        /// The visual row of `position` and its column from the row's left edge.
        func location(of position: TextEditor.Position) -> (row: Int, column: Int) {
            var index = firstRow[position.line]
            while !rows[index].items.contains(position.column) { index += 1 }
            let row = rows[index]
            let column = widths[position.line][row.items.lowerBound..<position.column].reduce(0, +)
            return (index, column)
        }

        /// The position in row `index` whose cell covers display column `goal`, or the row's last.
        func position(inRow index: Int, atColumn goal: Int) -> TextEditor.Position {
            let row = rows[index]
            var column = 0
            for item in row.items {
                column += widths[row.line][item]
                if column > goal { return TextEditor.Position(line: row.line, column: item) }
            }
            return TextEditor.Position(line: row.line, column: row.items.upperBound - 1)
        }
    }
}
