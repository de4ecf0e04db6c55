import PlenaryCore

/// Keys that edit a ballot, the same for the moderator's form and the voter screen.
enum BallotKeys {
    static func edit(for key: KeyEvent, isText: Bool) -> BallotDraft.Edit? {
        switch key {
        case .up: .up
        case .down: .down
        case .left: .left
        case .right: .right
        case .home where isText: .line(.home)
        case .end where isText: .line(.end)
        case .delete where isText: .line(.deleteForward)
        case .backspace: isText ? .line(.backspace) : .erase
        case .control("w") where isText: .line(.deleteWordBackward)
        case .control("u") where isText: .line(.deleteToStart)
        case .control("k") where isText: .line(.deleteToEnd)
        case .control("a") where isText: .line(.home)
        case .control("e") where isText: .line(.end)
        case .character(" "): .toggle
        case .controlArrow(.left) where isText, .altArrow(.left) where isText: .line(.wordLeft)
        case .controlArrow(.right) where isText, .altArrow(.right) where isText: .line(.wordRight)
        case .character(let character) where isText: .line(.insert(String(character)))
        // One event, cleaned by the line editor: a line break or a control character in it never acts as a key.
        case .paste(let text) where isText: .line(.paste(text))
        case .character(let character) where character.isASCII && character.isWholeNumber: .digit(Int(String(character))!)
        default: nil
        }
    }
}
