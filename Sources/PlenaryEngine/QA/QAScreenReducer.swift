/// Routes `QAAction`s: participants' requests become recorded commands; the moderator's keys move through the queue
/// and record moderation of the selected item.
enum QAScreenReducer {
    static func reduce(_ state: inout WorkshopState, _ action: QAAction) -> [Effect] {
        switch action {
        case .participate(let participant, let request):
            return participate(&state, participant, request)
        case .open:
            guard let board = state.boardForCurrentSlot else {
                WorkshopReducer.refuse(&state, "This session has no Q&A board: add qa: to the session file.")
                return []
            }
            let premoderated = state.qaBoard(board)?.definition.premoderation ?? true
            state.screen = .qa(QAScreen(board: board, filter: premoderated ? .pending : .approved))
            return []
        case .nextBoard:
            guard var screen = currentScreen(state), let index = state.qa.firstIndex(where: { $0.id == screen.board }) else { return [] }
            guard state.qa.count > 1 else {
                WorkshopReducer.refuse(&state, "This session has one board.")
                return []
            }
            screen = QAScreen(board: state.qa[(index + 1) % state.qa.count].id, filter: screen.filter, order: screen.order)
            state.screen = .qa(screen)
            return []
        case .setFilter(let filter):
            update(&state) { $0.filter = filter; $0.selection = 0 }
            return []
        case .toggleOrder:
            update(&state) { $0.order = $0.order == .votes ? .time : .votes; $0.selection = 0 }
            return []
        case .moveSelection(let step):
            guard let screen = currentScreen(state), let board = state.qaBoard(screen.board) else { return [] }
            let count = board.counts[screen.filter]
            update(&state) { $0.selection = max(0, min(count - 1, $0.selection + step)) }
            return []
        case .approve:
            return moderate(&state) { .approve(board: $0, item: $1) }
        case .hide:
            return moderate(&state) { .hide(board: $0, item: $1) }
        case .answer:
            return moderate(&state) { .answer(board: $0, item: $1) }
        case .highlight:
            guard let screen = currentScreen(state), let board = state.qaBoard(screen.board) else { return [] }
            let highlighted = board.highlighted
            return moderate(&state) { .highlight(board: $0, item: $1 == highlighted ? nil : $1) }
        case .undoHide:
            guard let screen = currentScreen(state), let board = state.qaBoard(screen.board) else { return [] }
            guard let last = board.hiddenOrder.last else {
                WorkshopReducer.refuse(&state, "Nothing hidden to bring back.")
                return []
            }
            let recording = WorkshopReducer.record(.qa(.unhide(board: screen.board, item: last)), in: &state)
            if recording.isRecorded { WorkshopReducer.inform(&state, "Item \(last) is back.", .success) }
            return recording.effects
        case .startPrompt(let kind):
            return startPrompt(&state, kind)
        case .editPrompt(let edit):
            update(&state) { screen in
                guard var prompt = screen.prompt else { return }
                if prompt.takesDigitsOnly, case .insert(let text) = edit, !text.allSatisfy(\.isNumber) { return }
                prompt.editor.apply(edit)
                screen.prompt = prompt
            }
            return []
        case .cancelPrompt:
            update(&state) { $0.prompt = nil }
            return []
        case .submitPrompt:
            return submitPrompt(&state)
        case .pollFromTop(let type):
            return pollFromTop(&state, type: type)
        }
    }

    /// Ideas put to the room in a poll: at most this many of the most upvoted.
    static let pollOptionLimit = 8

    /// The ideas board's most upvoted open items (approved, not answered) as the options of a new poll, opened.
    private static func pollFromTop(_ state: inout WorkshopState, type: PollType) -> [Effect] {
        guard let screen = currentScreen(state), let board = state.qaBoard(screen.board) else { return [] }
        guard board.definition.kind == .ideas else {
            WorkshopReducer.refuse(&state, "Only an ideas board becomes a poll.")
            return []
        }
        // The best approved ideas only: ranking every item to keep a few would cost a sorted insert per item.
        let items = board.items.lazy.filter { $0.isPublic && $0.status == .approved }.best(pollOptionLimit, by: QAQueue.ranks)
        guard items.count >= 2 else {
            WorkshopReducer.refuse(&state, "A poll needs at least two approved ideas.")
            return []
        }
        var seen = Set<String>()
        let options = items.map { item -> String in
            seen.insert(item.text).inserted ? item.text : "\(item.text) (\(item.number))"
        }
        var suffix = 1
        while state.poll("ideas-\(suffix)") != nil { suffix += 1 }
        let id = "ideas-\(suffix)"
        let dots = min(3, options.count)
        let question = type == .ranking ? "Rank these ideas, most important first" : "Which ideas should we take forward? (\(dots) dots each)"
        let definition = PollDefinition(id: id, question: question, type: type == .ranking ? .ranking : .multiple,
                                        options: options, maxPicks: type == .ranking ? nil : dots)
        let created = WorkshopReducer.record(.poll(.create(definition)), in: &state)
        guard created.isRecorded else { return [] }
        let effects = created.effects + WorkshopReducer.record(.poll(.open(poll: id)), in: &state).effects
        state.screen = .poll(id: id)
        WorkshopReducer.inform(&state, "Poll made from the top \(options.count) ideas and opened: v hands it to the room.", .success)
        return effects
    }

    private static func currentScreen(_ state: WorkshopState) -> QAScreen? {
        if case .qa(let screen) = state.screen { return screen }
        return nil
    }

    private static func update(_ state: inout WorkshopState, _ change: (inout QAScreen) -> Void) {
        guard var screen = currentScreen(state) else { return }
        change(&screen)
        state.screen = .qa(screen)
    }

    /// The selected item's number, or nil (with a message) when the list is empty.
    static func selectedItem(_ state: WorkshopState) -> Int? {
        guard let screen = currentScreen(state), let board = state.qaBoard(screen.board) else { return nil }
        let numbers = QAQueue.numbers(board, filter: screen.filter, order: screen.order)
        return screen.selection < numbers.count ? numbers[screen.selection] : numbers.last
    }

    private static func moderate(_ state: inout WorkshopState, _ command: (String, Int) -> QACommand) -> [Effect] {
        guard let screen = currentScreen(state) else { return [] }
        guard let item = selectedItem(state) else {
            WorkshopReducer.refuse(&state, "No item here: choose another filter with 1-4.")
            return []
        }
        let effects = WorkshopReducer.record(.qa(command(screen.board, item)), in: &state).effects
        keepSelectionInList(&state)
        return effects
    }

    /// After an item leaves the filter (approved, hidden, answered), the selection stays on the row it was on.
    private static func keepSelectionInList(_ state: inout WorkshopState) {
        guard let screen = currentScreen(state), let board = state.qaBoard(screen.board) else { return }
        let count = board.counts[screen.filter]
        update(&state) { $0.selection = max(0, min($0.selection, count - 1)) }
    }

    private static func startPrompt(_ state: inout WorkshopState, _ kind: QAPromptKind) -> [Effect] {
        guard let screen = currentScreen(state), let board = state.qaBoard(screen.board) else { return [] }
        let purpose: QAPrompt.Purpose
        var editor = LineEditor(limit: board.definition.maxLength)
        switch kind {
        case .submit:
            purpose = .submit
        case .edit, .merge:
            guard let item = selectedItem(state) else {
                WorkshopReducer.refuse(&state, "No item here: choose another filter with 1-4.")
                return []
            }
            if kind == .edit {
                purpose = .edit(item: item)
                editor = LineEditor(board.items[item - 1].text, limit: board.definition.maxLength)
            } else {
                purpose = .merge(duplicate: item)
                editor = LineEditor(limit: 6)
            }
        }
        update(&state) { $0.prompt = QAPrompt(purpose: purpose, editor: editor) }
        return []
    }

    private static func submitPrompt(_ state: inout WorkshopState) -> [Effect] {
        guard let screen = currentScreen(state), let prompt = screen.prompt, let board = state.qaBoard(screen.board) else { return [] }
        let command: QACommand
        switch prompt.purpose {
        case .submit:
            switch QAParticipation.command(for: .submit(board: screen.board, text: prompt.editor.text, name: nil),
                                           by: .moderator, in: state) {
            case .success(let resolved): command = resolved
            case .failure(let refusal):
                WorkshopReducer.refuse(&state, refusal.message)
                return []
            }
        case .edit(let item):
            switch QAText.cleanedText(prompt.editor.text, for: board.definition) {
            case .success(let text): command = .edit(board: screen.board, item: item, text: text)
            case .failure(let refusal):
                WorkshopReducer.refuse(&state, refusal.message)
                return []
            }
        case .merge(let duplicate):
            guard let target = Int(prompt.editor.text) else {
                WorkshopReducer.refuse(&state, "Type the number of the item to merge into.")
                return []
            }
            let into = board.surviving(target)
            command = .merge(board: screen.board, duplicate: duplicate, into: into,
                             overlap: QAParticipation.overlap(of: duplicate, and: into, in: board))
        }
        let recording = WorkshopReducer.record(.qa(command), in: &state)
        guard recording.isRecorded else { return [] }
        update(&state) { $0.prompt = nil }
        keepSelectionInList(&state)
        if case .merge(_, let duplicate, let into, _) = command {
            WorkshopReducer.inform(&state, "Item \(duplicate) merged into item \(into).", .success)
        }
        return recording.effects
    }

    /// A participant's request: checked against this run's memory of them, recorded, remembered. A refusal from a
    /// participant other than the moderator is not the moderator's notice (the client or kiosk shows it).
    private static func participate(_ state: inout WorkshopState, _ participant: QAParticipant, _ request: QARequest) -> [Effect] {
        let notice = state.notice
        switch QAParticipation.command(for: request, by: participant, in: state) {
        case .failure(let refusal):
            if participant == .moderator { WorkshopReducer.refuse(&state, refusal.message) }
            return []
        case .success(let command):
            let recording = WorkshopReducer.record(.qa(command), in: &state)
            if participant != .moderator { state.notice = notice }
            guard recording.isRecorded, let index = state.qa.firstIndex(where: { $0.id == command.boardID }) else { return [] }
            QAParticipation.note(command, by: participant, in: &state.qa[index])
            return recording.effects
        }
    }
}
