import PlenaryEngine

/// Counts from a show of hands, one number per option, typed by the moderator.
enum HandCountView {
    static func draw(_ draft: HandCountDraft, poll: PollDefinition, into grid: inout CellGrid,
                     x: Int, y: Int, width: Int, height: Int, glyphs: Glyphs) {
        guard width > 8, height > 0 else { return }
        var row = y
        grid.putClipped("SHOW OF HANDS \(glyphs.middleDot) count the hands for each option", x: x, y: row, style: .dim,
                        width: width, ellipsis: glyphs.ellipsis)
        row += 1
        for line in poll.question.wrapped(toWidth: width).prefix(3) where row < y + height {
            grid.put(line, x: x, y: row, style: .title, maxWidth: width)
            row += 1
        }
        row += 1
        for (index, option) in poll.options.enumerated() where row < y + height - 2 {
            let selected = index == draft.cursor
            if selected { grid.fill(style: .selected, x: x, y: row, width: width) }
            grid.putClipped(" " + option, x: x, y: row, style: selected ? .selected : .normal, width: width - 9, ellipsis: glyphs.ellipsis)
            let count = String(draft.counts[index])
            grid.put(count, x: x + width - 2 - count.count, y: row, style: selected ? .selected : .title)
            row += 1
        }
        grid.putClipped("Total \(draft.counts.reduce(0, +)) hands", x: x, y: row, style: .ok, width: width, ellipsis: glyphs.ellipsis)
        grid.putClipped(glyphs.keyLabel("↑ ↓ choose   type the number   ← → one less / more   Enter records"),
                        x: x, y: y + height - 1, style: .key, width: width, ellipsis: glyphs.ellipsis)
    }
}
