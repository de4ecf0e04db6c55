import PlenaryEngine

/// A printable page of codes: three to a row, with cut lines, each slip saying what it is for.
enum CodeSheet {
    static func render(codes: [String], title: String, polls: [String]) -> String {
        let perRow = 3
        let cell = 20
        var lines: [String] = []
        let cut = String(repeating: "-", count: perRow * (cell + 1) + 1)
        lines.append(cut)
        for start in stride(from: 0, to: codes.count, by: perRow) {
            let row = Array(codes[start..<min(codes.count, start + perRow)])
            let label = "| " + row.map { _ in "Voting code".padding(cell - 2) }.joined(separator: " | ") + " |"
            let value = "| " + row.map { code in
                CodeBook.grouped(code).padding(cell - 2)
            }.joined(separator: " | ") + " |"
            let note = "| " + row.map { _ in "one vote per poll".padding(cell - 2) }.joined(separator: " | ") + " |"
            lines += [label, value, note, cut]
        }
        var header = "\(title): \(codes.count) voting codes"
        if !polls.isEmpty { header += " (for polls: \(polls.joined(separator: ", ")))" }
        return ([header, ""] + lines).joined(separator: "\n")
    }
}

private extension String {
    func padding(_ width: Int) -> String {
        count >= width ? String(prefix(width)) : self + String(repeating: " ", count: width - count)
    }
}
