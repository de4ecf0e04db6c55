import PlenaryEngine

/// Chooses a slot to jump to.
enum JumpPicker {
    static func draw(_ state: WorkshopState, _ schedule: LiveSchedule, selection: Int,
                     into grid: inout CellGrid, glyphs: Glyphs) {
        let slots = state.session.agenda
        let height = min(slots.count + 4, grid.height - 2)
        let frame = DialogBox.frame(into: &grid, width: min(70, grid.width - 4), height: height,
                                    title: "Jump to slot", glyphs: glyphs)
        let visible = frame.height - 4
        let offset = min(max(0, selection - visible / 2), max(0, slots.count - visible))
        for row in 0..<min(visible, slots.count) {
            let index = offset + row
            let time = state.calendar.clockTime(schedule.slots[index].projectedStart)
            let number = String(index + 1)
            let line = String(repeating: " ", count: max(0, 3 - number.count)) + "\(number)  \(time)  \(slots[index].displayTitle(glyphs))"
            let y = frame.innerY + 1 + row
            let style: StyleRole = index == selection ? .selected : (index == state.currentIndex ? .current : .normal)
            if style != .normal { grid.fill(style: style, x: frame.innerX - 1, y: y, width: frame.innerWidth + 2) }
            grid.put(line.padded(toWidth: frame.innerWidth, ellipsis: glyphs.ellipsis), x: frame.innerX, y: y, style: style)
        }
        grid.putClipped(glyphs.keyLabel("↑ ↓ choose   Enter jump   Esc cancel"), x: frame.innerX, y: frame.y + frame.height - 2, style: .key,
                 width: frame.innerWidth, ellipsis: glyphs.ellipsis)
    }
}
