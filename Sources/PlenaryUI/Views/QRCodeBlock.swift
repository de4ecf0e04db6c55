import PlenaryQRCode

/// A QR code drawn with half blocks: each cell holds two modules, one above the other, so the code is square on a
/// terminal whose cells are about twice as high as wide. The quiet zone is drawn too, in the code's own style, so
/// the code has its light margin on a dark terminal as well (a phone does not find a code without one).
///
/// Dark modules are the block characters and the `code` role sets dark ink on a light cell, whatever the theme; read
/// back as text (a screenshot, `capture-pane`), a block character is dark, a space light.
public struct QRCodeBlock: Equatable, Sendable {
    public let matrix: QRMatrix

    public init(matrix: QRMatrix) {
        self.matrix = matrix
    }

    /// Nil when `text` cannot be a QR code (too long).
    public init?(encoding text: String) {
        guard let matrix = QRMatrix(encoding: text) else { return nil }
        self.init(matrix: matrix)
    }

    /// Columns and rows the block takes, quiet zone included.
    public var size: TerminalSize {
        let modules = matrix.widthWithQuietZone
        return TerminalSize(columns: modules, rows: (modules + 1) / 2)
    }

    /// Whether the block fits in `width` × `height` cells.
    public func fits(width: Int, height: Int) -> Bool {
        size.columns <= width && size.rows <= height
    }

    /// Draws the block with its top-left corner at `x`, `y`. Cells outside the grid are left out.
    public func draw(into grid: inout CellGrid, x: Int, y: Int) {
        let quiet = QRMatrix.quietZone
        for row in 0..<size.rows {
            for column in 0..<size.columns {
                guard grid.contains(x: x + column, y: y + row) else { continue }
                let top = matrix.isDark(column: column - quiet, row: 2 * row - quiet)
                let bottom = matrix.isDark(column: column - quiet, row: 2 * row + 1 - quiet)
                grid[x + column, y + row] = Cell(Self.glyph(top: top, bottom: bottom), style: .code)
            }
        }
    }

    static func glyph(top: Bool, bottom: Bool) -> String {
        switch (top, bottom) {
        case (true, true): "█"
        case (true, false): "▀"
        case (false, true): "▄"
        case (false, false): " "
        }
    }

    /// Reads modules back from text lines drawn by `draw` (a screenshot's lines, `capture-pane -p`), quiet zone
    /// included: the test's way to check that what the screen shows is a code a scanner can read.
    public static func modules(fromLines lines: [String]) -> [[Bool]] {
        var rows: [[Bool]] = []
        for line in lines {
            let characters = Array(line)
            rows.append(characters.map { $0 == "█" || $0 == "▀" })
            rows.append(characters.map { $0 == "█" || $0 == "▄" })
        }
        return rows
    }
}
