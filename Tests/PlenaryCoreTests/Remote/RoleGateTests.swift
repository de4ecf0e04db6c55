import Testing
import PlenaryTestSupport
@_spi(Testing) @testable import PlenaryEngine
import PlenaryStorage

/// Each role's refusals (issue 14), and what passes going through the reducer as the same command a local key makes.
@Suite struct RoleGateTests {
    static let template = CaptureTemplate(id: "action-concept", name: "Action concept", fields: [
        TemplateField(id: "theme", label: "Theme", kind: .text, required: true),
    ])
    static let voter = ClientGrant(role: .voter)
    static let audience = ClientGrant(role: .audience)
    static let wg1 = ClientGrant(role: .group("wg1"))
    static let provenModerator = ClientGrant(role: .moderator, pinProven: true)
    static let unprovenModerator = ClientGrant(role: .moderator, pinProven: false)

    /// Sevilla at 12:01 with two open polls (`format` single choice, `ready` a scale) unless `admission` says
    /// otherwise, a closed poll `old`, a draft `later`, and two groups with one entry in wg2.
    func state(admission: Admission = .open) throws -> WorkshopState {
        var session = Fixtures.sevilla()
        session.polls = [
            PollDefinition(id: "format", question: "Format?", type: .single, options: ["Physical", "Online"], admission: admission),
            PollDefinition(id: "ready", question: "Ready?", type: .scale, scale: RatingScale(min: 1, max: 5), admission: admission),
            PollDefinition(id: "old", question: "Old?", type: .single, options: ["Yes", "No"]),
            PollDefinition(id: "later", question: "Later?", type: .single, options: ["Yes", "No"]),
        ]
        session.templates = [Self.template]
        session.groups = [
            WorkingGroup(id: "wg1", name: "Policy", templates: ["action-concept"]),
            WorkingGroup(id: "wg2", name: "Clusters", templates: ["action-concept"]),
        ]
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        for command: PollCommand in [.open(poll: "format"), .open(poll: "ready"), .open(poll: "old"), .close(poll: "old"),
                                     .cast(poll: "format", ballot: .single(option: 0))] {
            #expect(!WorkshopReducer.reduce(&state, .command(.poll(command)), now: Fixtures.at(12, 0)).isEmpty)
        }
        #expect(!WorkshopReducer.reduce(&state, .command(.group(.add(group: "wg2", template: "action-concept", author: "Ana"))),
                                        now: Fixtures.at(12, 0)).isEmpty)
        return state
    }

    func wg2Entry(_ state: WorkshopState) -> String { state.group("wg2")?.entries.first?.id ?? "" }

    // MARK: voter

    @Test func aVotersBallotIsRecordedAsTheSameCastAsALocalOneAndLeavesTheModeratorsNoticeAlone() throws {
        var state = try state()
        state.notice = Notice(text: "Moderator's own message", level: .info, until: nil)
        let admission = RoleGate.admit(.castBallot(poll: "format", ballot: .single(option: 1), code: nil), from: Self.voter, in: state)
        #expect(admission == .perform(.remote(.cast(poll: "format", ballot: .single(option: 1), codeHash: nil))))
        guard case .perform(let action) = admission else { return }
        var store = ReducerTestStore(state)
        store.send(action, at: Fixtures.at(12, 1), effects: [.appendJournal(.poll(.cast(poll: "format", ballot: .single(option: 1)))), .saveResults]) {
            $0.now = Fixtures.at(12, 1)
            $0.polls[0].appendToCurrentRound(.single(option: 1))
            $0.recordedCommands += 1
        }
    }

    @Test func aVoterCannotSendAModeratorAction() throws {
        let state = try state()
        #expect(RoleGate.admit(.moderator(.poll(.reveal(poll: "format", shown: true))), from: Self.voter, in: state)
            == .refused("A voter screen can only cast ballots."))
        #expect(RoleGate.admit(.moderator(.next), from: Self.voter, in: state) == .refused("A voter screen can only cast ballots."))
    }

    @Test func aVoterCannotEditAGroup() throws {
        let state = try state()
        #expect(RoleGate.admit(.group(.add(group: "wg1", template: "action-concept", author: "x")), from: Self.voter, in: state)
            == .refused("A voter screen can only cast ballots."))
    }

    @Test func aVoterCannotBallotOnAClosedOrDraftOrUnknownPoll() throws {
        let state = try state()
        #expect(RoleGate.admit(.castBallot(poll: "old", ballot: .single(option: 0), code: nil), from: Self.voter, in: state)
            == .refused("This poll has closed; your answer was not counted."))
        #expect(RoleGate.admit(.castBallot(poll: "later", ballot: .single(option: 0), code: nil), from: Self.voter, in: state)
            == .refused("This poll is not open yet; your answer was not counted."))
        #expect(RoleGate.admit(.castBallot(poll: "\u{1b}[2Jnope", ballot: .single(option: 0), code: nil), from: Self.voter, in: state)
            == .refused("There is no such poll."))
    }

    @Test func aBallotThatClosedBetweenTheGateAndTheReducerChangesNothing() throws {
        var state = try state()
        _ = WorkshopReducer.reduce(&state, .command(.poll(.close(poll: "format"))), now: Fixtures.at(12, 1))
        var store = ReducerTestStore(state)
        store.send(.remote(.cast(poll: "format", ballot: .single(option: 1), codeHash: nil)), at: Fixtures.at(12, 2), effects: []) {
            $0.now = Fixtures.at(12, 2)
        }
    }

    @Test func aVotersBallotGoesThroughTheVoterTerminalsValidation() throws {
        let state = try state()
        let outOfRange = Ballot.single(option: 7)
        let expected = BallotValidation.problem(with: BallotValidation.normalized(outOfRange), for: state.polls[0].definition)
        #expect(expected != nil)
        #expect(RoleGate.admit(.castBallot(poll: "format", ballot: outOfRange, code: nil), from: Self.voter, in: state)
            == .refused(expected ?? ""))
        #expect(RoleGate.admit(.castBallot(poll: "ready", ballot: .single(option: 0), code: nil), from: Self.voter, in: state)
            == .refused(BallotValidation.problem(with: .single(option: 0), for: state.polls[1].definition) ?? ""))
    }

    @Test func nothingIsAdmittedWhileTheJournalIsReadOnly() throws {
        var state = try state()
        state.storageFailure = StorageFailure(kind: .journal, message: "NOT RECORDED")
        guard case .refused = RoleGate.admit(.castBallot(poll: "format", ballot: .single(option: 1), code: nil), from: Self.voter, in: state)
        else { Issue.record("a ballot was admitted while read-only"); return }
    }

    // MARK: codes

    func codeState() throws -> (WorkshopState, CodeBook) {
        var state = try state(admission: .codes)
        var book = CodeBook(salt: Array(repeating: 3, count: 16), hashes: [])
        book.hashes = [book.hash(of: "ACDE-FGHJ-KMNP"), book.hash(of: "QRTU-VWXY-3467")]
        _ = WorkshopReducer.reduce(&state, .voterMode(.loadCodeBook(book)), now: Fixtures.at(12, 1))
        return (state, book)
    }

    @Test func aCodePollRefusesABallotWithoutAValidCode() throws {
        let (state, _) = try codeState()
        #expect(RoleGate.admit(.castBallot(poll: "format", ballot: .single(option: 1), code: nil), from: Self.voter, in: state)
            == .refusedCode("This poll needs your voting code, as printed on your slip."))
        #expect(RoleGate.admit(.castBallot(poll: "format", ballot: .single(option: 1), code: "XXXX-XXXX-XXXX"), from: Self.voter, in: state)
            == .refusedCode("This code is not valid. Check it and type it again."))
        #expect(RoleGate.admit(.castBallot(poll: "format", ballot: .single(option: 1), code: "ACD347"), from: Self.voter, in: state)
            == .refusedCode("A code has 12 letters and digits (3 groups of 4), as printed on your slip."))
    }

    @Test func aCodeIsSpentWithItsBallotAndAdmitsNoSecondBallotOnThatPoll() throws {
        let (state, book) = try codeState()
        let hash = book.hash(of: "ACDE-FGHJ-KMNP")
        let admission = RoleGate.admit(.castBallot(poll: "format", ballot: .single(option: 1), code: "acde fghj-kmnp"), from: Self.voter, in: state)
        #expect(admission == .perform(.remote(.cast(poll: "format", ballot: .single(option: 1), codeHash: hash))))
        guard case .perform(let action) = admission else { return }
        var store = ReducerTestStore(state)
        store.send(action, at: Fixtures.at(12, 2),
                   effects: [.saveCodes, .appendJournal(.poll(.cast(poll: "format", ballot: .single(option: 1)))), .saveResults]) {
            $0.now = Fixtures.at(12, 2)
            $0.polls[0].appendToCurrentRound(.single(option: 1))
            $0.codeBook?.used[CodeBook.ballotKey(poll: "format", round: 1)] = [hash]
            $0.recordedCommands += 1
        }
        #expect(RoleGate.admit(.castBallot(poll: "format", ballot: .single(option: 0), code: "ACDE-FGHJ-KMNP"), from: Self.voter, in: store.state)
            == .refusedCode("This code has already been used for this poll."))
        // The same code still admits its ballot on the other poll.
        guard case .perform = RoleGate.admit(.castBallot(poll: "ready", ballot: .scale(value: 3), code: "ACDE-FGHJ-KMNP"), from: Self.voter, in: store.state)
        else { Issue.record("the code was spent on a poll it did not vote on"); return }
        // A spent code that reaches the reducer anyway (two requests in flight) is refused there too.
        store.send(action, at: Fixtures.at(12, 3), effects: []) { $0.now = Fixtures.at(12, 3) }
    }

    // MARK: audience

    @Test func theAudienceCanSendNothing() throws {
        let state = try state()
        let refusal = RemoteAdmission.refused("This is a view of the room: it cannot vote or change anything.")
        #expect(RoleGate.admit(.castBallot(poll: "format", ballot: .single(option: 1), code: nil), from: Self.audience, in: state) == refusal)
        #expect(RoleGate.admit(.group(.add(group: "wg1", template: "action-concept", author: "x")), from: Self.audience, in: state) == refusal)
        #expect(RoleGate.admit(.moderator(.start), from: Self.audience, in: state) == refusal)
    }

    // MARK: group

    @Test func aFacilitatorAddsToTheirOwnGroupThroughTheReducer() throws {
        let state = try state()
        let command = GroupCommand.add(group: "wg1", template: "action-concept", author: "Facilitator")
        let admission = RoleGate.admit(.group(command), from: Self.wg1, in: state)
        #expect(admission == .perform(.remote(.groupEdit(command))))
        guard case .perform(let action) = admission else { return }
        var after = state
        let effects = WorkshopReducer.reduce(&after, action, now: Fixtures.at(12, 2))
        #expect(effects == [.appendJournal(.group(command)), .saveResults])
        #expect(after.group("wg1")?.entries.map(\.author) == ["Facilitator"])
        #expect(after.screen == state.screen)
    }

    @Test func groupOneCannotEditGroupTwosEntry() throws {
        let state = try state()
        let entry = wg2Entry(state)
        #expect(!entry.isEmpty)
        let refusal = RemoteAdmission.refused("This screen belongs to another working group: it can only change its own group's entries.")
        #expect(RoleGate.admit(.group(.setField(group: "wg2", entry: entry, field: "theme", text: "x")), from: Self.wg1, in: state) == refusal)
        #expect(RoleGate.admit(.group(.delete(group: "wg2", entry: entry)), from: Self.wg1, in: state) == refusal)
        #expect(RoleGate.admit(.group(.undo(group: "wg2")), from: Self.wg1, in: state) == refusal)
        // Naming its own group with the other group's entry finds no such entry there.
        guard case .refused = RoleGate.admit(.group(.setField(group: "wg1", entry: entry, field: "theme", text: "x")), from: Self.wg1, in: state)
        else { Issue.record("wg1 edited wg2's entry through its own group"); return }
        #expect(state.group("wg2")?.entries.first?.fields["theme"] == nil)
    }

    @Test func aFacilitatorHearsTheGroupReducersOwnRefusal() throws {
        let state = try state()
        var trial = state
        let command = GroupCommand.add(group: "wg1", template: "no-such-template", author: "x")
        let expected = WorkshopReducer.apply(.group(command), to: &trial, at: state.now)
        #expect(expected != nil)
        #expect(RoleGate.admit(.group(command), from: Self.wg1, in: state) == .refused(expected ?? ""))
    }

    @Test func aFacilitatorCannotVoteOrModerate() throws {
        let state = try state()
        let refusal = RemoteAdmission.refused("A facilitator screen can only add and edit its own group's entries.")
        #expect(RoleGate.admit(.castBallot(poll: "format", ballot: .single(option: 1), code: nil), from: Self.wg1, in: state) == refusal)
        #expect(RoleGate.admit(.moderator(.poll(.close(poll: "format"))), from: Self.wg1, in: state) == refusal)
    }

    // MARK: moderator

    @Test func aModeratorWithoutThePINProofCanDoNothing() throws {
        let state = try state()
        let refusal = RemoteAdmission.refused("The moderator screen needs the moderator PIN. Attach again with the PIN.")
        #expect(RoleGate.admit(.moderator(.start), from: Self.unprovenModerator, in: state) == refusal)
        #expect(RoleGate.admit(.castBallot(poll: "format", ballot: .single(option: 1), code: nil), from: Self.unprovenModerator, in: state) == refusal)
        #expect(RoleGate.admit(.group(.add(group: "wg1", template: "action-concept", author: "x")), from: Self.unprovenModerator, in: state) == refusal)
    }

    @Test func aProvenModeratorsCommandIsTheLocalCommand() throws {
        let state = try state()
        #expect(RoleGate.admit(.moderator(.start), from: Self.provenModerator, in: state) == .perform(.command(.start)))
        #expect(RoleGate.admit(.group(.undo(group: "wg2")), from: Self.provenModerator, in: state) == .perform(.command(.group(.undo(group: "wg2")))))
    }

    // MARK: handshake

    @Test func theHandshakeAdmitsAModeratorOnlyWithTheRightPIN() throws {
        var state = try state()
        #expect(ClientAdmission.decide(role: .moderator, pin: "2468", in: state)
            == .refused("This workshop has no moderator PIN, so no second moderator screen can attach. Set one with `plenary pin`."))
        state.voterPIN = SecretHash(testingSecret: "2468", salt: Array(repeating: 7, count: 16), iterations: 10)
        #expect(ClientAdmission.decide(role: .moderator, pin: nil, in: state) == .refused("A moderator screen needs the moderator PIN."))
        #expect(ClientAdmission.decide(role: .moderator, pin: "", in: state) == .refused("A moderator screen needs the moderator PIN."))
        #expect(ClientAdmission.decide(role: .moderator, pin: String(repeating: "9", count: 65), in: state) == .refused("Wrong moderator PIN."))
        #expect(ClientAdmission.decide(role: .moderator, pin: "2468", in: state) == .checkPIN("2468"))
        #expect(ClientAdmission.pinChecked(matches: state.voterPIN?.matches("1357") == true) == .refused("Wrong moderator PIN."))
        #expect(ClientAdmission.pinChecked(matches: state.voterPIN?.matches("2468") == true)
            == .accepted(ClientGrant(role: .moderator, pinProven: true)))
    }

    @Test func anotherAccountIsAdmittedOnlyToVoteOrWatch() throws {
        var state = try state()
        state.voterPIN = SecretHash(testingSecret: "2468", salt: Array(repeating: 7, count: 16), iterations: 10)
        #expect(ClientAdmission.decide(role: .voter, pin: nil, peer: .otherAccount, in: state) == .accepted(ClientGrant(role: .voter)))
        #expect(ClientAdmission.decide(role: .audience, pin: nil, peer: .otherAccount, in: state) == .accepted(ClientGrant(role: .audience)))
        #expect(ClientAdmission.decide(role: .group("wg1"), pin: nil, peer: .otherAccount, in: state) == .refused(ClientAdmission.otherAccountRefusal))
        #expect(ClientAdmission.decide(role: .moderator, pin: "2468", peer: .otherAccount, in: state) == .refused(ClientAdmission.otherAccountRefusal))
        #expect(ClientAdmission.decide(role: .moderator, pin: "2468", peer: .hostAccount, in: state) == .checkPIN("2468"))
    }

    @Test func theHandshakeAdmitsOnlyGroupsOfTheSession() throws {
        let state = try state()
        #expect(ClientAdmission.decide(role: .group("wg9"), pin: nil, in: state) == .refused("There is no working group with that id in this session."))
        #expect(ClientAdmission.decide(role: .group("wg1"), pin: nil, in: state) == .accepted(ClientGrant(role: .group("wg1"))))
        #expect(ClientAdmission.decide(role: .voter, pin: nil, in: state) == .accepted(ClientGrant(role: .voter)))
        #expect(ClientAdmission.decide(role: .audience, pin: nil, in: state) == .accepted(ClientGrant(role: .audience)))
    }

    /// Keys and a screen size drive a screen the host runs: refused to voters, the projector and a moderator whose PIN
    /// was not proven, each with its reason.
    @Test func onlyAProvenModeratorMayDriveTheModeratorScreen() {
        #expect(RoleGate.screenInputRefusal(for: Self.provenModerator) == nil)
        #expect(RoleGate.screenInputRefusal(for: Self.unprovenModerator) == "The moderator screen needs the moderator PIN. Attach again with the PIN.")
        #expect(RoleGate.screenInputRefusal(for: ClientGrant(role: .group("wg1"))) == nil, "a facilitator's screen, checked again per change")
        for role in [ClientRole.voter, .audience] {
            #expect(RoleGate.screenInputRefusal(for: ClientGrant(role: role)) == "Only a moderator or facilitator screen sends keys to the host.")
        }
    }
}
