/// One line of text being typed, with a cursor. Pure: key maps turn keys into `LineEdit`s.
public struct LineEditor: Sendable, Equatable {
    public private(set) var characters: [Character]
    /// Position between characters, 0...characters.count.
    public private(set) var cursor: Int
    /// Longest text accepted, in characters (nil: no limit).
    public var limit: Int?
    /// Characters the last edit could not add because of `limit` (0 when it fit), for the screen to say so.
    public private(set) var refusedCount = 0

    public init(_ text: String = "", limit: Int? = nil) {
        characters = Array(text)
        cursor = characters.count
        self.limit = limit
    }

    /// Characters still accepted (nil: no limit).
    public var room: Int? { limit.map { max(0, $0 - characters.count) } }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    public mutating func apply(_ edit: LineEdit) {
        refusedCount = 0
        switch edit {
        case .insert(let text):
            // `TextPolicy` for one line: control characters and bidi overrides never enter the text, a line
            // break (CR LF included) or a tab becomes one space.
            let clean = Array(TextPolicy.cleaned(text, for: .line))
            // What does not fit is refused whole, never cut where the limit falls: a cut paste ended in a
            // fragment of a word ("lon") that nobody typed, and the word list counted it.
            guard clean.count <= room ?? clean.count else {
                refusedCount = clean.count
                return
            }
            characters.insert(contentsOf: clean, at: cursor)
            cursor += clean.count
        case .paste(let text):
            // A copied line usually brings its line break along: at the ends it is not worth a space.
            apply(.insert(String(TextPolicy.cleaned(text, for: .lines).trimmingLineBreaks)))
        case .backspace:
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .deleteForward:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        case .wordLeft: cursor = wordStart(before: cursor)
        case .wordRight: cursor = wordEnd(after: cursor)
        case .deleteWordBackward:
            let start = wordStart(before: cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .deleteToStart:
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .deleteToEnd:
            characters.removeSubrange(cursor...)
        }
    }

    private func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    private func wordStart(before position: Int) -> Int {
        var index = position
        while index > 0, !isWordCharacter(characters[index - 1]) { index -= 1 }
        while index > 0, isWordCharacter(characters[index - 1]) { index -= 1 }
        return index
    }

    private func wordEnd(after position: Int) -> Int {
        var index = position
        while index < characters.count, !isWordCharacter(characters[index]) { index += 1 }
        while index < characters.count, isWordCharacter(characters[index]) { index += 1 }
        return index
    }
}

public enum LineEdit: Sendable, Equatable {
    /// Typed text; cleaned (`TextPolicy`, one line), and refused whole if more than `limit` leaves room for.
    case insert(String)
    /// Pasted text: like `insert`, without the line breaks at its start and end (after control characters are dropped).
    case paste(String)
    case backspace
    case deleteForward
    case left, right, home, end
    case wordLeft, wordRight
    case deleteWordBackward
    case deleteToStart
    case deleteToEnd
}

private extension String {
    /// Without the "\n"s at either end.
    var trimmingLineBreaks: Substring {
        var text = Substring(self)
        while text.first == "\n" { text.removeFirst() }
        while text.last == "\n" { text.removeLast() }
        return text
    }
}
