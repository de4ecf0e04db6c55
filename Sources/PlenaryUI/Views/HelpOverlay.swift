/// Every key of the screen under it, from the table its key map and footer use.
enum HelpOverlay {
    /// Key labels up to this wide make the key column; a longer one ("Esc Enter Space ? q F1") has its text right
    /// after it, so one long row does not push every description off a narrow screen.
    static let keyColumnLimit = 12

    static func draw(into grid: inout CellGrid, glyphs: Glyphs, bindings: [KeyHelp], title: String = "Keys") {
        let labels = bindings.map { glyphs.keyLabel($0.keys) }
        let keyWidth = (labels.map(\.terminalWidth).filter { $0 <= keyColumnLimit }.max() ?? 0) + 2
        let rowWidth = zip(labels, bindings).map { label, binding in
            max(keyWidth, label.terminalWidth + 2) + binding.description.terminalWidth
        }.max() ?? 0
        let frame = DialogBox.frame(into: &grid, width: rowWidth + 4, height: bindings.count + 4,
                                    title: title, glyphs: glyphs)
        // Rows between the blank line under the title and the bottom border; on a short screen the last says how
        // many did not fit, rather than drawing them over the border.
        let room = max(0, frame.y + frame.height - 1 - (frame.innerY + 1))
        let shown = bindings.count <= room ? bindings.count : max(0, room - 1)
        if shown < bindings.count, room > 0 {
            grid.putClipped(glyphs.text("… \(bindings.count - shown) more in a taller window"), x: frame.innerX,
                            y: frame.innerY + 1 + shown, style: .dim, width: frame.innerWidth, ellipsis: glyphs.ellipsis)
        }
        for (offset, (label, binding)) in zip(labels, bindings).prefix(shown).enumerated() {
            let y = frame.innerY + 1 + offset
            let textX = max(keyWidth, label.terminalWidth + 2)
            grid.putClipped(label, x: frame.innerX, y: y, style: .key, width: min(textX, frame.innerWidth), ellipsis: glyphs.ellipsis)
            grid.putClipped(glyphs.keyLabel(binding.description), x: frame.innerX + textX, y: y,
                            width: frame.innerWidth - textX, ellipsis: glyphs.ellipsis)
        }
    }
}
