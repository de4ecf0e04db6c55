import Foundation
import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

@Suite struct PollLifecycleTests {
    static let question = PollDefinition(id: "focus", question: "Primary focus of clusters?", type: .single,
                                         options: ["Matchmaking", "Funding", "Skills"])

    func state(_ polls: [PollDefinition] = [question]) throws -> WorkshopState {
        var session = Fixtures.sevilla()
        session.polls = polls
        session.agenda[1].polls = polls.map(\.id)
        return try Fixtures.state(session, now: Fixtures.at(12, 0))
    }

    @discardableResult
    func send(_ state: inout WorkshopState, _ command: PollCommand) -> Bool {
        !WorkshopReducer.reduce(&state, .command(.poll(command)), now: Fixtures.at(12, 0)).isEmpty
    }

    @Test func aPollGoesFromDraftToOpenToClosedAndBack() throws {
        var state = try state()
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

    @Test func resultsStayHiddenUntilRevealedUnlessLive() throws {
        var state = try state()
        #expect(!state.polls[0].showsResults)
        #expect(send(&state, .reveal(poll: "focus", shown: true)))
        #expect(state.polls[0].showsResults)
        var live = Self.question
        live.liveResults = true
        #expect(PollState(definition: live).showsResults)
    }

    @Test func aNewRoundStartsEmptyAndKeepsTheEarlierOne() throws {
        var state = try state()
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

    @Test func malformedBallotsChangeNothing() throws {
        var state = try state()
        send(&state, .open(poll: "focus"))
        let before = state.polls
        #expect(!send(&state, .cast(poll: "focus", ballot: .single(option: 7))))
        #expect(!send(&state, .cast(poll: "focus", ballot: .scale(value: 3))))
        #expect(!send(&state, .cast(poll: "nowhere", ballot: .single(option: 0))))
        #expect(state.polls == before)
        #expect(state.recordedCommands == 1)
    }

    @Test func handCountsAreRecordedAsSuchAndCount() throws {
        var state = try state()
        #expect(send(&state, .handCount(poll: "focus", counts: [4, 0, 2])))
        #expect(!send(&state, .handCount(poll: "focus", counts: [4, 0])))
        #expect(state.polls[0].currentRound.handCounts == [4, 0, 2])
        #expect(state.polls[0].ballotCount == 0)
        #expect(state.polls[0].handCount == 6)
    }

    @Test func adHocPollsAreCreatedOnceAndValidated() throws {
        var state = try state()
        let poll = PollDefinition(id: "adhoc-1", question: "Lunch now?", type: .single, options: ["Yes", "No"])
        #expect(send(&state, .create(poll)))
        #expect(state.polls.last?.isAdHoc == true)
        #expect(!send(&state, .create(poll)))
        #expect(!send(&state, .create(PollDefinition(id: "adhoc-2", question: " ", type: .single, options: ["a", "b"]))))
        #expect(!send(&state, .create(PollDefinition(id: "adhoc-3", question: "Q", type: .single, options: ["a"]))))
    }

    @Test func theBallotFormCastsThroughTheJournal() throws {
        var state = try state()
        send(&state, .open(poll: "focus"))
        _ = WorkshopReducer.reduce(&state, .poll(.startBallot("focus")), now: Fixtures.at(12, 1))
        _ = WorkshopReducer.reduce(&state, .poll(.editBallot(.digit(2))), now: Fixtures.at(12, 1))
        let effects = WorkshopReducer.reduce(&state, .poll(.submitBallot), now: Fixtures.at(12, 1))
        #expect(effects == [.appendJournal(.poll(.cast(poll: "focus", ballot: .single(option: 1)))), .saveResults])
        #expect(state.screen == .poll(id: "focus"))
        #expect(state.notice?.text == "Ballot recorded: 2 in this round." || state.notice?.text == "Ballot recorded: 1 in this round.")
    }

    @Test func pollsOfTheCurrentSlotComeFirstInTheList() throws {
        let other = PollDefinition(id: "other", question: "Other?", type: .open)
        var session = Fixtures.sevilla()
        session.polls = [other, Self.question]
        session.agenda[0].polls = ["focus"]
        let state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        #expect(state.pollsForList.map(\.id) == ["focus", "other"])
    }

    @Test func pollCommandsSurviveAJournalRoundTripAndReplay() throws {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        var session = Fixtures.sevilla()
        session.polls = [Self.question]
        let files = WorkshopFiles(sessionPath: "s.yaml")
        guard let runner = Fixtures.runner(session, fileSystem: fs, files: files, clock: clock) else {
            Issue.record("open failed")
            return
        }
        for command: PollCommand in [.open(poll: "focus"), .cast(poll: "focus", ballot: .single(option: 0)),
                                     .create(PollDefinition(id: "adhoc-1", question: "Q?", type: .scale, scale: RatingScale(min: 0, max: 10))),
                                     .handCount(poll: "focus", counts: [1, 2, 3]), .reveal(poll: "focus", shown: true)] {
            runner.send(.command(.poll(command)))
        }
        guard let reopened = Fixtures.open(session, fileSystem: fs, files: files, at: clock.now()) else {
            Issue.record("reopen failed")
            return
        }
        #expect(reopened.state.polls == runner.state.polls)
        #expect(reopened.state.polls.count == 2)
    }
}

@Suite struct PollResultsSnapshotTests {
    @Test func theResultsFileHoldsEveryPollWithExactCounts() throws {
        var session = Fixtures.sevilla()
        session.polls = [
            PollLifecycleTests.question,
            PollDefinition(id: "ready", question: "Ready?", type: .scale, scale: RatingScale(min: 1, max: 5, minLabel: "No", maxLabel: "Yes")),
            PollDefinition(id: "word", question: "One word", type: .open, maxLength: 40),
            PollDefinition(id: "rank", question: "Rank", type: .ranking, options: ["Capacity", "Funding"]),
            PollDefinition(id: "share", question: "Share", type: .allocation, options: ["X", "Y"], points: 100),
        ]
        session.agenda[0].polls = ["focus", "ready"]
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        let ballots: [(String, Ballot)] = [
            ("focus", .single(option: 0)), ("focus", .single(option: 2)), ("focus", .single(option: 0)),
            ("ready", .scale(value: 4)), ("ready", .scale(value: 5)),
            ("word", .open(text: "trust")), ("word", .open(text: "Alignment")),
            ("rank", .ranking(order: [1, 0])), ("rank", .ranking(order: [1, 0])), ("rank", .ranking(order: [0, 1])),
            ("share", .allocation(points: [70, 30])),
        ]
        for id in Set(ballots.map(\.0)) {
            _ = WorkshopReducer.reduce(&state, .command(.poll(.open(poll: id))), now: Fixtures.at(12, 0))
        }
        for (id, ballot) in ballots {
            #expect(!WorkshopReducer.reduce(&state, .command(.poll(.cast(poll: id, ballot: ballot))), now: Fixtures.at(12, 1)).isEmpty)
        }
        // The cheap count the lists show agrees with the full tally, hand counts and refused ballots included.
        state.polls[0].rounds[0].handCounts = [2, 0, 1]
        state.polls[3].rounds[0].ballots.append(.ranking(order: [0, 0]))
        for poll in state.polls {
            #expect(poll.ballotCount == PollTally.results(of: poll.currentRound, for: poll.definition).ballotCount, "\(poll.id)")
        }
        state.polls[0].rounds[0].handCounts = nil
        state.polls[3].rounds[0].ballots.removeLast()
        let json = String(decoding: ResultsSnapshot(state: state, sessionFile: "s.yaml", generator: "t").encoded(), as: UTF8.self)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let polls = try #require(object["polls"] as? [[String: Any]])
        #expect(polls.map { $0["id"] as? String } == ["focus", "ready", "word", "rank", "share"])
        func round(_ index: Int) -> [String: Any] { ((polls[index]["rounds"] as? [[String: Any]])?.first) ?? [:] }
        #expect(round(0)["ballotCount"] as? Int == 3)
        #expect((round(0)["options"] as? [[String: Any]])?.map { $0["count"] as? Int } == [2, 0, 1])
        #expect(polls[0]["slots"] as? [String] == ["registration"])
        #expect((round(1)["scale"] as? [String: Any])?["mean"] as? Double == 4.5)
        #expect((round(1)["scale"] as? [String: Any])?["distribution"] as? [Int] == [0, 0, 0, 1, 1])
        #expect(round(2)["answers"] as? [String] == ["Alignment", "trust"])
        #expect((round(3)["options"] as? [[String: Any]])?.map { $0["averageScore"] as? Double } == [1.33, 1.67])
        #expect((round(4)["options"] as? [[String: Any]])?.map { $0["points"] as? Int } == [70, 30])
    }
}
