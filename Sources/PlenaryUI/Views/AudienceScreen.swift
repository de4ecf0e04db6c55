import PlenaryEngine
import PlenaryStorage

/// The projector's screen (issue 14): drawn from the audience's `RoomView` alone, so it cannot show a moderator
/// note, a ballot or a result before its reveal: the projection never sends them.
///
/// Top to bottom: the title bar, the slot on now with its speakers, the countdown, then the poll the room is
/// looking at (the first open poll with its live count, else the last revealed one as a chart), and a last line
/// saying how to vote. Scaling rule: the countdown's digits grow by whole steps (each pixel `scale` × `scale`
/// cells) up to a quarter of the rows, a fifth while a poll shares the screen, and half the width; below
/// one step it is a single line of text.
public enum AudienceScreen {
    public static let minimumSize = TerminalSize(columns: 60, rows: 16)

    /// `now` turns a running slot's planned end into seconds left; it comes from the client's clock.
    public static func render(_ view: RoomView, now: Instant, size: TerminalSize, glyphs: Glyphs = .unicode) -> CellGrid {
        guard size.columns >= minimumSize.columns, size.rows >= minimumSize.rows else {
            return TooSmallView.render(size: size, minimum: minimumSize, glyphs: glyphs)
        }
        if let withCode = renderWithJoinCode(view, now: now, size: size, glyphs: glyphs) { return withCode }
        return renderRoom(view, now: now, size: size, glyphs: glyphs)
    }

    /// While a poll is open or a Q&A board is up and phones can take part (`--web`), the room's view on the left and,
    /// on the right, the QR code to scan with the address and room code under it; nil when the screen is too small to
    /// hold both. A board counts because once the start-up notice fades the projector is the only place the room sees
    /// the code.
    static func renderWithJoinCode(_ view: RoomView, now: Instant, size: TerminalSize, glyphs: Glyphs) -> CellGrid? {
        guard let page = view.webPage, view.polls.contains(where: \.isOpen) || view.qa != nil, glyphs != .ascii,
              let block = QRCodeBlock(encoding: page.joinURL) else { return nil }
        let code = "Room code \(page.roomCode)"
        let panelWidth = max(block.size.columns, page.url.terminalWidth, code.terminalWidth) + 2
        let leftWidth = size.columns - panelWidth
        guard leftWidth >= minimumSize.columns, size.rows >= 3 + block.size.rows + 3 else { return nil }
        let left = renderRoom(view, now: now, size: TerminalSize(columns: leftWidth, rows: size.rows), glyphs: glyphs)
        var grid = CellGrid(size: size)
        for row in 0..<size.rows {
            for column in 0..<leftWidth { grid[column, row] = left[column, row] }
            // The bars run on across the panel.
            if left[leftWidth - 1, row].style == .bar { grid.fill(style: .bar, x: leftWidth, y: row, width: panelWidth) }
        }
        let x = leftWidth + 1
        grid.put(String(repeating: glyphs.horizontalLine, count: panelWidth), x: leftWidth, y: 2, style: .border)
        block.draw(into: &grid, x: x + (panelWidth - 2 - block.size.columns) / 2, y: 3)
        let below = 3 + block.size.rows
        grid.putClipped(page.url, x: x, y: below, style: .title, width: panelWidth - 1, ellipsis: glyphs.ellipsis)
        grid.putClipped(code, x: x, y: below + 1, style: .normal, width: panelWidth - 1, ellipsis: glyphs.ellipsis)
        return grid
    }

    static func renderRoom(_ view: RoomView, now: Instant, size: TerminalSize, glyphs: Glyphs) -> CellGrid {
        var grid = CellGrid(size: size)
        let width = size.columns
        let margin = width >= 120 ? 4 : 2
        let inner = width - 2 * margin
        let poll = shownPoll(view)
        let board = AudienceQAView.shown(view, poll: poll)

        // Title bar, subtitle, rule.
        grid.fill(style: .bar, x: 0, y: 0, width: width)
        let state = phaseText(view, glyphs: glyphs)
        grid.put(state.text, x: width - state.text.terminalWidth - 1, y: 0, style: state.style)
        grid.putClipped(" " + view.title, x: 0, y: 0, style: .bar, width: width - state.text.terminalWidth - 3, ellipsis: glyphs.ellipsis)
        if let subtitle = view.subtitle {
            grid.putClipped(" " + subtitle, x: 0, y: 1, style: .dim, width: width, ellipsis: glyphs.ellipsis)
        }
        grid.put(String(repeating: glyphs.horizontalLine, count: width), x: 0, y: 2, style: .border)

        // How to vote, at the bottom: always when the session says, otherwise while a poll is open.
        var bottom = size.rows
        if let how = howToVote(view, glyphs: glyphs) {
            bottom -= 1
            grid.fill(style: .bar, x: 0, y: bottom, width: width)
            grid.putClipped(" " + how, x: 0, y: bottom, style: .bar, width: width - 1, ellipsis: glyphs.ellipsis)
        }

        if let note = view.roomNotice {
            bottom -= 1
            grid.putClipped(" " + glyphs.text(note), x: 0, y: bottom, style: .dim, width: width - 1, ellipsis: glyphs.ellipsis)
        }

        // The slot.
        var row = 4
        let slot = view.slot
        var kind = (view.phase == .ended ? "ENDED" : (view.phase == .notStarted ? "FIRST UP" : "NOW")) + " \(glyphs.middleDot) \(slot.kind)"
        if let track = slot.track { kind += " \(glyphs.middleDot) \(track)" }
        grid.putClipped(glyphs.text(kind), x: margin, y: row, style: .dim, width: inner, ellipsis: glyphs.ellipsis)
        row += 1
        let lines = size.rows >= 30 ? 2 : 1
        for line in slot.title.wrapped(toWidth: inner, maxLines: lines, ellipsis: glyphs.ellipsis) {
            grid.putClipped(line, x: margin, y: row, style: .title, width: inner, ellipsis: glyphs.ellipsis)
            row += 1
        }
        if !slot.speakers.isEmpty {
            for line in slot.speakers.joined(separator: " \(glyphs.middleDot) ").wrapped(toWidth: inner, maxLines: lines, ellipsis: glyphs.ellipsis) {
                grid.putClipped(line, x: margin, y: row, width: inner, ellipsis: glyphs.ellipsis)
                row += 1
            }
        }
        row += 1

        // The countdown.
        row = drawCountdown(view, now: now, into: &grid, x: margin, y: row, width: inner,
                            room: (size.rows - 3) / (poll == nil && board == nil ? 4 : 5), glyphs: glyphs)

        // A Q&A board's highlighted and top items, in the poll's place.
        if let board, bottom - row >= 4 {
            row += 1
            grid.put(String(repeating: glyphs.horizontalLine, count: inner), x: margin, y: row, style: .border)
            row += 1
            AudienceQAView.draw(board, into: &grid, x: margin, y: row, width: inner, height: bottom - row - 1, glyphs: glyphs)
            return grid
        }

        // The poll.
        guard let poll, bottom - row >= 4 else { return grid }
        row += 1
        grid.put(String(repeating: glyphs.horizontalLine, count: inner), x: margin, y: row, style: .border)
        row += 1
        drawPoll(poll, into: &grid, x: margin, y: row, width: inner, height: bottom - row - 1, glyphs: glyphs)
        return grid
    }

    /// The first open poll, else the last revealed one.
    static func shownPoll(_ view: RoomView) -> RoomView.Poll? {
        view.polls.first(where: \.isOpen) ?? view.polls.last(where: { $0.results != nil })
    }

    static func howToVote(_ view: RoomView, glyphs: Glyphs) -> String? {
        let open = view.polls.filter(\.isOpen)
        let code = open.contains(where: \.needsCode) ? " with your voting code" : ""
        if let how = view.howToVote { return "How to vote: " + how + code }
        return open.isEmpty ? nil : "Vote at a voter terminal\(code)"
    }

    private static func phaseText(_ view: RoomView, glyphs: Glyphs) -> (text: String, style: StyleRole) {
        switch view.phase {
        case .paused: (" \(glyphs.paused) PAUSED ", .warning)
        case .ended: (" ended ", .dim)
        case .notStarted: (" starting soon ", .bar)
        case .running: ("", .bar)
        }
    }

    /// The largest whole step at which `text` fits `rows` × `width` (0: not even the normal digits).
    static func digitScale(_ text: String, rows: Int, width: Int) -> Int {
        var scale = 0
        while BigDigits.height * (scale + 1) <= rows,
              BigDigits.width(text, scale: scale + 1) <= (scale == 0 ? width : width / 2) {
            scale += 1
        }
        return scale
    }

    private static func drawCountdown(_ view: RoomView, now: Instant, into grid: inout CellGrid, x: Int, y: Int, width: Int,
                                      room: Int, glyphs: Glyphs) -> Int {
        guard view.phase == .running || view.phase == .paused else { return y - 1 }
        let seconds = view.slot.endsAtMilliseconds.map { Instant(milliseconds: $0).seconds(since: now) } ?? view.slot.remainingSeconds
        let text = TimeText.clock(seconds)
        let style: StyleRole = seconds < 0 ? .alert : (seconds <= 120 ? .warning : .timer)
        let label = view.phase == .paused
            ? "\(glyphs.paused) PAUSED"
            : (seconds < 0 ? "over time" : "left in this slot")
        let labelStyle: StyleRole = view.phase == .paused ? .warning : (seconds < 0 ? .alert : .dim)
        let scale = digitScale(text, rows: room, width: width)
        guard scale > 0 else {
            let used = grid.put(text, x: x, y: y, style: style)
            grid.putClipped(glyphs.text(label), x: x + used + 2, y: y, style: labelStyle, width: width - used - 2, ellipsis: glyphs.ellipsis)
            return y + 1
        }
        let left = x + (width - BigDigits.width(text, scale: scale)) / 2
        BigDigits.draw(text, into: &grid, x: left, y: y, block: glyphs.block, style: style, scale: scale)
        let labelText = glyphs.text(label)
        grid.putClipped(labelText, x: x + max(0, (width - labelText.terminalWidth) / 2), y: y + BigDigits.height * scale,
                        style: labelStyle, width: width, ellipsis: glyphs.ellipsis)
        return y + BigDigits.height * scale + 1
    }

    private static func drawPoll(_ poll: RoomView.Poll, into grid: inout CellGrid, x: Int, y: Int, width: Int, height: Int, glyphs: Glyphs) {
        let area = ClipRect(x: x, y: y, width: width, height: height)
        let ballots = CountedNoun.ballotsAndHands(ballots: poll.ballotCount, hands: poll.handCount ?? 0)
        let heading = poll.isOpen ? "VOTING OPEN \(glyphs.middleDot) \(ballots) so far" : "RESULTS"
        area.put(glyphs.text(heading), column: 0, row: 0, style: poll.isOpen ? .ok : .dim, ellipsis: glyphs.ellipsis, into: &grid)
        var body = area.inner(column: 0, row: 1, width: area.width, height: area.height - 1)
        if let results = poll.results {
            PollResultsView.draw(poll: definition(poll), results: pollResults(results, poll: poll), into: &grid,
                                 x: body.x, y: body.y, width: body.width, height: body.height, glyphs: glyphs)
            return
        }
        // Open, results hidden until the reveal: the question and the options to choose from; on a wide screen the
        // count again in block digits on the right, so the room sees the votes come in.
        let count = "\(poll.ballotCount)"
        let countScale = body.width >= 100 ? digitScale(count, rows: min(body.height - 1, 2 * BigDigits.height), width: body.width / 3) : 0
        if countScale > 0 {
            let digitsWidth = BigDigits.width(count, scale: countScale)
            let left = body.width - digitsWidth - countScale
            BigDigits.draw(count, into: &grid, x: body.x + left, y: body.y, block: glyphs.block, style: .ok, scale: countScale)
            let hands = poll.handCount ?? 0
            let label = hands > 0 ? "ballots + \(CountedNoun.phrase(hands, "hand"))" : poll.ballotCount == 1 ? "ballot" : "ballots"
            body.put(label, column: left + max(0, (digitsWidth - label.count) / 2), row: BigDigits.height * countScale,
                     style: .dim, ellipsis: nil, into: &grid)
            body = body.inner(column: 0, row: 0, width: left - 2 * countScale - 2, height: body.height)
        }
        var line = 0
        for text in poll.question.wrapped(toWidth: body.width, maxLines: 2, ellipsis: glyphs.ellipsis) {
            body.put(text, column: 0, row: line, style: .title, ellipsis: glyphs.ellipsis, into: &grid)
            line += 1
        }
        line += 1
        let room = body.height - line
        let shown = poll.options.count <= room ? poll.options.count : max(0, room - 1)
        for option in poll.options.prefix(shown) {
            body.put(glyphs.bullet, column: 0, row: line, style: .dim, ellipsis: nil, into: &grid)
            body.put(option, column: 2, row: line, ellipsis: glyphs.ellipsis, into: &grid)
            line += 1
        }
        if shown < poll.options.count {
            body.put("\(glyphs.ellipsis) \(poll.options.count - shown) more", column: 0, row: line, style: .dim,
                     ellipsis: glyphs.ellipsis, into: &grid)
        }
    }

    private static func definition(_ poll: RoomView.Poll) -> PollDefinition {
        PollDefinition(id: poll.id, question: poll.question, type: poll.type, options: poll.options, maxPicks: poll.maxPicks,
                       scale: poll.scale, maxLength: poll.maxLength, points: poll.points, maxPerOption: poll.maxPerOption)
    }

    /// Totals as sent: no answers (a word list stands for them) and no distribution (the rows are the bars).
    private static func pollResults(_ results: RoomView.Results, poll: RoomView.Poll) -> PollResults {
        PollResults(
            ballotCount: results.ballotCount, handCount: results.handCount ?? 0,
            rows: results.rows.map { PollResults.Row(label: $0.label, optionIndex: nil, value: $0.value, fraction: $0.fraction, valueText: $0.valueText) },
            scale: results.scaleMean.map { ScaleStatistics(mean: $0, median: results.scaleMedian ?? $0, distribution: []) })
    }
}
