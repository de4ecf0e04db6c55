/// Shown instead of the screen when the window is smaller than the layout needs.
public enum TooSmallView {
    public static func render(size: TerminalSize, minimum: TerminalSize, glyphs: Glyphs = .unicode) -> CellGrid {
        var grid = CellGrid(size: size)
        let lines = [
            "Please enlarge the window",
            "Plenary needs at least \(minimum.columns)\(glyphs.times)\(minimum.rows)",
            "now \(size.columns)\(glyphs.times)\(size.rows)",
        ].flatMap { $0.wrapped(toWidth: size.columns) }
        let top = max(0, (size.rows - lines.count) / 2)
        for (offset, line) in lines.enumerated() where top + offset < size.rows {
            let x = max(0, (size.columns - line.terminalWidth) / 2)
            grid.put(line, x: x, y: top + offset, style: offset == 0 ? .warning : .normal)
        }
        return grid
    }
}
