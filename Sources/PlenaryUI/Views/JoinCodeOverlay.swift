import PlenaryEngine

/// Where phones vote, drawn large over the moderator's screen so the projector shows it: the QR code (which carries
/// the room code, so scanning joins at once), the address and the room code for those who type. When the code does
/// not fit the window, the address and code alone, and a note to enlarge it.
enum JoinCodeOverlay {
    static func draw(_ page: WebPageAddress, into grid: inout CellGrid, glyphs: Glyphs) {
        let block = glyphs == .ascii ? nil : QRCodeBlock(encoding: page.joinURL)
        let lines = [page.url, "Room code \(page.roomCode)"]
        let codeFits = block.map { $0.fits(width: grid.width - 6, height: grid.height - 2 - 5) } ?? false
        let why = glyphs == .ascii ? "(QR code needs Unicode)" : "(enlarge the window for the QR code)"
        let textWidth = (lines + (codeFits ? [] : [why])).map(\.terminalWidth).max() ?? 0
        let width = max(textWidth, codeFits ? block?.size.columns ?? 0 : 0, 30) + 4
        let height = (codeFits ? block?.size.rows ?? 0 : 1) + lines.count + 4
        let frame = DialogBox.frame(into: &grid, width: width, height: height, title: "Vote from your phone", glyphs: glyphs)
        var y = frame.innerY + 1
        if codeFits, let block {
            block.draw(into: &grid, x: frame.x + (frame.width - block.size.columns) / 2, y: frame.innerY)
            y = frame.innerY + block.size.rows
        } else {
            grid.putClipped(why, x: frame.innerX, y: y, style: .dim, width: frame.innerWidth, ellipsis: glyphs.ellipsis)
            y += 1
        }
        for (offset, line) in lines.enumerated() {
            grid.putClipped(line, x: frame.x + max(2, (frame.width - line.terminalWidth) / 2), y: y + offset,
                            style: offset == 1 ? .title : .normal, width: frame.innerWidth, ellipsis: glyphs.ellipsis)
        }
    }
}
