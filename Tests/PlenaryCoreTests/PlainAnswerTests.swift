import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

/// Plain ASCII answers skip the scalar walks (decision 61): they must come out exactly as the general path makes them.
@Suite struct PlainAnswerTests {
    /// Bytes that matter to the cleaning and the word list: letters, digits, joiners, spaces, punctuation, a tab, a
    /// control, and some text that is not ASCII.
    static let pieces = ["a", "B", "z", "Q", "0", "7", "'", "-", " ", "  ", ".", ",", "!", "\t", "\u{1}", "\u{7F}", "é", "’", "l'", "co-op", "Don't"]

    func randomText(_ random: inout SeededGenerator, asciiOnly: Bool) -> String {
        let pool = asciiOnly ? Self.pieces.filter { $0.utf8.allSatisfy { $0 >= 0x20 && $0 <= 0x7E } } : Self.pieces
        return (0..<random.next(upTo: 14)).map { _ in pool[random.next(upTo: pool.count)] }.joined()
    }

    /// The cleaning as `normalized` defines it: `TextPolicy` for one line, whitespace runs to one space, ends trimmed.
    func cleanedByDefinition(_ text: String) -> String {
        TextPolicy.cleaned(text, for: .line).split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) })
            .joined(separator: " ")
    }

    @Test func anAnswerIsStoredAsTheGeneralCleaningMakesIt() {
        var random = SeededGenerator(seed: 21)
        for _ in 0..<3_000 {
            let text = randomText(&random, asciiOnly: random.next(upTo: 2) == 0)
            #expect(BallotValidation.normalized(.open(text: text)) == .open(text: cleanedByDefinition(text)), "\(text.debugDescription)")
        }
    }

    @Test func aPlainAnswerIsKeptAsItIsNotCopied() {
        let text = "shared platforms for recycling across regions"
        guard case .open(let stored) = BallotValidation.normalized(.open(text: text)) else { Issue.record("not open"); return }
        let original = text.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
        #expect(original != nil && stored.utf8.withContiguousStorageIfAvailable { $0.baseAddress } == original)
        #expect(BallotValidation.isCleanLine(text))
        for unclean in ["", " lead", "trail ", "two  spaces", "tab\there", "caf\u{e9}", "bell\u{7}"] {
            #expect(!BallotValidation.isCleanLine(unclean), "\(unclean.debugDescription)")
        }
    }

    @Test func aPlainAnswerCountsForTheSameWords() {
        var random = SeededGenerator(seed: 22)
        for _ in 0..<3_000 {
            let text = randomText(&random, asciiOnly: true)
            for splitting in [false, true] {
                let plain = WordFrequency.printableASCIITerms(in: text, splittingAtApostrophes: splitting)
                #expect(plain.map(Set.init) == Set(WordFrequency.characterTerms(in: text, splittingAtApostrophes: splitting)),
                        "\(text.debugDescription)")
                // Each word once: a voter who repeats a word counts for it once.
                #expect(plain.map { Set($0).count == $0.count } ?? false, "\(text.debugDescription)")
            }
        }
        #expect(WordFrequency.printableASCIITerms(in: "caf\u{e9} au lait", splittingAtApostrophes: false) == nil)
    }
}
