/// The voter terminal's flow: privacy screen, optional code, one ballot per open poll with a review, thanks.
enum VoterReducer {
    static func reduce(_ state: inout WorkshopState, _ input: VoterInput) -> [Effect] {
        let now = state.now
        guard var voter = state.voter, !voter.isCheckingPIN else { return [] }
        voter.message = nil
        voter.lastInputAt = now

        if voter.pinEntry != nil {
            return pin(&state, &voter, input, now: now)
        }
        if case .requestExit = input {
            // Even while locked the prompt opens, so the moderator's keys land in it and never in a ballot.
            voter.pinEntry = LineEditor(limit: SecretHash.pinMaximumLength)
            if let until = voter.lockedUntil, until > now {
                voter.message = "Locked: try again in \(until.seconds(since: now) + 1) s."
            }
            state.voter = voter
            return []
        }

        var effects: [Effect] = []
        switch (voter.step, input) {
        case (.privacy, .proceed):
            voter.pollIDs = state.polls.filter { $0.status == .open && voter.pollIDs.contains($0.id) }.map(\.id)
            if voter.pollIDs.isEmpty {
                voter.pollIDs = state.polls.filter { $0.status == .open }.map(\.id)
            }
            voter.ballotsThisTurn = 0
            voter.boardActionsThisTurn = 0
            // A new person at the terminal: a new participant on the boards, whatever the last one upvoted.
            voter.admissions += 1
            guard let first = voter.pollIDs.first, let poll = state.poll(first) else {
                if let board = state.boardForCurrentSlot {
                    voter.step = .board(QAVoterBoard(boardID: board))
                    effects.append(.discardInput)
                } else {
                    voter.message = "No poll is open right now. Please wait for the moderator."
                }
                break
            }
            if needsCode(voter.pollIDs, state) {
                voter.step = .code(LineEditor(limit: VoterSession.codeEntryLimit))
            } else {
                voter.step = .ballot(index: 0, draft: BallotDraft(poll: poll.definition))
            }
            effects.append(.discardInput)

        case (.code(var editor), .editCode(let edit)):
            editor.apply(edit)
            voter.step = .code(editor)
        case (.code(let editor), .proceed):
            guard var book = state.codeBook else {
                voter.message = "Voting codes are not set up on this terminal. Please tell the moderator."
                break
            }
            let key: String
            switch book.lookUp(editor.text) {
            case .success(let hash): key = hash
            case .failure(let refusal):
                voter.message = refusal.message
                voter.step = .code(LineEditor(limit: VoterSession.codeEntryLimit))
                state.voter = voter
                return []
            }
            // A code admits one ballot per poll round: the turn keeps only the code polls it has not voted on.
            let codeKeys = voter.pollIDs.compactMap { id -> (String, String)? in
                guard let poll = state.poll(id), poll.definition.admission == .codes else { return nil }
                return (id, CodeBook.ballotKey(poll: id, round: poll.rounds.count))
            }
            let unused = Set(book.unused(hash: key, among: codeKeys.map(\.1)))
            let spent = Set(codeKeys.filter { !unused.contains($0.1) }.map(\.0))
            guard spent.count < voter.pollIDs.count else {
                voter.message = "This code has already been used for \(spent.count == 1 ? "this poll" : "these polls")."
                voter.step = .code(LineEditor(limit: VoterSession.codeEntryLimit))
                break
            }
            voter.pollIDs.removeAll { spent.contains($0) }
            for ballotKey in unused { book.used[ballotKey, default: []].insert(key) }
            state.codeBook = book
            if let poll = state.poll(voter.pollIDs[0]) {
                voter.step = .ballot(index: 0, draft: BallotDraft(poll: poll.definition))
            }
            effects.append(.saveCodes)
        case (.code, .back):
            voter.step = .privacy

        case (.ballot(let index, var draft), .editBallot(let edit)):
            if let poll = state.poll(voter.pollIDs[index]) { draft.apply(edit, poll: poll.definition) }
            voter.step = .ballot(index: index, draft: draft)
        case (.ballot(let index, let draft), .proceed):
            guard let poll = state.poll(voter.pollIDs[index]) else { break }
            let ballot = BallotValidation.normalized(draft.ballot(for: poll.definition))
            if let problem = BallotValidation.problem(with: ballot, for: poll.definition) {
                voter.message = problem
            } else {
                voter.step = .review(index: index, draft: draft, shownAt: now)
                effects.append(.discardInput)
            }
        case (.ballot(let index, _), .back):
            // Esc skips a question: nobody has to answer everything, and nothing is cast for it.
            advance(&voter, after: index, state: state, now: now)
            effects.append(.discardInput)

        case (.review(let index, let draft, _), .back):
            voter.step = .ballot(index: index, draft: draft)
        case (.review(_, _, let shownAt), .proceed) where now.milliseconds - shownAt.milliseconds < VoterSession.settleMilliseconds:
            break
        case (.review(let index, let draft, _), .proceed):
            // The definition, not the poll: a copy of the poll held across the record would make it copy every ballot.
            guard let definition = state.pollDefinition(voter.pollIDs[index]) else { break }
            state.voter = voter
            let cast = WorkshopReducer.record(.poll(.cast(poll: definition.id, ballot: draft.ballot(for: definition))), in: &state)
            voter = state.voter ?? voter
            state.notice = nil
            if cast.isRecorded {
                voter.ballotsThisTurn += 1
            } else {
                voter.message = "This poll has just closed; your answer was not counted."
            }
            effects += cast.effects
            advance(&voter, after: index, state: state, now: now)
            effects.append(.discardInput)

        case (.recorded(let until), .proceed)
            where now.milliseconds < until.milliseconds - VoterSession.thankYouSeconds * 1000 + VoterSession.settleMilliseconds:
            break
        case (.recorded, .proceed):
            voter.step = .privacy
            effects.append(.discardInput)

        case (.board(let place), .board(let input)):
            state.voter = voter
            effects += board(&state, &voter, place: place, input: input, now: now)

        // Keys that mean nothing on this step, listed so that a new key or step must be decided on here.
        // `.requestExit` is answered above; `.editPIN` only reaches the PIN prompt (`pin`).
        case (_, .requestExit), (_, .editPIN),
             (.privacy, .back), (.privacy, .editBallot), (.privacy, .editCode),
             (.code, .editBallot),
             (.ballot, .editCode),
             (.review, .editBallot), (.review, .editCode),
             (.recorded, .back), (.recorded, .editBallot), (.recorded, .editCode),
             (.privacy, .board), (.code, .board), (.ballot, .board), (.review, .board), (.recorded, .board),
             (.board, .proceed), (.board, .back), (.board, .editBallot), (.board, .editCode):
            break
        }
        state.voter = voter
        return effects
    }

    /// The next question of the turn, or the thank-you screen after the last.
    private static func advance(_ voter: inout VoterSession, after index: Int, state: WorkshopState, now: Instant) {
        let next = index + 1
        if next < voter.pollIDs.count, let nextPoll = state.poll(voter.pollIDs[next]) {
            voter.step = .ballot(index: next, draft: BallotDraft(poll: nextPoll.definition))
        } else if let board = state.boardForCurrentSlot {
            // After the polls, the room's board: ask or upvote, then Enter ends the turn.
            if voter.ballotsThisTurn > 0 { voter.message = "Your vote is recorded. Now the board, or Enter to finish." }
            voter.step = .board(QAVoterBoard(boardID: board))
        } else {
            finish(&voter, now: now)
        }
    }

    /// The turn's last screen: thanks, then the privacy screen.
    private static func finish(_ voter: inout VoterSession, now: Instant) {
        voter.step = .recorded(until: now.adding(seconds: VoterSession.thankYouSeconds))
        if voter.ballotsThisTurn > 0 || voter.boardActionsThisTurn > 0 { voter.completedTurns += 1 }
    }

    /// A key on the room's board: choose, upvote or take it back, write and send, or end the turn. Requests go
    /// through the same checks as an attached voter's (`QAParticipation`), as this turn's participant.
    private static func board(_ state: inout WorkshopState, _ voter: inout VoterSession, place: QAVoterBoard,
                              input: QAVoterInput, now: Instant) -> [Effect] {
        guard let boardState = state.qaBoard(place.boardID), state.boardForCurrentSlot == place.boardID else {
            voter.message = "The board has closed."
            finish(&voter, now: now)
            return [.discardInput]
        }
        let definition = boardState.definition
        var place = place
        var effects: [Effect] = []
        let items = RoomQABoard(of: state, listing: true)?.items ?? []
        switch input {
        case .move(let rows):
            place.move(by: rows, in: items)
        case .page(let pages):
            place.move(by: pages * VoterSession.boardPageRows, in: items)
        case .toggleUpvote:
            guard let item = place.selectedItem(in: items) else {
                voter.message = "Nothing to upvote yet: n writes the first."
                break
            }
            place.selected = item.number
            let mine = boardState.upvotedBy[voter.participant]?.contains(item.number) ?? false
            effects += participate(&state, &voter, mine ? .withdraw(board: place.boardID, item: item.number)
                                                        : .upvote(board: place.boardID, item: item.number))
        case .write:
            place.draft = QADraft(maxLength: definition.maxLength, takesName: definition.names == .optional)
        case .finish:
            finish(&voter, now: now)
            return [.discardInput]
        case .edit(let edit):
            place.draft?.apply(edit)
        case .switchField:
            place.draft?.switchField()
        case .cancel:
            place.draft = nil
        case .send:
            guard let draft = place.draft else { break }
            let sent = participate(&state, &voter, .submit(board: place.boardID, text: draft.text.text, name: draft.name?.text))
            if voter.message == nil {
                place.draft = nil
                let noun = definition.kind.itemNoun
                voter.message = definition.premoderation
                    ? "Your \(noun) is sent: it shows on the board once the moderator approves it."
                    : "Your \(noun) is on the board."
            }
            effects += sent
        }
        voter.step = .board(place)
        return effects
    }

    /// One request on the board as this turn's participant; a refusal becomes the screen's message.
    private static func participate(_ state: inout WorkshopState, _ voter: inout VoterSession, _ request: QARequest) -> [Effect] {
        if case .failure(let refusal) = QAParticipation.command(for: request, by: voter.participant, in: state) {
            voter.message = refusal.message
            return []
        }
        state.voter = voter
        let effects = QAScreenReducer.reduce(&state, .participate(voter.participant, request))
        voter = state.voter ?? voter
        if state.isReadOnly {
            voter.message = "This could not be recorded. Please tell the moderator."
        } else {
            voter.boardActionsThisTurn += 1
        }
        return effects
    }

    /// Time passing: the thank-you screen gives way to the privacy screen; a lockout ends.
    static func tick(_ state: inout WorkshopState) -> [Effect] {
        let now = state.now
        guard var voter = state.voter else { return [] }
        var effects: [Effect] = []
        if case .recorded(let until) = voter.step, now >= until {
            voter.step = .privacy
            effects.append(.discardInput)
        }
        if let until = voter.lockedUntil, now >= until {
            voter.lockedUntil = nil
        }
        if voter.step != .privacy, voter.pinEntry == nil, !voter.isCheckingPIN, let last = voter.lastInputAt,
           now.seconds(since: last) >= VoterSession.abandonSeconds {
            voter.step = .privacy
            voter.message = nil
            effects.append(.discardInput)
        }
        state.voter = voter
        return effects
    }

    private static func needsCode(_ polls: [String], _ state: WorkshopState) -> Bool {
        polls.contains { state.poll($0)?.definition.admission == .codes }
    }

    /// The runner's answer to `.checkPIN`: the right PIN leaves voter mode; five wrong ones lock the prompt.
    static func pinChecked(_ state: inout WorkshopState, matches: Bool) -> [Effect] {
        let now = state.now
        guard var voter = state.voter, voter.isCheckingPIN else { return [] }
        voter.isCheckingPIN = false
        if matches {
            state.voter = nil
            state.screen = .agenda
            state.notice = Notice(text: "Left voter mode after \(voter.completedTurns) voter\(voter.completedTurns == 1 ? "" : "s").",
                                  level: .info, until: now.adding(seconds: WorkshopReducer.noticeSeconds))
            return [.discardInput]
        }
        voter.failedPINAttempts += 1
        if voter.failedPINAttempts >= VoterSession.maximumPINAttempts {
            voter.failedPINAttempts = 0
            voter.lockedUntil = now.adding(seconds: VoterSession.lockoutSeconds)
            voter.message = "Wrong PIN. Locked for \(VoterSession.lockoutSeconds) seconds."
        } else {
            voter.message = "Wrong PIN (\(voter.failedPINAttempts) of \(VoterSession.maximumPINAttempts))."
        }
        state.voter = voter
        // Keys typed while the PIN was checked never reach the screen behind.
        return [.discardInput]
    }

    private static func pin(_ state: inout WorkshopState, _ voter: inout VoterSession, _ input: VoterInput, now: Instant) -> [Effect] {
        switch input {
        case .editPIN(let edit):
            voter.pinEntry?.apply(edit)
        case .back:
            voter.pinEntry = nil
        case .proceed:
            let typed = voter.pinEntry?.text ?? ""
            voter.pinEntry = nil
            if let until = voter.lockedUntil, until > now {
                voter.message = "Locked: try again in \(until.seconds(since: now) + 1) s."
                state.voter = voter
                return [.discardInput]
            }
            voter.isCheckingPIN = true
            state.voter = voter
            return [.checkPIN(typed)]
        case .editBallot, .editCode, .requestExit, .board:
            // The prompt takes only its own line, Enter and Esc; Ctrl-X again changes nothing.
            break
        }
        state.voter = voter
        // Only a checked PIN drops typed-ahead keys (`pinChecked`); while typing, every key must arrive.
        return []
    }
}
