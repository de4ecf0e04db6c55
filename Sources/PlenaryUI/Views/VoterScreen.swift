import PlenaryEngine

/// The screen handed to participants: large, plain, and showing nothing of the moderator's or the previous
/// voter's screen.
public enum VoterScreen {
    public static func render(_ state: WorkshopState, voter: VoterSession, size: TerminalSize, glyphs: Glyphs) -> CellGrid {
        guard size.columns >= ModeratorScreen.minimumSize.columns, size.rows >= ModeratorScreen.minimumSize.rows else {
            return TooSmallView.render(size: size, minimum: ModeratorScreen.minimumSize, glyphs: glyphs)
        }
        var grid = CellGrid(size: size)
        grid.fill(style: .bar, x: 0, y: 0, width: size.columns)
        grid.putClipped(" " + state.session.title, x: 0, y: 0, style: .bar, width: size.columns - 14, ellipsis: glyphs.ellipsis)
        grid.put("VOTING ", x: size.columns - 7, y: 0, style: .bar)
        let body = (x: 2, y: 2, width: size.columns - 4, height: size.rows - 5)

        if voter.isCheckingPIN {
            centred(["Moderator PIN", "", "Checking, one moment"], into: &grid, styles: [.title, .normal, .dim], glyphs: glyphs)
        } else if let entry = voter.pinEntry {
            centred(["Moderator PIN", "", String(repeating: "*", count: entry.characters.count) + "_", "",
                     "Enter to check   Esc to go back"], into: &grid, styles: [.title, .normal, .key, .normal, .dim], glyphs: glyphs)
        } else {
            switch voter.step {
            case .privacy:
                let onlyBoard = voter.pollIDs.compactMap { state.poll($0) }.allSatisfy { $0.status != .open }
                    && state.boardForCurrentSlot != nil
                var lines = ["Your vote is anonymous.", "", onlyBoard ? "Press Enter to take part" : "Press Enter to vote"]
                var styles: [StyleRole] = [.normal, .normal, .title]
                let open = voter.pollIDs.compactMap { state.poll($0) }.filter { $0.status == .open }
                if open.count > 1 {
                    lines += ["", "\(open.count) questions"]
                    styles += [.normal, .dim]
                }
                centred(lines, into: &grid, styles: styles, glyphs: glyphs)
            case .code(let editor):
                CodeEntryView.draw(editor, into: &grid, x: body.x, y: body.y, width: body.width, escape: "to go back", glyphs: glyphs)
            case .ballot(let index, let draft):
                if let poll = state.poll(voter.pollIDs[index]) {
                    let title = voter.pollIDs.count > 1 ? "Question \(index + 1) of \(voter.pollIDs.count)" : "Your vote"
                    BallotFormView.draw(draft, poll: poll.definition, title: title, into: &grid,
                                        x: body.x, y: body.y, width: body.width, height: body.height - 1, glyphs: glyphs)
                    grid.putClipped("Esc skips this question", x: body.x, y: body.y + body.height - 1, style: .dim,
                                    width: body.width, ellipsis: glyphs.ellipsis)
                }
            case .review(let index, let draft, _):
                if let poll = state.poll(voter.pollIDs[index]) {
                    review(draft, poll: poll.definition, into: &grid, x: body.x, y: body.y, width: body.width, glyphs: glyphs)
                }
            case .board(let place):
                if let board = RoomQABoard(of: state, listing: true), board.id == place.boardID {
                    let upvoted = state.qaBoard(board.id)?.upvotedBy[voter.participant] ?? []
                    VoterBoardView.draw(board, place: place, upvoted: upvoted, into: &grid,
                                        x: body.x, y: body.y, width: body.width, height: body.height, glyphs: glyphs)
                }
            case .recorded where voter.ballotsThisTurn == 0 && voter.boardActionsThisTurn > 0:
                centred(["Thank you: what you sent and upvoted is in.", "", "Please pass the terminal on."], into: &grid,
                        styles: [.ok, .normal, .title], glyphs: glyphs)
            case .recorded where voter.ballotsThisTurn == 0:
                centred(["Every question was skipped: nothing was recorded.", "", "Please pass the terminal on."],
                        into: &grid, styles: [.normal, .normal, .title], glyphs: glyphs)
            case .recorded:
                centred(["Your vote is recorded.", "", "Please pass the terminal on."], into: &grid,
                        styles: [.ok, .normal, .title], glyphs: glyphs)
            }
        }
        if state.isReadOnly {
            // The moderator's red banner is not on this screen; without this line a voter whose ballot could not be
            // journaled would keep pressing Enter on a review that never moves on.
            grid.fill(style: .alert, x: 0, y: size.rows - 2, width: size.columns)
            grid.putClipped(" ! Your vote could not be recorded. Please tell the moderator.", x: 0, y: size.rows - 2,
                            style: .alert, width: size.columns, ellipsis: glyphs.ellipsis)
        } else if let message = voter.message {
            grid.fill(style: .warning, x: 0, y: size.rows - 2, width: size.columns)
            grid.putClipped(" " + glyphs.text(message), x: 0, y: size.rows - 2, style: .warning, width: size.columns, ellipsis: glyphs.ellipsis)
        }
        return grid
    }

    /// Lines centred on the screen, each with its style.
    private static func centred(_ lines: [String], into grid: inout CellGrid, styles: [StyleRole], glyphs: Glyphs) {
        let top = max(1, (grid.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let clipped = line.truncated(toWidth: grid.width - 2, ellipsis: glyphs.ellipsis)
            grid.put(clipped, x: max(0, (grid.width - clipped.terminalWidth) / 2), y: top + offset, style: styles[offset])
        }
    }

    /// "You answered: Hybrid" and how to confirm or change it.
    private static func review(_ draft: BallotDraft, poll: PollDefinition, into grid: inout CellGrid,
                               x: Int, y: Int, width: Int, glyphs: Glyphs) {
        var row = y
        grid.put("Please check your answer", x: x, y: row, style: .title)
        row += 1
        for line in poll.question.wrapped(toWidth: width, maxLines: 2, ellipsis: glyphs.ellipsis) {
            grid.put(line, x: x, y: row, style: .dim)
            row += 1
        }
        row += 1
        for line in answerLines(draft, poll: poll, glyphs: glyphs).prefix(max(1, grid.height - row - 5)) {
            grid.putClipped(line, x: x + 2, y: row, width: width - 2, ellipsis: glyphs.ellipsis)
            row += 1
        }
        row += 1
        grid.putClipped("Enter or y: confirm   Esc or n: change", x: x, y: row, style: .key, width: width, ellipsis: glyphs.ellipsis)
    }

    static func answerLines(_ draft: BallotDraft, poll: PollDefinition, glyphs: Glyphs) -> [String] {
        switch draft.ballot(for: poll) {
        case .single(let option): return [poll.options.indices.contains(option) ? poll.options[option] : "-"]
        case .multiple(let options): return options.map { poll.options[$0] }
        case .scale(let value):
            let scale = poll.scale ?? RatingScale(min: 1, max: 5)
            var text = "\(value) on \(scale.min)\(glyphs.rangeDash)\(scale.max)"
            if value == scale.min, let label = scale.minLabel { text += " (\(label))" }
            if value == scale.max, let label = scale.maxLabel { text += " (\(label))" }
            return [text]
        case .open(let text): return text.wrapped(toWidth: 70)
        case .ranking(let order): return order.enumerated().map { "\($0.offset + 1). \(poll.options[$0.element])" }
        case .allocation(let points): return points.indices.map { "\(CountedNoun.phrase(points[$0], "point"))  \(poll.options[$0])" }
        }
    }
}
