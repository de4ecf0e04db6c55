import PlenaryEngine

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
    /// Control characters are made visible first (`TerminalText.sanitized`); each grapheme is split
    /// into terminal cells as ncurses does (a one- or two-column scalar with the zero-width scalars
    /// after it). A grapheme that does not fit whole before the limit is not drawn: the columns left
    /// become spaces. A wide character half off the left edge shows as a space in column 0.
    /// Writing over half of a wide character blanks its other half, so rows never shift.
    /// Returns the number of columns used from `x` (including any padding at the limit).
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: StyleRole = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        guard x < limit else { return 0 }
        var column = x
        // Printable ASCII, most of what the views draw: one cell per byte, without the grapheme, sanitising and
        // width work below (which gives the same cells for it). Drawing a frame is on every key's path (decision 95).
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for byte in text.utf8 {
                guard column < limit else { break }
                if column >= 0 { write(Cell(Self.asciiTexts[Int(byte) - 0x20], style: style), wide: false, x: column, y: y) }
                column += 1
            }
            return max(0, column - x)
        }
        // Text with no zero-width or unprintable scalar (box lines, accents, "·", CJK) is one cell per scalar, as
        // `TerminalText.cells` would split it; when all of it fits, no grapheme can be cut at the limit either, so
        // the graphemes need not be found. The header's rule and every panel's border take this path on each key.
        if x >= 0, let total = DisplayWidth.simpleWidth(text), x + total <= limit {
            for scalar in text.unicodeScalars {
                let columns = scalar.terminalWidth
                write(Cell(String(Character(scalar)), style: style), wide: columns == 2, x: column, y: y)
                column += columns
            }
            return total
        }
        for character in TerminalText.sanitized(text) {
            let columns = character.terminalWidth
            if columns <= 0 { continue }
            if column + columns > limit {
                while column < limit {
                    if column >= 0 { write(Cell(" ", style: style), wide: false, x: column, y: y) }
                    column += 1
                }
                break
            }
            if column + columns <= 0 {
                column += columns
                continue
            }
            for cell in TerminalText.cells(of: character) {
                if column >= 0 {
                    write(Cell(cell.text, style: style), wide: cell.width == 2, x: column, y: y)
                } else if column + cell.width > 0 {
                    write(Cell(" ", style: style), wide: false, x: 0, y: y)  // right half of a wide cell at column 0
                }
                column += cell.width
            }
        }
        return max(0, column - x)
    }

    /// " " to "~", each as its own string, so the ASCII path makes no strings of its own.
    private static let asciiTexts: [String] = (0x20..<0x7F).map { String(Unicode.Scalar(UInt8($0))) }

    /// Paints `style` over a rectangle, keeping the characters.
    public mutating func paint(_ style: StyleRole, x: Int, y: Int, width w: Int, height h: Int = 1) {
        guard w > 0, h > 0 else { return }
        for row in max(0, y)..<max(max(0, y), min(height, y + h)) {
            for col in max(0, x)..<max(max(0, x), min(width, x + w)) {
                self[col, row].style = style
            }
        }
    }

    /// Fills a rectangle with one character and style. A two-column character is repeated in
    /// pairs of cells (a space fills an odd column left over); "" or a zero-width text fills with spaces.
    public mutating func fill(_ text: String = " ", style: StyleRole = .normal, x: Int, y: Int, width w: Int, height h: Int = 1) {
        guard w > 0, h > 0 else { return }
        let left = max(0, x)
        let right = min(width, x + w)
        guard left < right else { return }
        let character = TerminalText.sanitized(text).first ?? " "
        let single = character.terminalWidth == 1 ? String(character) : nil
        for row in max(0, y)..<max(max(0, y), min(height, y + h)) {
            if let single {
                for col in left..<right { write(Cell(single, style: style), wide: false, x: col, y: row) }
            } else {
                var col = left
                while col < right {
                    col += Swift.max(1, put(String(character), x: col, y: row, style: style, maxWidth: right - col))
                }
            }
        }
    }

    /// Copies `other` with its top-left corner at (x, y), clipped to this grid. A wide character cut
    /// by the clipping becomes a space.
    public mutating func blit(_ other: CellGrid, x: Int, y: Int) {
        for row in 0..<other.height where y + row >= 0 && y + row < height {
            for col in 0..<other.width {
                let target = x + col
                guard target >= 0, target < width else { continue }
                let cell = other[col, row]
                if cell.isContinuation {
                    // Normally written with its left half; alone only when that half is clipped (or missing).
                    if target == 0 || col == 0 {
                        write(Cell(" ", style: cell.style), wide: false, x: target, y: y + row)
                    }
                    continue
                }
                let isWide = col + 1 < other.width && other[col + 1, row].isContinuation
                if isWide && target + 1 >= width {
                    write(Cell(" ", style: cell.style), wide: false, x: target, y: y + row)
                } else {
                    write(cell, wide: isWide, x: target, y: y + row)
                    if isWide { self[target + 1, y + row].style = other[col + 1, row].style }
                }
            }
        }
    }

    /// Writes one cell (and the continuation after it when `wide`), first blanking the other half
    /// of any wide character it overwrites, so rows always stay aligned. `x` (and `x + 1` when wide)
    /// must be inside the grid.
    private mutating func write(_ cell: Cell, wide: Bool, x: Int, y: Int) {
        guard contains(x: x, y: y), !wide || x + 1 < width else { return }
        release(x: x, y: y)
        if wide { release(x: x + 1, y: y) }
        self[x, y] = cell
        if wide { self[x + 1, y] = Cell("", style: cell.style) }
    }

    /// Blanks the half of a wide character that column `x` does not hold, before `x` is overwritten.
    private mutating func release(x: Int, y: Int) {
        if self[x, y].isContinuation {
            if x > 0 { self[x - 1, y] = Cell(" ", style: self[x - 1, y].style) }
            self[x, y] = Cell(" ", style: self[x, y].style)
        }
        if x + 1 < width, self[x + 1, y].isContinuation {
            self[x + 1, y] = Cell(" ", style: self[x + 1, y].style)
        }
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
        case .chart: "c"
        case .code: "Q"
        }
    }
}
