import PlenaryEngine

/// The bindings of the Q&A queue (`Q` on the agenda) and of the line it asks for an edit, a merge or a typed-in item.
public enum QAKeys {
    public static let queue = ScreenKeys([
        ScreenKey([.key(.up), .key(.down), .char("k"), .char("j")], "Choose an item", footer: "choose", footerKeys: 2) { key, _ in
            .qa(.moveSelection(by: key == .up || key == .character("k") ? -1 : 1))
        },
        ScreenKey([.key(.pageUp), .key(.pageDown)], "A page up or down", footer: "page", footerKeys: 2) { key, context in
            let rows = QAQueueView.pageSize(height: ModeratorScreen.bodyArea(context.size).height, prompting: false)
            return .qa(.moveSelection(by: key == .pageUp ? -rows : rows))
        },
        ScreenKey([.char("a")], "Approve the item: the room sees it", footer: "approve", always: .qa(.approve)),
        ScreenKey([.char("h")], "Hide the item from the room", footer: "hide", always: .qa(.hide)),
        ScreenKey([.char("u")], "Undo the last hide", footer: "undo", always: .qa(.undoHide)),
        ScreenKey([.key(.enter)], "Highlight the item on the projector (again: take it off)", footer: "highlight",
                  always: .qa(.highlight)),
        ScreenKey([.char("d")], "Mark the item answered (done)", footer: "answered", always: .qa(.answer)),
        ScreenKey([.char("m")], "Merge the item, a duplicate, into another (its number)", footer: "merge",
                  always: .qa(.startPrompt(.merge))),
        ScreenKey([.char("e")], "Edit the item's text (a typo; the original stays in the journal)", footer: "edit",
                  always: .qa(.startPrompt(.edit))),
        ScreenKey([.char("1"), .char("2"), .char("3"), .char("4")], "Show pending, approved, answered or hidden items") { key, _ in
            guard case .character(let digit) = key, let number = Int(String(digit)), (1...4).contains(number) else { return nil }
            return .qa(.setFilter(QAFilter.allCases[number - 1]))
        },
        ScreenKey([.char("o")], "Sort by votes or by time", footer: "sort", always: .qa(.toggleOrder)),
        ScreenKey([.char("n")], "Type in a question or idea handed over on paper", always: .qa(.startPrompt(.submit))),
        ScreenKey([.key(.tab)], "The next board (the workshop's, each slot's)", always: .qa(.nextBoard)),
        ScreenKey([.char("W")], "Where phones take part: address, room code, QR code (with --web)", always: .app(.showJoinCode)),
        ScreenKey([.char("R")], "Ideas board: the top ideas → a ranking poll, opened", always: .qa(.pollFromTop(.ranking))),
        ScreenKey([.char("D")], "Ideas board: the top ideas → a dot vote (3 dots each), opened", always: .qa(.pollFromTop(.multiple))),
        ScreenKey([.key(.escape), .char("q"), .char("Q")], "Back to the agenda", footer: "back", always: .app(.dismissOverlay)),
        ScreenKey([.char("?"), .key(.function(1))], "Show this help", always: .app(.showHelp)),
    ])

    public static let prompt = ScreenKeys([
        ScreenKey([.key(.enter)], "Record it", footer: "ok", always: .qa(.submitPrompt)),
        ScreenKey([.key(.escape)], "Cancel", footer: "cancel", always: .qa(.cancelPrompt)),
        ScreenKey([.key(.left), .key(.right)], "Move the cursor") { key, _ in .qa(.editPrompt(key == .left ? .left : .right)) },
        ScreenKey([.key(.home), .ctrl("a")], "Start of the line", always: .qa(.editPrompt(.home))),
        ScreenKey([.key(.end), .ctrl("e")], "End of the line", always: .qa(.editPrompt(.end))),
        ScreenKey([.key(.backspace)], "Delete the character before the cursor", always: .qa(.editPrompt(.backspace))),
        ScreenKey([.key(.delete)], "Delete the character under the cursor", always: .qa(.editPrompt(.deleteForward))),
        ScreenKey([.ctrl("u")], "Delete to the start of the line", always: .qa(.editPrompt(.deleteToStart))),
        ScreenKey([.printable], "Typed into the field") { key, _ in
            guard case .character(let character) = key else { return nil }
            return .qa(.editPrompt(.insert(String(character))))
        },
        ScreenKey([.paste], "Goes into the field as text") { key, _ in
            guard case .paste(let text) = key else { return nil }
            return .qa(.editPrompt(.paste(text)))
        },
    ])
}
