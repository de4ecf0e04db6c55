import Testing
import PlenaryTestSupport
@_spi(Testing) @testable import PlenaryEngine

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

    /// Many rooms repeat a few answers: copies of one answer spread over several chunks still read back together,
    /// in order, every one counted.
    @Test func repeatedAnswersAcrossManyChunksReadBackInOrder() {
        let distinct = ["more funding", "Shared data", "shared data", "pilots", "Événements"]
        var arriving: [String] = []
        for index in 0..<(9 * AlphabeticalAnswers.chunkSize) { arriving.append(distinct[(index * 7 + index / 5) % distinct.count]) }
        let answers = AlphabeticalAnswers(arriving)
        #expect(answers.count == arriving.count)
        #expect(answers.all == AlphabeticalOrder.sorted(arriving))
        #expect(answers.prefix(AlphabeticalAnswers.chunkSize + 3) == Array(AlphabeticalOrder.sorted(arriving).prefix(AlphabeticalAnswers.chunkSize + 3)))
    }

    /// Plain lower-case answers are ordered by their bytes, eight at a time: answers that differ only past the
    /// first eight bytes, at the last byte, in length, or by a byte above 0x7F next to plain ones still come back
    /// exactly as `AlphabeticalOrder` sorts them.
    @Test func answersComparedByTheirBytesKeepTheOrderOfStrings() {
        let pieces = ["a", "b", "z", "~", " ", "0", "9", "-", "shared d", "ata", "A", "Z", "\u{e9}", "\u{7f}", "e\u{301}", "\u{1F600}"]
        var random = SeededGenerator(seed: 98)
        var arriving: [String] = []
        for _ in 0..<4_000 {
            let length = Int(random.next() % 7)
            arriving.append((0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined())
        }
        let answers = AlphabeticalAnswers(arriving)
        #expect(answers.all == AlphabeticalOrder.sorted(arriving))
    }
    /// An answer sent again is counted again and read back once per sending, wherever a prefix ends; an answer with
    /// the same characters in other bytes (a composed and a decomposed "é") is kept as it was sent.
    @Test func equalAnswersAreReadBackOncePerSendingAndOtherBytesStayApart() {
        let composed = "caf\u{e9}", decomposed = "cafe\u{301}"
        let arriving = ["pilots", composed, "pilots", decomposed, "data", "pilots", composed]
        let answers = AlphabeticalAnswers(arriving)
        #expect(answers.count == 7)
        #expect(answers.all == AlphabeticalOrder.sorted(arriving))
        #expect(answers.all.filter { $0.utf8.elementsEqual(decomposed.utf8) }.count == 1)
        #expect(answers.all.filter { $0.utf8.elementsEqual(composed.utf8) }.count == 2)
        #expect(answers.all.filter { $0 == "pilots" }.count == 3)
        for length in 0...8 { #expect(answers.prefix(length) == Array(answers.all.prefix(length))) }
        var visited: [String] = []
        answers.forEach { visited.append($0) }
        #expect(visited == answers.all)
    }

    /// Two lists are equal when they read back the same bytes in the same order, however their chunks were cut
    /// by the order the answers came in; a different count of one answer, or other bytes, makes them differ.
    @Test func listsAreEqualByWhatTheyReadBackNotByHowTheyAreCut() {
        let texts = (0..<(3 * AlphabeticalAnswers.chunkSize)).map { "answer \($0 % 500)" }
        let forward = AlphabeticalAnswers(texts)
        let backward = AlphabeticalAnswers(texts.reversed())
        #expect(forward == backward)
        #expect(forward != AlphabeticalAnswers(texts.dropLast()))
        #expect(forward != AlphabeticalAnswers(texts.dropLast() + ["answer 1"]))
        #expect(AlphabeticalAnswers(["caf\u{e9}"]) != AlphabeticalAnswers(["cafe\u{301}"]))
    }
}
