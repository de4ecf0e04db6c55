import PlenaryEngine
import PlenaryStorage

/// The attached voter kiosk's screen: the shared voter terminal's look (title bar, "VOTING", the same ballot form),
/// drawn from the host's view instead of the local state.
public enum KioskScreen {
    public static func render(_ kiosk: KioskState, size: TerminalSize, glyphs: Glyphs) -> CellGrid {
        guard size.columns >= ModeratorScreen.minimumSize.columns, size.rows >= ModeratorScreen.minimumSize.rows else {
            return TooSmallView.render(size: size, minimum: ModeratorScreen.minimumSize, glyphs: glyphs)
        }
        var grid = CellGrid(size: size)
        grid.fill(style: .bar, x: 0, y: 0, width: size.columns)
        grid.putClipped(" " + glyphs.text(kiosk.view?.title ?? "Plenary"), x: 0, y: 0, style: .bar,
                        width: size.columns - 14, ellipsis: glyphs.ellipsis)
        grid.put("VOTING ", x: size.columns - 7, y: 0, style: .bar)
        let body = (x: 2, y: 2, width: size.columns - 4, height: size.rows - 5)

        if kiosk.isCheckingPIN {
            centred(["Moderator PIN", "", "Checking, one moment"], into: &grid, styles: [.title, .normal, .dim], glyphs: glyphs)
        } else if let entry = kiosk.pinEntry {
            centred(["Moderator PIN", "", String(repeating: "*", count: entry.count) + "_", "",
                     "Enter to check   Esc to go back"], into: &grid, styles: [.title, .normal, .key, .normal, .dim], glyphs: glyphs)
        } else {
            switch kiosk.link {
            case .connecting:
                centred(["Connecting to the host…"], into: &grid, styles: [.dim], glyphs: glyphs)
            case .reconnecting(let reason):
                centred(["Reconnecting…", "", glyphs.text(reason), "", "This screen comes back by itself."], into: &grid,
                        styles: [.title, .normal, .dim, .normal, .dim], glyphs: glyphs)
            case .ended(let reason):
                centred([glyphs.text(reason), "", "Thank you."], into: &grid, styles: [.title, .normal, .normal], glyphs: glyphs)
            case .attached:
                drawStep(kiosk, into: &grid, body: body, glyphs: glyphs)
            }
        }
        if case .attached = kiosk.link, let note = kiosk.view?.roomNotice {
            grid.putClipped(" " + glyphs.text(note), x: 0, y: size.rows - 1, style: .dim, width: size.columns,
                            ellipsis: glyphs.ellipsis)
        }
        if let message = kiosk.message {
            grid.fill(style: .warning, x: 0, y: size.rows - 2, width: size.columns)
            grid.putClipped(" " + glyphs.text(message), x: 0, y: size.rows - 2, style: .warning, width: size.columns,
                            ellipsis: glyphs.ellipsis)
        }
        return grid
    }

    private static func drawStep(_ kiosk: KioskState, into grid: inout CellGrid,
                                 body: (x: Int, y: Int, width: Int, height: Int), glyphs: Glyphs) {
        switch kiosk.step {
        case .privacy:
            let open = kiosk.openPolls.count
            let board = kiosk.view?.qa
            var lines = ["Your vote is anonymous.", "", open == 0 && board != nil ? "Press Enter to take part" : "Press Enter to vote"]
            var styles: [StyleRole] = [.normal, .normal, .title]
            if open > 1 {
                lines += ["", "\(open) questions"]
                styles += [.normal, .dim]
            }
            if let board {
                lines += ["", glyphs.text("\(open > 0 ? "Then: " : "")\(board.title): ask, or upvote what you want discussed")]
                styles += [.normal, .dim]
            }
            centred(lines, into: &grid, styles: styles, glyphs: glyphs)
        case .code(let editor, let resumeAt, let draft):
            // At the turn's start Esc goes back to the privacy screen; later it skips the question that needs it.
            let startsTurn = resumeAt == 0 && draft == nil
            CodeEntryView.draw(editor, into: &grid, x: body.x, y: body.y, width: body.width,
                               escape: startsTurn ? "to go back" : "skips this question", glyphs: glyphs)
        case .ballot(let index, let draft):
            guard let poll = kiosk.poll(at: index) else { return }
            let title = kiosk.pollIDs.count > 1 ? "Question \(index + 1) of \(kiosk.pollIDs.count)" : "Your vote"
            BallotFormView.draw(draft, poll: poll, title: title, into: &grid,
                                x: body.x, y: body.y, width: body.width, height: body.height - 1, glyphs: glyphs)
            grid.putClipped("Esc skips this question", x: body.x, y: body.y + body.height - 1, style: .dim,
                            width: body.width, ellipsis: glyphs.ellipsis)
        case .sending:
            // Not "recorded" until the host's acknowledgement: the journal may still fail.
            centred(["Recording your answer…"], into: &grid, styles: [.dim], glyphs: glyphs)
        case .board(let place):
            guard let board = kiosk.view?.qa else { return }
            VoterBoardView.draw(board, place: place, upvoted: kiosk.upvoted[board.id] ?? [], into: &grid,
                                x: body.x, y: body.y, width: body.width, height: body.height, glyphs: glyphs)
        case .done(let recorded) where recorded == 0 && kiosk.boardActionsThisTurn > 0:
            centred(["Thank you: what you sent and upvoted is in.", "", "Please pass the terminal on."], into: &grid,
                    styles: [.ok, .normal, .title], glyphs: glyphs)
        case .done(let recorded) where recorded == 0:
            centred(["Nothing was recorded.", "", "Please pass the terminal on."], into: &grid,
                    styles: [.normal, .normal, .title], glyphs: glyphs)
        case .done:
            centred(["Your vote is recorded.", "", "Please pass the terminal on."], into: &grid,
                    styles: [.ok, .normal, .title], glyphs: glyphs)
        }
    }

    /// Rows a page of the board's list moves at this size, for `KioskState.boardPageRows`.
    public static func boardPageRows(for size: TerminalSize) -> Int {
        VoterBoardView.pageSize(height: size.rows - 5)
    }

    private static func centred(_ lines: [String], into grid: inout CellGrid, styles: [StyleRole], glyphs: Glyphs) {
        let top = max(1, (grid.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let clipped = line.truncated(toWidth: grid.width - 2, ellipsis: glyphs.ellipsis)
            grid.put(clipped, x: max(0, (grid.width - clipped.terminalWidth) / 2), y: top + offset, style: styles[offset])
        }
    }
}
