@testable import PlenaryEngine
@testable import PlenaryUI

/// Scalar values of `text`: String `==` compares canonically ("é" == "e\u{301}"), these do not.
func scalars(_ text: String) -> [UInt32] {
    text.unicodeScalars.map(\.value)
}

/// Checks the grid invariant: every row holds cells of width 1, or a width-2 cell followed by a
/// continuation, adding up to the grid width. Returns a description of the first problem, or nil.
func gridAlignmentProblem(_ grid: CellGrid) -> String? {
    for row in 0..<grid.height {
        var total = 0
        var col = 0
        while col < grid.width {
            let cell = grid[col, row]
            if cell.isContinuation {
                return "row \(row) col \(col): continuation without a wide character before it"
            }
            if !scalars(TerminalText.sanitized(cell.text)).elementsEqual(scalars(cell.text)) {
                return "row \(row) col \(col): unsafe text \(scalars(cell.text))"
            }
            let width = cell.text.terminalWidth
            switch width {
            case 1:
                col += 1
            case 2:
                guard col + 1 < grid.width, grid[col + 1, row].isContinuation else {
                    return "row \(row) col \(col): wide character without its continuation"
                }
                col += 2
            default:
                return "row \(row) col \(col): cell \(scalars(cell.text)) is \(width) columns"
            }
            total += width
        }
        if total != grid.width { return "row \(row): \(total) columns instead of \(grid.width)" }
        if grid.lines[row].terminalWidth > grid.width { return "row \(row): line wider than the grid" }
    }
    return nil
}
