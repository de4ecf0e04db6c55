/// A 5-row digit font so the slot timer reads from the back of the room.
enum BigDigits {
    static let height = 5

    private static let shapes: [Character: [String]] = [
        "0": ["###", "# #", "# #", "# #", "###"],
        "1": [" # ", "## ", " # ", " # ", "###"],
        "2": ["###", "  #", "###", "#  ", "###"],
        "3": ["###", "  #", " ##", "  #", "###"],
        "4": ["# #", "# #", "###", "  #", "  #"],
        "5": ["###", "#  ", "###", "  #", "###"],
        "6": ["###", "#  ", "###", "# #", "###"],
        "7": ["###", "  #", "  #", "  #", "  #"],
        "8": ["###", "# #", "###", "# #", "###"],
        "9": ["###", "# #", "###", "  #", "###"],
        ":": [" ", "#", " ", "#", " "],
        "+": ["   ", " # ", "###", " # ", "   "],
        "-": ["   ", "   ", "###", "   ", "   "],
    ]

    /// Width in columns of `text` drawn big (one blank column between characters), each pixel `scale` cells wide.
    static func width(_ text: String, scale: Int = 1) -> Int {
        let widths = text.compactMap { shapes[$0]?.first?.count }
        return (widths.reduce(0, +) + max(0, widths.count - 1)) * max(1, scale)
    }

    /// Draws `text` with its top-left corner at (x, y), using `block` for the ink.
    /// The box behind the digits (and a column either side) is painted in `style` first: a role shown as a
    /// coloured band (warning, alert) then shows its digits as ink on the band, which reads on light and dark
    /// terminals alike, and a reverse role (alert without colour) shows them in negative instead of hiding them.
    /// `scale` draws every pixel as a `scale` × `scale` square (the projector's bigger digits), `height * scale` rows.
    static func draw(_ text: String, into grid: inout CellGrid, x: Int, y: Int, block: String, style: StyleRole, scale: Int = 1) {
        let scale = max(1, scale)
        grid.fill(style: style, x: x - scale, y: y, width: width(text, scale: scale) + 2 * scale, height: height * scale)
        var column = x
        for character in text {
            guard let shape = shapes[character] else { continue }
            for (row, line) in shape.enumerated() {
                for (offset, pixel) in line.enumerated() where pixel == "#" {
                    grid.fill(block, style: style, x: column + offset * scale, y: y + row * scale, width: scale, height: scale)
                }
            }
            column += ((shape.first?.count ?? 0) + 1) * scale
        }
    }
}
