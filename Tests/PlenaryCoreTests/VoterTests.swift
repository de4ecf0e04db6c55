import Testing
import PlenaryTestSupport
@_spi(Testing) @testable import PlenaryEngine
@testable import PlenarySessionFile
@testable import PlenaryStorage

@Suite struct VoterTests {
    /// Ten iterations through the test-only path keep the suite fast; no file could carry this hash.
    static let pin = SecretHash(testingSecret: "2468", salt: Array(repeating: 7, count: 16), iterations: 10)

    func state(admission: Admission = .open, polls: [PollDefinition]? = nil) throws -> WorkshopState {
        var session = Fixtures.sevilla()
        session.polls = polls ?? [
            PollDefinition(id: "format", question: "Format?", type: .single, options: ["Physical", "Online"], admission: admission),
            PollDefinition(id: "ready", question: "Ready?", type: .scale, scale: RatingScale(min: 1, max: 5), admission: admission),
        ]
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        state.voterPIN = Self.pin
        for poll in session.polls {
            _ = WorkshopReducer.reduce(&state, .command(.poll(.open(poll: poll.id))), now: Fixtures.at(12, 0))
        }
        return state
    }

    /// Each input a second after the last, so review screens have settled (see `VoterSession.settleMilliseconds`).
    /// A `.checkPIN` effect is answered as the runner would, so the effects returned are the check's.
    @discardableResult
    func send(_ state: inout WorkshopState, _ input: VoterInput, at time: Instant? = nil) -> [Effect] {
        let moment = time ?? state.now.adding(seconds: 1)
        let effects = WorkshopReducer.reduce(&state, .voter(input), now: moment)
        if case .checkPIN(let typed)? = effects.first {
            return WorkshopReducer.reduce(&state, .voterMode(.pinChecked(matches: state.voterPIN?.matches(typed) == true)), now: moment)
        }
        return effects
    }

    @Test func aTurnGoesThroughEveryOpenPollWithAReview() throws {
        var state = try state()
        #expect(WorkshopReducer.reduce(&state, .voterMode(.start), now: Fixtures.at(12, 1)) == [.discardInput])
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

    @Test func aHeldOrPastedEnterCannotConfirmUnseen() throws {
        var state = try state()
        _ = WorkshopReducer.reduce(&state, .voterMode(.start), now: Fixtures.at(12, 1))
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

    @Test func escapeSkipsAQuestionWithoutCasting() throws {
        var state = try state()
        _ = WorkshopReducer.reduce(&state, .voterMode(.start), now: Fixtures.at(12, 1))
        send(&state, .proceed)
        send(&state, .back)
        guard case .ballot(1, _)? = state.voter?.step else { Issue.record("Esc did not skip"); return }
        send(&state, .back)
        guard case .recorded? = state.voter?.step else { Issue.record("skipping the last question did not end the turn"); return }
        #expect(state.polls.allSatisfy { $0.currentRound.ballots.isEmpty })
    }

    @Test func aTurnLeftAloneReturnsToThePrivacyScreen() throws {
        var state = try state()
        _ = WorkshopReducer.reduce(&state, .voterMode(.start), now: Fixtures.at(12, 1))
        send(&state, .proceed, at: Fixtures.at(12, 1))
        send(&state, .editBallot(.digit(2)), at: Fixtures.at(12, 2))
        _ = WorkshopReducer.reduce(&state, .tick, now: Fixtures.at(12, 3, 59))
        guard case .ballot? = state.voter?.step else { Issue.record("reset too early"); return }
        _ = WorkshopReducer.reduce(&state, .tick, now: Fixtures.at(12, 4))
        #expect(state.voter?.step == .privacy)
    }

    @Test func anIncompleteBallotStaysWithAMessage() throws {
        var state = try state()
        _ = WorkshopReducer.reduce(&state, .voterMode(.start), now: Fixtures.at(12, 1))
        send(&state, .proceed)
        send(&state, .proceed)
        #expect(state.voter?.message == "Choose one of options 1–2.")
        guard case .ballot = state.voter?.step else { Issue.record("left the ballot"); return }
    }

    @Test func withNoOpenPollThePrivacyScreenWaits() throws {
        var state = try state()
        _ = WorkshopReducer.reduce(&state, .voterMode(.start), now: Fixtures.at(12, 1))
        for id in ["format", "ready"] {
            _ = WorkshopReducer.reduce(&state, .command(.poll(.close(poll: id))), now: Fixtures.at(12, 1))
        }
        send(&state, .proceed)
        #expect(state.voter?.step == .privacy)
        #expect(state.voter?.message == "No poll is open right now. Please wait for the moderator.")
    }

    @Test func theRightPINLeavesAndFiveWrongOnesLockFor30Seconds() throws {
        var state = try state()
        _ = WorkshopReducer.reduce(&state, .voterMode(.start), now: Fixtures.at(12, 1))
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

    @Test func escapeCancelsThePINPrompt() throws {
        var state = try state()
        _ = WorkshopReducer.reduce(&state, .voterMode(.start), now: Fixtures.at(12, 1))
        send(&state, .requestExit)
        send(&state, .editPIN(.insert("24")))
        send(&state, .back)
        #expect(state.voter?.pinEntry == nil)
        #expect(state.voter?.failedPINAttempts == 0)
    }

    @Test func codesAdmitOneBallotPerPollAndAreStoredOnlyAsHashes() throws {
        var state = try state(admission: .codes)
        var book = CodeBook(salt: Array(repeating: 3, count: 16), hashes: [])
        book.hashes = [book.hash(of: "ACDE-FGHJ-KMNP"), book.hash(of: "QRTU-VWXY-3467")]
        _ = WorkshopReducer.reduce(&state, .voterMode(.loadCodeBook(book)), now: Fixtures.at(12, 1))
        _ = WorkshopReducer.reduce(&state, .voterMode(.start), now: Fixtures.at(12, 1))
        send(&state, .proceed)
        guard case .code = state.voter?.step else { Issue.record("no code asked"); return }
        send(&state, .editCode(.insert("XXXX-XXXX-XXXX")))
        send(&state, .proceed)
        #expect(state.voter?.message == "This code is not valid. Check it and type it again.")
        send(&state, .editCode(.insert("ACD347")))
        send(&state, .proceed)
        #expect(state.voter?.message == "A code has 12 letters and digits (3 groups of 4), as printed on your slip.")
        // Lower case, spaces and dashes are all the same code.
        send(&state, .editCode(.insert("acde fghj-kmnp")))
        #expect(send(&state, .proceed) == [.saveCodes])
        #expect(state.codeBook?.used["format#1"] == [book.hash(of: "ACDEFGHJKMNP")])
        #expect(state.codeBook?.used["ready#1"] == [book.hash(of: "ACDEFGHJKMNP")])
        // The same code again is refused.
        state.voter?.step = .privacy
        send(&state, .proceed)
        send(&state, .editCode(.insert("ACDEFGHJKMNP")))
        send(&state, .proceed)
        #expect(state.voter?.message == "This code has already been used for these polls.")
        // A new round admits the code again, for that poll only.
        state.voter = nil
        _ = WorkshopReducer.reduce(&state, .command(.poll(.cast(poll: "format", ballot: .single(option: 0)))), now: Fixtures.at(12, 3))
        _ = WorkshopReducer.reduce(&state, .command(.poll(.newRound(poll: "format"))), now: Fixtures.at(12, 3))
        _ = WorkshopReducer.reduce(&state, .voterMode(.start), now: Fixtures.at(12, 3))
        send(&state, .proceed)
        send(&state, .editCode(.insert("ACDE-FGHJ-KMNP")))
        send(&state, .proceed)
        #expect(state.voter?.pollIDs == ["format"])
        #expect(state.codeBook?.used["format#2"] == [book.hash(of: "ACDEFGHJKMNP")])
        // The used set is sorted on disk: nothing ties a code to a ballot or a moment.
        let text = String(decoding: UsedCodesFile.encode(state.codeBook!.used), as: UTF8.self)
        #expect(!text.contains("ACDEFGHJKMNP") && !text.contains("ACDE-FGHJ-KMNP"))
        #expect(UsedCodesFile.decodeUsed(UsedCodesFile.encode(state.codeBook!.used)) == state.codeBook!.used)
    }

    @Test func codesUseAnUnambiguousAlphabet() throws {
        // A deterministic pseudo-random byte source (linear congruential), so the test is repeatable.
        var seed: UInt32 = 12_345
        let codes = CodeBook.codes(count: 40) {
            seed = seed &* 1_103_515_245 &+ 12_345
            return UInt8(truncatingIfNeeded: seed >> 16)
        }
        #expect(Set(codes).count == 40)
        #expect(codes.allSatisfy { $0.count == 12 && $0.allSatisfy(CodeBook.alphabet.contains) })
        for lookAlike in "0O1IL5S2Z8B" { #expect(!CodeBook.alphabet.contains(lookAlike)) }
        #expect(CodeBook.grouped(codes[0]).split(separator: "-").map(\.count) == [4, 4, 4])
    }

    @Test func pinHashesRoundTripAndNeverContainThePIN() throws {
        let hash = SecretHash.pin("135799", salt: Array(repeating: 9, count: 16))
        let text = hash.description
        #expect(text.hasPrefix("pbkdf2-sha256$600000$09090909"))
        #expect(!text.contains("135799"))
        #expect(SecretHash(text: text) == hash)
        #expect(SecretHash(text: text)?.matches("135799") == true)
        #expect(SecretHash(text: text)?.matches("135798") == false)
        #expect(SecretHash(text: "pbkdf2-sha256$600000$zz$00") == nil)
    }

    @Test func thePINHashIsStandardPBKDF2SHA256() throws {
        // RFC 7914, section 11: PBKDF2-HMAC-SHA256("passwd", "salt", 1 iteration), first 32 bytes.
        let hash = SecretHash(testingSecret: "passwd", salt: Array("salt".utf8), iterations: 1)
        #expect(SecretHash.hex(hash.digest) == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc")
    }

    @Test func weakAndOldPINHashesAreRefusedWithHowToMakeANewOne() throws {
        let salt = String(repeating: "07", count: 16), digest = String(repeating: "ab", count: 32)
        let refusals: [(String, String)] = [
            ("sha256:1:\(salt):\(digest)", "an old PIN hash (iterated SHA-256), no longer accepted: make a new one with `plenary pin`"),
            ("sha256:200000:\(salt):\(digest)", "an old PIN hash (iterated SHA-256), no longer accepted: make a new one with `plenary pin`"),
            ("pbkdf2-sha256$1$\(salt)$\(digest)", "a PIN hash with 1 iterations is too weak (at least 600000): make a new one with `plenary pin`"),
            ("pbkdf2-sha256$599999$\(salt)$\(digest)", "a PIN hash with 599999 iterations is too weak (at least 600000): make a new one with `plenary pin`"),
            ("pbkdf2-sha256$99999999999$\(salt)$\(digest)", "a PIN hash with 99999999999 iterations would take minutes to check (at most 10000000): make a new one with `plenary pin`"),
            ("pbkdf2-sha256$600000$0707$\(digest)", "not a PIN hash (expected the line `plenary pin` prints, like pbkdf2-sha256$600000$<salt>$<hash>)"),
        ]
        for (text, message) in refusals {
            #expect(SecretHash.parse(text) == .failure(PINHashProblem(message: message)), "\(text)")
        }
        #expect((try? SecretHash.parse("pbkdf2-sha256$600000$\(salt)$\(digest)").get())?.iterations == 600_000)
        // The test-only hash's text form is what a session file would hold: it is refused too.
        #expect(SecretHash(text: Self.pin.description) == nil)
    }

    @Test func aSessionFileWithAnOldPINHashSaysHowToMakeANewOne() throws {
        let yaml = """
            plenary: 1
            title: T
            voter_pin: "sha256:1:07070707070707070707070707070707:\(String(repeating: "ab", count: 32))"
            agenda:
              - {title: A, duration: 5}
            """
        guard case .failure(let errors) = SessionFile.parse(yaml: yaml, file: "t.yaml") else {
            Issue.record("an old PIN hash was accepted")
            return
        }
        #expect(errors.errors.map(\.description) == [
            "t.yaml:3:12: voter_pin: an old PIN hash (iterated SHA-256), no longer accepted: make a new one with `plenary pin`",
        ])
    }

    @Test func theReducerLeavesThePINCheckToTheRunnerAndIgnoresKeysMeanwhile() throws {
        var state = try state()
        _ = WorkshopReducer.reduce(&state, .voterMode(.start), now: Fixtures.at(12, 1))
        _ = WorkshopReducer.reduce(&state, .voter(.requestExit), now: Fixtures.at(12, 2))
        _ = WorkshopReducer.reduce(&state, .voter(.editPIN(.insert("2468"))), now: Fixtures.at(12, 2))
        #expect(WorkshopReducer.reduce(&state, .voter(.proceed), now: Fixtures.at(12, 2)) == [.checkPIN("2468")])
        #expect(state.voter?.isCheckingPIN == true)
        #expect(WorkshopReducer.reduce(&state, .voter(.requestExit), now: Fixtures.at(12, 2)) == [])
        #expect(state.voter?.pinEntry == nil)
        #expect(WorkshopReducer.reduce(&state, .voterMode(.pinChecked(matches: true)), now: Fixtures.at(12, 2)) == [.discardInput])
        #expect(state.voter == nil)
    }

    @Test func codeSheetsOfAnOlderFormatOrWeakerHashAreRefused() throws {
        let book = CodeBook(salt: Array(repeating: 3, count: 16), hashes: ["ab"])
        #expect(UsedCodesFile.decodeSheet(UsedCodesFile.encodeSheet(book)) == .success(book))
        let old = #"{"format": 1, "salt": "03030303030303030303030303030303", "hashes": ["ab"]}"#
        #expect(UsedCodesFile.decodeSheet(Array(old.utf8)) == .failure(.outdated))
        let weak = #"{"format": 2, "kdf": "pbkdf2-sha256", "iterations": 1000, "salt": "03030303030303030303030303030303", "hashes": ["ab"]}"#
        #expect(UsedCodesFile.decodeSheet(Array(weak.utf8)) == .failure(.outdated))
        #expect(UsedCodesFile.decodeSheet(Array("[]".utf8)) == .failure(.unreadable))
    }

    @Test func ballotsAreJournaledWithoutTime() throws {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let state = try state()
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

    @Test func settingAPINAsksTwiceThenHashesWithARandomSalt() throws {
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
        runner.send(.voterMode(.start))
        #expect(runner.state.screen == .setPIN(editor: LineEditor(limit: SecretHash.pinMaximumLength), first: nil))
        runner.send(.voterMode(.editNewPIN(.insert("135799"))))
        runner.send(.voterMode(.submitNewPIN))
        runner.send(.voterMode(.editNewPIN(.insert("135799"))))
        runner.send(.voterMode(.submitNewPIN))
        #expect(runner.state.voterPIN?.salt == Array(repeating: 5, count: 16))
        #expect(runner.state.voterPIN?.matches("135799") == true)
        #expect(runner.state.voter != nil)
        #expect(!(fs.text(files.journalPath) ?? "").contains("135799"))
    }
}
