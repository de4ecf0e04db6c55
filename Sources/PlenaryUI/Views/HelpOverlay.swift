/// Every key of the screen under it, from the table its key map and footer use.
enum HelpOverlay {
    static func draw(into grid: inout CellGrid, glyphs: Glyphs, bindings: [KeyHelp], title: String = "Keys") {
        let keyWidth = (bindings.map(\.keys.terminalWidth).max() ?? 0) + 2
        let textWidth = bindings.map(\.description.terminalWidth).max() ?? 0
        let frame = DialogBox.frame(into: &grid, width: keyWidth + textWidth + 4, height: bindings.count + 4,
                                    title: title, glyphs: glyphs)
        for (offset, binding) in bindings.enumerated() {
            let y = frame.innerY + 1 + offset
            grid.putClipped(glyphs.keyLabel(binding.keys), x: frame.innerX, y: y, style: .key, width: keyWidth, ellipsis: glyphs.ellipsis)
            grid.putClipped(glyphs.keyLabel(binding.description), x: frame.innerX + keyWidth, y: y, width: frame.innerWidth - keyWidth, ellipsis: glyphs.ellipsis)
        }
    }
}
