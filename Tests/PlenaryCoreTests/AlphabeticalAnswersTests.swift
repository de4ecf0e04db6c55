import Testing
@_spi(Testing) import PlenaryEngine

/// The open answers' running order is the results file's order, however they arrive.
@Suite struct AlphabeticalAnswersTests {
    @Test func answersArrivingInAnyOrderReadBackAsAlphabeticalOrderSortsThem() {
        let texts = ["banana", "Äpfel", "apple", "Apple", "apple", "zebra", "Éclair", "eclair", "日本", "10 ideas", "2 ideas"]
        for rotation in 0..<texts.count {
            let arriving = Array(texts[rotation...] + texts[..<rotation]).reversed()
            let answers = AlphabeticalAnswers(arriving)
            #expect(answers.all == AlphabeticalOrder.sorted(texts))
            #expect(answers.count == texts.count)
        }
    }

    @Test func aPrefixReadsOnlyTheFirstAnswersAndNeverMoreThanThereAre() {
        let answers = AlphabeticalAnswers(["c", "a", "b"])
        #expect(answers.prefix(2) == ["a", "b"])
        #expect(answers.prefix(10) == ["a", "b", "c"])
        #expect(answers.prefix(0).isEmpty)
        #expect(AlphabeticalAnswers().isEmpty && AlphabeticalAnswers().all.isEmpty)
    }
}
