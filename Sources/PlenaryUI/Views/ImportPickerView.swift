import PlenaryEngine

/// Choosing a facilitator laptop's results file to merge: the ones found beside the workshop's results, or a typed path.
enum ImportPickerView {
    /// - Parameter problem: why the last attempt failed, shown in full here (the status line would cut it).
    static func draw(_ picker: ImportPicker, problem: String?, into grid: inout CellGrid, glyphs: Glyphs) {
        let candidates = picker.candidates ?? []
        let width = min(76, grid.width - 4)
        let problemLines = problem.map { $0.wrapped(toWidth: width - 4, maxLines: 4, ellipsis: glyphs.ellipsis) } ?? []
        let listRows = max(1, min(candidates.count, grid.height - 12 - problemLines.count))
        let frame = DialogBox.frame(into: &grid, width: width, height: listRows + 7 + (problemLines.isEmpty ? 0 : problemLines.count + 1),
                                    title: "Merge a working group's results", glyphs: glyphs)
        var row = frame.innerY + 1
        let folder = picker.folder.isEmpty ? "." : picker.folder
        if picker.candidates == nil {
            grid.putClipped("Looking in \(folder)\(glyphs.ellipsis)", x: frame.innerX, y: row, style: .dim, width: frame.innerWidth, ellipsis: glyphs.ellipsis)
        } else if candidates.isEmpty {
            grid.putClipped("No other *.results.json in \(folder): copy them there, or type a path.", x: frame.innerX, y: row,
                            style: .dim, width: frame.innerWidth, ellipsis: glyphs.ellipsis)
        } else {
            let offset = min(max(0, picker.selection - listRows / 2), max(0, candidates.count - listRows))
            for (index, name) in candidates.enumerated().dropFirst(offset).prefix(listRows) {
                let selected = index == picker.selection && picker.path.isEmpty
                if selected { grid.fill(style: .selected, x: frame.innerX - 1, y: row, width: frame.innerWidth + 2) }
                grid.putClipped(name, x: frame.innerX, y: row, style: selected ? .selected : .normal, width: frame.innerWidth,
                                ellipsis: glyphs.ellipsis)
                row += 1
            }
            row -= 1
        }
        row += 2
        grid.put("Path: ", x: frame.innerX, y: row, style: .dim)
        // The end of a long path is the part being typed: cut from the left.
        let room = max(1, frame.innerWidth - 8)
        var shown = picker.path.text
        if shown.terminalWidth > room {
            while shown.terminalWidth > room - 1 { shown.removeFirst() }
            shown = glyphs.ellipsis + shown
        }
        let typed = grid.put(shown, x: frame.innerX + 6, y: row, style: .key)
        grid.put("_", x: frame.innerX + 6 + typed, y: row, style: .key)
        for line in problemLines {
            row += 1
            grid.put(line, x: frame.innerX, y: row + 1, style: .alert)
        }
        grid.putClipped(glyphs.keyLabel("↑ ↓ choose   type a path   Enter merge   Esc cancel"), x: frame.innerX,
                        y: frame.y + frame.height - 2, style: .key, width: frame.innerWidth, ellipsis: glyphs.ellipsis)
    }
}
