import PlenaryEngine

/// The keys of a Q&A or ideas board at a voter screen (the attached kiosk, `plenary attach --voter`, and over SSH):
/// the list, and the question or idea being written. The context says whether the board takes a name (Tab).
public enum VoterBoardKeys {
    typealias Key = KeyBinding<Bool, QAVoterInput>

    public static let list = KeyTable<Bool, QAVoterInput>([
        Key([.key(.up), .key(.down), .char("k"), .char("j")], "Choose an item", footer: "choose", footerKeys: 2) { key, _ in
            .move(key == .up || key == .character("k") ? -1 : 1)
        },
        Key([.key(.pageUp), .key(.pageDown)], "A page up or down") { key, _ in .page(key == .pageUp ? -1 : 1) },
        Key([.char(" "), .char("+")], "Upvote the item; again: take your upvote back", footer: "upvote", always: .toggleUpvote),
        Key([.char("n")], "Write a new question or idea", footer: "write", always: .write),
        Key([.key(.enter), .key(.escape)], "Done: end your turn", footer: "done", always: .finish),
    ])

    public static let draft = KeyTable<Bool, QAVoterInput>([
        Key([.key(.enter)], "Send it", footer: "send", always: .send),
        Key([.key(.escape)], "Back to the list (what you wrote is dropped)", footer: "back", always: .cancel),
        Key([.key(.tab), .key(.backTab)], "Between your text and your name (boards that take names)") { _, takesName in
            takesName ? .switchField : nil
        },
        Key([.key(.left), .key(.right)], "A character back or on") { key, _ in .edit(key == .left ? .left : .right) },
        Key([.key(.controlArrow(.left)), .key(.altArrow(.left))], "A word back", always: .edit(.wordLeft)),
        Key([.key(.controlArrow(.right)), .key(.altArrow(.right))], "A word on", always: .edit(.wordRight)),
        Key([.key(.home), .ctrl("a")], "Start of the line", always: .edit(.home)),
        Key([.key(.end), .ctrl("e")], "End of the line", always: .edit(.end)),
        Key([.key(.backspace)], "Delete the character before the cursor", always: .edit(.backspace)),
        Key([.key(.delete)], "Delete the character under the cursor", always: .edit(.deleteForward)),
        Key([.ctrl("w")], "Delete the word before the cursor", always: .edit(.deleteWordBackward)),
        Key([.ctrl("u")], "Delete to the start of the line", always: .edit(.deleteToStart)),
        Key([.ctrl("k")], "Delete to the end of the line", always: .edit(.deleteToEnd)),
        Key([.printable], "Typed into the field") { key, _ in
            guard case .character(let character) = key else { return nil }
            return .edit(.insert(String(character)))
        },
        Key([.paste], "Goes into the field as text (a line break becomes a space)") { key, _ in
            guard case .paste(let text) = key else { return nil }
            return .edit(.paste(text))
        },
    ])

    /// The table for where the participant is on the board.
    static func table(for place: QAVoterBoard) -> KeyTable<Bool, QAVoterInput> {
        place.draft == nil ? list : draft
    }
}
