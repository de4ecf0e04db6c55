import Testing
@testable import PlenaryUI

/// Compares a rendered grid with literal lines and, on failure, prints both screens with a marker on each differing row.
func expectLines(_ grid: CellGrid, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    let actual = grid.lines
    var expectedPadded = expected.map { line in
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
    while expectedPadded.count < actual.count { expectedPadded.append("") }
    guard actual != expectedPadded else { return }
    var report = "Rendered grid differs (> marks rows that differ):\n"
    for (row, line) in actual.enumerated() {
        let mark = row < expectedPadded.count && expectedPadded[row] == line ? " " : ">"
        report += "\(mark)|\(line)\n"
    }
    report += "Expected:\n" + expectedPadded.map { " |\($0)" }.joined(separator: "\n")
    Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
}
