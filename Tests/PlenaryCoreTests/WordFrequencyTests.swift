import Testing
@testable import PlenaryEngine

@Suite struct WordFrequencyTests {
    /// "term:count" in result order.
    func terms(_ answers: [String], _ language: String = "en", limit: Int = 20) -> [String] {
        WordFrequency.terms(in: answers, language: language, limit: limit).map { "\($0.term):\($0.count)" }
    }

    @Test func accentsAreKeptAndMatter() {
        #expect(terms(["Innovación y región", "innovación", "La Région innovante"], "es")
            == ["innovación:2", "innovante:1", "región:1", "région:1"])
    }

    @Test func composedAndDecomposedAccentsAreOneTerm() {
        #expect(terms(["Région", "Re\u{301}gion"], "fr") == ["région:2"])
    }

    @Test func caseFoldsSoClustersMerge() {
        #expect(terms(["Clusters CLUSTERS", "clusters cluster"]) == ["clusters:2", "cluster:1"])
    }

    @Test func englishStopWordsAlwaysAndTheSessionLanguagesToo() {
        let answers = ["The future of the clusters", "El futuro de los clusters"]
        #expect(terms(answers, "es") == ["clusters:2", "future:1", "futuro:1"])
        #expect(terms(answers, "en") == ["clusters:2", "de:1", "el:1", "future:1", "futuro:1", "los:1"])
    }

    @Test func languageRegionSubtagsAreIgnored() {
        #expect(terms(["O futuro da indústria"], "pt-BR") == ["futuro:1", "indústria:1"])
        #expect(terms(["Die Zukunft der Cluster"], "DE") == ["cluster:1", "zukunft:1"])
    }

    @Test func unknownLanguagesStillDropEnglish() {
        #expect(terms(["the klynger and the klynger"], "da") == ["klynger:1"])
    }

    @Test func hyphenatedWordsStayWhole() {
        #expect(terms(["co-creation and co\u{2011}creation", "-leading trailing- well-being"])
            == ["co-creation:1", "leading:1", "trailing:1", "well-being:1"])
    }

    @Test func numbersAndOneCharacterTokensAreDropped() {
        #expect(terms(["2024: S3 strategy 2025-2030, 3rd year", "a b c ok 42"])
            == ["3rd:1", "ok:1", "s3:1", "strategy:1", "year:1"])
    }

    @Test func punctuationSplitsWords() {
        #expect(terms(["skills/training; data.sharing (pilots)! «networks»"])
            == ["data:1", "networks:1", "pilots:1", "sharing:1", "skills:1", "training:1"])
    }

    @Test func apostrophesStayInsideEnglishWords() {
        #expect(terms(["Don't stop people’s ideas", "'quoted'"]) == ["ideas:1", "people's:1", "quoted:1", "stop:1"])
    }

    @Test func frenchAndItalianElisionsSplit() {
        #expect(terms(["l'industrie et l’innovation", "qu'elle"], "fr") == ["industrie:1", "innovation:1"])
        #expect(terms(["dell'arte e l'industria"], "it") == ["arte:1", "industria:1"])
    }

    @Test func countsEachAnswerOnceSoOneVoterCannotFloodTheList() {
        #expect(terms(["data data data", "data pilots"]) == ["data:2", "pilots:1"])
    }

    @Test func sortsByCountThenAlphabetically() {
        #expect(terms(["zeta alpha mid", "mid zeta", "beta"]) == ["mid:2", "zeta:2", "alpha:1", "beta:1"])
    }

    @Test func limitCutsTheList() {
        #expect(terms(["one two three four five", "three two", "three"], limit: 2) == ["three:3", "two:2"])
        #expect(terms(["anything"], limit: 0) == [])
        #expect(WordFrequency.terms(in: [], language: "en").isEmpty)
    }

    @Test func defaultLimitIsTwenty() {
        let many = (0..<30).map { "word\(Character(UnicodeScalar(UInt8(97 + $0 % 26))))\($0)" }
        #expect(WordFrequency.terms(in: many, language: "en").count == 20)
    }

    /// The one-pass selection gives what sorting every term and taking the first would, ties and stop words included.
    @Test func theTopTermsAreTheFirstOfAFullSort() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        for round in 0..<50 {
            var counts: [String: Int] = ["the": 99, "and": 98]
            for _ in 0..<next(400) { counts["w\(next(300))", default: 0] += 1 + next(3) }
            let limit = [0, 1, 5, 20, 1000][round % 5]
            let expected = counts.filter { $0.key != "the" && $0.key != "and" }
                .sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }
                .prefix(limit).map { "\($0.key):\($0.value)" }
            #expect(WordFrequency.top(of: counts, language: "en", limit: limit).map { "\($0.term):\($0.count)" } == Array(expected))
        }
    }
}
