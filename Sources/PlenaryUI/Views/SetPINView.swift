import PlenaryEngine

/// The moderator chooses the PIN that will let them leave voter mode. Shown masked.
enum SetPINView {
    static func draw(editor: LineEditor, confirming: Bool, into grid: inout CellGrid, glyphs: Glyphs) {
        let lines = confirming
            ? ["Type the same PIN again to confirm."]
            : ["Choose a PIN (6 or more characters). Voters cannot leave", "the voter screen without it. It is never shown or saved", "in plain text."]
        let frame = DialogBox.frame(into: &grid, width: 64, height: lines.count + 6, title: "Moderator PIN for voter mode", glyphs: glyphs)
        for (offset, line) in lines.enumerated() {
            grid.putClipped(line, x: frame.innerX, y: frame.innerY + 1 + offset, width: frame.innerWidth, ellipsis: glyphs.ellipsis)
        }
        let row = frame.innerY + 2 + lines.count
        grid.put("PIN: " + String(repeating: "*", count: editor.characters.count) + "_", x: frame.innerX, y: row, style: .key)
        grid.putClipped("Enter to go on   Esc to cancel", x: frame.innerX, y: frame.y + frame.height - 2, style: .dim,
                        width: frame.innerWidth, ellipsis: glyphs.ellipsis)
    }
}
