@testable import PlenaryEngine
import Testing

/// Open answers are listed A–Z as a reader expects: case and accents do not split the alphabet in two.
struct AlphabeticalOrderTests {
    static let answers = ["banana", "Zebra", "éclair", "Apple", "apple", "Échelle", "dates", "Ölmühle", "ocean"]
    static let expected = ["Apple", "apple", "banana", "dates", "Échelle", "éclair", "ocean", "Ölmühle", "Zebra"]

    @Test func caseAndAccentsDoNotChangeTheOrder() {
        #expect(AlphabeticalOrder.sorted(Self.answers) == Self.expected)
        // Whatever order they come in (the order people voted in must never show).
        #expect(AlphabeticalOrder.sorted(Self.answers.reversed()) == Self.expected)
    }

    @Test func theResultsFileListsAnswersInThatOrder() {
        let poll = PollDefinition(id: "p", question: "Q", type: .open, maxLength: 280)
        let round = PollRound(ballots: Self.answers.map { .open(text: $0) })
        let result = ResultsSnapshot.roundResult(round, number: 1, poll: poll, language: "en")
        #expect(result.answers == Self.expected)
    }

    /// The ASCII shortcut folds exactly as Foundation does: every printable ASCII character alone, and in words.
    @Test func theASCIIFoldIsFoundationsFold() {
        let printable = (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) }
        let texts = printable + printable.map { "a\($0)Z" } + ["Shared TRUST", "don't", "Co-Creation 42", "", "~{|}"]
        for text in texts {
            let foundation = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            #expect(AlphabeticalOrder.asciiFolded(text) == foundation, "\(text)")
        }
        #expect(AlphabeticalOrder.asciiFolded("Échelle") == nil)
        #expect(AlphabeticalOrder.asciiFolded("tab\there") == nil)
        #expect(AlphabeticalOrder.folded("Échelle") == "echelle")
    }
}
