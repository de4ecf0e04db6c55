import Testing
@testable import PlenaryEngine
import PlenarySessionFile
import PlenaryTestSupport

/// Dot voting as on paper (issue 15): N dots per person, stackable on one item up to a limit; one validation for
/// every way a ballot comes in, dots counted per item.
@Suite struct DotVoteTests {
    let poll = PollDefinition(id: "dots", question: "Which actions?", type: .multiple, options: ["Pilot", "Training", "Platform"],
                              maxPicks: 5, maxPerOption: 3)

    @Test func aBallotMayStackDotsUpToTheLimitAndNoMoreThanItsDots() {
        #expect(poll.stacksDots)
        #expect(BallotValidation.problem(with: .multiple(options: [0, 0, 0, 2, 1]), for: poll) == nil)
        #expect(BallotValidation.problem(with: .multiple(options: [0, 0, 0, 0]), for: poll) == "Put at most 3 dots on one item.")
        #expect(BallotValidation.problem(with: .multiple(options: [0, 0, 1, 1, 2, 2]), for: poll)
            == "Place at most 5 dots in all (this ballot has 6).")
        #expect(BallotValidation.problem(with: .multiple(options: [3]), for: poll) == "Choose only among options 1–3.")
        #expect(BallotValidation.problem(with: .multiple(options: []), for: poll) == "Choose at least one option.")
        // Without a limit per item a repeat is still refused, as before.
        var plain = poll
        plain.maxPerOption = nil
        #expect(!plain.stacksDots)
        #expect(BallotValidation.problem(with: .multiple(options: [0, 0]), for: plain) == "Choose each option at most once.")
    }

    @Test func theTallyCountsDotsPerItem() {
        var tally = PollTally(definition: poll)
        tally.add(.multiple(options: [0, 0, 0, 2]))
        tally.add(.multiple(options: [2, 0, 2]))
        tally.add(.multiple(options: [1, 1, 1, 1]))  // refused: four on one item, not counted
        #expect(tally.validBallots == 2)
        #expect(tally.results(handCounts: nil, language: "en").rows.map { "\($0.label) \(Int($0.value))" } == ["Pilot 4", "Platform 3", "Training 0"])
        // Bars are shares of all dots placed (7), never above a whole, whatever one ballot stacked.
        #expect(tally.results(handCounts: nil, language: "en").rows.map(\.valueText) == ["4 dots · 57%", "3 dots · 43%", "0 dots · 0%"])
    }

    @Test func theFormAddsAndTakesOffDotsWithinBothLimits() {
        var draft = BallotDraft(poll: poll)
        for _ in 0..<4 { draft.apply(.toggle, poll: poll) }
        #expect(draft.dots == [3, 0, 0])
        #expect(draft.refusal == "At most 3 dots on one item: ← takes one off.")
        draft.apply(.left, poll: poll)
        #expect(draft.dots == [2, 0, 0] && draft.refusal == nil)
        draft.apply(.digit(3), poll: poll)
        draft.apply(.right, poll: poll)
        draft.apply(.down, poll: poll)
        #expect(draft.cursor == 2)
        draft.apply(.up, poll: poll)
        draft.apply(.toggle, poll: poll)
        #expect(draft.dots == [2, 1, 2])
        #expect(draft.dotsLeft(poll) == 0)
        draft.apply(.toggle, poll: poll)
        #expect(draft.refusal == "All 5 dots placed: ← takes one off an item.")
        draft.apply(.erase, poll: poll)
        #expect(draft.dots == [2, 0, 2])
        #expect(draft.ballot(for: poll) == .multiple(options: [0, 0, 2, 2]))
        #expect(BallotValidation.problem(with: draft.ballot(for: poll), for: poll) == nil)
    }

    /// The moderator's ballot form records a stacked ballot through the same validation.
    @Test func theModeratorsBallotFormRecordsAStackedBallot() throws {
        var session = Fixtures.sevilla()
        session.polls = [poll]
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [(Fixtures.at(12, 0), .poll(.open(poll: "dots")))])
        var draft = BallotDraft(poll: poll)
        for edit: BallotDraft.Edit in [.toggle, .toggle, .down, .down, .toggle] { draft.apply(edit, poll: poll) }
        state.screen = .ballot(draft)
        let effects = WorkshopReducer.reduce(&state, .poll(.submitBallot), now: Fixtures.at(12, 1))
        #expect(effects.first == .appendJournal(.poll(.cast(poll: "dots", ballot: .multiple(options: [0, 0, 2])))))
        #expect(PollTally.results(of: state.polls[0].currentRound, for: poll).rows.map { "\($0.label) \(Int($0.value))" } == ["Pilot 2", "Platform 1", "Training 0"])
    }
}

@Suite struct DotVoteSessionFileTests {
    func errors(_ pollLines: String) -> [String] {
        let yaml = """
            plenary: 1
            title: T
            agenda:
              - {title: A, duration: 5}
            polls:
              - id: p
                question: Q
            \(pollLines)
            """
        switch SessionFile.parse(yaml: yaml, file: "t.yaml") {
        case .success: return []
        case .failure(let errors): return errors.errors.map(\.description)
        }
    }

    @Test func aDotVoteIsReadFromTheFile() throws {
        let yaml = """
            plenary: 1
            title: T
            agenda:
              - {title: A, duration: 5}
            polls:
              - {id: p, question: Q, type: multiple, options: [X, Y], max_picks: 5, max_per_option: 3}
            """
        let session = try SessionFile.parse(yaml: yaml, file: "t.yaml").get()
        #expect(session.polls[0].maxPicks == 5)
        #expect(session.polls[0].maxPerOption == 3)
        #expect(session.polls[0].stacksDots)
    }

    @Test func itsLimitsAreCheckedWithWhereAndWhat() {
        #expect(errors("    type: multiple\n    options: [X, Y]\n    max_per_option: 2") == [
            "t.yaml:10:21: polls[0].max_per_option: a dot vote needs max_picks too (the dots each person has)",
        ])
        #expect(errors("    type: multiple\n    options: [X, Y]\n    max_picks: 2\n    max_per_option: 3") == [
            "t.yaml:11:21: polls[0].max_per_option: must be at most max_picks (2 dots in all), found 3",
        ])
        #expect(errors("    type: multiple\n    options: [X, Y]\n    max_picks: 5\n    max_per_option: 2") == [
            "t.yaml:10:16: polls[0].max_picks: must be between 1 and 4 (2 options, up to 2 dots on each), found 5",
        ])
        #expect(errors("    type: multiple\n    options: [X, Y]\n    max_picks: 3\n    max_per_option: 0") == [
            "t.yaml:11:21: polls[0].max_per_option: must be between 1 and 20 dots on one option, found 0",
        ])
        #expect(errors("    type: ranking\n    options: [X, Y]\n    max_per_option: 2") == [
            "t.yaml:10:5: polls[0].max_per_option: max_per_option only applies to a multiple-choice poll (a dot vote)",
        ])
        #expect(errors("    type: multiple\n    options: [X, Y]\n    max_per_option: many") .first?.hasPrefix("t.yaml:10:21: polls[0].max_per_option:") == true)
    }
}
