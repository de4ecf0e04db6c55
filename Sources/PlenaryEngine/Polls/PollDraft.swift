/// An ad-hoc poll being written by the moderator during the workshop.
public struct PollDraft: Sendable, Equatable {
    public var question: LineEditor
    public var type: PollType
    public var options: [LineEditor]
    /// 0 = question, 1 = type, 2... = options, last = the "Create" button.
    public var focus: Int

    public init() {
        question = LineEditor(limit: 200)
        type = .single
        options = [LineEditor(limit: 120), LineEditor(limit: 120)]
        focus = 0
    }

    public enum Field: Equatable {
        case question, type, option(Int), create
    }

    /// Scale and open questions have no options to type.
    public var usesOptions: Bool { type != .scale && type != .open }
    var fieldCount: Int { 2 + (usesOptions ? options.count : 0) + 1 }

    public var field: Field {
        if focus == 0 { return .question }
        if focus == 1 { return .type }
        if usesOptions, focus - 2 < options.count { return .option(focus - 2) }
        return .create
    }

    public enum Edit: Sendable, Equatable {
        case next, previous
        case line(LineEdit)
        /// ← → on the type field.
        case cycleType(Int)
        /// Enter: next field, a new option after a filled one, or create.
        case enter
    }

    /// Applies an edit; returns true when Enter was pressed on "Create".
    public mutating func apply(_ edit: Edit) -> Bool {
        switch edit {
        case .next: focus = min(fieldCount - 1, focus + 1)
        case .previous: focus = max(0, focus - 1)
        case .cycleType(let step):
            if field == .type {
                let all = PollType.allCases
                let index = all.firstIndex(of: type)!
                type = all[(index + step + all.count) % all.count]
            }
        case .line(let lineEdit):
            switch field {
            case .question: question.apply(lineEdit)
            case .option(let index):
                if lineEdit == .backspace, options[index].isEmpty, options.count > 1 {
                    options.remove(at: index)
                    focus -= 1
                } else {
                    options[index].apply(lineEdit)
                }
            case .type, .create: break
            }
        case .enter:
            switch field {
            case .question, .type: focus += 1
            case .option(let index):
                if options[index].isEmpty {
                    focus = fieldCount - 1
                } else if index == options.count - 1 {
                    options.append(LineEditor(limit: 120))
                    focus += 1
                } else {
                    focus += 1
                }
            case .create: return true
            }
        }
        return false
    }

    /// The poll as written; the reducer validates it (question, enough distinct options).
    public func definition(id: String) -> PollDefinition {
        let texts = usesOptions ? options.map { $0.text.trimmed }.filter { !$0.isEmpty } : []
        return PollDefinition(
            id: id, question: question.text.trimmed, type: type, options: texts,
            scale: type == .scale ? RatingScale(min: 1, max: 5) : nil,
            maxLength: type == .open ? 280 : nil, points: type == .allocation ? 100 : nil)
    }
}

private extension String {
    var trimmed: String {
        var result = Substring(self)
        while result.first?.isWhitespace == true { result.removeFirst() }
        while result.last?.isWhitespace == true { result.removeLast() }
        return String(result)
    }
}
