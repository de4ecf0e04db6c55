import PlenaryEngine

/// Keys that edit a ballot, the same for the moderator's form and the voter screen. The context says whether the
/// question takes text (a line editor) or choices, a scale or an order.
enum BallotKeys {
    typealias Key = KeyBinding<Bool, BallotDraft.Edit>

    static let edits = KeyTable<Bool, BallotDraft.Edit>([
        Key([.key(.up), .key(.down), .key(.left), .key(.right)], "Move between options, change a rating, move an item; in a dot vote → adds a dot, ← takes one off") { key, _ in
            switch key {
            case .up: .up
            case .down: .down
            case .left: .left
            default: .right
            }
        },
        Key([.key(.home), .ctrl("a")], "Start of the answer") { _, isText in isText ? .line(.home) : nil },
        Key([.key(.end), .ctrl("e")], "End of the answer") { _, isText in isText ? .line(.end) : nil },
        Key([.key(.delete)], "Delete the character under the cursor") { _, isText in isText ? .line(.deleteForward) : nil },
        Key([.key(.backspace)], "Delete a character; in a choice, clear it (a dot vote: take a dot off)") { _, isText in isText ? .line(.backspace) : .erase },
        Key([.ctrl("w")], "Delete the word before the cursor") { _, isText in isText ? .line(.deleteWordBackward) : nil },
        Key([.ctrl("u")], "Delete to the start of the answer") { _, isText in isText ? .line(.deleteToStart) : nil },
        Key([.ctrl("k")], "Delete to the end of the answer") { _, isText in isText ? .line(.deleteToEnd) : nil },
        Key([.char(" ")], "Pick or unpick an option (a dot vote: add a dot); hold or drop a ranking item", always: .toggle),
        Key([.key(.controlArrow(.left)), .key(.altArrow(.left))], "A word back") { _, isText in isText ? .line(.wordLeft) : nil },
        Key([.key(.controlArrow(.right)), .key(.altArrow(.right))], "A word on") { _, isText in isText ? .line(.wordRight) : nil },
        Key([.printable], "Typed into an open answer") { key, isText in
            guard isText, case .character(let character) = key else { return nil }
            return .line(.insert(String(character)))
        },
        // One event, cleaned by the line editor: a line break or a control character in it never acts as a key.
        Key([.paste], "Goes into an open answer as text") { key, isText in
            guard isText, case .paste(let text) = key else { return nil }
            return .line(.paste(text))
        },
        Key([.numbers], "Choose an option or a rating by its number") { key, _ in
            guard case .character(let digit) = key, let number = Int(String(digit)) else { return nil }
            return .digit(number)
        },
    ])

    static func edit(for key: KeyEvent, isText: Bool) -> BallotDraft.Edit? {
        edits.action(for: key, in: isText)
    }
}
