import PlenaryCore

/// Choosing a facilitator laptop's results file to merge: the ones found beside the workshop's results, or a typed path.
enum ImportPickerView {
    static func draw(_ picker: ImportPicker, into grid: inout CellGrid, glyphs: Glyphs) {
        let candidates = picker.candidates ?? []
        let listRows = max(1, min(candidates.count, grid.height - 12))
        let frame = DialogBox.frame(into: &grid, width: min(76, grid.width - 4), height: listRows + 7,
                                    title: "Merge a working group's results", glyphs: glyphs)
        var row = frame.innerY + 1
        let folder = picker.folder.isEmpty ? "." : picker.folder
        if picker.candidates == nil {
            grid.putClipped("Looking in \(folder)…", x: frame.innerX, y: row, style: .dim, width: frame.innerWidth, ellipsis: glyphs.ellipsis)
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
        let shown = picker.path.text.truncated(toWidth: max(1, frame.innerWidth - 8), ellipsis: glyphs.ellipsis)
        let typed = grid.put(shown, x: frame.innerX + 6, y: row, style: .key)
        grid.put("_", x: frame.innerX + 6 + typed, y: row, style: .key)
        grid.putClipped(glyphs.keyLabel("↑ ↓ choose   type a path   Enter merge   Esc cancel"), x: frame.innerX,
                        y: frame.y + frame.height - 2, style: .key, width: frame.innerWidth, ellipsis: glyphs.ellipsis)
    }
}
