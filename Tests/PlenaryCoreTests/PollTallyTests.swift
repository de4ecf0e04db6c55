import Testing
@testable import PlenaryEngine

@Suite struct PollTallyTests {
    let four = ["Funding", "Skills", "Networks", "Data"]

    /// "label | valueText" per row, in display order: the whole visible table in one comparison.
    func table(_ results: PollResults) -> [String] {
        results.rows.map { "\($0.label) | \($0.valueText)" }
    }

    func tally(_ poll: PollDefinition, _ ballots: [Ballot], hands: [Int]? = nil, language: String = "en") -> PollResults {
        PollTally.results(of: PollRound(ballots: ballots, handCounts: hands), for: poll, language: language)
    }

    // MARK: - Single choice

    @Test func singleChoiceCountsAndSortsByCountThenOptionOrder() {
        let poll = PollDefinition(id: "p", question: "Q", type: .single, options: four)
        let results = tally(poll, [.single(option: 0), .single(option: 1), .single(option: 1), .single(option: 2), .single(option: 1)])
        #expect(results.ballotCount == 5)
        #expect(table(results) == ["Skills | 3 · 60%", "Funding | 1 · 20%", "Networks | 1 · 20%", "Data | 0 · 0%"])
        #expect(results.rows.map(\.optionIndex) == [1, 0, 2, 3])
        #expect(results.rows.map(\.value) == [3, 1, 1, 0])
        #expect(results.rows.map(\.fraction) == [0.6, 0.2, 0.2, 0])
        #expect(results.scale == nil)
        #expect(results.answers.isEmpty)
    }

    @Test func singleChoiceHandCountsAreVoters() {
        let poll = PollDefinition(id: "p", question: "Q", type: .single, options: four)
        let results = tally(poll, [.single(option: 0), .single(option: 1)], hands: [3, 1, 0, 0])
        // Counted apart, shared together: 2 ballots + 4 hands, the bars of 6 voters.
        #expect(results.ballotCount == 2)
        #expect(results.handCount == 4)
        #expect(results.combinedVoterCount == 6)
        #expect(results.countText == "2 ballots + 4 hands")
        #expect(table(results) == ["Funding | 4 · 67%", "Skills | 2 · 33%", "Networks | 0 · 0%", "Data | 0 · 0%"])
        #expect(results.rows[0].fraction == 4.0 / 6.0)
    }

    @Test func handCountsOfTheWrongLengthOrNegativeAreTrimmed() {
        let poll = PollDefinition(id: "p", question: "Q", type: .single, options: ["Yes", "No"])
        let results = tally(poll, [], hands: [2, -5, 9])
        #expect(results.ballotCount == 0)
        #expect(results.handCount == 2)
        #expect(results.combinedVoterCount == 2)
        #expect(table(results) == ["Yes | 2 · 100%", "No | 0 · 0%"])
    }

    @Test func handCountsAloneMakeAResult() {
        let poll = PollDefinition(id: "p", question: "Q", type: .single, options: ["Yes", "No"])
        let results = tally(poll, [], hands: [7, 13])
        #expect(results.ballotCount == 0)
        #expect(results.countText == "0 ballots + 20 hands")
        #expect(results.combinedVoterCount == 20)
        #expect(table(results) == ["No | 13 · 65%", "Yes | 7 · 35%"])
    }

    @Test func emptySingleChoiceShowsEveryOptionAtZero() {
        let poll = PollDefinition(id: "p", question: "Q", type: .single, options: four)
        let results = tally(poll, [])
        #expect(results.ballotCount == 0)
        #expect(table(results) == ["Funding | 0 · 0%", "Skills | 0 · 0%", "Networks | 0 · 0%", "Data | 0 · 0%"])
        #expect(results.rows.allSatisfy { $0.fraction == 0 && $0.value == 0 })
    }

    @Test func ballotsTheValidatorRefusesAreNotCounted() {
        let poll = PollDefinition(id: "p", question: "Q", type: .single, options: ["Yes", "No"])
        let results = tally(poll, [.single(option: 0), .single(option: 7), .scale(value: 1), .single(option: -1)])
        #expect(results.ballotCount == 1)
        #expect(table(results) == ["Yes | 1 · 100%", "No | 0 · 0%"])
    }

    // MARK: - Multiple choice

    @Test func multipleChoiceSharesAreOfVotersNotOfPicks() {
        let poll = PollDefinition(id: "p", question: "Q", type: .multiple, options: ["A", "B", "C"])
        let results = tally(poll, [.multiple(options: [0, 1]), .multiple(options: [1]), .multiple(options: [2, 1])])
        #expect(results.ballotCount == 3)
        #expect(table(results) == ["B | 3 · 100%", "A | 1 · 33%", "C | 1 · 33%"])
        #expect(results.rows.map(\.fraction) == [1, 1.0 / 3.0, 1.0 / 3.0])
    }

    @Test func multipleChoiceHandCountsAddTheLargestAsVoters() {
        let poll = PollDefinition(id: "p", question: "Q", type: .multiple, options: ["A", "B", "C"])
        let results = tally(poll, [.multiple(options: [0, 1]), .multiple(options: [1]), .multiple(options: [1, 2])], hands: [2, 5, 0])
        // 7 hands raised stand for at least 5 people: 3 ballots + 7 hands, shares of 8 voters.
        #expect(results.ballotCount == 3)
        #expect(results.handCount == 7)
        #expect(results.combinedVoterCount == 8)
        // 3/8 = 37.5% and 1/8 = 12.5%: halves round up.
        #expect(table(results) == ["B | 8 · 100%", "A | 3 · 38%", "C | 1 · 13%"])
    }

    @Test func multipleChoiceOverMaxPicksIsLeftOut() {
        let poll = PollDefinition(id: "p", question: "Q", type: .multiple, options: ["A", "B", "C"], maxPicks: 2)
        let results = tally(poll, [.multiple(options: [0, 1, 2]), .multiple(options: [2])])
        #expect(results.ballotCount == 1)
        #expect(table(results) == ["C | 1 · 100%", "A | 0 · 0%", "B | 0 · 0%"])
    }

    @Test func emptyMultipleChoice() {
        let poll = PollDefinition(id: "p", question: "Q", type: .multiple, options: ["A", "B"])
        let results = tally(poll, [])
        #expect(results.ballotCount == 0)
        #expect(table(results) == ["A | 0 · 0%", "B | 0 · 0%"])
    }

    // MARK: - Scale

    @Test func scaleRowsStayInScaleOrderWithEndLabels() {
        let poll = PollDefinition(id: "p", question: "Q", type: .scale,
                                  scale: RatingScale(min: 1, max: 5, minLabel: "Not at all", maxLabel: "Fully"))
        let results = tally(poll, [.scale(value: 4), .scale(value: 1), .scale(value: 2), .scale(value: 4)])
        #expect(results.ballotCount == 4)
        #expect(table(results) == ["1 · Not at all | 1 · 25%", "2 | 1 · 25%", "3 | 0 · 0%", "4 | 2 · 50%", "5 · Fully | 0 · 0%"])
        #expect(results.rows.map(\.fraction) == [0.25, 0.25, 0, 0.5, 0])
        #expect(results.rows.allSatisfy { $0.optionIndex == nil })
        // Even count: the median is the average of the two middle values (2 and 4).
        #expect(results.scale == ScaleStatistics(mean: 2.75, median: 3, distribution: [1, 1, 0, 2, 0]))
    }

    @Test func scaleFromZeroToTenWithAnOddCount() {
        let poll = PollDefinition(id: "p", question: "Q", type: .scale, scale: RatingScale(min: 0, max: 10))
        let results = tally(poll, [.scale(value: 0), .scale(value: 7), .scale(value: 10), .scale(value: 9), .scale(value: 8)])
        #expect(results.ballotCount == 5)
        #expect(results.rows.map(\.label) == (0...10).map { "\($0)" })
        #expect(results.rows.map(\.valueText) == ["1 · 20%", "0 · 0%", "0 · 0%", "0 · 0%", "0 · 0%", "0 · 0%", "0 · 0%",
                                                  "1 · 20%", "1 · 20%", "1 · 20%", "1 · 20%"])
        #expect(results.scale == ScaleStatistics(mean: 6.8, median: 8, distribution: [1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1]))
    }

    @Test func scaleMedianEvenCountCanBeAHalf() {
        let poll = PollDefinition(id: "p", question: "Q", type: .scale, scale: RatingScale(min: 1, max: 5))
        let results = tally(poll, [.scale(value: 3), .scale(value: 4)])
        #expect(results.scale?.median == 3.5)
        #expect(results.scale?.mean == 3.5)
    }

    @Test func emptyScaleHasZeroStatisticsAndEveryRow() {
        let poll = PollDefinition(id: "p", question: "Q", type: .scale,
                                  scale: RatingScale(min: 1, max: 5, minLabel: "Low", maxLabel: "High"))
        let results = tally(poll, [], hands: [4, 4])
        #expect(results.ballotCount == 0)
        #expect(table(results) == ["1 · Low | 0 · 0%", "2 | 0 · 0%", "3 | 0 · 0%", "4 | 0 · 0%", "5 · High | 0 · 0%"])
        #expect(results.scale == ScaleStatistics(mean: 0, median: 0, distribution: [0, 0, 0, 0, 0]))
    }

    @Test func scaleIgnoresHandCountsAndOutOfRangeValues() {
        let poll = PollDefinition(id: "p", question: "Q", type: .scale, scale: RatingScale(min: 1, max: 3))
        let results = tally(poll, [.scale(value: 2), .scale(value: 9)], hands: [10, 10, 10])
        #expect(results.ballotCount == 1)
        #expect(results.handCount == 0)
        #expect(table(results) == ["1 | 0 · 0%", "2 | 1 · 100%", "3 | 0 · 0%"])
    }

    // MARK: - Open text

    @Test func openTextRowsAreTermsAndAnswersAreNormalizedInBallotOrder() {
        let poll = PollDefinition(id: "p", question: "Q", type: .open)
        let results = tally(poll, [
            .open(text: "Cluster collaboration"),
            .open(text: "  clusters and Clusters "),
            .open(text: "collaboration\nfunding"),
            .open(text: "   "),
        ], hands: [3])
        #expect(results.ballotCount == 3)
        #expect(results.answers.all == ["Cluster collaboration", "clusters and Clusters", "collaboration funding"])
        #expect(table(results) == ["collaboration | 2", "cluster | 1", "clusters | 1", "funding | 1"])
        #expect(results.rows.map(\.fraction) == [1, 0.5, 0.5, 0.5])
        #expect(results.rows.map(\.value) == [2, 1, 1, 1])
        #expect(results.rows.allSatisfy { $0.optionIndex == nil })
    }

    @Test func openTextUsesTheSessionLanguagesStopWords() {
        let poll = PollDefinition(id: "p", question: "Q", type: .open)
        let ballots: [Ballot] = [.open(text: "La innovación de las regiones")]
        #expect(table(tally(poll, ballots, language: "es")) == ["innovación | 1", "regiones | 1"])
        #expect(table(tally(poll, ballots, language: "en")) == ["de | 1", "innovación | 1", "la | 1", "las | 1", "regiones | 1"])
    }

    @Test func emptyOpenText() {
        let results = tally(PollDefinition(id: "p", question: "Q", type: .open), [])
        #expect(results.ballotCount == 0)
        #expect(results.rows.isEmpty)
        #expect(results.answers.isEmpty)
    }

    // MARK: - Ranking

    @Test func rankingAveragesPositionalScores() {
        let poll = PollDefinition(id: "p", question: "Q", type: .ranking, options: ["A", "B", "C"])
        let results = tally(poll, [.ranking(order: [0, 1, 2]), .ranking(order: [1, 0, 2]), .ranking(order: [1, 2, 0])])
        // A: 3+2+1 = 6, B: 2+3+3 = 8, C: 1+1+2 = 4, over 3 ballots.
        #expect(results.ballotCount == 3)
        #expect(table(results) == ["B | 2.7 pts", "A | 2.0 pts", "C | 1.3 pts"])
        #expect(results.rows.map(\.value) == [8.0 / 3.0, 2, 4.0 / 3.0])
        #expect(results.rows.map(\.fraction) == [8.0 / 3.0 / 3.0, 2.0 / 3.0, 4.0 / 3.0 / 3.0])
        #expect(results.rows.map(\.optionIndex) == [1, 0, 2])
    }

    @Test func rankingTiesKeepOptionOrder() {
        let poll = PollDefinition(id: "p", question: "Q", type: .ranking, options: ["A", "B", "C"])
        // C: 3+2, A: 2+3, B: 1+1.
        let results = tally(poll, [.ranking(order: [2, 0, 1]), .ranking(order: [0, 2, 1])])
        #expect(table(results) == ["A | 2.5 pts", "C | 2.5 pts", "B | 1.0 pts"])
    }

    @Test func aRankingOfOneItem() {
        let poll = PollDefinition(id: "p", question: "Q", type: .ranking, options: ["Only"])
        let results = tally(poll, [.ranking(order: [0]), .ranking(order: [0])])
        #expect(results.ballotCount == 2)
        #expect(table(results) == ["Only | 1.0 pts"])
        #expect(results.rows[0].fraction == 1)
        #expect(table(tally(poll, [])) == ["Only | 0.0 pts"])
    }

    @Test func emptyRankingShowsEveryItemAtZero() {
        let poll = PollDefinition(id: "p", question: "Q", type: .ranking, options: ["A", "B", "C"])
        let results = tally(poll, [], hands: [1, 2, 3])
        #expect(results.ballotCount == 0)
        #expect(table(results) == ["A | 0.0 pts", "B | 0.0 pts", "C | 0.0 pts"])
        #expect(results.rows.allSatisfy { $0.value == 0 && $0.fraction == 0 })
    }

    @Test func incompleteRankingsAreLeftOut() {
        let poll = PollDefinition(id: "p", question: "Q", type: .ranking, options: ["A", "B"])
        let results = tally(poll, [.ranking(order: [1, 0]), .ranking(order: [0]), .ranking(order: [0, 0])])
        #expect(results.ballotCount == 1)
        #expect(table(results) == ["B | 2.0 pts", "A | 1.0 pts"])
    }

    // MARK: - Allocation

    @Test func allocationTotalsPointsAsShareOfAllPoints() {
        let poll = PollDefinition(id: "p", question: "Q", type: .allocation, options: four)
        let results = tally(poll, [
            .allocation(points: [50, 30, 20, 0]),
            .allocation(points: [10, 60, 30, 0]),
            .allocation(points: [40, 40, 0, 20]),
            .allocation(points: [40, 30, 10, 10]),  // 90: refused, not counted
        ])
        #expect(results.ballotCount == 3)
        #expect(table(results) == ["Skills | 130 pts · 43%", "Funding | 100 pts · 33%", "Networks | 50 pts · 17%", "Data | 20 pts · 7%"])
        #expect(results.rows.map(\.value) == [130, 100, 50, 20])
        #expect(results.rows.map(\.fraction) == [130.0 / 300.0, 100.0 / 300.0, 50.0 / 300.0, 20.0 / 300.0])
    }

    @Test func allocationTiesKeepOptionOrderAndUseThePollsPoints() {
        let poll = PollDefinition(id: "p", question: "Q", type: .allocation, options: ["A", "B", "C"], points: 10)
        let results = tally(poll, [.allocation(points: [0, 5, 5])])
        #expect(table(results) == ["B | 5 pts · 50%", "C | 5 pts · 50%", "A | 0 pts · 0%"])
    }

    @Test func emptyAllocation() {
        let poll = PollDefinition(id: "p", question: "Q", type: .allocation, options: ["A", "B"])
        let results = tally(poll, [])
        #expect(results.ballotCount == 0)
        #expect(table(results) == ["A | 0 pts · 0%", "B | 0 pts · 0%"])
        #expect(results.rows.allSatisfy { $0.fraction == 0 })
    }

    // MARK: - Number text

    @Test func roundingIsHalfUpInIntegers() {
        #expect(PollTally.percent(1, of: 8) == 13)
        #expect(PollTally.percent(1, of: 3) == 33)
        #expect(PollTally.percent(2, of: 3) == 67)
        #expect(PollTally.percent(5, of: 0) == 0)
        #expect(PollTally.oneDecimal(5, over: 4) == "1.3")
        #expect(PollTally.oneDecimal(21, over: 5) == "4.2")
        #expect(PollTally.oneDecimal(7, over: 0) == "0.0")
        #expect(PollTally.oneDecimal(10, over: 1) == "10.0")
    }
}
