import PlenaryProtocol
import PlenaryUI

/// Cell grids to the protocol's `ScreenFrame` and back (decision 69). The way back trusts nothing: a cell with a
/// control character shows as U+FFFD (a frame must not move the attached terminal's cursor or change its modes),
/// an unknown style letter as plain text, and a frame whose rows disagree with its size is not drawn.
public enum ScreenFrameCoding {
    static let firstStyle = UnicodeScalar(UInt8(ascii: "a"))

    public static func frame(of grid: CellGrid) -> ScreenFrame {
        var cells: [[String]] = []
        var styles: [String] = []
        cells.reserveCapacity(grid.height)
        for y in 0..<grid.height {
            var row: [String] = []
            var letters = String.UnicodeScalarView()
            row.reserveCapacity(grid.width)
            for x in 0..<grid.width {
                let cell = grid[x, y]
                row.append(cell.text)
                letters.append(UnicodeScalar(firstStyle.value + UInt32(cell.style.rawValue))!)
            }
            cells.append(row)
            styles.append(String(letters))
        }
        return ScreenFrame(columns: grid.width, rows: grid.height, cells: cells, styles: styles)
    }

    /// The frame on a grid of `size`, clipped or padded with blanks (the terminal may have been resized since the
    /// host drew it). Nil when the frame is inconsistent.
    public static func grid(from frame: ScreenFrame, size: TerminalSize) -> CellGrid? {
        guard frame.isConsistent else { return nil }
        var grid = CellGrid(size: size)
        for y in 0..<min(frame.rows, grid.height) {
            let styles = Array(frame.styles[y].unicodeScalars)
            for x in 0..<min(frame.columns, grid.width) {
                let raw = Int(styles[x].value) - Int(firstStyle.value)
                let style = (0...Int(UInt8.max)).contains(raw) ? StyleRole(rawValue: UInt8(raw)) ?? .normal : .normal
                grid[x, y] = Cell(safe(frame.cells[y][x]), style: style)
            }
        }
        return grid
    }

    private static func safe(_ text: String) -> String {
        if text.isEmpty { return text }
        guard text.unicodeScalars.count <= 16,
              text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }) else { return "\u{FFFD}" }
        return text
    }
}
