/// Handing the terminal to voters (with a PIN set up first if there is none) and taking it back.
enum VoterModeReducer {
    static func reduce(_ state: inout WorkshopState, _ action: VoterModeAction) -> [Effect] {
        switch action {
        case .message(let text):
            state.voter?.message = text
        case .start:
            let open = state.polls.filter { $0.status == .open }
            guard !open.isEmpty || state.boardForCurrentSlot != nil else {
                WorkshopReducer.refuse(&state, "Open a poll first: voters can only answer open polls (or use this slot's Q&A board).")
                break
            }
            if state.voterPIN == nil {
                state.screen = .setPIN(editor: LineEditor(limit: SecretHash.pinMaximumLength), first: nil)
            } else {
                state.voter = VoterSession(pollIDs: open.map(\.id))
                return [.discardInput]
            }
        case .resume:
            guard state.voterPIN != nil else { break }
            state.voter = VoterSession(pollIDs: state.polls.filter { $0.status == .open }.map(\.id))
            return [.discardInput]
        case .loadCodeBook(let book):
            state.codeBook = book
        case .editNewPIN(let edit):
            if case .setPIN(var editor, let first) = state.screen {
                editor.apply(edit)
                state.screen = .setPIN(editor: editor, first: first)
            }
        case .submitNewPIN:
            return submitNewPIN(&state)
        case .pinChecked(let matches):
            return VoterReducer.pinChecked(&state, matches: matches)
        case .pinReady(let hash):
            state.voterPIN = hash
            let open = state.polls.filter { $0.status == .open }
            if !open.isEmpty || state.boardForCurrentSlot != nil {
                state.voter = VoterSession(pollIDs: open.map(\.id))
                return [.discardInput]
            }
        }
        return []
    }

    /// The PIN is typed twice; only the second, matching one is hashed.
    private static func submitNewPIN(_ state: inout WorkshopState) -> [Effect] {
        guard case .setPIN(let editor, let first) = state.screen else { return [] }
        let typed = editor.text
        if let first {
            guard typed == first else {
                state.screen = .setPIN(editor: LineEditor(limit: SecretHash.pinMaximumLength), first: nil)
                WorkshopReducer.refuse(&state, "The two PINs differ. Type a new PIN again.")
                return []
            }
            state.screen = .agenda
            return [.hashPIN(typed)]
        }
        guard typed.count >= SecretHash.pinMinimumLength else {
            WorkshopReducer.refuse(&state, "A PIN needs at least \(SecretHash.pinMinimumLength) characters.")
            return []
        }
        state.screen = .setPIN(editor: LineEditor(limit: SecretHash.pinMaximumLength), first: typed)
        return []
    }
}
