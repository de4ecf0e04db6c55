import PlenaryEngine
import PlenaryStorage

/// An attached voter kiosk (`plenary attach FILE --voter`), as a pure value: what the host last showed, where the
/// person at the kiosk is, and what is waiting for the host's answer. `KioskState.handle` turns keys and the host's
/// messages into the next state and the requests to send; `AttachedKiosk` (PlenaryHost) moves them over the socket.
///
/// A ballot is shown as recorded only when the host's `ack` for it arrives, exactly as the shared terminal shows it
/// only after the journal's fdatasync.
public struct KioskState: Sendable, Equatable {
    public enum Link: Sendable, Equatable {
        /// Connected, waiting for the welcome.
        case connecting
        case attached
        /// The host went away; the kiosk tries again by itself.
        case reconnecting(reason: String)
        /// The workshop ended: nothing to reconnect to.
        case ended(reason: String)
    }

    public enum Step: Sendable, Equatable {
        /// Between voters: nothing of the previous voter's answers.
        case privacy
        /// Typing the one-time code from the voter's slip, before question `resumeAt` (a poll with
        /// `admission: codes`); `draft` is that question's answer when the host refused the code it was sent with.
        case code(LineEditor, resumeAt: Int, draft: BallotDraft?)
        /// Question `index` of `pollIDs`.
        case ballot(index: Int, draft: BallotDraft)
        /// Sent as request `requestID`; waiting for the host's `ack` or refusal.
        case sending(index: Int, draft: BallotDraft, requestID: Int)
        /// The Q&A or ideas board of the room (after the polls, or alone when none is open): its list, or a new item
        /// being written.
        case board(QAVoterBoard)
        /// Every question answered or skipped; `recorded` ballots were acknowledged.
        case done(recorded: Int)
    }

    /// What the loop must do.
    public enum Output: Sendable, Equatable {
        case send(id: Int, ClientRequest)
        /// The next person starts a turn: the host makes this connection a new participant on the boards.
        case nextParticipant(id: Int)
        /// Check the moderator PIN typed to leave the kiosk (PBKDF2, against the session's voter PIN).
        case checkPIN(String)
        /// The PIN matched: close the kiosk.
        case leave
    }

    public var link: Link = .connecting
    public var view: RoomView?
    /// The workshop this kiosk serves, from the first welcome: a different one after a reconnect starts afresh.
    public var recordID: String?
    /// This voter's questions: the polls open when they pressed Enter, in the session's order.
    public var pollIDs: [String] = []
    public var step: Step = .privacy
    /// One line for the person at the kiosk (a refusal, a closed poll, a lost connection).
    public var message: String?
    /// The moderator PIN being typed to leave (Ctrl-X), nil otherwise.
    public var pinEntry: String?
    public var isCheckingPIN = false
    public var acknowledged = 0
    /// The code typed this turn, sent with each ballot on a poll that admits by code; the host checks it (the sheet's
    /// hashes never leave the host). Forgotten when the turn ends.
    public private(set) var turnCode: String?
    private var nextRequestID = 1
    private var turnsStarted = 0
    /// This turn's upvotes on each board, acknowledged by the host, to mark them on the list. Forgotten when the
    /// turn ends, as the host forgets this person (decision 88).
    public private(set) var upvoted: [String: Set<Int>] = [:]
    /// Submissions and upvotes acknowledged this turn, for the last screen's words.
    public private(set) var boardActionsThisTurn = 0
    /// Q&A requests sent and not yet answered, by request id.
    private var pendingBoardRequests: [Int: QARequest] = [:]
    /// Rows a page of the board's list moves (set from the screen's size by the loop).
    public var boardPageRows = 10

    public init() {}

    /// The poll question `index` of this voter's turn, as the ballot form needs it, while the host still shows it.
    public func poll(at index: Int) -> PollDefinition? {
        guard pollIDs.indices.contains(index), let poll = view?.polls.first(where: { $0.id == pollIDs[index] }) else { return nil }
        var definition = PollDefinition(id: poll.id, question: poll.question, type: poll.type, options: poll.options,
                                        maxPicks: poll.maxPicks, scale: poll.scale, maxLength: poll.maxLength,
                                        points: poll.points, admission: poll.needsCode ? .codes : .open)
        definition.liveResults = false
        definition.maxPerOption = poll.maxPerOption
        return definition
    }

    /// Open polls in the host's latest view.
    public var openPolls: [RoomView.Poll] { view?.polls.filter(\.isOpen) ?? [] }

    // MARK: - The host

    public mutating func connected() {
        link = .connecting
    }

    /// The connection dropped. A ballot sent but not acknowledged may or may not be recorded: the voter is told,
    /// and it is not sent again (the journal keeps no client identity to recognise a repeat).
    public mutating func disconnected(reason: String) {
        if case .ended = link { return }
        link = .reconnecting(reason: reason)
        if case .sending = step {
            step = .privacy
            pollIDs = []
            turnCode = nil
            message = "Your last answer may not have been counted: please check with the moderator."
        }
        if !pendingBoardRequests.isEmpty {
            pendingBoardRequests = [:]
            if case .board(var place) = step, place.draft?.sendingID != nil {
                place.draft?.sendingID = nil
                step = .board(place)
            }
            message = "What you last sent may not have arrived: check the board once it is back."
        }
    }

    public mutating func received(_ message: KioskMessage) {
        switch message {
        case .welcome(let recordID):
            if let known = self.recordID, known != recordID {
                // Another workshop answers on this socket now: nothing of the old turn applies.
                step = .privacy
                pollIDs = []
                turnCode = nil
            }
            self.recordID = recordID
            link = .attached
        case .view(let view):
            self.view = view
            dropClosedQuestion()
        case .acknowledged(let id):
            if let request = pendingBoardRequests.removeValue(forKey: id) {
                boardRequestRecorded(request, id: id)
                return
            }
            guard case .sending(let index, _, let requestID) = step, requestID == id else { return }
            acknowledged += 1
            self.message = nil
            advance(from: index)
        case .refusal(let id, let text):
            if pendingBoardRequests.removeValue(forKey: id) != nil {
                self.message = text
                if case .board(var place) = step, place.draft?.sendingID == id {
                    place.draft?.sendingID = nil
                    step = .board(place)
                }
                return
            }
            guard case .sending(let index, let draft, let requestID) = step, requestID == id else { return }
            self.message = text
            if isOpen(at: index) {
                step = .ballot(index: index, draft: draft)
            } else {
                advance(from: index)
            }
        case .codeRefusal(let id, let text):
            guard case .sending(let index, let draft, let requestID) = step, requestID == id else { return }
            self.message = text
            turnCode = nil
            if isOpen(at: index) {
                step = .code(LineEditor(limit: VoterSession.codeEntryLimit), resumeAt: index, draft: draft)
            } else {
                advance(from: index)
            }
        case .stopping(let reason, let reconnect):
            if reconnect {
                disconnected(reason: reason)
            } else {
                link = .ended(reason: reason)
                if case .sending = step { disconnected(reason: reason) }
            }
        }
    }

    /// The question on screen closed while it was being answered, or while its code was being typed: the voter
    /// hears it now rather than after typing a code for a poll that no longer takes ballots.
    private mutating func dropClosedQuestion() {
        let index: Int
        switch step {
        case .ballot(let question, _), .code(_, let question, _): index = question
        case .board(let place):
            followBoard(place)
            return
        case .privacy, .sending, .done: return
        }
        guard !isOpen(at: index) else { return }
        message = "This poll has closed; your answer was not counted."
        advance(from: index)
    }

    private func isOpen(at index: Int) -> Bool {
        pollIDs.indices.contains(index) && openPolls.contains { $0.id == pollIDs[index] }
    }

    private mutating func advance(from index: Int) {
        var next = index + 1
        while next < pollIDs.count, !isOpen(at: next) { next += 1 }
        if next < pollIDs.count, let poll = poll(at: next) {
            step = poll.admission == .codes && turnCode == nil
                ? .code(LineEditor(limit: VoterSession.codeEntryLimit), resumeAt: next, draft: nil)
                : .ballot(index: next, draft: BallotDraft(poll: poll))
        } else if let board = view?.qa {
            // After the polls, the room's board: ask or upvote, then Enter ends the turn.
            step = .board(QAVoterBoard(boardID: board.id))
        } else {
            endTurn()
        }
    }

    private mutating func endTurn() {
        step = .done(recorded: ballotsThisTurn)
        // The turn is over: the code must not outlive it on a screen the next voter stands at.
        turnCode = nil
    }

    /// The room's board changed under the participant: another slot's board now, or none.
    private mutating func followBoard(_ place: QAVoterBoard) {
        guard let board = view?.qa else {
            message = "The questions board has closed."
            endTurn()
            return
        }
        guard board.id != place.boardID else { return }
        message = "Now on the board \u{201C}\(board.title)\u{201D}."
        step = .board(QAVoterBoard(boardID: board.id))
    }

    /// The board's items as the room sees them, most upvoted first.
    public var boardItems: [RoomQABoard.Item] { view?.qa?.items ?? [] }

    private mutating func boardRequestRecorded(_ request: QARequest, id: Int) {
        boardActionsThisTurn += 1
        switch request {
        case .submit:
            if case .board(var place) = step, place.draft?.sendingID == id {
                place.draft = nil
                step = .board(place)
            }
            let noun = view?.qa?.kind.itemNoun ?? "question"
            message = view?.qa?.premoderation ?? true
                ? "Your \(noun) is sent: it shows on the board once the moderator approves it."
                : "Your \(noun) is on the board."
        case .upvote(let board, let item):
            upvoted[board, default: []].insert(item)
        case .withdraw(let board, let item):
            upvoted[board]?.remove(item)
        }
    }

    /// Ballots acknowledged since this voter pressed Enter.
    private var ballotsThisTurn: Int { acknowledged - turnStartAcknowledged }
    private var turnStartAcknowledged = 0

    // MARK: - Keys

    public mutating func handle(_ key: KeyEvent) -> [Output] {
        if isCheckingPIN { return [] }
        if pinEntry != nil { return handlePIN(key) }
        if key == .control("x") {
            pinEntry = ""
            return []
        }
        guard link == .attached else { return [] }
        switch step {
        case .privacy, .done:
            guard key == .enter else { return [] }
            message = nil
            let open = openPolls
            guard !open.isEmpty || view?.qa != nil else {
                step = .privacy
                message = "No poll is open right now."
                return []
            }
            pollIDs = open.map(\.id)
            turnStartAcknowledged = acknowledged
            turnCode = nil
            upvoted = [:]
            boardActionsThisTurn = 0
            advance(from: -1)
            // A new person: the host forgets who upvoted what at this kiosk before, for this person's upvotes. Its id
            // is negative, so its ack can never be taken for a ballot's.
            turnsStarted += 1
            return [.nextParticipant(id: -turnsStarted)]
        case .board(let place):
            return handleBoard(key, place: place)
        case .code(var editor, let resumeAt, let draft):
            switch key {
            case .enter:
                if let problem = CodeBook.formatProblem(editor.text) {
                    message = problem.message
                    step = .code(LineEditor(limit: VoterSession.codeEntryLimit), resumeAt: resumeAt, draft: draft)
                    return []
                }
                turnCode = CodeBook.normalize(editor.text)
                message = nil
                if let draft, isOpen(at: resumeAt) {
                    step = .ballot(index: resumeAt, draft: draft)
                } else {
                    advance(from: resumeAt - 1)
                }
            case .escape:
                message = nil
                if resumeAt == 0, draft == nil {
                    // Not started yet: back to the privacy screen, as on the shared terminal.
                    step = .privacy
                    pollIDs = []
                } else {
                    advance(from: resumeAt)
                }
            case .backspace: editor.apply(.backspace); step = .code(editor, resumeAt: resumeAt, draft: draft)
            case .character(let character): editor.apply(.insert(String(character))); step = .code(editor, resumeAt: resumeAt, draft: draft)
            case .paste(let text): editor.apply(.paste(text)); step = .code(editor, resumeAt: resumeAt, draft: draft)
            default: break
            }
            return []
        case .ballot(let index, var draft):
            guard let poll = poll(at: index) else { return [] }
            switch key {
            case .enter:
                let id = nextRequestID
                nextRequestID += 1
                step = .sending(index: index, draft: draft, requestID: id)
                let code = poll.admission == .codes ? turnCode : nil
                return [.send(id: id, .castBallot(poll: poll.id, ballot: draft.ballot(for: poll), code: code))]
            case .escape:
                message = nil
                advance(from: index)
            default:
                guard let edit = BallotKeys.edit(for: key, isText: poll.type == .open) else { return [] }
                draft.apply(edit, poll: poll)
                message = nil
                step = .ballot(index: index, draft: draft)
            }
            return []
        case .sending:
            return []
        }
    }

    private mutating func handleBoard(_ key: KeyEvent, place: QAVoterBoard) -> [Output] {
        guard let board = view?.qa, place.draft?.sendingID == nil else { return [] }
        let takesName = board.names == .optional
        guard let input = VoterBoardKeys.table(for: place).action(for: key, in: takesName) else { return [] }
        var place = place
        var outputs: [Output] = []
        let items = boardItems
        switch input {
        case .move(let rows):
            place.move(by: rows, in: items)
        case .page(let pages):
            place.move(by: pages * max(1, boardPageRows), in: items)
        case .toggleUpvote:
            message = nil
            guard board.upvotes else {
                message = "Upvotes are off on this board."
                break
            }
            guard let item = place.selectedItem(in: items) else {
                message = "Nothing to upvote yet: n writes the first."
                break
            }
            place.selected = item.number
            let request: QARequest = upvoted[board.id]?.contains(item.number) ?? false
                ? .withdraw(board: board.id, item: item.number)
                : .upvote(board: board.id, item: item.number)
            outputs.append(sendBoard(request))
        case .write:
            message = nil
            place.draft = QADraft(maxLength: board.maxLength, takesName: takesName)
        case .finish:
            message = nil
            endTurn()
            return []
        case .edit(let edit):
            place.draft?.apply(edit)
        case .switchField:
            place.draft?.switchField()
        case .cancel:
            message = nil
            place.draft = nil
        case .send:
            guard var draft = place.draft else { break }
            switch QAText.cleanedText(draft.text.text, for: board.definition) {
            case .failure(let refusal):
                message = refusal.message
            case .success(let text):
                if case .failure(let refusal) = QAText.cleanedName(draft.name?.text, for: board.definition) {
                    message = refusal.message
                    break
                }
                message = nil
                let output = sendBoard(.submit(board: board.id, text: text, name: draft.name?.text))
                if case .send(let id, _) = output { draft.sendingID = id }
                place.draft = draft
                outputs.append(output)
            }
        }
        step = .board(place)
        return outputs
    }

    private mutating func sendBoard(_ request: QARequest) -> Output {
        let id = nextRequestID
        nextRequestID += 1
        pendingBoardRequests[id] = request
        return .send(id: id, .qa(request))
    }

    private mutating func handlePIN(_ key: KeyEvent) -> [Output] {
        guard let entry = pinEntry else { return [] }
        switch key {
        case .enter:
            isCheckingPIN = true
            return [.checkPIN(entry)]
        case .escape:
            pinEntry = nil
        case .backspace:
            pinEntry = String(entry.dropLast())
        case .character(let character) where entry.count < SecretHash.pinMaximumLength:
            pinEntry = entry + String(character)
        default:
            break
        }
        return []
    }

    /// The answer to `Output.checkPIN`.
    public mutating func pinChecked(matches: Bool) -> [Output] {
        isCheckingPIN = false
        pinEntry = nil
        if matches { return [.leave] }
        message = "Wrong PIN."
        return []
    }
}
