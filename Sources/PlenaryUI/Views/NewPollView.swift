import PlenaryCore

/// The form for an ad-hoc poll: question, type, options, and a Create button.
enum NewPollView {
    static func draw(_ draft: PollDraft, into grid: inout CellGrid, x: Int, y: Int, width: Int, height: Int, glyphs: Glyphs) {
        guard width > 12, height > 3 else { return }
        var row = y
        let bottom = y + height
        let labelWidth = 10
        grid.putClipped("NEW POLL \(glyphs.middleDot) asked now, recorded and reported like the others", x: x, y: row,
                        style: .dim, width: width, ellipsis: glyphs.ellipsis)
        row += 2

        func label(_ text: String, focused: Bool) {
            grid.put(text, x: x, y: row, style: focused ? .key : .dim, maxWidth: labelWidth)
        }
        func editor(_ editor: LineEditor, focused: Bool) {
            if focused {
                BallotFormView.drawEditorLine(editor, into: &grid, x: x + labelWidth, y: row, width: width - labelWidth)
            } else {
                grid.putClipped(editor.text, x: x + labelWidth, y: row, width: width - labelWidth, ellipsis: glyphs.ellipsis)
            }
        }

        label("Question", focused: draft.field == .question)
        editor(draft.question, focused: draft.field == .question)
        row += 2
        guard row < bottom else { return }
        label("Type", focused: draft.field == .type)
        var column = x + labelWidth
        for type in PollType.allCases {
            let text = type == draft.type ? "[\(type.rawValue)]" : " \(type.rawValue) "
            guard column + text.count < x + width else { break }
            let style: StyleRole = type == draft.type ? (draft.field == .type ? .selected : .title) : .dim
            column += grid.put(text, x: column, y: row, style: style) + 1
        }
        row += 1
        grid.putClipped(draft.type.label + (draft.type == .scale ? ": 1 to 5" : draft.type == .open ? ": answers up to 280 characters" : ""),
                        x: x + labelWidth, y: row, style: .dim, width: width - labelWidth, ellipsis: glyphs.ellipsis)
        row += 2
        if draft.usesOptions {
            let focusedOption: Int? = if case .option(let index) = draft.field { index } else { nil }
            label("Options", focused: focusedOption != nil)
            row += 1
            let room = max(1, bottom - row - 3)
            let first = max(0, (focusedOption ?? 0) - room + 1)
            for index in draft.options.indices.dropFirst(first).prefix(room) {
                let number = "\(index + 1)."
                grid.put(number, x: x + labelWidth - 1 - number.count, y: row, style: focusedOption == index ? .key : .dim)
                editor(draft.options[index], focused: focusedOption == index)
                row += 1
            }
            row += 1
        }
        guard row < bottom - 1 else { return }
        let create = "[ Create poll ]"
        grid.put(create, x: x + labelWidth, y: row, style: draft.field == .create ? .selected : .key)
        grid.putClipped(glyphs.keyLabel("Enter on an option adds the next; Enter on an empty one goes to Create"),
                        x: x, y: bottom - 1, style: .dim, width: width, ellipsis: glyphs.ellipsis)
    }
}
