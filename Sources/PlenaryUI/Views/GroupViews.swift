import PlenaryEngine

/// The working-group screens: the list of groups, one group's entries, and the entry form.
enum GroupViews {
    static func drawList(_ state: WorkshopState, selection: Int, into grid: inout CellGrid, glyphs: Glyphs) {
        let frame = DialogBox.frame(into: &grid, width: min(80, grid.width - 4), height: min(state.groups.count + 4, grid.height - 2),
                                    title: "Working groups", glyphs: glyphs)
        for (index, group) in state.groups.enumerated().prefix(max(0, frame.height - 4)) {
            let y = frame.innerY + 1 + index
            let style: StyleRole = index == selection ? .selected : .normal
            if index == selection { grid.fill(style: .selected, x: frame.innerX - 1, y: y, width: frame.innerWidth + 2) }
            let count = "\(group.entries.count) entr\(group.entries.count == 1 ? "y" : "ies")"
            grid.putClipped(group.definition.name, x: frame.innerX, y: y, style: style, width: frame.innerWidth - count.count - 2,
                            ellipsis: glyphs.ellipsis)
            grid.put(count, x: frame.innerX + frame.innerWidth - count.count, y: y, style: index == selection ? .selected : .dim)
        }
        grid.putClipped(glyphs.keyLabel("↑ ↓ choose   Enter open   Esc back"), x: frame.innerX, y: frame.y + frame.height - 2,
                        style: .key, width: frame.innerWidth, ellipsis: glyphs.ellipsis)
    }

    /// A group's entries as a numbered list, with how to add one from each template.
    static func drawGroup(_ state: WorkshopState, _ schedule: LiveSchedule, group: GroupState, selection: Int, into grid: inout CellGrid,
                          x: Int, y: Int, width: Int, height: Int, glyphs: Glyphs) {
        guard width > 10, height > 3 else { return }
        var row = y
        var heading = "WORKING GROUP"
        if let lead = group.definition.lead { heading += " \(glyphs.middleDot) \(lead)" }
        if let facilitator = group.definition.facilitator { heading += " \(glyphs.middleDot) facilitator \(facilitator.name)" }
        let (box, boxStyle) = timeBox(state, schedule, groupID: group.id, glyphs: glyphs)
        let boxWidth = box.terminalWidth
        grid.putClipped(heading, x: x, y: row, style: .dim, width: max(0, width - boxWidth - 2), ellipsis: glyphs.ellipsis)
        if boxWidth + 2 < width { grid.put(box, x: x + width - boxWidth, y: row, style: boxStyle) }
        row += 1
        for line in group.definition.name.wrapped(toWidth: width, maxLines: 2, ellipsis: glyphs.ellipsis) {
            grid.put(line, x: x, y: row, style: .title)
            row += 1
        }
        if !group.definition.members.isEmpty {
            grid.putClipped("Members: " + group.definition.members.joined(separator: ", "), x: x, y: row, style: .dim, width: width,
                            ellipsis: glyphs.ellipsis)
            row += 1
        }
        let templates = group.definition.templates.compactMap { state.template($0) }
        let adds = templates.enumerated().map { "\($0.offset + 1) \($0.element.name)" }.joined(separator: "   ")
        grid.putClipped("Add: " + adds, x: x, y: row, style: .key, width: width, ellipsis: glyphs.ellipsis)
        row += 1
        if state.role == .moderator {
            let marked = state.shortlist.count
            grid.putClipped("s marks (\(marked) marked) \(glyphs.middleDot) then R rank \(glyphs.middleDot) D dots \(glyphs.middleDot) A 100 points",
                            x: x, y: row, style: .dim, width: width, ellipsis: glyphs.ellipsis)
            row += 1
        }
        row += 1
        if group.entries.isEmpty {
            grid.putClipped("No entries yet: press 1 to add the first.", x: x, y: row, style: .dim, width: width, ellipsis: glyphs.ellipsis)
            return
        }
        let visible = max(1, y + height - row)
        let offset = min(max(0, selection - visible / 2), max(0, group.entries.count - visible))
        for (index, entry) in group.entries.enumerated().dropFirst(offset).prefix(visible) {
            let template = state.template(entry.template)
            let title = entry.title(using: template)
            let mark = state.shortlist.contains(entry.id) ? "* " : "  "
            let line = "\(mark)\(index + 1). [\(template?.name ?? entry.template)] \(title.isEmpty ? "(empty)" : title)"
            let style: StyleRole = index == selection ? .selected : (title.isEmpty ? .dim : .normal)
            if index == selection { grid.fill(style: .selected, x: x, y: row, width: width) }
            grid.putClipped(line, x: x, y: row, style: style, width: width, ellipsis: glyphs.ellipsis)
            row += 1
        }
    }

    /// The group's time box: its agenda slot's projected times and, while it runs, the minutes left (on a group's
    /// own laptop, where the agenda is not run, the planned times against the clock).
    static func timeBox(_ state: WorkshopState, _ schedule: LiveSchedule, groupID: String, glyphs: Glyphs = .unicode) -> (String, StyleRole) {
        guard let index = state.session.agenda.firstIndex(where: { $0.groups.contains(groupID) }) else { return ("", .dim) }
        let timing = schedule.slots[index]
        let calendar = state.calendar
        if state.role == .facilitator, !state.plan.isAnchored {
            // An agenda without clock times starts whenever the room starts it, which a laptop cannot know.
            return ("\(state.plan.entries[index].durationMinutes) min", .dim)
        }
        let text = "\(calendar.clockTime(timing.projectedStart))\(glyphs.rangeDash)\(calendar.clockTime(timing.projectedEnd))"
        guard state.now >= timing.projectedStart else { return (text, .dim) }
        let left = timing.projectedEnd.seconds(since: state.now)
        if left <= 0 { return (text + " time is up", .alert) }
        let minutes = WholeMinutes.leftOnCountdown(left)
        return (text + " \(minutes) min left", minutes <= 2 ? .warning : .ok)
    }

    /// The entry's fields: the focused one as an editor, the others as their saved text.
    static func drawEntry(_ state: WorkshopState, draft: EntryDraft, into grid: inout CellGrid,
                          x: Int, y: Int, width: Int, height: Int, glyphs: Glyphs) {
        guard width > 12, height > 3, let group = state.group(draft.groupID),
              let entry = group.entries.first(where: { $0.id == draft.entryID }),
              let template = state.template(entry.template) else { return }
        var row = y
        let saved = draft.isDirty ? "typing\(glyphs.ellipsis)" : "saved"
        grid.putClipped("\(template.name.uppercased()) \(glyphs.middleDot) \(group.definition.name)", x: x, y: row, style: .dim,
                        width: width - saved.count - 2, ellipsis: glyphs.ellipsis)
        grid.put(saved, x: x + width - saved.count, y: row, style: draft.isDirty ? .warning : .ok)
        row += 2
        let bottom = y + height
        for (index, field) in template.fields.enumerated() where row < bottom {
            let focused = index == draft.fieldIndex
            grid.putClipped(field.label + (field.required ? " *" : ""), x: x, y: row, style: focused ? .key : .dim,
                            width: width, ellipsis: glyphs.ellipsis)
            row += 1
            if focused && !draft.choices.isEmpty {
                row = drawChoices(draft, into: &grid, x: x + 2, y: row, width: width - 2, bottom: bottom, glyphs: glyphs)
                if row < bottom {
                    grid.putClipped(glyphs.text("←/→ or 1-9 choose · Backspace clears"), x: x + 2, y: row, style: .dim, width: width - 2,
                                    ellipsis: glyphs.ellipsis)
                    row += 1
                }
            } else if focused {
                guard row < bottom else { break }
                let rows = EntryFieldBox.rows(draft.editor, width: width - 2, available: bottom - row - 1)
                TextEditorView.draw(draft.editor, into: &grid, x: x + 2, y: row, width: width - 2, height: rows, focused: true, scroll: 0, glyphs: glyphs)
                row += rows
                if let help = field.help ?? (field.kind == .list ? "One item per line" : nil), row < bottom {
                    grid.putClipped(help, x: x + 2, y: row, style: .dim, width: width - 2, ellipsis: glyphs.ellipsis)
                    row += 1
                }
            } else {
                guard row < bottom else { break }
                // On one line: list items separated as a list, paragraphs of a long text run on.
                let text = (entry.fields[field.id] ?? "").split(separator: "\n").joined(separator: field.kind == .list ? "; " : " ")
                grid.putClipped(text.isEmpty ? glyphs.text("–") : text, x: x + 2, y: row, style: text.isEmpty ? .dim : .normal,
                                width: width - 2, ellipsis: glyphs.ellipsis)
                row += 1
            }
        }
    }

    /// The choices numbered and flowed over as many rows as they need, the chosen one highlighted; returns the next row.
    private static func drawChoices(_ draft: EntryDraft, into grid: inout CellGrid, x: Int, y: Int, width: Int, bottom: Int,
                                    glyphs: Glyphs) -> Int {
        var row = y
        var column = x
        for (index, choice) in draft.choices.enumerated() {
            let label = index < 9 ? "\(index + 1) \(choice)" : choice
            let labelWidth = min(label.terminalWidth, width)
            if column > x && column + labelWidth > x + width {
                row += 1
                column = x
            }
            guard row < bottom else { return row }
            grid.putClipped(label, x: column, y: row, style: index == draft.choiceIndex ? .selected : .normal,
                            width: labelWidth, ellipsis: glyphs.ellipsis)
            column += labelWidth + 2
        }
        return row + 1
    }
}
