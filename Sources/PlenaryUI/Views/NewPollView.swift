import PlenaryEngine

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
                // The count against the limit, at the row's end, as the moderator types; a warning once full.
                var counterWidth = 0
                if let limit = editor.limit {
                    let counter = "\(editor.characters.count)/\(limit)"
                    counterWidth = counter.count + 1
                    let full = editor.refusedCount > 0 || editor.room == 0
                    grid.put(counter, x: x + width - counter.count, y: row, style: full ? .warning : .dim)
                }
                BallotFormView.drawEditorLine(editor, into: &grid, x: x + labelWidth, y: row,
                                              width: width - labelWidth - counterWidth)
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
        if let refusal = Self.refusal(draft) {
            grid.putClipped(refusal, x: x, y: bottom - 1, style: .warning, width: width, ellipsis: glyphs.ellipsis)
        } else {
            grid.putClipped(glyphs.keyLabel("Enter on an option adds the next; Enter on an empty one goes to Create"),
                            x: x, y: bottom - 1, style: .dim, width: width, ellipsis: glyphs.ellipsis)
        }
    }

    /// What the last key could not add to the focused field, if anything.
    private static func refusal(_ draft: PollDraft) -> String? {
        let (editor, what): (LineEditor, String)
        switch draft.field {
        case .question: (editor, what) = (draft.question, "a question")
        case .option(let index): (editor, what) = (draft.options[index], "an option")
        case .type, .create: return nil
        }
        guard editor.refusedCount > 0, let limit = editor.limit else { return nil }
        return "Not added: \(what) holds at most \(limit) characters (\(editor.refusedCount) more would not fit)"
    }
}
