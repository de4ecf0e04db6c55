import PlenaryEngine

/// The ballot form for every question type. Shared by the moderator's "enter a ballot" and the voter screen.
public enum BallotFormView {
    public static func draw(_ draft: BallotDraft, poll: PollDefinition, title: String, into grid: inout CellGrid,
                            x: Int, y: Int, width: Int, height: Int, glyphs: Glyphs) {
        guard width > 0, height > 0 else { return }
        var row = y
        let bottom = y + height
        let kind = poll.stacksDots
            ? "Dot vote: \(CountedNoun.phrase(poll.maxPicks ?? 0, "dot")), up to \(poll.maxPerOption ?? 1) on one item" : poll.type.label
        grid.putClipped("\(title.uppercased()) \(glyphs.middleDot) \(kind)", x: x, y: row, style: .dim,
                        width: width, ellipsis: glyphs.ellipsis)
        row += 1
        for line in poll.question.wrapped(toWidth: width).prefix(4) where row < bottom {
            grid.put(line, x: x, y: row, style: .title, maxWidth: width)
            row += 1
        }
        row += 1
        let hintRow = bottom - 1
        let hint: String
        switch poll.type {
        case .single:
            row = drawChoices(draft, poll: poll, marks: ("(\(glyphs.chosenMark))", "( )"), into: &grid, x: x, y: row, width: width, bottom: hintRow, glyphs: glyphs)
            hint = "↑ ↓ move   Space or a number chooses   Enter records"
        case .multiple where poll.stacksDots:
            row = drawDots(draft, poll: poll, into: &grid, x: x, y: row, width: width, bottom: hintRow, glyphs: glyphs)
            let left = draft.dotsLeft(poll).map { "\(CountedNoun.phrase($0, "dot")) left   " } ?? ""
            hint = left + "↑ ↓ move   Space → add a dot   ← take one off   Enter records"
        case .multiple:
            row = drawChoices(draft, poll: poll, marks: ("[x]", "[ ]"), into: &grid, x: x, y: row, width: width, bottom: hintRow, glyphs: glyphs)
            hint = "↑ ↓ move   Space or a number ticks" + (poll.maxPicks.map { " (up to \($0))" } ?? "") + "   Enter records"
        case .scale:
            drawScale(draft, poll: poll, into: &grid, x: x, y: row, width: width, glyphs: glyphs)
            hint = "← → or a number chooses   Enter records"
        case .open:
            drawText(draft.text, into: &grid, x: x, y: row, width: width, glyphs: glyphs)
            hint = "Type the answer   Enter records"
        case .ranking:
            drawRanking(draft, poll: poll, into: &grid, x: x, y: row, width: width, bottom: hintRow, glyphs: glyphs)
            hint = draft.grabbed ? "↑ ↓ move the item   Space puts it down" : "↑ ↓ choose   Space picks up an item to move   Enter records"
        case .allocation:
            drawAllocation(draft, poll: poll, into: &grid, x: x, y: row, width: width, bottom: hintRow, glyphs: glyphs)
            hint = "↑ ↓ choose   ← → 5 points   digits type   Enter records"
        }
        if let refusal = draft.refusal, hintRow > row {
            grid.putClipped(glyphs.text(refusal), x: x, y: hintRow - 1, style: .warning, width: width, ellipsis: glyphs.ellipsis)
        }
        if hintRow > row || poll.type == .scale || poll.type == .open {
            grid.putClipped(glyphs.keyLabel(hint), x: x, y: hintRow, style: .key, width: width, ellipsis: glyphs.ellipsis)
        }
    }

    private static func drawChoices(_ draft: BallotDraft, poll: PollDefinition, marks: (String, String), into grid: inout CellGrid,
                                    x: Int, y: Int, width: Int, bottom: Int, glyphs: Glyphs) -> Int {
        var row = y
        let offset = max(0, draft.cursor - (bottom - y) + 1)
        for index in poll.options.indices.dropFirst(offset) where row < bottom {
            let selected = index == draft.cursor
            let mark = draft.chosen.contains(index) ? marks.0 : marks.1
            let number = String(index + 1)
            let line = " \(number.count < 2 ? " " : "")\(number)  \(mark) \(poll.options[index])"
            if selected { grid.fill(style: .selected, x: x, y: row, width: width) }
            grid.putClipped(line, x: x, y: row, style: selected ? .selected : .normal, width: width, ellipsis: glyphs.ellipsis)
            row += 1
        }
        return row
    }

    /// A dot vote: each item's stack as on paper, one mark per dot placed and a blank per dot it may still take
    /// ("[•• ]" with a limit of three), so the voter sees how many are left on it.
    private static func drawDots(_ draft: BallotDraft, poll: PollDefinition, into grid: inout CellGrid,
                                 x: Int, y: Int, width: Int, bottom: Int, glyphs: Glyphs) -> Int {
        var row = y
        let limit = poll.maxPerOption ?? 1
        let offset = max(0, draft.cursor - (bottom - y) + 1)
        for index in poll.options.indices.dropFirst(offset) where row < bottom {
            let selected = index == draft.cursor
            let placed = draft.dots.indices.contains(index) ? min(limit, draft.dots[index]) : 0
            let stack = "[" + String(repeating: glyphs.chosenMark, count: placed) + String(repeating: " ", count: limit - placed) + "]"
            let number = String(index + 1)
            let line = " \(number.count < 2 ? " " : "")\(number)  \(stack) \(poll.options[index])"
            if selected { grid.fill(style: .selected, x: x, y: row, width: width) }
            grid.putClipped(line, x: x, y: row, style: selected ? .selected : .normal, width: width, ellipsis: glyphs.ellipsis)
            row += 1
        }
        return row
    }

    private static func drawScale(_ draft: BallotDraft, poll: PollDefinition, into grid: inout CellGrid,
                                  x: Int, y: Int, width: Int, glyphs: Glyphs) {
        let scale = poll.scale ?? RatingScale(min: 1, max: 5)
        var column = x
        if let low = scale.minLabel {
            column += grid.putClipped(low + "  ", x: column, y: y, style: .dim, width: width / 3, ellipsis: glyphs.ellipsis)
        }
        for value in scale.min...scale.max {
            let chosen = draft.scaleValue == value
            let text = chosen ? "[\(value)]" : " \(value) "
            guard column + text.count < x + width else { break }
            column += grid.put(text, x: column, y: y, style: chosen ? .selected : .normal)
            column += 1
        }
        if let high = scale.maxLabel {
            grid.putClipped(" " + high, x: column, y: y, style: .dim, width: x + width - column, ellipsis: glyphs.ellipsis)
        }
        let chosenText = draft.scaleValue.map { "Your answer: \($0)" } ?? "No value chosen yet"
        grid.putClipped(chosenText, x: x, y: y + 2, style: draft.scaleValue == nil ? .dim : .ok, width: width, ellipsis: glyphs.ellipsis)
    }

    /// One line of text with the cursor shown as a reverse cell; scrolls sideways to keep the cursor visible.
    static func drawText(_ editor: LineEditor, into grid: inout CellGrid, x: Int, y: Int, width: Int, glyphs: Glyphs) {
        grid.put("> ", x: x, y: y, style: .key)
        drawEditorLine(editor, into: &grid, x: x + 2, y: y, width: width - 2)
        if let limit = editor.limit {
            var count = "\(editor.characters.count)/\(limit) characters"
            if editor.refusedCount > 0 {
                count += " \(glyphs.middleDot) not added: \(editor.refusedCount) more would not fit"
            } else if editor.room == 0 {
                count += " \(glyphs.middleDot) full"
            }
            let full = editor.refusedCount > 0 || editor.room == 0
            grid.putClipped(count, x: x + 2, y: y + 1, style: full ? .warning : .dim, width: width - 2, ellipsis: glyphs.ellipsis)
        }
    }

    /// The text of `editor` within `width` columns, the cursor as a reverse cell.
    static func drawEditorLine(_ editor: LineEditor, into grid: inout CellGrid, x: Int, y: Int, width: Int) {
        let boxWidth = max(1, width)
        let characters = editor.characters
        // Scroll so the cursor stays within the box.
        var start = 0
        var widthBeforeCursor = characters[0..<editor.cursor].reduce(0) { $0 + $1.terminalWidth }
        while widthBeforeCursor >= boxWidth - 1, start < editor.cursor {
            widthBeforeCursor -= characters[start].terminalWidth
            start += 1
        }
        var column = x
        for index in start..<characters.count {
            let w = characters[index].terminalWidth
            if column + w > x + width { break }
            column += grid.put(String(characters[index]), x: column, y: y, style: index == editor.cursor ? .selected : .normal)
        }
        if editor.cursor == characters.count, column < x + width {
            grid.put(" ", x: column, y: y, style: .selected)
        }
    }

    private static func drawRanking(_ draft: BallotDraft, poll: PollDefinition, into grid: inout CellGrid,
                                     x: Int, y: Int, width: Int, bottom: Int, glyphs: Glyphs) {
        var row = y
        let offset = max(0, draft.cursor - (bottom - y) + 1)
        for (position, option) in draft.order.enumerated().dropFirst(offset) where row < bottom {
            let selected = position == draft.cursor
            let grab = selected && draft.grabbed ? "=>" : "  "
            let number = String(position + 1)
            let line = "\(grab)\(number.count < 2 ? " " : "")\(number). \(poll.options[option])"
            if selected { grid.fill(style: .selected, x: x, y: row, width: width) }
            grid.putClipped(line, x: x, y: row, style: selected ? .selected : .normal, width: width, ellipsis: glyphs.ellipsis)
            row += 1
        }
    }

    private static func drawAllocation(_ draft: BallotDraft, poll: PollDefinition, into grid: inout CellGrid,
                                       x: Int, y: Int, width: Int, bottom: Int, glyphs: Glyphs) {
        var row = y
        let total = poll.points ?? 100
        let offset = max(0, draft.cursor - (bottom - y - 1) + 1)
        for index in poll.options.indices.dropFirst(offset) where row < bottom - 1 {
            let selected = index == draft.cursor
            let value = String(draft.points[index])
            if selected { grid.fill(style: .selected, x: x, y: row, width: width) }
            grid.putClipped(" " + poll.options[index], x: x, y: row, style: selected ? .selected : .normal,
                            width: width - 8, ellipsis: glyphs.ellipsis)
            grid.put(value.padded(toWidth: 4).reversedPadding, x: x + width - 6, y: row, style: selected ? .selected : .title)
            row += 1
        }
        let remaining = draft.remaining(poll)
        let summary = remaining == 0
            ? "Total \(total) of \(total): ready"
            : "Total \(total - remaining) of \(total): \(remaining > 0 ? "\(remaining) left" : "\(-remaining) too many")"
        grid.putClipped(summary, x: x, y: row, style: remaining == 0 ? .ok : .warning, width: width, ellipsis: glyphs.ellipsis)
    }
}

private extension String {
    /// "35  " → "  35": right-aligns a padded number.
    var reversedPadding: String {
        let trimmed = self.trimmingTrailingSpaces
        return String(repeating: " ", count: count - trimmed.count) + trimmed
    }

    var trimmingTrailingSpaces: String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
