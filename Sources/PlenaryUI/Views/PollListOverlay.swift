import PlenaryEngine

/// Every poll of the session, the current slot's first, with its state and ballot count.
enum PollListOverlay {
    static func draw(_ state: WorkshopState, selection: Int, into grid: inout CellGrid, glyphs: Glyphs) {
        let polls = state.pollsForList
        let here = Set(state.currentSlot.polls)
        let frame = DialogBox.frame(into: &grid, width: min(90, grid.width - 4), height: min(polls.count + 4, grid.height - 2),
                                    title: "Polls", glyphs: glyphs)
        let visible = max(1, frame.height - 4)
        let offset = min(max(0, selection - visible / 2), max(0, polls.count - visible))
        for row in 0..<min(visible, polls.count - offset) {
            let index = offset + row
            let poll = polls[index]
            let (status, statusStyle) = PollScreen.status(poll)
            let y = frame.innerY + 1 + row
            let selected = index == selection
            if selected { grid.fill(style: .selected, x: frame.innerX - 1, y: y, width: frame.innerWidth + 2) }
            var x = frame.innerX
            // Only the words carry their role: in colour a role such as `ok` is a band, and blanks in it would
            // stand out as blocks down the list.
            if here.contains(poll.id) {
                grid.put(glyphs.currentMarker, x: x, y: y, style: selected ? .selected : .title)
            }
            x += 2
            grid.put(status.truncated(toWidth: 12, ellipsis: glyphs.ellipsis), x: x, y: y, style: selected ? .selected : statusStyle)
            x += 13
            let count = String(poll.ballotCount).padded(toWidth: 4)
            x += grid.put(count, x: x, y: y, style: selected ? .selected : .dim)
            grid.putClipped(poll.definition.question, x: x, y: y, style: selected ? .selected : .normal,
                            width: frame.innerX + frame.innerWidth - x, ellipsis: glyphs.ellipsis)
        }
        grid.putClipped(glyphs.keyLabel("\(glyphs.currentMarker) this slot   ↑ ↓ choose   Enter show   Esc back"),
                        x: frame.innerX, y: frame.y + frame.height - 2, style: .key, width: frame.innerWidth, ellipsis: glyphs.ellipsis)
    }
}
