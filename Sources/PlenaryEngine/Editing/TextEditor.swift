/// Text being typed into a form field, possibly over several lines, with a cursor and undo.
///
/// Pure: key maps turn keys into `TextEdit`s, `TextEditorView` draws it. The text is kept as lines of
/// `Character`s, so a cursor can never stand inside an accented letter, a CJK character or an emoji
/// sequence, and `lines` always equals what splitting `text` at "\n" gives (an edit re-reads the
/// lines it touched as text, so a combining mark typed after "e" becomes the single character "é").
///
/// Decisions:
/// - `limit` counts characters of `text`, a line break counting as one (as an HTML `maxlength`).
///   An edit that would take the text past it is refused whole: `apply` returns `.refused` and
///   nothing changes. A paste is never cut to fit, because a facilitator would not notice the
///   missing end of what they pasted. Text that is already longer (given to `init`) is kept as is;
///   only edits that make it longer still are refused.
/// - Vertical motion here is by logical line, keeping a column counted in characters
///   (`preferredColumn`). The core cannot know how wide a character is on screen or where the view
///   wraps, so moving by what the user sees (wrapped rows, display columns) is
///   `TextEditorView.visualMove`, which stores its own goal in `preferredDisplayColumn`.
/// - Undo works in steps: consecutive typing, consecutive backspaces and consecutive forward deletes
///   each make one step; every other change (a paste, a line break, a word or line deletion) is a
///   step of its own. Motions end the current step. `Equatable` compares the history too: two
///   editors are equal only if undo would also do the same.
public struct TextEditor: Sendable, Equatable {
    /// A place between characters: `column` characters into line `line`.
    public struct Position: Sendable, Hashable, Comparable {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }

        public static func < (lhs: Position, rhs: Position) -> Bool {
            (lhs.line, lhs.column) < (rhs.line, rhs.column)
        }
    }

    /// What `apply` did, so a key map can beep, show "too long" or move focus to the next field.
    public enum Outcome: Sendable, Equatable {
        /// The text changed (an undo or redo included).
        case edited
        /// Only the cursor moved.
        case moved
        /// Nothing to do (backspace at the start, ↑ on the first line, Enter on a single line,
        /// input that was nothing but control characters). The editor is exactly as before.
        case unchanged
        /// The text would have grown past `limit`. The editor is exactly as before.
        case refused
    }

    /// Never empty; lines hold no "\n".
    public private(set) var lines: [[Character]]
    /// Always valid: `line` in `lines.indices`, `column` in `0...lines[line].count`.
    public private(set) var cursor: Position
    /// False for a one-line field: line breaks in input become spaces and `.newline` does nothing.
    public let multiline: Bool
    /// Most characters accepted (a line break counts as one); nil for no limit.
    public let limit: Int?
    /// The column, in characters, that consecutive `.up`/`.down` aim for across shorter lines.
    public private(set) var preferredColumn: Int?
    /// The display column `TextEditorView.visualMove` aims for across shorter rows. The core only
    /// keeps it; every other motion or edit forgets it.
    public private(set) var preferredDisplayColumn: Int?

    private var undoStack: [Snapshot] = []
    private var redoStack: [Snapshot] = []
    /// The kind of the step still open for coalescing, nil when the next change starts a new step.
    private var openStep: StepKind?

    /// Undo steps kept; older ones are forgotten so a long session does not grow without end.
    public static let undoDepth = 200

    /// Starts with the cursor at the end. `text` is cleaned like typed input (see `TextEdit.insert`)
    /// but never cut to `limit`.
    public init(_ text: String = "", multiline: Bool = true, limit: Int? = nil) {
        self.multiline = multiline
        self.limit = limit
        lines = Self.cleaned(text, multiline: multiline)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { Array($0) }
        cursor = Position(line: lines.count - 1, column: lines[lines.count - 1].count)
    }

    /// The lines joined with "\n".
    public var text: String {
        lines.map { String($0) }.joined(separator: "\n")
    }

    /// Characters in `text`, each line break counting as one: what `limit` is compared with.
    public var count: Int {
        lines.reduce(lines.count - 1) { $0 + $1.count }
    }

    public var isEmpty: Bool { lines.count == 1 && lines[0].isEmpty }
    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    /// The first and last positions of the text.
    public var start: Position { Position(line: 0, column: 0) }
    public var end: Position { Position(line: lines.count - 1, column: lines[lines.count - 1].count) }

    @discardableResult
    public mutating func apply(_ edit: TextEdit) -> Outcome {
        switch edit {
        case .insert(let text):
            let clean = Self.cleaned(text, multiline: multiline)
            return replace(cursor..<cursor, with: clean, step: clean.contains("\n") ? nil : .typing)
        case .paste(let text):
            return replace(cursor..<cursor, with: Self.cleaned(text, multiline: multiline), step: nil)
        case .newline:
            return multiline ? replace(cursor..<cursor, with: "\n", step: nil) : .unchanged
        case .backspace:
            return replace(position(before: cursor)..<cursor, with: "", step: .deletingBackward)
        case .deleteForward:
            return replace(cursor..<position(after: cursor), with: "", step: .deletingForward)
        case .deleteWordBackward:
            return replace(wordStart(before: cursor)..<cursor, with: "", step: nil)
        case .deleteWordForward:
            return replace(cursor..<wordEnd(after: cursor), with: "", step: nil)
        case .deleteToLineStart:
            return replace(Position(line: cursor.line, column: 0)..<cursor, with: "", step: nil)
        case .deleteLine:
            let lineEnd = Position(line: cursor.line, column: lines[cursor.line].count)
            return replace(cursor..<(cursor == lineEnd ? position(after: cursor) : lineEnd), with: "", step: nil)
        case .left: return move(to: position(before: cursor))
        case .right: return move(to: position(after: cursor))
        case .home: return move(to: Position(line: cursor.line, column: 0))
        case .end: return move(to: Position(line: cursor.line, column: lines[cursor.line].count))
        case .documentStart: return move(to: start)
        case .documentEnd: return move(to: end)
        case .wordLeft: return move(to: wordStart(before: cursor))
        case .wordRight: return move(to: wordEnd(after: cursor))
        case .up: return moveVertically(by: -1)
        case .down: return moveVertically(by: 1)
        case .moveTo(let position, let goal):
            let target = clamped(position)
            guard target != cursor || goal != preferredDisplayColumn else { return .unchanged }
            moveCursor(to: target, preferredDisplayColumn: goal)
            return .moved
        case .undo:
            guard let snapshot = undoStack.popLast() else { return .unchanged }
            redoStack.append(Snapshot(lines: lines, cursor: cursor))
            return restore(snapshot)
        case .redo:
            guard let snapshot = redoStack.popLast() else { return .unchanged }
            undoStack.append(Snapshot(lines: lines, cursor: cursor))
            return restore(snapshot)
        }
    }

    /// Puts the cursor at `position` (clamped to the text) as a motion: it ends the current undo
    /// step. `preferredDisplayColumn` is kept for the next visual ↑/↓; pass nil for any other move.
    public mutating func moveCursor(to position: Position, preferredDisplayColumn goal: Int? = nil) {
        cursor = clamped(position)
        preferredColumn = nil
        preferredDisplayColumn = goal
        openStep = nil
    }

    /// What may enter the text: `TextPolicy` for a multi-line field (line breaks kept as "\n") or a one-line
    /// one (a line break becomes a space).
    public static func cleaned(_ text: String, multiline: Bool) -> String {
        TextPolicy.cleaned(text, for: multiline ? .lines : .line)
    }

    // MARK: - Changing the text

    private struct Snapshot: Sendable, Equatable {
        var lines: [[Character]]
        var cursor: Position
    }

    private enum StepKind: Sendable, Equatable {
        case typing, deletingBackward, deletingForward
    }

    /// Replaces the characters in `range` by `inserted` (already cleaned) and leaves the cursor after
    /// it. `step`: the kind of undo step this continues when the previous change was of the same kind;
    /// nil always starts a step of its own.
    private mutating func replace(_ range: Range<Position>, with inserted: String, step: StepKind?) -> Outcome {
        if range.isEmpty && inserted.isEmpty { return .unchanged }
        let before = String(lines[range.lowerBound.line][..<range.lowerBound.column])
        let after = String(lines[range.upperBound.line][range.upperBound.column...])
        let pieces = inserted.split(separator: "\n", omittingEmptySubsequences: false)
        var replacement = pieces.map { String($0) }
        replacement[0] = before + replacement[0]
        let cursorLine = replacement.count - 1
        // Counted before `after` is added: the cursor ends after the insertion even when the text
        // around it now forms different characters ("e" + "\u{301}" becomes "é").
        let cursorColumn = replacement[cursorLine].count
        replacement[cursorLine] += after
        let newLines = replacement.map { Array($0) }

        let oldLines = lines[range.lowerBound.line...range.upperBound.line]
        if newLines.elementsEqual(oldLines) { return .unchanged }
        let oldCount = oldLines.reduce(oldLines.count - 1) { $0 + $1.count }
        let newCount = newLines.reduce(newLines.count - 1) { $0 + $1.count }
        if let limit, newCount > oldCount, count - oldCount + newCount > limit { return .refused }

        if step == nil || step != openStep { recordUndoStep() }
        openStep = step
        redoStack.removeAll()
        lines.replaceSubrange(range.lowerBound.line...range.upperBound.line, with: newLines)
        let line = range.lowerBound.line + cursorLine
        cursor = Position(line: line, column: min(cursorColumn, lines[line].count))
        preferredColumn = nil
        preferredDisplayColumn = nil
        return .edited
    }

    private mutating func recordUndoStep() {
        undoStack.append(Snapshot(lines: lines, cursor: cursor))
        if undoStack.count > Self.undoDepth { undoStack.removeFirst(undoStack.count - Self.undoDepth) }
    }

    /// Puts back the text of an undo or redo step; the step ends any open one.
    private mutating func restore(_ snapshot: Snapshot) -> Outcome {
        lines = snapshot.lines
        cursor = snapshot.cursor
        preferredColumn = nil
        preferredDisplayColumn = nil
        openStep = nil
        return .edited
    }

    // MARK: - Motion

    private mutating func move(to position: Position) -> Outcome {
        guard position != cursor else { return .unchanged }
        moveCursor(to: position)
        return .moved
    }

    private mutating func moveVertically(by delta: Int) -> Outcome {
        let line = cursor.line + delta
        guard lines.indices.contains(line) else { return .unchanged }
        let goal = preferredColumn ?? cursor.column
        cursor = Position(line: line, column: min(goal, lines[line].count))
        preferredColumn = goal
        preferredDisplayColumn = nil
        openStep = nil
        return .moved
    }

    /// The nearest position inside the text.
    private func clamped(_ position: Position) -> Position {
        let line = min(max(0, position.line), lines.count - 1)
        return Position(line: line, column: min(max(0, position.column), lines[line].count))
    }

    /// One character back, to the end of the previous line from a line's start; stays at the text's start.
    private func position(before position: Position) -> Position {
        if position.column > 0 { return Position(line: position.line, column: position.column - 1) }
        if position.line > 0 { return Position(line: position.line - 1, column: lines[position.line - 1].count) }
        return position
    }

    /// One character on, to the start of the next line from a line's end; stays at the text's end.
    private func position(after position: Position) -> Position {
        if position.column < lines[position.line].count { return Position(line: position.line, column: position.column + 1) }
        if position.line + 1 < lines.count { return Position(line: position.line + 1, column: 0) }
        return position
    }

    /// The character just before `position` ("\n" at a line's start), nil at the text's start.
    private func character(before position: Position) -> Character? {
        if position.column > 0 { return lines[position.line][position.column - 1] }
        return position.line > 0 ? "\n" : nil
    }

    /// The character just after `position` ("\n" at a line's end), nil at the text's end.
    private func character(after position: Position) -> Character? {
        if position.column < lines[position.line].count { return lines[position.line][position.column] }
        return position.line + 1 < lines.count ? "\n" : nil
    }

    /// Words are runs of letters and digits; punctuation, spaces, emoji and line breaks separate them.
    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// The start of the word before `position`, skipping separators first (across lines).
    private func wordStart(before position: Position) -> Position {
        var result = position
        while let character = character(before: result), !Self.isWordCharacter(character) { result = self.position(before: result) }
        while let character = character(before: result), Self.isWordCharacter(character) { result = self.position(before: result) }
        return result
    }

    /// The end of the word after `position`, skipping separators first (across lines).
    private func wordEnd(after position: Position) -> Position {
        var result = position
        while let character = character(after: result), !Self.isWordCharacter(character) { result = self.position(after: result) }
        while let character = character(after: result), Self.isWordCharacter(character) { result = self.position(after: result) }
        return result
    }
}

/// One thing a key (or a paste) does to a `TextEditor`.
public enum TextEdit: Sendable, Equatable {
    /// Typed text: cleaned (`TextEditor.cleaned`), then inserted; consecutive typing is one undo step.
    case insert(String)
    /// Like `insert`, but always an undo step of its own.
    case paste(String)
    /// Splits the line at the cursor (nothing on a single-line field).
    case newline
    /// Deletes the character before the cursor; at a line's start, joins the line to the one above.
    case backspace
    /// Deletes the character after the cursor; at a line's end, joins the next line to this one.
    case deleteForward
    /// One character, crossing line ends.
    case left, right
    /// One logical line, keeping `preferredColumn` (see `TextEditorView.visualMove` for wrapped rows).
    case up, down
    /// Start and end of the current line.
    case home, end
    case documentStart, documentEnd
    /// To the start of this or the previous word, or past the end of the next one, across lines.
    case wordLeft, wordRight
    /// Deletes back to where `wordLeft` would go (Ctrl-W, Alt-Backspace).
    case deleteWordBackward
    /// Deletes on to where `wordRight` would go (Alt-D).
    case deleteWordForward
    /// Deletes from the line's start to the cursor (Ctrl-U).
    case deleteToLineStart
    /// Deletes from the cursor to the line's end; at the end, joins the next line (Ctrl-K).
    case deleteLine
    case undo, redo
    /// Puts the cursor at a position worked out from what the screen shows (`TextEditorView.visualMove`),
    /// keeping `preferredDisplayColumn` for the next visual ↑/↓. A motion, like `moveCursor(to:)`; clamped.
    case moveTo(TextEditor.Position, preferredDisplayColumn: Int?)
}
