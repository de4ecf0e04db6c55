import PlenaryEngine

/// The agenda column: one line per slot with its (projected) start, the current slot highlighted, past slots dimmed.
enum AgendaPanel {
    /// The width that shows every slot's line whole (marker, time, title) and a column to spare: wide terminals
    /// give the agenda what it needs instead of cutting titles at a fixed width.
    static func wholeWidth(_ state: WorkshopState, glyphs: Glyphs) -> Int {
        let widest = state.session.agenda.map { slot in
            " \(glyphs.currentMarker) 00:00 \(slot.displayTitle(glyphs))".terminalWidth
        }.max() ?? 0
        return widest + 1
    }

    /// - Parameter titled: false in a box that has its own title: the slots start at `y`.
    static func draw(_ state: WorkshopState, _ schedule: LiveSchedule, into grid: inout CellGrid,
                     x: Int, y: Int, width: Int, height: Int, glyphs: Glyphs, titled: Bool = true) {
        if titled {
            grid.put(" AGENDA", x: x, y: y, style: .title)
            // The running agenda is not the file's: say so where the agenda is read (issue 15).
            let changes = state.planChanges.inEffect
            if changes > 0 {
                grid.putClipped("plan changed: \(CountedNoun.phrase(changes, "edit"))", x: x + 9, y: y, style: .warning,
                                width: max(0, width - 9), ellipsis: glyphs.ellipsis)
            }
        }
        let top = titled ? y + 1 : y
        let slots = state.session.agenda
        let visible = max(1, titled ? height - 1 : height)
        let current = state.hasEnded ? slots.count - 1 : state.currentIndex
        var offset = 0
        if slots.count > visible {
            offset = min(max(0, current - visible / 3), slots.count - visible)
        }
        for row in 0..<min(visible, slots.count - offset) {
            let index = offset + row
            let lineY = top + row
            let isLastRow = row == visible - 1
            if isLastRow && index < slots.count - 1 {
                grid.putClipped("   \(glyphs.ellipsis) \(slots.count - index) more", x: x, y: lineY, style: .dim, width: width, ellipsis: glyphs.ellipsis)
                break
            }
            if row == 0 && offset > 0 {
                grid.putClipped("   \(glyphs.ellipsis) \(offset) earlier", x: x, y: lineY, style: .dim, width: width, ellipsis: glyphs.ellipsis)
                continue
            }
            let timing = schedule.slots[index]
            let slot = slots[index]
            let marker: String
            var style: StyleRole
            switch timing.status {
            case .current:
                marker = glyphs.currentMarker
                style = .current
            case .done:
                marker = glyphs.doneMarker
                style = .dim
            case .skipped:
                marker = glyphs.skippedMarker
                style = .dim
            case .upcoming:
                marker = " "
                style = .normal
            }
            let time = state.calendar.clockTime(timing.projectedStart)
            let line = " \(marker) \(time) \(slot.displayTitle(glyphs))"
            if style == .current {
                grid.fill(style: .current, x: x, y: lineY, width: width)
            }
            grid.put(line.truncated(toWidth: width, ellipsis: glyphs.ellipsis), x: x, y: lineY, style: style)
            // An upcoming slot that will start later than planned shows its time in the warning colour.
            if timing.status == .upcoming, timing.projectedStart.seconds(since: timing.plannedStart) >= 60 {
                grid.paint(.warning, x: x + 3, y: lineY, width: 5)
            }
        }
    }
}
