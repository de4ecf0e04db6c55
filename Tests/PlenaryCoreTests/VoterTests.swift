import Testing
@testable import PlenaryCore

@Suite struct VoterTests {
    static let pin = SecretHash(secret: "2468", salt: Array(repeating: 7, count: 16), rounds: 10)

    func state(admission: Admission = .open, polls: [PollDefinition]? = nil) -> WorkshopState {
        var session = Fixtures.sevilla()
        session.polls = polls ?? [
            PollDefinition(id: "format", question: "Format?", type: .single, options: ["Physical", "Online"], admission: admission),
            PollDefinition(id: "ready", question: "Ready?", type: .scale, scale: RatingScale(min: 1, max: 5), admission: admission),
        ]
        session.voterPIN = Self.pin.description
        var state = Fixtures.state(session, now: Fixtures.at(12, 0))
        for poll in session.polls {
            _ = WorkshopReducer.reduce(&state, .command(.poll(.open(poll: poll.id))), now: Fixtures.at(12, 0))
        }
        return state
    }

    /// Each input a second after the last, so review screens have settled (see `VoterSession.settleMilliseconds`).
    @discardableResult
    func send(_ state: inout WorkshopState, _ input: VoterInput, at time: Instant? = nil) -> [Effect] {
        let moment = time ?? state.now.adding(seconds: 1)
        return WorkshopReducer.reduce(&state, .voter(input), now: moment)
    }

    @Test func aTurnGoesThroughEveryOpenPollWithAReview() {
        var state = state()
        #expect(WorkshopReducer.reduce(&state, .startVoterMode, now: Fixtures.at(12, 1)) == [.discardInput])
        #expect(send(&state, .proceed) == [.discardInput])
        send(&state, .editBallot(.digit(2)))
        send(&state, .proceed)
        guard case .review(0, _, _)? = state.voter?.step else { Issue.record("not reviewing"); return }
        send(&state, .back)
        guard case .ballot(0, _)? = state.voter?.step else { Issue.record("back did not return to the ballot"); return }
        send(&state, .proceed)
        let effects = send(&state, .proceed)
        #expect(effects == [.appendJournal(.poll(.cast(poll: "format", ballot: .single(option: 1)))), .saveResults, .discardInput])
        guard case .ballot(1, _)? = state.voter?.step else { Issue.record("second poll not offered"); return }
        send(&state, .editBallot(.digit(4)))
        send(&state, .proceed)
        let confirmed = state.now.adding(seconds: 1)
        send(&state, .proceed, at: confirmed)
        #expect(state.voter?.step == .recorded(until: confirmed.adding(seconds: 5)))
        #expect(state.voter?.completedTurns == 1)
        #expect(state.polls.map(\.currentRound.ballots.count) == [1, 1])
        _ = WorkshopReducer.reduce(&state, .tick, now: confirmed.adding(seconds: 5))
        #expect(state.voter?.step == .privacy)
    }

    @Test func aHeldOrPastedEnterCannotConfirmUnseen() {
        var state = state()
        _ = WorkshopReducer.reduce(&state, .startVoterMode, now: Fixtures.at(12, 1))
        send(&state, .proceed)
        send(&state, .editBallot(.digit(1)))
        let shown = state.now.adding(seconds: 1)
        send(&state, .proceed, at: shown)
        send(&state, .proceed, at: shown.adding(milliseconds: 200))
        guard case .review? = state.voter?.step else { Issue.record("a fast Enter confirmed the ballot"); return }
        #expect(state.polls[0].currentRound.ballots.isEmpty)
        send(&state, .proceed, at: shown.adding(milliseconds: 800))
        #expect(state.polls[0].currentRound.ballots.count == 1)
    }

    @Test func escapeSkipsAQuestionWithoutCasting() {
        var state = state()
        _ = WorkshopReducer.reduce(&state, .startVoterMode, now: Fixtures.at(12, 1))
        send(&state, .proceed)
        send(&state, .back)
        guard case .ballot(1, _)? = state.voter?.step else { Issue.record("Esc did not skip"); return }
        send(&state, .back)
        guard case .recorded? = state.voter?.step else { Issue.record("skipping the last question did not end the turn"); return }
        #expect(state.polls.allSatisfy { $0.currentRound.ballots.isEmpty })
    }

    @Test func aTurnLeftAloneReturnsToThePrivacyScreen() {
        var state = state()
        _ = WorkshopReducer.reduce(&state, .startVoterMode, now: Fixtures.at(12, 1))
        send(&state, .proceed, at: Fixtures.at(12, 1))
        send(&state, .editBallot(.digit(2)), at: Fixtures.at(12, 2))
        _ = WorkshopReducer.reduce(&state, .tick, now: Fixtures.at(12, 3, 59))
        guard case .ballot? = state.voter?.step else { Issue.record("reset too early"); return }
        _ = WorkshopReducer.reduce(&state, .tick, now: Fixtures.at(12, 4))
        #expect(state.voter?.step == .privacy)
    }

    @Test func anIncompleteBallotStaysWithAMessage() {
        var state = state()
        _ = WorkshopReducer.reduce(&state, .startVoterMode, now: Fixtures.at(12, 1))
        send(&state, .proceed)
        send(&state, .proceed)
        #expect(state.voter?.message == "Choose one of options 1–2.")
        guard case .ballot = state.voter?.step else { Issue.record("left the ballot"); return }
    }

    @Test func withNoOpenPollThePrivacyScreenWaits() {
        var state = state()
        _ = WorkshopReducer.reduce(&state, .startVoterMode, now: Fixtures.at(12, 1))
        for id in ["format", "ready"] {
            _ = WorkshopReducer.reduce(&state, .command(.poll(.close(poll: id))), now: Fixtures.at(12, 1))
        }
        send(&state, .proceed)
        #expect(state.voter?.step == .privacy)
        #expect(state.voter?.message == "No poll is open right now. Please wait for the moderator.")
    }

    @Test func theRightPINLeavesAndFiveWrongOnesLockFor30Seconds() {
        var state = state()
        _ = WorkshopReducer.reduce(&state, .startVoterMode, now: Fixtures.at(12, 1))
        func tryPIN(_ pin: String, at time: Instant) {
            send(&state, .requestExit, at: time)
            send(&state, .editPIN(.insert(pin)), at: time)
            send(&state, .proceed, at: time)
        }
        for attempt in 1...4 {
            tryPIN("1111", at: Fixtures.at(12, 2))
            #expect(state.voter?.message == "Wrong PIN (\(attempt) of 5).")
        }
        tryPIN("1111", at: Fixtures.at(12, 2))
        #expect(state.voter?.message == "Wrong PIN. Locked for 30 seconds.")
        // While locked the prompt still opens (so keys never reach a ballot) but checks nothing, even the right PIN.
        tryPIN("2468", at: Fixtures.at(12, 2, 29))
        #expect(state.voter != nil)
        #expect(state.voter?.message == "Locked: try again in 2 s.")
        _ = WorkshopReducer.reduce(&state, .tick, now: Fixtures.at(12, 2, 30))
        tryPIN("2468", at: Fixtures.at(12, 2, 31))
        #expect(state.voter == nil)
        #expect(state.notice?.text == "Left voter mode after 0 voters.")
    }

    @Test func escapeCancelsThePINPrompt() {
        var state = state()
        _ = WorkshopReducer.reduce(&state, .startVoterMode, now: Fixtures.at(12, 1))
        send(&state, .requestExit)
        send(&state, .editPIN(.insert("24")))
        send(&state, .back)
        #expect(state.voter?.pinEntry == nil)
        #expect(state.voter?.failedPINAttempts == 0)
    }

    @Test func codesAdmitOneBallotPerPollAndAreStoredOnlyAsHashes() {
        var state = state(admission: .codes)
        var book = CodeBook(salt: Array(repeating: 3, count: 16), hashes: [])
        book.hashes = [book.hash(of: "ACD347"), book.hash(of: "KMN679")]
        _ = WorkshopReducer.reduce(&state, .loadCodeBook(book), now: Fixtures.at(12, 1))
        _ = WorkshopReducer.reduce(&state, .startVoterMode, now: Fixtures.at(12, 1))
        send(&state, .proceed)
        guard case .code = state.voter?.step else { Issue.record("no code asked"); return }
        send(&state, .editCode(.insert("XXXXXX")))
        send(&state, .proceed)
        #expect(state.voter?.message == "This code is not valid. Check it and type it again.")
        send(&state, .editCode(.insert("acd-347")))
        #expect(send(&state, .proceed) == [.saveCodes])
        #expect(state.codeBook?.used["format#1"] == [book.hash(of: "ACD347")])
        #expect(state.codeBook?.used["ready#1"] == [book.hash(of: "ACD347")])
        // The same code again is refused.
        state.voter?.step = .privacy
        send(&state, .proceed)
        send(&state, .editCode(.insert("ACD347")))
        send(&state, .proceed)
        #expect(state.voter?.message == "This code has already been used for these polls.")
        // A new round admits the code again, for that poll only.
        state.voter = nil
        _ = WorkshopReducer.reduce(&state, .command(.poll(.cast(poll: "format", ballot: .single(option: 0)))), now: Fixtures.at(12, 3))
        _ = WorkshopReducer.reduce(&state, .command(.poll(.newRound(poll: "format"))), now: Fixtures.at(12, 3))
        _ = WorkshopReducer.reduce(&state, .startVoterMode, now: Fixtures.at(12, 3))
        send(&state, .proceed)
        send(&state, .editCode(.insert("ACD347")))
        send(&state, .proceed)
        #expect(state.voter?.pollIDs == ["format"])
        #expect(state.codeBook?.used["format#2"] == [book.hash(of: "ACD347")])
        // The used set is sorted on disk: nothing ties a code to a ballot or a moment.
        let text = String(decoding: UsedCodesFile.encode(state.codeBook!.used), as: UTF8.self)
        #expect(!text.contains("ACD347"))
        #expect(UsedCodesFile.decodeUsed(UsedCodesFile.encode(state.codeBook!.used)) == state.codeBook!.used)
    }

    @Test func codesUseAnUnambiguousAlphabet() {
        // A deterministic pseudo-random byte source (linear congruential), so the test is repeatable.
        var seed: UInt32 = 12_345
        let codes = CodeBook.codes(count: 40) {
            seed = seed &* 1_103_515_245 &+ 12_345
            return UInt8(truncatingIfNeeded: seed >> 16)
        }
        #expect(Set(codes).count == 40)
        #expect(codes.allSatisfy { $0.count == 6 && $0.allSatisfy(CodeBook.alphabet.contains) })
        #expect(!CodeBook.alphabet.contains("O") && !CodeBook.alphabet.contains("0") && !CodeBook.alphabet.contains("I"))
    }

    @Test func pinHashesRoundTripAndNeverContainThePIN() {
        let text = Self.pin.description
        #expect(text.hasPrefix("sha256:10:"))
        #expect(!text.contains("2468"))
        #expect(SecretHash(text: text) == Self.pin)
        #expect(SecretHash(text: text)?.matches("2468") == true)
        #expect(SecretHash(text: text)?.matches("2469") == false)
        #expect(SecretHash(text: "sha256:10:zz:00") == nil)
    }

    @Test func ballotsAreJournaledWithoutTime() {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let state = state()
        let files = WorkshopFiles(sessionPath: "v.yaml")
        guard let runner = Fixtures.runner(state.session, fileSystem: fs, files: files, clock: clock) else {
            Issue.record("open failed")
            return
        }
        runner.send(.command(.poll(.open(poll: "format"))))
        clock.advance(seconds: 90)
        runner.send(.command(.poll(.cast(poll: "format", ballot: .single(option: 0)))))
        let lines = fs.text(files.journalPath)!.split(separator: "\n")
        #expect(lines[2].contains(#""record":{"at":0,"command":{"poll":{"action":{"cast":{"ballot":{"single":{"option":0}},"poll":"format"}}}}"#))
        #expect(lines[1].contains(#""at":\#(Fixtures.at(12, 0).milliseconds)"#))
    }

    @Test func settingAPINAsksTwiceThenHashesWithARandomSalt() {
        var session = Fixtures.sevilla()
        session.polls = [PollDefinition(id: "p", question: "Q", type: .single, options: ["a", "b"])]
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let files = WorkshopFiles(sessionPath: "v.yaml")
        guard let runner = Fixtures.runner(session, fileSystem: fs, files: files, clock: clock,
                                           randomBytes: { Array(repeating: 5, count: $0) }) else {
            Issue.record("open failed")
            return
        }
        runner.send(.command(.poll(.open(poll: "p"))))
        runner.send(.startVoterMode)
        #expect(runner.state.screen == .setPIN(editor: LineEditor(limit: SecretHash.pinMaximumLength), first: nil))
        runner.send(.editNewPIN(.insert("135799")))
        runner.send(.submitNewPIN)
        runner.send(.editNewPIN(.insert("135799")))
        runner.send(.submitNewPIN)
        #expect(runner.state.voterPIN?.salt == Array(repeating: 5, count: 16))
        #expect(runner.state.voterPIN?.matches("135799") == true)
        #expect(runner.state.voter != nil)
        #expect(!(fs.text(files.journalPath) ?? "").contains("135799"))
    }
}
