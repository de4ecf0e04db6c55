import PlenaryEngine

/// One poll on the moderator screen: its question and state, the ballot count, and the results once revealed.
enum PollScreen {
    static func draw(_ poll: PollState, language: String, into grid: inout CellGrid, x: Int, y: Int, width: Int, height: Int, glyphs: Glyphs) {
        guard width > 0, height > 0 else { return }
        let definition = poll.definition
        // While results are hidden only the count shows: no bars or word list are built on each frame.
        let results = poll.showsResults ? PollTally.results(of: poll.currentRound, for: definition, language: language) : nil
        let ballotCount = results?.ballotCount ?? poll.ballotCount
        let handCount = results?.handCount ?? poll.handCount
        let round = poll.rounds.count
        var row = y
        let (statusText, statusStyle) = status(poll)
        var left = "POLL \(glyphs.middleDot) \(definition.type.label)"
        if poll.showsResults { left += " \(glyphs.middleDot) results shown" }
        if poll.isAdHoc { left += " \(glyphs.middleDot) ad hoc" }
        if round > 1 { left += " \(glyphs.middleDot) round \(round)" }
        let count = CountedNoun.ballotsAndHands(ballots: ballotCount, hands: handCount)
        let used = grid.putClipped(left + "  ", x: x, y: row, style: .dim, width: width - count.count - 1, ellipsis: glyphs.ellipsis)
        grid.put(statusText, x: x + used, y: row, style: statusStyle, maxWidth: max(0, width - used - count.count - 1))
        grid.put(count, x: x + width - count.count, y: row, style: .title)
        row += 1
        if let results {
            // The results view shows the question itself, fitted to the room left.
            PollResultsView.draw(poll: definition, results: results, into: &grid, x: x, y: row, width: width,
                                 height: y + height - row - (round > 1 ? 1 : 0), glyphs: glyphs)
            drawEarlierRounds(poll, into: &grid, x: x, y: y + height - 1, width: width, language: language, glyphs: glyphs)
            return
        }
        for line in definition.question.wrapped(toWidth: width).prefix(3) where row < y + height {
            grid.put(line, x: x, y: row, style: .title, maxWidth: width)
            row += 1
        }
        if let scale = definition.scale, definition.type == .scale, row < y + height {
            var ends = "Scale \(scale.min)\(glyphs.rangeDash)\(scale.max)"
            if let low = scale.minLabel { ends += ": \(scale.min) = \(low)" }
            if let high = scale.maxLabel { ends += ", \(scale.max) = \(high)" }
            grid.putClipped(ends, x: x, y: row, style: .dim, width: width, ellipsis: glyphs.ellipsis)
            row += 1
        }
        row += 1
        let remaining = y + height - row
        guard remaining > 0 else { return }
        drawHidden(ballotCount, hands: handCount, poll: poll, into: &grid, x: x, y: row, width: width,
                   height: remaining - (round > 1 ? 1 : 0), glyphs: glyphs)
        drawEarlierRounds(poll, into: &grid, x: x, y: y + height - 1, width: width, language: language, glyphs: glyphs)
    }

    private static func drawEarlierRounds(_ poll: PollState, into grid: inout CellGrid, x: Int, y: Int, width: Int,
                                          language: String, glyphs: Glyphs) {
        guard poll.rounds.count > 1 else { return }
        let earlier = poll.rounds.dropLast().enumerated().map { index, round in
            "round \(index + 1): " + CountedNoun.ballotsAndHands(ballots: PollTally.ballotCount(of: round, for: poll.definition),
                                                                 hands: PollTally.handCount(of: round, for: poll.definition))
        }
        grid.putClipped("Earlier rounds kept \(glyphs.middleDot) " + earlier.joined(separator: ", "),
                        x: x, y: y, style: .dim, width: width, ellipsis: glyphs.ellipsis)
    }

    static func status(_ poll: PollState) -> (String, StyleRole) {
        switch poll.status {
        case .draft: ("DRAFT", .dim)
        case .open: ("OPEN", .ok)
        case .closed: ("CLOSED", .warning)
        }
    }

    /// Before the reveal the room sees only how many have voted, large: the ballots, and a show of hands beside
    /// them in words.
    private static func drawHidden(_ count: Int, hands: Int, poll: PollState, into grid: inout CellGrid, x: Int, y: Int,
                                   width: Int, height: Int, glyphs: Glyphs) {
        let digits = String(count)
        var row = y
        if height >= BigDigits.height + 2, BigDigits.width(digits) <= width {
            BigDigits.draw(digits, into: &grid, x: x + (width - BigDigits.width(digits)) / 2, y: row, block: glyphs.block, style: .timer)
            row += BigDigits.height + 1
        }
        let counted = hands > 0 ? "ballots + \(CountedNoun.phrase(hands, "hand"))" : "ballots"
        let hint: String
        switch poll.status {
        case .draft: hint = "\(counted) \(glyphs.middleDot) press o to open the poll"
        case .open: hint = "\(counted) so far \(glyphs.middleDot) results hidden until you press r"
        case .closed: hint = "\(counted) \(glyphs.middleDot) closed \(glyphs.middleDot) press r to reveal the results"
        }
        let line = (height < BigDigits.height + 2 ? "\(count) " : "") + hint
        guard row < y + height else { return }
        let clipped = line.truncated(toWidth: width, ellipsis: glyphs.ellipsis)
        grid.put(clipped, x: x + max(0, (width - clipped.terminalWidth) / 2), y: row, style: .dim)
    }
}
