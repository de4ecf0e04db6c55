import Testing
@_spi(Testing) @testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

/// A ballot costs the same with a hundred thousand before it as with none (issue 13, decision 56): the replay and
/// the runner append in place, and the round's running tally is the tally counted from scratch.
@Suite struct CostPerBallotTests {
    let files = WorkshopFiles(sessionPath: "/w/sevilla.yaml")

    static let polls = [
        PollDefinition(id: "one", question: "One?", type: .single, options: ["A", "B", "C"]),
        PollDefinition(id: "many", question: "Many?", type: .multiple, options: ["A", "B", "C", "D"], maxPicks: 2),
        PollDefinition(id: "ready", question: "Ready?", type: .scale, scale: RatingScale(min: -2, max: 4, minLabel: "No", maxLabel: "Yes")),
        PollDefinition(id: "word", question: "One word", type: .open, maxLength: 30),
        PollDefinition(id: "rank", question: "Rank", type: .ranking, options: ["X", "Y", "Z"]),
        PollDefinition(id: "share", question: "Share", type: .allocation, options: ["X", "Y"], points: 10),
    ]

    func session() -> Session {
        var session = Fixtures.sevilla()
        session.polls = Self.polls
        return session
    }

    func openState() throws -> WorkshopState {
        var state = try Fixtures.state(session(), now: Fixtures.at(12, 0))
        for poll in Self.polls {
            #expect(WorkshopReducer.apply(.poll(.open(poll: poll.id)), to: &state, at: Fixtures.at(12, 0)) == nil)
        }
        return state
    }

    /// Where the current round's ballots live in memory: the same address after an append means no copy was made.
    func ballotStorage(_ state: WorkshopState, _ poll: Int) -> (address: UnsafeRawPointer?, count: Int, capacity: Int) {
        let ballots = state.polls[poll].currentRound.ballots
        return (ballots.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }, ballots.count, ballots.capacity)
    }

    @Test func theReplayAppendsABallotInPlace() throws {
        var state = try openState()
        for _ in 0..<1000 {
            #expect(WorkshopReducer.apply(.poll(.cast(poll: "one", ballot: .single(option: 1))), to: &state, at: Fixtures.at(12, 1)) == nil)
        }
        let before = ballotStorage(state, 0)
        try #require(before.count < before.capacity, "room to append without growing")
        #expect(WorkshopReducer.apply(.poll(.cast(poll: "one", ballot: .single(option: 2))), to: &state, at: Fixtures.at(12, 1)) == nil)
        let after = ballotStorage(state, 0)
        #expect(after.count == 1001)
        #expect(after.address == before.address, "the ballots were copied to add one")
    }

    /// 1000 ballots in poll "one", with room in the array for one more without growing.
    func stateWithRoomToAppend() throws -> WorkshopState {
        var state = try openState()
        for _ in 0..<1000 {
            #expect(WorkshopReducer.apply(.poll(.cast(poll: "one", ballot: .single(option: 1))), to: &state, at: Fixtures.at(12, 1)) == nil)
        }
        let storage = ballotStorage(state, 0)
        try #require(storage.count < storage.capacity, "room to append without growing")
        return state
    }

    /// Every way a ballot is cast (the moderator's form, the voter terminal, an attached kiosk) appends in place:
    /// none holds a copy of the poll while it records, which made each ballot copy all before it (issue 13).
    @Test func theBallotFormAppendsInPlace() throws {
        var state = try stateWithRoomToAppend()
        let before = ballotStorage(state, 0)
        _ = WorkshopReducer.reduce(&state, .poll(.startBallot("one")), now: Fixtures.at(12, 2))
        _ = WorkshopReducer.reduce(&state, .poll(.editBallot(.digit(3))), now: Fixtures.at(12, 2))
        let effects = WorkshopReducer.reduce(&state, .poll(.submitBallot), now: Fixtures.at(12, 2))
        #expect(effects == [.appendJournal(.poll(.cast(poll: "one", ballot: .single(option: 2)))), .saveResults])
        #expect(state.notice?.text == "Ballot recorded: 1001 in this round.")
        let after = ballotStorage(state, 0)
        #expect(after.count == 1001)
        #expect(after.address == before.address, "the ballots were copied to add one")
    }

    @Test func theVoterTerminalAppendsInPlace() throws {
        var state = try stateWithRoomToAppend()
        state.voterPIN = SecretHash(testingSecret: "2468", salt: Array(repeating: 7, count: 16), iterations: 10)
        let before = ballotStorage(state, 0)
        _ = WorkshopReducer.reduce(&state, .voterMode(.start), now: Fixtures.at(12, 2))
        _ = WorkshopReducer.reduce(&state, .voter(.proceed), now: Fixtures.at(12, 3))
        _ = WorkshopReducer.reduce(&state, .voter(.editBallot(.digit(3))), now: Fixtures.at(12, 4))
        _ = WorkshopReducer.reduce(&state, .voter(.proceed), now: Fixtures.at(12, 5))
        let effects = WorkshopReducer.reduce(&state, .voter(.proceed), now: Fixtures.at(12, 6))
        #expect(effects.first == .appendJournal(.poll(.cast(poll: "one", ballot: .single(option: 2)))))
        let after = ballotStorage(state, 0)
        #expect(after.count == 1001)
        #expect(after.address == before.address, "the ballots were copied to add one")
    }

    @Test func anAttachedKioskAppendsInPlace() throws {
        var state = try stateWithRoomToAppend()
        let before = ballotStorage(state, 0)
        let effects = WorkshopReducer.reduce(&state, .remote(.cast(poll: "one", ballot: .single(option: 2), codeHash: nil)),
                                             now: Fixtures.at(12, 2))
        #expect(effects == [.appendJournal(.poll(.cast(poll: "one", ballot: .single(option: 2)))), .saveResults])
        let after = ballotStorage(state, 0)
        #expect(after.count == 1001)
        #expect(after.address == before.address, "the ballots were copied to add one")
    }

    @Test func theRunnerAppendsABallotInPlaceAndAdoptsItOnceRecorded() throws {
        let fileSystem = MemoryFileSystem()
        let runner = try #require(Fixtures.runner(session(), fileSystem: fileSystem, files: files, clock: ManualClock(Fixtures.at(12, 0))))
        runner.send(.command(.poll(.open(poll: "one"))))
        for _ in 0..<600 { runner.send(.command(.poll(.cast(poll: "one", ballot: .single(option: 0))))) }
        let before = ballotStorage(runner.state, 0)
        try #require(before.count == 600 && before.count < before.capacity)
        runner.send(.command(.poll(.cast(poll: "one", ballot: .single(option: 2)))))
        let after = ballotStorage(runner.state, 0)
        #expect(after.count == 601)
        #expect(after.address == before.address, "the ballots were copied to add one")
        #expect(runner.state.polls[0].ballotCount == 601)
    }

    @Test func aBallotTheJournalRefusedLeavesNoTrace() throws {
        let fileSystem = MemoryFileSystem()
        let runner = try #require(Fixtures.runner(session(), fileSystem: fileSystem, files: files, clock: ManualClock(Fixtures.at(12, 0))))
        runner.send(.command(.poll(.open(poll: "word"))))
        runner.send(.command(.poll(.cast(poll: "word", ballot: .open(text: "shared trust")))))
        let polls = runner.state.polls
        let recorded = runner.state.recordedCommands
        let results = PollTally.results(of: runner.state.polls[3].currentRound, for: Self.polls[3])

        fileSystem.failAppend(after: 0, reason: "Input/output error")
        runner.send(.command(.poll(.cast(poll: "word", ballot: .open(text: "lost trust")))))

        #expect(runner.state.storageFailure != nil)
        #expect(runner.state.polls == polls)
        #expect(runner.state.recordedCommands == recorded)
        #expect(runner.state.polls[3].currentRound.tally?.validBallots == 1)
        #expect(PollTally.results(of: runner.state.polls[3].currentRound, for: Self.polls[3]) == results)
    }

    // MARK: - The results writer's copy

    /// The writer's copy reads as the state does, and holding it does not make the next ballot copy the ballots.
    @Test func theResultsWritersCopySharesNoBallots() throws {
        var state = try stateWithRoomToAppend()
        for index in 0..<300 {
            #expect(WorkshopReducer.apply(.poll(.cast(poll: "word", ballot: .open(text: "Answer \(index) trust"))), to: &state,
                                          at: Fixtures.at(12, 1)) == nil)
        }
        let before = ballotStorage(state, 0)
        let input = ResultsSnapshot.input(from: state)
        #expect(ResultsSnapshot(state: input, sessionFile: "s.yaml", generator: "g").encoded()
                == ResultsSnapshot(state: state, sessionFile: "s.yaml", generator: "g").encoded())
        #expect(WorkshopReducer.apply(.poll(.cast(poll: "one", ballot: .single(option: 0))), to: &state, at: Fixtures.at(12, 2)) == nil)
        #expect(ballotStorage(state, 0).address == before.address, "the ballots were copied to add one")
        // The copy still reads as the state did when it was taken.
        #expect(PollTally.ballotCount(of: input.polls[0].currentRound, for: Self.polls[0]) == 1000)
        #expect(PollTally.ballotCount(of: state.polls[0].currentRound, for: Self.polls[0]) == 1001)
    }

    /// Open answers are kept sorted in chunks that split as they grow; across many splits they read back whole and
    /// in alphabetical order, and a copy taken midway keeps what it had while the original grows.
    @Test func openAnswersReadBackWholeAndSortedAcrossChunks() {
        let poll = Self.polls[3]
        var round = PollRound(tallying: poll)
        var random = SeededGenerator(seed: 13)
        let count = 5 * AlphabeticalAnswers.chunkSize + 7
        let answers = (0..<count).map { number in
            (random.next(upTo: 2) == 0 ? "Answer " : "answer ") + "\(random.next(upTo: 1000)) \(number)"
        }
        var copy: PollRound?
        for (index, answer) in answers.enumerated() {
            if index == AlphabeticalAnswers.chunkSize + 1 { copy = round }
            round.append(.open(text: answer), for: poll)
        }
        let results = PollTally.results(of: round, for: poll)
        #expect(results.answers.all == AlphabeticalOrder.sorted(answers))
        #expect(results.answers.prefix(3) == Array(AlphabeticalOrder.sorted(answers).prefix(3)))
        #expect(results.ballotCount == answers.count)
        #expect(copy.map { PollTally.results(of: $0, for: poll).answers.all }
            == AlphabeticalOrder.sorted(Array(answers.prefix(AlphabeticalAnswers.chunkSize + 1))))
    }

    // MARK: - Running tally against a count from scratch

    /// Ballots of every shape for `poll`, valid or not, so the running tally also meets ballots it must leave out.
    func randomBallot(for poll: PollDefinition, _ random: inout SeededGenerator) -> Ballot {
        let options = poll.options.count
        let wrong = random.next(upTo: 10) == 0
        switch poll.type {
        case .single:
            return wrong ? .scale(value: 1) : .single(option: random.next(upTo: options + 1))
        case .multiple:
            let picks = (0..<random.next(upTo: 4)).map { _ in random.next(upTo: options + 1) }
            return wrong ? .single(option: 0) : .multiple(options: picks)
        case .scale:
            return .scale(value: random.next(upTo: 9) - 3)
        case .open:
            let words = ["trust", "l'industrie", "the", "de", "Co-creation", "don’t", "funding", "Funding", "x", "42", "región"]
            let text = (0..<random.next(upTo: 5)).map { _ in words[random.next(upTo: words.count)] }.joined(separator: " ")
            return wrong ? .single(option: 1) : .open(text: text)
        case .ranking:
            var order = Array(0..<options).shuffled(using: &random)
            if wrong { order[0] = order[1] }
            return .ranking(order: order)
        case .allocation:
            let first = random.next(upTo: 12)
            return .allocation(points: [first, 10 - first])
        }
    }

    @Test(arguments: Self.polls)
    func theRunningTallyIsTheTallyFromScratch(_ poll: PollDefinition) {
        for seed in 1...25 {
            var random = SeededGenerator(seed: UInt64(seed))
            var running = PollRound(tallying: poll)
            var ballots: [Ballot] = []
            for _ in 0..<random.next(upTo: 60) {
                let ballot = randomBallot(for: poll, &random)
                running.append(ballot, for: poll)
                ballots.append(ballot)
            }
            if random.next(upTo: 2) == 0, poll.type == .single || poll.type == .multiple {
                running.handCounts = poll.options.map { _ in random.next(upTo: 4) }
            }
            var scratch = PollRound(ballots: ballots, handCounts: running.handCounts)
            #expect(running.tally != nil && scratch.tally == nil)
            for language in ["en", "fr", "es"] {
                #expect(PollTally.results(of: running, for: poll, language: language)
                        == PollTally.results(of: scratch, for: poll, language: language), "\(poll.id) seed \(seed) \(language)")
            }
            #expect(PollTally.ballotCount(of: running, for: poll) == PollTally.ballotCount(of: scratch, for: poll))

            // The numbers that changed how they are computed, against their plain definitions.
            let valid = ballots.filter { BallotValidation.problem(with: $0, for: poll) == nil }.map(BallotValidation.normalized)
            let results = PollTally.results(of: running, for: poll, language: "fr")
            if poll.type == .scale {
                let values = valid.compactMap { if case .scale(let value) = $0 { value } else { nil } }.sorted()
                let middle = values.count / 2
                let median = values.isEmpty ? 0 : values.count % 2 == 1
                    ? Double(values[middle]) : Double(values[middle - 1] + values[middle]) / 2
                #expect(results.scale?.median == median)
                #expect(results.scale?.mean == (values.isEmpty ? 0 : Double(values.reduce(0, +)) / Double(values.count)))
            }
            if poll.type == .open {
                let answers = valid.compactMap { if case .open(let text) = $0 { text } else { nil } }
                #expect(results.answers.all == AlphabeticalOrder.sorted(answers))
                #expect(results.rows.map(\.label) == WordFrequency.terms(in: answers, language: "fr").map(\.term))
                #expect(results.rows.map(\.value) == WordFrequency.terms(in: answers, language: "fr").map { Double($0.count) })
            }

            // A round cut back (the runner's rollback) counts as if the later ballots never came.
            let kept = ballots.count / 2
            running.keepFirst(kept)
            scratch.ballots = Array(ballots.prefix(kept))
            #expect(PollTally.results(of: running, for: poll) == PollTally.results(of: scratch, for: poll))
        }
    }
}

extension SeededGenerator {
    /// A value in 0..<bound (0 when bound is 0).
    mutating func next(upTo bound: Int) -> Int { Int(next() % UInt64(Swift.max(1, bound))) }
}
