import PlenaryEngine

/// The moderator's queue of one board: the filters with their counts, one page of items (number, upvotes, marks,
/// text, name), where the page is, and the line being typed when one is asked. Only the page is laid out, so two
/// thousand items draw as fast as twenty.
enum QAQueueView {
    /// Rows above and below the items: title, filters, column heads; position line.
    static let chromeRows = 4
    /// A prompt takes three rows under the list.
    static let promptRows = 3

    /// How many items one page shows in a body `height` rows high.
    static func pageSize(height: Int, prompting: Bool) -> Int {
        max(1, height - chromeRows - (prompting ? promptRows : 0))
    }

    static func draw(_ state: WorkshopState, _ screen: QAScreen, into grid: inout CellGrid,
                     x: Int, y: Int, width: Int, height: Int, glyphs: Glyphs) {
        guard let board = state.qaBoard(screen.board) else { return }
        let definition = board.definition
        let slotTitle = definition.slotID.flatMap { id in state.session.agenda.first { $0.id == id }?.title }
        let heading = definition.displayTitle + (slotTitle.map { " \(glyphs.middleDot) \($0)" } ?? "")
        let order = screen.order == .votes ? "by votes" : "by time"
        let right = "\(order)  (\(state.qa.count > 1 ? "Tab next board" : "one board"))"
        grid.putClipped(glyphs.text(heading), x: x, y: y, style: .title, width: max(0, width - right.terminalWidth - 1),
                        ellipsis: glyphs.ellipsis)
        grid.put(glyphs.text(right), x: x + width - right.terminalWidth, y: y, style: .dim)

        var tabX = x
        for (index, filter) in QAFilter.allCases.enumerated() {
            let label = " \(index + 1) \(filter.label) \(board.counts[filter]) "
            let style: StyleRole = filter == screen.filter ? .selected : .dim
            guard tabX + label.terminalWidth <= x + width else { break }
            tabX += grid.put(label, x: tabX, y: y + 1, style: style)
            tabX += 1
        }

        let prompting = screen.prompt != nil
        let rows = pageSize(height: height, prompting: prompting)
        let numbers = QAQueue.numbers(board, filter: screen.filter, order: screen.order)
        let selection = min(screen.selection, max(0, numbers.count - 1))
        let offset = (selection / rows) * rows
        let listTop = y + 3
        grid.putClipped("    #  votes  ", x: x, y: y + 2, style: .dim, width: width, ellipsis: glyphs.ellipsis)
        if numbers.isEmpty {
            grid.putClipped("No \(screen.filter.label.lowercased()) items.", x: x + 2, y: listTop, style: .dim,
                            width: width - 2, ellipsis: glyphs.ellipsis)
        }
        for row in 0..<min(rows, max(0, numbers.count - offset)) {
            let item = board.items[numbers[offset + row] - 1]
            let selected = offset + row == selection
            let style: StyleRole = selected ? .selected : (item.status == .answered ? .dim : .normal)
            if selected { grid.fill(style: style, x: x, y: listTop + row, width: width) }
            let mark = board.highlighted == item.number ? glyphs.currentMarker
                : (item.status == .answered ? glyphs.doneMarker : " ")
            let number = String(item.number).leftPadded(to: 5)
            let votes = (definition.upvotes ? String(item.votes) : "").leftPadded(to: 5)
            var line = " \(mark)\(number)  \(votes)  \(item.text)"
            if let name = item.name { line += " \(glyphs.middleDot) \(name)" }
            if item.edited { line += " (edited)" }
            grid.putClipped(glyphs.text(line), x: x, y: listTop + row, style: style, width: width, ellipsis: glyphs.ellipsis)
        }
        let position = numbers.isEmpty ? "" : "\(offset + 1)\(glyphs.rangeDash)\(min(offset + rows, numbers.count)) of \(numbers.count)"
        let bottom = y + height - 1
        grid.putClipped(position, x: x, y: prompting ? bottom - promptRows : bottom, style: .dim, width: width,
                        ellipsis: glyphs.ellipsis)
        if let prompt = screen.prompt {
            grid.putClipped(glyphs.text(prompt.question) + ":", x: x, y: bottom - 2, style: .title, width: width,
                            ellipsis: glyphs.ellipsis)
            BallotFormView.drawText(prompt.editor, into: &grid, x: x, y: bottom - 1, width: width, glyphs: glyphs)
            grid.putClipped(glyphs.keyLabel("Enter ok   Esc cancel"), x: x, y: bottom, style: .key, width: width,
                            ellipsis: glyphs.ellipsis)
        }
    }
}

extension String {
    /// Right-aligned in `width` columns (numbers in a column).
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - terminalWidth)) + self
    }
}
