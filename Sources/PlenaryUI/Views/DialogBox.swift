/// A framed box drawn over the screen, centred.
enum DialogBox {
    struct Frame {
        var x: Int
        var y: Int
        var width: Int
        var height: Int
        /// First column and row inside the border, with one column of padding.
        var innerX: Int { x + 2 }
        var innerY: Int { y + 1 }
        var innerWidth: Int { width - 4 }
    }

    /// Clears and frames a centred box of at most `width`×`height`; returns where its content goes.
    static func frame(into grid: inout CellGrid, width: Int, height: Int, title: String, glyphs: Glyphs) -> Frame {
        let w = min(width, grid.width - 2)
        let h = min(height, grid.height - 2)
        let x = (grid.width - w) / 2
        let y = (grid.height - h) / 2
        grid.fill(x: x, y: y, width: w, height: h)
        let corners = glyphs == .ascii ? ["+", "+", "+", "+"] : ["┌", "┐", "└", "┘"]
        let line = glyphs.horizontalLine
        grid.put(corners[0] + String(repeating: line, count: max(0, w - 2)) + corners[1], x: x, y: y, style: .border)
        grid.put(corners[2] + String(repeating: line, count: max(0, w - 2)) + corners[3], x: x, y: y + h - 1, style: .border)
        for row in (y + 1)..<(y + h - 1) {
            grid.put(glyphs.verticalLine, x: x, y: row, style: .border)
            grid.put(glyphs.verticalLine, x: x + w - 1, y: row, style: .border)
        }
        grid.putClipped(" \(title) ", x: x + 2, y: y, style: .title, width: w - 4, ellipsis: glyphs.ellipsis)
        return Frame(x: x, y: y, width: w, height: h)
    }

    static func confirm(into grid: inout CellGrid, title: String, lines: [String], prompt: String, glyphs: Glyphs) {
        let width = max(title.terminalWidth, prompt.terminalWidth, lines.map(\.terminalWidth).max() ?? 0) + 6
        let frame = frame(into: &grid, width: width, height: lines.count + 5, title: title, glyphs: glyphs)
        for (offset, line) in lines.enumerated() {
            grid.putClipped(line, x: frame.innerX, y: frame.innerY + 1 + offset, width: frame.innerWidth, ellipsis: glyphs.ellipsis)
        }
        grid.putClipped(prompt, x: frame.innerX, y: frame.y + frame.height - 2, style: .key, width: frame.innerWidth, ellipsis: glyphs.ellipsis)
    }
}
