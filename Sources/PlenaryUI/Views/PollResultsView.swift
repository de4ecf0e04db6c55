import PlenaryEngine

/// A poll's results as shown to the room: the question, one line of context, then the chart.
///
/// - Choice, ranking and allocation polls: the rows as a `BarChart`. The context line says what the
///   bars measure: "23 ballots", "23 ballots · up to 2 picks each", "Average score (6 = first) ·
///   23 ballots", "Points · 100 per ballot · 23 ballots".
/// - Rating scales: "Mean 3.8 · median 4 · 23 ballots", then one bar per scale value in scale
///   order, the two ends carrying their labels ("1 · Not ready", "5 · Ready to start").
/// - Open text, at least 70 columns: top terms as a ranked list of bars on the left (a word cloud
///   that can be read), the answers on the right in alphabetical order, wrapped, as many as fit and
///   "… N more". Narrower: the terms, then the answers.
/// - No ballots (and no hand counts): a centred "No ballots yet".
///
/// The question takes up to two lines, one when the rectangle is short, none when it is tiny; a
/// blank line comes before the chart when there is room. Nothing is drawn outside the rectangle.
public enum PollResultsView {
    /// From this width on, open-text results use two columns.
    static let twoColumnWidth = 70

    public static func draw(poll: PollDefinition, results: PollResults, into grid: inout CellGrid,
                            x: Int, y: Int, width: Int, height: Int, glyphs: Glyphs) {
        let area = ClipRect(x: x, y: y, width: width, height: height)
        guard !area.isEmpty else { return }
        let h = area.height
        var line = 0

        // The question.
        let questionLines = h >= 10 ? 2 : (h >= 4 ? 1 : 0)
        let wrappedQuestion = poll.question.wrapped(toWidth: area.width).filter { !$0.isEmpty }
        for index in 0..<min(questionLines, wrappedQuestion.count) {
            let isLast = index == questionLines - 1
            let text = isLast ? wrappedQuestion[index...].joined(separator: " ") : wrappedQuestion[index]
            area.put(text, column: 0, row: line, style: .title, ellipsis: glyphs.ellipsis, into: &grid)
            line += 1
        }

        if isEmpty(results) {
            let message = "No ballots yet"
            let below = area.inner(column: 0, row: line, width: area.width, height: h - line)
            let box = below.isEmpty ? area : below
            let messageWidth = min(message.terminalWidth, box.width)
            box.put(message, column: (box.width - messageWidth) / 2, row: (box.height - 1) / 2, style: .dim,
                    ellipsis: glyphs.ellipsis, into: &grid)
            return
        }

        // What the bars measure, and how many voted.
        area.put(context(poll: poll, results: results, glyphs: glyphs), column: 0, row: line, style: .dim,
                 ellipsis: glyphs.ellipsis, into: &grid)
        line += 1
        if h >= 12 { line += 1 }
        let chart = area.inner(column: 0, row: line, width: area.width, height: h - line)
        guard !chart.isEmpty else { return }

        switch poll.type {
        case .single, .multiple, .ranking, .allocation:
            drawBars(results.rows, in: chart, glyphs: glyphs, into: &grid)
        case .scale:
            drawBars(scaleRows(poll: poll, results: results, glyphs: glyphs), in: chart, glyphs: glyphs, into: &grid)
        case .open:
            drawOpen(results, in: chart, glyphs: glyphs, into: &grid)
        }
    }

    // MARK: - Parts

    /// No ballots, no hand counts, no answers.
    static func isEmpty(_ results: PollResults) -> Bool {
        results.ballotCount == 0 && results.handCount == 0 && results.answers.isEmpty && results.rows.allSatisfy { $0.value == 0 }
    }

    /// The line under the question. A show of hands is counted apart ("12 ballots + 22 hands") while the bars
    /// and their shares take both together (decision 78).
    static func context(poll: PollDefinition, results: PollResults, glyphs: Glyphs) -> String {
        let ballots = results.countText
        let dot = " \(glyphs.middleDot) "
        switch poll.type {
        case .single, .open:
            return ballots
        case .multiple:
            let picks = poll.stacksDots
                ? "\(count(poll.maxPicks ?? 0, "dot")) each, up to \(poll.maxPerOption ?? 1) on one"
                : poll.maxPicks.map { "up to \(count($0, "pick")) each" } ?? "any number of picks"
            return ballots + dot + picks
        case .ranking:
            let first = poll.options.isEmpty ? results.rows.count : poll.options.count
            return "Average score (\(first) = first)" + dot + ballots
        case .allocation:
            return "Points" + dot + "\(poll.points ?? 100) per ballot" + dot + ballots
        case .scale:
            guard let statistics = results.scale else { return ballots }
            return "Mean \(decimal(statistics.mean, keepZero: true))" + dot + "median \(decimal(statistics.median))" + dot + ballots
        }
    }

    /// Bars for a rating scale in scale order. Uses the tally's rows when there are any (adding the
    /// end labels to a bare "1" or "5"), otherwise builds them from the distribution.
    static func scaleRows(poll: PollDefinition, results: PollResults, glyphs: Glyphs) -> [PollResults.Row] {
        let scale = poll.scale ?? RatingScale(min: 1, max: 5)
        func endLabel(_ value: Int) -> String? {
            value == scale.min ? scale.minLabel : (value == scale.max ? scale.maxLabel : nil)
        }
        func label(_ value: Int) -> String {
            endLabel(value).map { "\(value) \(glyphs.middleDot) \($0)" } ?? "\(value)"
        }
        if !results.rows.isEmpty {
            return results.rows.map { row in
                var row = row
                if let value = Int(row.label), row.label == "\(value)" { row.label = label(value) }
                return row
            }
        }
        guard let distribution = results.scale?.distribution else { return [] }
        let total = max(1, results.ballotCount)
        return distribution.enumerated().map { offset, ballots in
            let fraction = Double(ballots) / Double(total)
            let percent = Int((fraction * 100).rounded())
            return PollResults.Row(label: label(scale.min + offset), optionIndex: nil, value: Double(ballots),
                                   fraction: fraction, valueText: "\(ballots) \(glyphs.middleDot) \(percent)%")
        }
    }

    @discardableResult
    private static func drawBars(_ rows: [PollResults.Row], in area: ClipRect, glyphs: Glyphs, into grid: inout CellGrid) -> Int {
        BarChart.draw(rows, into: &grid, x: area.x, y: area.y, width: area.width, height: area.height, glyphs: glyphs)
    }

    /// Terms and answers side by side (wide) or one above the other (narrow).
    private static func drawOpen(_ results: PollResults, in area: ClipRect, glyphs: Glyphs, into grid: inout CellGrid) {
        let terms = results.rows
        let answers = results.answers
        let termsTitle = "Top terms"
        let answersTitle = "Answers (A\(glyphs.rangeDash)Z)"
        if terms.isEmpty || answers.isEmpty {
            let title = terms.isEmpty ? answersTitle : termsTitle
            area.put(title, column: 0, row: 0, style: .dim, ellipsis: glyphs.ellipsis, into: &grid)
            let body = area.inner(column: 0, row: 1, width: area.width, height: area.height - 1)
            if terms.isEmpty {
                drawAnswers(answers, in: body, glyphs: glyphs, into: &grid)
            } else {
                drawBars(terms, in: body.inner(column: 0, row: 0, width: body.width, height: terms.count), glyphs: glyphs, into: &grid)
            }
            return
        }
        if area.width >= twoColumnWidth {
            let left = area.width * 2 / 5
            let right = area.inner(column: left + 3, row: 0, width: area.width, height: area.height)
            area.put(termsTitle, column: 0, row: 0, style: .dim, width: left, ellipsis: glyphs.ellipsis, into: &grid)
            right.put(answersTitle, column: 0, row: 0, style: .dim, ellipsis: glyphs.ellipsis, into: &grid)
            for row in 0..<area.height {
                area.put(glyphs.verticalLine, column: left + 1, row: row, style: .border, ellipsis: nil, into: &grid)
            }
            drawBars(terms, in: area.inner(column: 0, row: 1, width: left, height: min(terms.count, area.height - 1)),
                     glyphs: glyphs, into: &grid)
            drawAnswers(answers, in: right.inner(column: 0, row: 1, width: right.width, height: right.height - 1),
                        glyphs: glyphs, into: &grid)
            return
        }
        // One column: the terms get about half the lines (at least two), the answers the rest.
        let blank = area.height >= 12 ? 1 : 0
        let body = area.height - 2 - blank  // less the two titles
        guard body >= 4 else {
            // Too short for both: the terms alone.
            area.put(termsTitle, column: 0, row: 0, style: .dim, ellipsis: glyphs.ellipsis, into: &grid)
            drawBars(terms, in: area.inner(column: 0, row: 1, width: area.width, height: min(terms.count, area.height - 1)),
                     glyphs: glyphs, into: &grid)
            return
        }
        let termLines = min(terms.count, max(2, body / 2))
        area.put(termsTitle, column: 0, row: 0, style: .dim, ellipsis: glyphs.ellipsis, into: &grid)
        let used = drawBars(terms, in: area.inner(column: 0, row: 1, width: area.width, height: termLines), glyphs: glyphs, into: &grid)
        let answersTop = 1 + used + blank
        area.put(answersTitle, column: 0, row: answersTop, style: .dim, ellipsis: glyphs.ellipsis, into: &grid)
        drawAnswers(answers, in: area.inner(column: 0, row: answersTop + 1, width: area.width, height: area.height - answersTop - 1),
                    glyphs: glyphs, into: &grid)
    }

    /// The answers in alphabetical order, each wrapped under a bullet. An answer that does not fit whole is
    /// cut with an ellipsis; the answers left out are counted on a last "… N more" line.
    private static func drawAnswers(_ answers: AlphabeticalAnswers, in area: ClipRect, glyphs: Glyphs, into grid: inout CellGrid) {
        guard !area.isEmpty else { return }
        let bullet = glyphs.bullet.truncated(toWidth: 1, ellipsis: "")
        let indent = area.width >= 3 && !bullet.isEmpty ? 2 : 0
        let textWidth = area.width - indent
        // Alphabetical, like the results file: the order people voted in is never shown. Only the answers that can
        // be shown (one line each at least) are read and wrapped: a big room may send 100k.
        let total = answers.count
        let candidates = answers.prefix(area.height)
        var line = 0
        var shown = 0
        for (index, answer) in candidates.enumerated() {
            let lines = answer.wrapped(toWidth: textWidth).filter { !$0.isEmpty }
            let isLast = index == total - 1
            let room = area.height - line - 1  // keeps a line for "… N more"
            var visible = lines
            if lines.count <= room || (isLast && lines.count == room + 1) {
                // Fits whole.
            } else if room >= 1 {
                // Cut at the end of a line when the ellipsis fits there, else inside it.
                visible = Array(lines.prefix(room))
                let cut = visible[room - 1] + glyphs.ellipsis
                visible[room - 1] = cut.terminalWidth <= textWidth
                    ? cut : lines[(room - 1)...].joined(separator: " ").truncated(toWidth: textWidth, ellipsis: glyphs.ellipsis)
            } else {
                break
            }
            if indent > 0, !visible.isEmpty { area.put(bullet, column: 0, row: line, style: .dim, ellipsis: nil, into: &grid) }
            for text in visible {
                area.put(text, column: indent, row: line, ellipsis: glyphs.ellipsis, into: &grid)
                line += 1
            }
            shown += 1
            if visible.count < lines.count { break }
        }
        if shown < total {
            area.put("\(glyphs.ellipsis) \(total - shown) more", column: 0, row: line, style: .dim,
                     ellipsis: glyphs.ellipsis, into: &grid)
        }
    }

    // MARK: - Numbers

    /// "1 ballot", "23 ballots".
    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }

    /// One decimal with "." whatever the locale; a zero decimal is left out unless `keepZero`:
    /// "3.8", "4", "4.0" (kept), "-0.5".
    static func decimal(_ value: Double, keepZero: Bool = false) -> String {
        guard value.isFinite else { return "-" }
        let tenths = Int((abs(value) * 10).rounded())
        let sign = value < 0 && tenths > 0 ? "-" : ""
        return tenths % 10 == 0 && !keepZero ? "\(sign)\(tenths / 10)" : "\(sign)\(tenths / 10).\(tenths % 10)"
    }
}
