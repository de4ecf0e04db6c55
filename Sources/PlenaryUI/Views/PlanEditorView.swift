import PlenaryEngine

/// The plan editor: the running agenda with each slot's projected start, planned minutes and whether it is fixed,
/// the selected slot highlighted with its speakers under the list, and the question for a title, minutes or a
/// speaker when one is asked.
enum PlanEditorView {
    static func draw(_ state: WorkshopState, _ schedule: LiveSchedule, selection: Int, prompt: PlanPrompt?,
                     into grid: inout CellGrid, glyphs: Glyphs) {
        let slots = state.session.agenda
        let promptRows = prompt == nil ? 0 : 3
        let height = min(slots.count + 6 + promptRows, grid.height - 2)
        let changes = state.planChanges.inEffect
        let title = changes == 0 ? "Change the plan" : "Change the plan (\(CountedNoun.phrase(changes, "change")) in effect)"
        let frame = DialogBox.frame(into: &grid, width: min(72, grid.width - 4), height: height, title: title, glyphs: glyphs)
        let visible = max(1, frame.height - 6 - promptRows)
        let offset = min(max(0, selection - visible / 2), max(0, slots.count - visible))
        for row in 0..<min(visible, slots.count) {
            let index = offset + row
            let timing = schedule.slots[index]
            let marker = switch timing.status {
            case .current: glyphs.currentMarker
            case .done: glyphs.doneMarker
            case .skipped: glyphs.skippedMarker
            case .upcoming: " "
            }
            let time = state.calendar.clockTime(timing.projectedStart)
            let minutes = String(state.plan.entries[index].durationMinutes)
            let length = String(repeating: " ", count: max(0, 3 - minutes.count)) + minutes + " min"
            let fixed = slots[index].fixed ? " fixed" : "      "
            let line = " \(marker) \(time) \(length)\(fixed)  \(slots[index].displayTitle(glyphs))"
            let y = frame.innerY + 1 + row
            let style: StyleRole = index == selection ? .selected
                : (timing.status == .current ? .current : (timing.status == .upcoming ? .normal : .dim))
            if index == selection || timing.status == .current {
                grid.fill(style: style, x: frame.innerX - 1, y: y, width: frame.innerWidth + 2)
            }
            grid.put(line.padded(toWidth: frame.innerWidth, ellipsis: glyphs.ellipsis), x: frame.innerX, y: y, style: style)
        }
        if slots.indices.contains(selection) {
            let speakers = slots[selection].speakers.map { person in
                let details = [person.role, person.affiliation].compactMap { $0 }.joined(separator: ", ")
                return person.name + (details.isEmpty ? "" : " (\(details))") + (person.tbc ? " TBC" : "")
            }
            let line = speakers.isEmpty ? "Speakers: none (s adds one)" : "Speakers: " + speakers.joined(separator: "; ")
            grid.putClipped(line, x: frame.innerX, y: frame.innerY + 1 + visible, style: .dim,
                            width: frame.innerWidth, ellipsis: glyphs.ellipsis)
        }
        let dayEnds = "Day ends \(state.calendar.clockTime(schedule.projectedEnd)) (planned \(state.calendar.clockTime(schedule.plannedEnd)))"
        grid.putClipped(dayEnds, x: frame.innerX, y: frame.innerY + 2 + visible, style: .dim, width: frame.innerWidth, ellipsis: glyphs.ellipsis)
        let bottom = frame.y + frame.height - 2
        if let prompt {
            grid.putClipped(prompt.question + ":", x: frame.innerX, y: bottom - 2, style: .title, width: frame.innerWidth,
                            ellipsis: glyphs.ellipsis)
            BallotFormView.drawText(prompt.editor, into: &grid, x: frame.innerX, y: bottom - 1, width: frame.innerWidth, glyphs: glyphs)
            grid.putClipped(glyphs.keyLabel("Enter ok   Esc cancel"), x: frame.innerX, y: bottom, style: .key,
                            width: frame.innerWidth, ellipsis: glyphs.ellipsis)
        } else {
            grid.putClipped(glyphs.keyLabel("i insert  x drop  [ ] move  t title  m min  s speaker  f fix  u undo"),
                            x: frame.innerX, y: bottom, style: .key, width: frame.innerWidth, ellipsis: glyphs.ellipsis)
        }
    }
}
