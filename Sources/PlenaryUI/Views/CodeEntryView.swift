import PlenaryEngine

/// The "type the code from your slip" step, the same on the shared voter terminal and on an attached kiosk, so a
/// participant sees one form wherever they vote.
enum CodeEntryView {
    static func draw(_ editor: LineEditor, into grid: inout CellGrid, x: Int, y: Int, width: Int, escape: String,
                     glyphs: Glyphs) {
        grid.put("Type the code from your slip", x: x, y: y, style: .title)
        grid.put("> ", x: x, y: y + 2, style: .key)
        BallotFormView.drawEditorLine(editor, into: &grid, x: x + 2, y: y + 2, width: VoterSession.codeEntryLimit + 2)
        grid.putClipped("Enter to go on   Esc \(escape)", x: x, y: y + 4, style: .dim, width: width, ellipsis: glyphs.ellipsis)
    }
}
