import PlenaryEngine

/// The main panel: what is on now, a big timer, notes and what comes next.
enum SlotPanel {
    static func draw(_ state: WorkshopState, _ schedule: LiveSchedule, into grid: inout CellGrid,
                     x: Int, y: Int, width: Int, height: Int, glyphs: Glyphs) {
        let slots = state.session.agenda
        let index = state.currentIndex
        let slot = slots[index]
        let timing = schedule.slots[index]
        let calendar = state.calendar
        var row = y
        let bottom = y + height

        // Kind, track and position.
        var kind = state.hasEnded ? "ENDED" : (state.hasStarted ? "NOW" : "FIRST UP")
        kind += " \(glyphs.middleDot) \(slot.kind.label)"
        if let track = slot.track { kind += " \(glyphs.middleDot) \(track)" }
        let position = "slot \(index + 1)/\(slots.count)"
        grid.put(kind.truncated(toWidth: width - position.count - 1, ellipsis: glyphs.ellipsis), x: x, y: row, style: .dim)
        grid.put(position, x: x + width - position.count, y: row, style: .dim)
        row += 1

        // What fits: the timer and its label, "Next" and the day's end always keep their rows. When the panel is
        // short (the 60×16 minimum), the gap under "Planned" goes first, then the speakers' and the title's second
        // lines, then the slot's poll lines, then "Planned" itself.
        let titleText = (slot.tbc ? "TBC \(glyphs.middleDot) " : "") + slot.title
        let speakerText = slot.speakers.map { person in
            var text = person.name
            if let affiliation = person.affiliation { text += ", \(affiliation)" }
            return person.tbc ? text + " (TBC)" : text
        }.concatenated(separator: "; ")
        var titleLines = titleText.wrapped(toWidth: width, maxLines: 2, ellipsis: glyphs.ellipsis)
        var speakerLines = speakerText.isEmpty ? [] : speakerText.wrapped(toWidth: width, maxLines: 2, ellipsis: glyphs.ellipsis)
        let slotPolls = slot.polls.compactMap { state.poll($0) }
        var pollRows = min(slotPolls.count, 2)
        var showsPlanned = true
        var gapRows = 1
        let timerRows = 2
        while 1 + titleLines.count + speakerLines.count + (showsPlanned ? 1 : 0) + gapRows + timerRows + 2 + pollRows > height {
            if gapRows > 0 {
                gapRows = 0
            } else if speakerLines.count > 1 {
                speakerLines = speakerText.wrapped(toWidth: width, maxLines: 1, ellipsis: glyphs.ellipsis)
            } else if titleLines.count > 1 {
                titleLines = titleText.wrapped(toWidth: width, maxLines: 1, ellipsis: glyphs.ellipsis)
            } else if pollRows > 0 {
                pollRows -= 1
            } else if showsPlanned {
                showsPlanned = false
            } else {
                break
            }
        }

        for line in titleLines {
            grid.putClipped(line, x: x, y: row, style: .title, width: width, ellipsis: glyphs.ellipsis)
            row += 1
        }
        for line in speakerLines {
            grid.putClipped(line, x: x, y: row, width: width, ellipsis: glyphs.ellipsis)
            row += 1
        }
        var planned = "Planned \(calendar.clockTime(timing.plannedStart))\(glyphs.rangeDash)\(calendar.clockTime(timing.plannedEnd))"
        planned += " (\(TimeText.minutes(timing.plannedEnd.seconds(since: timing.plannedStart))))"
        if slot.fixed { planned += " \(glyphs.middleDot) fixed" }
        if let start = state.progress[index].actualStart {
            planned += " \(glyphs.middleDot) started \(calendar.clockTime(start))"
        }
        if showsPlanned {
            grid.putClipped(planned, x: x, y: row, style: .dim, width: width, ellipsis: glyphs.ellipsis)
            row += 1
        }
        row += gapRows

        // Reserve the bottom lines for "next up", the day's end and the slot's polls.
        let footerRows = 2 + pollRows
        row = drawTimer(state, schedule, into: &grid, x: x, y: row, width: width,
                        room: bottom - footerRows - row, glyphs: glyphs)

        if let notes = slot.notes, bottom - footerRows - row >= 2 {
            grid.put("Notes", x: x, y: row, style: .dim)
            row += 1
            let room = bottom - footerRows - row
            for line in notes.withoutBlankLinesAtEnds.wrapped(toWidth: width, maxLines: room, ellipsis: glyphs.ellipsis) {
                grid.put(line, x: x, y: row, maxWidth: width)
                row += 1
            }
        }

        for (offset, poll) in slotPolls.prefix(pollRows).enumerated() {
            let pollY = bottom - footerRows + offset
            let (status, style) = PollScreen.status(poll)
            let label = offset == 0 ? "Poll" : ""
            grid.put(label, x: x, y: pollY, style: .dim)
            let used = grid.put(status, x: x + 6, y: pollY, style: style)
            grid.putClipped("  \(poll.definition.question)", x: x + 6 + used, y: pollY,
                            width: width - 6 - used - 4, ellipsis: glyphs.ellipsis)
            if offset == 0 { grid.put("(P)", x: x + width - 3, y: pollY, style: .key) }
        }
        let nextY = bottom - 2
        if !state.hasEnded, index + 1 < slots.count {
            let next = schedule.slots[index + 1]
            grid.put("Next", x: x, y: nextY, style: .dim)
            let time = calendar.clockTime(next.projectedStart)
            grid.put("\(time)  \(slots[index + 1].displayTitle(glyphs))".truncated(toWidth: width - 6, ellipsis: glyphs.ellipsis), x: x + 6, y: nextY)
        } else if !state.hasEnded {
            grid.put("Last slot of the day", x: x, y: nextY, style: .dim)
        }
        let endText: String
        if case .ended(let at) = state.phase {
            endText = "Ended \(calendar.clockTime(at)), planned \(calendar.clockTime(schedule.plannedEnd)) (\(TimeText.delay(schedule.delaySeconds)))"
        } else {
            let lateness = schedule.projectedEnd.seconds(since: schedule.plannedEnd)
            endText = "Day ends \(calendar.clockTime(schedule.projectedEnd)), planned \(calendar.clockTime(schedule.plannedEnd)) (\(TimeText.delay(lateness)))"
        }
        grid.putClipped(endText, x: x, y: nextY + 1, style: .dim, width: width, ellipsis: glyphs.ellipsis)
    }

    /// Draws the countdown; returns the row after it.
    private static func drawTimer(_ state: WorkshopState, _ schedule: LiveSchedule, into grid: inout CellGrid,
                                  x: Int, y: Int, width: Int, room: Int, glyphs: Glyphs) -> Int {
        let target = schedule.slots[state.currentIndex].targetSeconds
        let remaining = schedule.remainingSeconds
        let big: String
        let label: String
        var style: StyleRole = .timer
        var labelStyle: StyleRole = .dim
        if state.hasEnded {
            big = ""
            label = "The workshop has ended. q quits; --fresh starts over."
        } else if !state.hasStarted {
            big = TimeText.clock(target)
            label = "Press Space to start the workshop"
            labelStyle = .key
        } else {
            big = TimeText.clock(remaining)
            if remaining < 0 {
                style = .alert
                label = "over time by \(TimeText.clock(-remaining)) \(glyphs.middleDot) elapsed \(TimeText.clock(schedule.elapsedSeconds))"
                labelStyle = .alert
            } else {
                if remaining <= min(120, target / 4) { style = .warning }
                label = "left of \(TimeText.clock(target)) \(glyphs.middleDot) \(TimeText.clock(schedule.elapsedSeconds)) elapsed"
            }
        }
        var row = y
        if !big.isEmpty, room >= BigDigits.height + 2, BigDigits.width(big) <= width {
            BigDigits.draw(big, into: &grid, x: x + 1, y: row, block: glyphs.block, style: style)
            row += BigDigits.height + 1
        } else if !big.isEmpty, room >= 2 {
            grid.put(big, x: x, y: row, style: style)
            row += 1
        } else if !big.isEmpty {
            // One row left: the clock and its label share it rather than run into "Next".
            let used = grid.put(big, x: x, y: row, style: style) + 2
            let text = state.isPaused ? "\(glyphs.paused) PAUSED" : label
            grid.putClipped(text, x: x + used, y: row, style: state.isPaused ? .warning : labelStyle, width: width - used,
                            ellipsis: glyphs.ellipsis)
            return row + 1
        }
        if state.isPaused {
            grid.putClipped("\(glyphs.paused) PAUSED \(glyphs.middleDot) Space to resume", x: x, y: row, style: .warning, width: width, ellipsis: glyphs.ellipsis)
        } else {
            grid.putClipped(label, x: x, y: row, style: labelStyle, width: width, ellipsis: glyphs.ellipsis)
        }
        return row + 1
    }
}
