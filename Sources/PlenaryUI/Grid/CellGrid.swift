/// An in-memory screen: views draw into it, drivers show it, tests read it back as text.
public struct CellGrid: Sendable, Equatable {
    public let size: TerminalSize
    public private(set) var cells: [Cell]

    public init(size: TerminalSize, fill: Cell = .blank) {
        self.size = TerminalSize(columns: max(0, size.columns), rows: max(0, size.rows))
        self.cells = Array(repeating: fill, count: self.size.columns * self.size.rows)
    }

    public var width: Int { size.columns }
    public var height: Int { size.rows }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// Writes `text` from column `x` on row `y`, clipped to `maxWidth` columns and the grid's edge.
    /// Control characters are made visible first; a wide character that would straddle the edge becomes a space.
    /// Returns the number of columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: StyleRole = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var column = x
        for character in TerminalText.sanitized(text) {
            let columns = character.terminalWidth
            if columns == 0 {
                continue
            }
            if column + columns > limit {
                if column < limit && column >= 0 { self.setCell(x: column, y: y, Cell(" ", style: style)) ; column += 1 }
                break
            }
            if column >= 0 {
                setCell(x: column, y: y, Cell(String(character), style: style))
                if columns == 2 { setCell(x: column + 1, y: y, Cell("", style: style)) }
            }
            column += columns
        }
        return max(0, column - x)
    }

    /// Paints `style` over a rectangle, keeping the characters.
    public mutating func paint(_ style: StyleRole, x: Int, y: Int, width w: Int, height h: Int = 1) {
        for row in max(0, y)..<min(height, y + h) {
            for col in max(0, x)..<min(width, x + w) {
                self[col, row].style = style
            }
        }
    }

    /// Fills a rectangle with one character and style.
    public mutating func fill(_ text: String = " ", style: StyleRole = .normal, x: Int, y: Int, width w: Int, height h: Int = 1) {
        guard w > 0, h > 0 else { return }
        for row in max(0, y)..<min(height, y + h) {
            for col in max(0, x)..<min(width, x + w) {
                setCell(x: col, y: row, Cell(text, style: style))
            }
        }
    }

    /// Copies `other` with its top-left corner at (x, y), clipped to this grid.
    public mutating func blit(_ other: CellGrid, x: Int, y: Int) {
        for row in 0..<other.height {
            for col in 0..<other.width where contains(x: x + col, y: y + row) {
                setCell(x: x + col, y: y + row, other[col, row])
            }
        }
    }

    /// Sets one cell and repairs any wide character it cuts in half, so rows always stay aligned.
    private mutating func setCell(x: Int, y: Int, _ cell: Cell) {
        guard contains(x: x, y: y) else { return }
        let old = self[x, y]
        if old.isContinuation, x > 0 {
            self[x - 1, y] = Cell(" ", style: self[x - 1, y].style)
        } else if !old.isContinuation, old.text.first?.terminalWidth == 2, x + 1 < width, !cell.isContinuation {
            self[x + 1, y] = Cell(" ", style: self[x + 1, y].style)
        }
        self[x, y] = cell
    }

    /// The grid as text, one string per row, trailing blanks removed: what tests compare.
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            for col in 0..<width { line += self[col, row].text }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The style of every cell as one letter per column (see `StyleRole.letter`), for tests of emphasis.
    public var styleLines: [String] {
        (0..<height).map { row in
            String((0..<width).map { self[$0, row].style.letter })
        }
    }
}

extension StyleRole {
    /// One letter per role for `CellGrid.styleLines`.
    public var letter: Character {
        switch self {
        case .normal: "."
        case .dim: "d"
        case .title: "T"
        case .bar: "b"
        case .current: "C"
        case .selected: "S"
        case .ok: "o"
        case .warning: "W"
        case .alert: "A"
        case .key: "k"
        case .border: "-"
        case .timer: "t"
        }
    }
}
