import Testing
@testable import PlenaryEngine

@Suite struct BallotValidationTests {
    let four = ["Funding", "Skills", "Networks", "Data"]

    func problem(_ ballot: Ballot, _ poll: PollDefinition) -> String? {
        BallotValidation.problem(with: ballot, for: poll)
    }

    // MARK: - Single and multiple choice

    @Test func singleChoiceMustNameAnOption() {
        let poll = PollDefinition(id: "p", question: "Q", type: .single, options: four)
        #expect(problem(.single(option: 0), poll) == nil)
        #expect(problem(.single(option: 3), poll) == nil)
        #expect(problem(.single(option: 4), poll) == "Choose one of options 1–4.")
        #expect(problem(.single(option: -1), poll) == "Choose one of options 1–4.")
    }

    @Test func multipleChoiceNeedsAtLeastOnePickWithinRangeAndNoRepeats() {
        let poll = PollDefinition(id: "p", question: "Q", type: .multiple, options: four)
        #expect(problem(.multiple(options: [0, 1, 2, 3]), poll) == nil)
        #expect(problem(.multiple(options: [2, 0]), poll) == nil)
        #expect(problem(.multiple(options: []), poll) == "Choose at least one option.")
        #expect(problem(.multiple(options: [1, 4]), poll) == "Choose only among options 1–4.")
        #expect(problem(.multiple(options: [1, 1]), poll) == "Choose each option at most once.")
    }

    @Test func multipleChoiceHonoursMaxPicks() {
        let three = PollDefinition(id: "p", question: "Q", type: .multiple, options: four, maxPicks: 3)
        #expect(problem(.multiple(options: [0, 1, 2]), three) == nil)
        #expect(problem(.multiple(options: [0, 1, 2, 3]), three) == "Pick at most 3 options.")
        let one = PollDefinition(id: "p", question: "Q", type: .multiple, options: four, maxPicks: 1)
        #expect(problem(.multiple(options: [0, 1]), one) == "Pick at most 1 option.")
    }

    // MARK: - Scale

    @Test func scaleValueMustBeWithinBounds() {
        let fivePoint = PollDefinition(id: "p", question: "Q", type: .scale, scale: RatingScale(min: 1, max: 5))
        #expect(problem(.scale(value: 1), fivePoint) == nil)
        #expect(problem(.scale(value: 5), fivePoint) == nil)
        #expect(problem(.scale(value: 0), fivePoint) == "Choose a value from 1 to 5.")
        #expect(problem(.scale(value: 6), fivePoint) == "Choose a value from 1 to 5.")

        let nps = PollDefinition(id: "p", question: "Q", type: .scale, scale: RatingScale(min: 0, max: 10))
        #expect(problem(.scale(value: 0), nps) == nil)
        #expect(problem(.scale(value: 10), nps) == nil)
        #expect(problem(.scale(value: 11), nps) == "Choose a value from 0 to 10.")
    }

    @Test func scaleWithoutBoundsUsesTheSessionDefaultOneToFive() {
        let poll = PollDefinition(id: "p", question: "Q", type: .scale)
        #expect(problem(.scale(value: 5), poll) == nil)
        #expect(problem(.scale(value: 6), poll) == "Choose a value from 1 to 5.")
    }

    // MARK: - Open text

    @Test func openTextMustNotBeEmpty() {
        let poll = PollDefinition(id: "p", question: "Q", type: .open, maxLength: 280)
        #expect(problem(.open(text: "Shared pilots"), poll) == nil)
        #expect(problem(.open(text: ""), poll) == "The answer is empty.")
        #expect(problem(.open(text: "  \n\t "), poll) == "The answer is empty.")
        #expect(problem(.open(text: "\u{1B}\u{202E}\u{0}"), poll) == "The answer is empty.")
    }

    @Test func openTextLengthCountsCharactersAfterTrimming() {
        let poll = PollDefinition(id: "p", question: "Q", type: .open, maxLength: 280)
        let exactly = String(repeating: "a", count: 280)
        #expect(problem(.open(text: "   \(exactly)\n"), poll) == nil)
        #expect(problem(.open(text: String(repeating: "a", count: 301)), poll)
            == "Answer in at most 280 characters (yours has 301).")
        // A skin-toned thumbs-up is several scalars but one character.
        let short = PollDefinition(id: "p", question: "Q", type: .open, maxLength: 2)
        #expect(problem(.open(text: "👍🏽👍🏽"), short) == nil)
        #expect(problem(.open(text: "Région"), short) == "Answer in at most 2 characters (yours has 6).")
    }

    @Test func openTextWithoutMaxLengthUsesTheDefault280() {
        let poll = PollDefinition(id: "p", question: "Q", type: .open)
        #expect(problem(.open(text: String(repeating: "x", count: 280)), poll) == nil)
        #expect(problem(.open(text: String(repeating: "x", count: 281)), poll)
            == "Answer in at most 280 characters (yours has 281).")
    }

    // MARK: - Ranking

    @Test func rankingMustListEveryItemOnce() {
        let poll = PollDefinition(id: "p", question: "Q", type: .ranking, options: four)
        #expect(problem(.ranking(order: [3, 1, 0, 2]), poll) == nil)
        #expect(problem(.ranking(order: [3, 1, 0]), poll) == "Rank every item exactly once.")
        #expect(problem(.ranking(order: [3, 1, 0, 0]), poll) == "Rank every item exactly once.")
        #expect(problem(.ranking(order: [3, 1, 0, 4]), poll) == "Rank every item exactly once.")
        #expect(problem(.ranking(order: [3, 1, 0, 2, 2]), poll) == "Rank every item exactly once.")
    }

    @Test func aRankingOfOneItemIsValid() {
        let poll = PollDefinition(id: "p", question: "Q", type: .ranking, options: ["Only"])
        #expect(problem(.ranking(order: [0]), poll) == nil)
        #expect(problem(.ranking(order: []), poll) == "Rank every item exactly once.")
    }

    // MARK: - Allocation

    @Test func allocationMustSpendExactlyThePoints() {
        let poll = PollDefinition(id: "p", question: "Q", type: .allocation, options: four)
        #expect(problem(.allocation(points: [40, 30, 20, 10]), poll) == nil)
        #expect(problem(.allocation(points: [100, 0, 0, 0]), poll) == nil)
        #expect(problem(.allocation(points: [40, 30, 10, 10]), poll) == "Give 100 points in all; you gave 90.")
        #expect(problem(.allocation(points: [40, 30, 30, 10]), poll) == "Give 100 points in all; you gave 110.")
        #expect(problem(.allocation(points: [0, 0, 0, 0]), poll) == "Give 100 points in all; you gave 0.")
    }

    @Test func allocationUsesThePollsPoints() {
        let poll = PollDefinition(id: "p", question: "Q", type: .allocation, options: ["A", "B"], points: 10)
        #expect(problem(.allocation(points: [7, 3]), poll) == nil)
        #expect(problem(.allocation(points: [70, 30]), poll) == "Give 10 points in all; you gave 100.")
    }

    @Test func allocationRefusesNegativePointsWrongLengthAndOverflow() {
        let poll = PollDefinition(id: "p", question: "Q", type: .allocation, options: four)
        #expect(problem(.allocation(points: [120, -20, 0, 0]), poll) == "Points can't be negative.")
        #expect(problem(.allocation(points: [50, 50, 0]), poll) == "Give points to each of the 4 items (this ballot has 3).")
        #expect(problem(.allocation(points: [50, 50, 0, 0, 0]), poll) == "Give points to each of the 4 items (this ballot has 5).")
        #expect(problem(.allocation(points: [Int.max, Int.max, 0, 0]), poll) == "Give 100 points in all.")
    }

    // MARK: - Kind

    @Test func aBallotOfAnotherKindIsRefused() {
        let single = PollDefinition(id: "p", question: "Q", type: .single, options: four)
        #expect(problem(.ranking(order: [0, 1, 2, 3]), single) == "This poll asks for a single choice, not a ranking.")
        let open = PollDefinition(id: "p", question: "Q", type: .open)
        #expect(problem(.scale(value: 3), open) == "This poll asks for a text answer, not a scale value.")
        let allocation = PollDefinition(id: "p", question: "Q", type: .allocation, options: four)
        #expect(problem(.multiple(options: [0]), allocation) == "This poll asks for a share of points, not a multiple choice.")
        let scale = PollDefinition(id: "p", question: "Q", type: .scale)
        #expect(problem(.allocation(points: [100]), scale) == "This poll asks for a value on a scale, not points.")
    }

    // MARK: - Normalizing

    @Test func multipleChoicePicksAreSorted() {
        #expect(BallotValidation.normalized(.multiple(options: [3, 0, 2])) == .multiple(options: [0, 2, 3]))
    }

    @Test func openTextBecomesOneTrimmedLine() {
        #expect(BallotValidation.normalized(.open(text: "  More\n\n  shared\tpilots \r\n")) == .open(text: "More shared pilots"))
        #expect(BallotValidation.normalized(.open(text: "a\u{2028}b\u{A0}\u{A0}c")) == .open(text: "a b c"))
    }

    @Test func openTextLosesControlAndBidiOverrideCharacters() {
        #expect(BallotValidation.normalized(.open(text: "a\u{0}b\u{7}c\u{7F}d\u{9B}e\u{1B}")) == .open(text: "abcde"))
        #expect(BallotValidation.normalized(.open(text: "\u{202E}evil\u{202C} \u{2066}x\u{2069}")) == .open(text: "evil x"))
        // Marks that right-to-left text legitimately uses stay, and so do accents and emoji.
        #expect(BallotValidation.normalized(.open(text: "שלום\u{200F} Región 👍🏽")) == .open(text: "שלום\u{200F} Región 👍🏽"))
    }

    @Test func otherKindsAreUnchanged() {
        let ballots: [Ballot] = [.single(option: 2), .scale(value: 4), .ranking(order: [2, 0, 1]), .allocation(points: [60, 40])]
        for ballot in ballots { #expect(BallotValidation.normalized(ballot) == ballot) }
    }
}
