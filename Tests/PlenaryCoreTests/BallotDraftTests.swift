import Testing
@testable import PlenaryEngine

@Suite struct BallotDraftTests {
    func poll(_ type: PollType, options: [String] = ["A", "B", "C"], maxPicks: Int? = nil) -> PollDefinition {
        PollDefinition(id: "p", question: "Q", type: type, options: type == .scale || type == .open ? [] : options,
                       maxPicks: maxPicks, scale: type == .scale ? RatingScale(min: 1, max: 5) : nil,
                       maxLength: type == .open ? 10 : nil, points: type == .allocation ? 100 : nil)
    }

    @Test func singleChoiceByArrowsOrDigits() {
        let poll = poll(.single)
        var draft = BallotDraft(poll: poll)
        draft.apply(.down, poll: poll)
        draft.apply(.toggle, poll: poll)
        #expect(draft.ballot(for: poll) == .single(option: 1))
        draft.apply(.digit(3), poll: poll)
        #expect(draft.ballot(for: poll) == .single(option: 2))
        draft.apply(.digit(9), poll: poll)
        #expect(draft.ballot(for: poll) == .single(option: 2))
    }

    @Test func oneAllowedPickIsSaidInTheSingular() {
        let poll = poll(.multiple, maxPicks: 1)
        var draft = BallotDraft(poll: poll)
        for digit in [1, 2] { draft.apply(.digit(digit), poll: poll) }
        #expect(draft.refusal == "At most 1 pick: untick one first.")
    }

    @Test func multipleChoiceRespectsMaxPicks() {
        let poll = poll(.multiple, maxPicks: 2)
        var draft = BallotDraft(poll: poll)
        for digit in [3, 1, 2] { draft.apply(.digit(digit), poll: poll) }
        #expect(draft.ballot(for: poll) == .multiple(options: [0, 2]))
        #expect(draft.refusal == "At most 2 picks: untick one first.")
        draft.apply(.digit(3), poll: poll)
        draft.apply(.digit(2), poll: poll)
        #expect(draft.ballot(for: poll) == .multiple(options: [0, 1]))
    }

    @Test func scaleStartsInTheMiddleAndClamps() {
        let poll = poll(.scale)
        var draft = BallotDraft(poll: poll)
        draft.apply(.right, poll: poll)
        #expect(draft.scaleValue == 3)
        for _ in 0..<5 { draft.apply(.right, poll: poll) }
        #expect(draft.ballot(for: poll) == .scale(value: 5))
        draft.apply(.digit(2), poll: poll)
        #expect(draft.scaleValue == 2)
    }

    @Test func rankingMovesTheGrabbedItem() {
        let poll = poll(.ranking)
        var draft = BallotDraft(poll: poll)
        draft.apply(.down, poll: poll)
        draft.apply(.down, poll: poll)
        draft.apply(.toggle, poll: poll)
        draft.apply(.up, poll: poll)
        draft.apply(.up, poll: poll)
        draft.apply(.toggle, poll: poll)
        #expect(draft.ballot(for: poll) == .ranking(order: [2, 0, 1]))
        #expect(!draft.grabbed)
    }

    @Test func allocationNeverExceedsTheTotal() {
        let poll = poll(.allocation)
        var draft = BallotDraft(poll: poll)
        draft.apply(.digit(7), poll: poll)
        draft.apply(.digit(0), poll: poll)
        draft.apply(.down, poll: poll)
        for _ in 0..<10 { draft.apply(.right, poll: poll) }
        #expect(draft.points == [70, 30, 0])
        #expect(draft.remaining(poll) == 0)
        draft.apply(.erase, poll: poll)
        #expect(draft.points == [70, 3, 0])
    }

    @Test func openTextIsLimitedAndEditable() {
        let poll = poll(.open)
        var draft = BallotDraft(poll: poll)
        draft.apply(.line(.insert("Matchmaking across regions")), poll: poll)
        #expect(draft.text.text == "" && draft.text.refusedCount == 26, "refused whole, never cut")
        draft.apply(.line(.insert("Matchmakin")), poll: poll)
        #expect(draft.text.text == "Matchmakin")
        draft.apply(.line(.deleteWordBackward), poll: poll)
        #expect(draft.text.text == "")
    }
}
