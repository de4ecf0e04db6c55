import PlenaryEngine

/// The Q&A part of the projector (issue 16): the highlighted item large, with its upvotes, then the top items with
/// theirs. Drawn from the audience's `RoomView` alone, which holds public items only.
enum AudienceQAView {
    /// The board the projector shows: an open poll comes first; a highlighted item before a revealed poll; the
    /// top items when there is no poll to show.
    static func shown(_ view: RoomView, poll: RoomView.Poll?) -> RoomQABoard? {
        guard let board = view.qa, board.highlighted != nil || !board.top.isEmpty else { return nil }
        if poll?.isOpen == true { return nil }
        if board.highlighted != nil { return board }
        return poll == nil ? board : nil
    }

    static func draw(_ board: RoomQABoard, into grid: inout CellGrid, x: Int, y: Int, width: Int, height: Int, glyphs: Glyphs) {
        var row = y
        let bottom = y + height
        let count = "\(board.publicCount) \(board.kind.itemNoun)\(board.publicCount == 1 ? "" : "s")"
        grid.putClipped(glyphs.text(board.title), x: x, y: row, style: .dim, width: width - count.terminalWidth - 1,
                        ellipsis: glyphs.ellipsis)
        grid.put(count, x: x + width - count.terminalWidth, y: row, style: .dim)
        row += 2
        if let item = board.highlighted, row < bottom {
            let votes = board.upvotes ? votesText(item.votes, glyphs: glyphs) : ""
            let lines = min(4, max(1, (bottom - row) / 3))
            let textWidth = width - votes.terminalWidth - 2
            for (index, line) in item.text.wrapped(toWidth: textWidth, maxLines: lines, ellipsis: glyphs.ellipsis).enumerated() where row < bottom {
                grid.putClipped(line, x: x, y: row, style: .title, width: textWidth, ellipsis: glyphs.ellipsis)
                if index == 0 { grid.put(votes, x: x + width - votes.terminalWidth, y: row, style: .title) }
                row += 1
            }
            if let name = item.name, row < bottom {
                grid.putClipped("\(glyphs.rangeDash) \(name)", x: x, y: row, style: .dim, width: width, ellipsis: glyphs.ellipsis)
                row += 1
            }
            row += 1
        }
        for item in board.top where row < bottom {
            let votes = board.upvotes ? votesText(item.votes, glyphs: glyphs) : ""
            let mark = item.answered ? glyphs.doneMarker + " " : ""
            let textWidth = width - votes.terminalWidth - 2
            grid.putClipped(mark + item.text, x: x, y: row, style: item.answered ? .dim : .normal, width: textWidth,
                            ellipsis: glyphs.ellipsis)
            grid.put(votes, x: x + width - votes.terminalWidth, y: row, style: item.answered ? .dim : .normal)
            row += 1
        }
    }

    /// "▲ 12": an upvote count as the room reads it.
    static func votesText(_ votes: Int, glyphs: Glyphs) -> String {
        "\(glyphs.ahead) \(votes)"
    }
}
