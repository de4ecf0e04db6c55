import Testing
@testable import PlenaryCore

@Suite struct PollLifecycleTests {
    static let question = PollDefinition(id: "focus", question: "Primary focus of clusters?", type: .single,
                                         options: ["Matchmaking", "Funding", "Skills"])

    func state(_ polls: [PollDefinition] = [question]) -> WorkshopState {
        var session = Fixtures.sevilla()
        session.polls = polls
        session.agenda[1].polls = polls.map(\.id)
        return Fixtures.state(session, now: Fixtures.at(12, 0))
    }

    @discardableResult
    func send(_ state: inout WorkshopState, _ command: PollCommand) -> Bool {
        !WorkshopReducer.reduce(&state, .command(.poll(command)), now: Fixtures.at(12, 0)).isEmpty
    }

    @Test func aPollGoesFromDraftToOpenToClosedAndBack() {
        var state = state()
        #expect(state.polls[0].status == .draft)
        #expect(!send(&state, .cast(poll: "focus", ballot: .single(option: 0))))
        #expect(state.notice?.text == "This poll is not open yet.")
        #expect(send(&state, .open(poll: "focus")))
        #expect(!send(&state, .open(poll: "focus")))
        #expect(send(&state, .cast(poll: "focus", ballot: .single(option: 1))))
        #expect(send(&state, .close(poll: "focus")))
        #expect(!send(&state, .cast(poll: "focus", ballot: .single(option: 1))))
        #expect(state.notice?.text == "This poll is closed.")
        #expect(send(&state, .open(poll: "focus")))
        #expect(send(&state, .cast(poll: "focus", ballot: .single(option: 1))))
        #expect(state.polls[0].currentRound.ballots == [.single(option: 1), .single(option: 1)])
    }

    @Test func resultsStayHiddenUntilRevealedUnlessLive() {
        var state = state()
        #expect(!state.polls[0].showsResults)
        #expect(send(&state, .reveal(poll: "focus", shown: true)))
        #expect(state.polls[0].showsResults)
        var live = Self.question
        live.liveResults = true
        #expect(PollState(definition: live).showsResults)
    }

    @Test func aNewRoundStartsEmptyAndKeepsTheEarlierOne() {
        var state = state()
        send(&state, .open(poll: "focus"))
        #expect(!send(&state, .newRound(poll: "focus")))
        send(&state, .cast(poll: "focus", ballot: .single(option: 2)))
        send(&state, .reveal(poll: "focus", shown: true))
        #expect(send(&state, .newRound(poll: "focus")))
        #expect(state.polls[0].rounds.count == 2)
        #expect(state.polls[0].rounds[0].ballots == [.single(option: 2)])
        #expect(state.polls[0].currentRound.ballots.isEmpty)
        #expect(state.polls[0].status == .open)
        #expect(!state.polls[0].revealed)
    }

    @Test func malformedBallotsChangeNothing() {
        var state = state()
        send(&state, .open(poll: "focus"))
        let before = state.polls
        #expect(!send(&state, .cast(poll: "focus", ballot: .single(option: 7))))
        #expect(!send(&state, .cast(poll: "focus", ballot: .scale(value: 3))))
        #expect(!send(&state, .cast(poll: "nowhere", ballot: .single(option: 0))))
        #expect(state.polls == before)
        #expect(state.recordedCommands == 1)
    }

    @Test func handCountsAreRecordedAsSuchAndCount() {
        var state = state()
        #expect(send(&state, .handCount(poll: "focus", counts: [4, 0, 2])))
        #expect(!send(&state, .handCount(poll: "focus", counts: [4, 0])))
        #expect(state.polls[0].currentRound.handCounts == [4, 0, 2])
        #expect(state.polls[0].ballotCount == 6)
    }

    @Test func adHocPollsAreCreatedOnceAndValidated() {
        var state = state()
        let poll = PollDefinition(id: "adhoc-1", question: "Lunch now?", type: .single, options: ["Yes", "No"])
        #expect(send(&state, .create(poll)))
        #expect(state.polls.last?.isAdHoc == true)
        #expect(!send(&state, .create(poll)))
        #expect(!send(&state, .create(PollDefinition(id: "adhoc-2", question: " ", type: .single, options: ["a", "b"]))))
        #expect(!send(&state, .create(PollDefinition(id: "adhoc-3", question: "Q", type: .single, options: ["a"]))))
    }

    @Test func theBallotFormCastsThroughTheJournal() {
        var state = state()
        send(&state, .open(poll: "focus"))
        _ = WorkshopReducer.reduce(&state, .startBallot("focus"), now: Fixtures.at(12, 1))
        _ = WorkshopReducer.reduce(&state, .editBallot(.digit(2)), now: Fixtures.at(12, 1))
        let effects = WorkshopReducer.reduce(&state, .submitBallot, now: Fixtures.at(12, 1))
        #expect(effects == [.appendJournal(.poll(.cast(poll: "focus", ballot: .single(option: 1)))), .saveResults])
        #expect(state.screen == .poll(id: "focus"))
        #expect(state.notice?.text == "Ballot recorded: 2 in this round." || state.notice?.text == "Ballot recorded: 1 in this round.")
    }

    @Test func pollsOfTheCurrentSlotComeFirstInTheList() {
        let other = PollDefinition(id: "other", question: "Other?", type: .open)
        var session = Fixtures.sevilla()
        session.polls = [other, Self.question]
        session.agenda[0].polls = ["focus"]
        let state = Fixtures.state(session, now: Fixtures.at(12, 0))
        #expect(state.pollsForList.map(\.id) == ["focus", "other"])
    }

    @Test func pollCommandsSurviveAJournalRoundTripAndReplay() {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        var session = Fixtures.sevilla()
        session.polls = [Self.question]
        guard case .success(let plan) = PlannedAgenda.plan(session),
              case .success(let opened) = WorkshopStore.open(session: session, plan: plan, files: WorkshopFiles(sessionPath: "s.yaml"),
                                                              fileSystem: fs, now: clock.now(), stamp: "S", fresh: false)
        else { Issue.record("open failed"); return }
        let runner = WorkshopRunner(state: opened.state, journal: opened.journal, fileSystem: fs,
                                    files: WorkshopFiles(sessionPath: "s.yaml"), clock: clock, generator: "t")
        for command: PollCommand in [.open(poll: "focus"), .cast(poll: "focus", ballot: .single(option: 0)),
                                     .create(PollDefinition(id: "adhoc-1", question: "Q?", type: .scale, scale: RatingScale(min: 0, max: 10))),
                                     .handCount(poll: "focus", counts: [1, 2, 3]), .reveal(poll: "focus", shown: true)] {
            runner.send(.command(.poll(command)))
        }
        guard case .success(let reopened) = WorkshopStore.open(session: session, plan: plan, files: WorkshopFiles(sessionPath: "s.yaml"),
                                                                fileSystem: fs, now: clock.now(), stamp: "S", fresh: false)
        else { Issue.record("reopen failed"); return }
        #expect(reopened.state.polls == runner.state.polls)
        #expect(reopened.state.polls.count == 2)
    }
}
