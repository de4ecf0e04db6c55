/// The words a room used most in its open-text answers, for the word list shown after an open poll.
///
/// Deliberately simple and predictable: the moderator reads the list aloud seconds after the reveal, so it must
/// never surprise (no stemming, no guessing). Function words ("the", "de", "und") are dropped so the list shows
/// what people talked about.
public enum WordFrequency {
    /// Terms with the number of answers that use them, most used first, equal counts in alphabetical
    /// (code point) order, at most `limit` of them. A word repeated inside one answer counts once: the list shows
    /// what many people said, and one voter cannot flood it.
    ///
    /// - Parameter language: BCP 47 code of the session (`es`, `pt-BR`...). English stop words are always dropped
    ///   (workshops mix English in everywhere); the session language's are dropped too when we have a list for it.
    public static func terms(in answers: [String], language: String, limit: Int = 20) -> [(term: String, count: Int)] {
        let splitsElisions = splitsElisions(language)
        var counts: [String: Int] = [:]
        for answer in answers {
            for term in candidateTerms(in: answer, splittingAtApostrophes: splitsElisions) {
                counts[term, default: 0] += 1
            }
        }
        return top(of: counts, language: language, limit: limit)
    }

    /// The most used of `counts` (answers per candidate term, as `candidateTerms` finds them), stop words of
    /// `language` dropped. `PollTally` keeps such counts as answers arrive, so the list needs no pass over them.
    ///
    /// - Parameter adjustments: changes to `counts` read as they are applied (`PollTally`'s elided counts), so that
    ///   no adjusted copy of the counts is made for every frame.
    static func top(of counts: [String: Int], adjustedBy adjustments: [String: Int] = [:], language: String,
                    limit: Int = 20) -> [(term: String, count: Int)] {
        let stopWords = StopWords.english.union(StopWords.byLanguage[primaryLanguage(language)] ?? [])
        let ranksBefore = { (a: (term: String, count: Int), b: (term: String, count: Int)) in
            a.count != b.count ? a.count > b.count : a.term < b.term
        }
        // Not a sort of every term: a shown word list is drawn every second, and a big room's answers hold tens of
        // thousands of distinct words.
        let counted = counts.lazy.filter { !stopWords.contains($0.key) }
            .map { (term: $0.key, count: $0.value + (adjustments.isEmpty ? 0 : adjustments[$0.key] ?? 0)) }
            .filter { $0.count > 0 }
            .best(limit, by: ranksBefore)
        guard !adjustments.isEmpty else { return counted }
        // Terms only the adjustments hold; the best of both lists are the best of all.
        let added = adjustments.lazy.filter { counts[$0.key] == nil && $0.value > 0 && !stopWords.contains($0.key) }
            .map { (term: $0.key, count: $0.value) }
            .best(limit, by: ranksBefore)
        return (counted + added).best(limit, by: ranksBefore)
    }

    /// The words one answer counts for, each once, before stop words are dropped (they depend on the language;
    /// these only on how apostrophes are read). Their order means nothing.
    static func candidateTerms(in answer: String, splittingAtApostrophes: Bool) -> [String] {
        printableASCIITerms(in: answer, splittingAtApostrophes: splittingAtApostrophes)
            ?? characterTerms(in: answer, splittingAtApostrophes: splittingAtApostrophes)
    }

    /// `candidateTerms` read character by character: any text.
    static func characterTerms(in answer: String, splittingAtApostrophes: Bool) -> [String] {
        Array(Set(tokens(in: answer.lowercased(), splittingAtApostrophes: splittingAtApostrophes)
            .filter { $0.count >= 2 && $0.contains(where: \.isLetter) }))
    }

    /// `candidateTerms` read byte by byte, for printable ASCII (nil for anything else), where every character is
    /// one byte, letters and digits are `a-z A-Z 0-9` and the only joiners are `'` and `-`. Every open ballot is
    /// counted as it arrives, also on resume, and most answers are plain ASCII (decision 61): the answer is lowered
    /// into a buffer on the stack and a repeated word is found by comparing bytes, so a string is made once per
    /// distinct word and nothing is hashed here (a fifth of a 100k-answer resume went to sets of words).
    static func printableASCIITerms(in answer: String, splittingAtApostrophes: Bool) -> [String]? {
        let count = answer.utf8.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(count, 1)) { bytes -> [String]? in
            var index = 0
            for byte in answer.utf8 {
                guard byte >= 0x20, byte <= 0x7E else { return nil }
                bytes[index] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                index += 1
            }
            func isWordByte(_ byte: UInt8) -> Bool {
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            }
            var terms: [String] = []
            var seen: [Range<Int>] = []
            func isRepeat(_ range: Range<Int>) -> Bool {
                seen.contains { earlier in
                    earlier.count == range.count && bytes[earlier].elementsEqual(bytes[range])
                }
            }
            var start: Int?
            var hasLetter = false
            func endTerm(at end: Int) {
                if let first = start, end - first >= 2, hasLetter, !isRepeat(first..<end) {
                    seen.append(first..<end)
                    terms.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<end]), as: UTF8.self))
                }
                start = nil
                hasLetter = false
            }
            for index in 0..<count {
                let byte = bytes[index]
                if isWordByte(byte) {
                    if start == nil { start = index }
                    if byte >= UInt8(ascii: "a") { hasLetter = true }
                    continue
                }
                let isJoiner = byte == UInt8(ascii: "-") || (byte == UInt8(ascii: "'") && !splittingAtApostrophes)
                if isJoiner, start != nil, index + 1 < count, isWordByte(bytes[index + 1]) { continue }
                endTerm(at: index)
            }
            endTerm(at: count)
            return terms
        }
    }

    /// Whether `language` reads an apostrophe as the end of an elided word.
    static func splitsElisions(_ language: String) -> Bool {
        elidingLanguages.contains(primaryLanguage(language))
    }

    /// Languages whose apostrophes mark an elided article or preposition ("l'industrie", "dell'arte"): the word
    /// after it is the one that matters. Elsewhere ("don't", "people's") the apostrophe stays inside the word.
    private static let elidingLanguages: Set<String> = ["fr", "it", "ca"]

    /// "pt-BR" → "pt".
    private static func primaryLanguage(_ code: String) -> String {
        String(code.prefix { $0 != "-" && $0 != "_" }).lowercased()
    }

    /// Runs of letters and digits. An apostrophe or hyphen joins two such runs into one word ("co-creation"); at
    /// the edge of a word it is punctuation. Typographic apostrophes and hyphens are read as their ASCII forms so
    /// "don’t" and "don't" are one term.
    private static func tokens(in text: String, splittingAtApostrophes: Bool) -> [String] {
        let characters = Array(text)
        var tokens: [String] = []
        var current = ""
        for (index, character) in characters.enumerated() {
            if isWordCharacter(character) {
                current.append(character)
                continue
            }
            let joiner: Character? = apostrophes.contains(character) ? "'" : hyphens.contains(character) ? "-" : nil
            let joinsTwoWords = !current.isEmpty && index + 1 < characters.count
                && isWordCharacter(characters[index + 1])
            if let joiner, joinsTwoWords, !(joiner == "'" && splittingAtApostrophes) {
                current.append(joiner)
                continue
            }
            if !current.isEmpty { tokens.append(current) }
            current = ""
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    private static let apostrophes: Set<Character> = ["'", "\u{2019}", "\u{02BC}"]
    private static let hyphens: Set<Character> = ["-", "\u{2010}", "\u{2011}"]

    /// A letter or digit in any script; a combining accent travels with its base letter inside one `Character`.
    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }
}

/// Stop-word lists, written for this project: the most common articles, pronouns, prepositions, conjunctions and
/// auxiliaries of each language, lowercased, accents kept. Short on purpose; a missing word only makes a list
/// slightly noisier, an extra one could hide what the room said.
private enum StopWords {
    static let english = words("""
        a about above after again against all also am an and any are as at be because been before being below \
        between both but by can can't could did didn't do does doesn't doing don't down during each etc few for \
        from further get got had has have having he her here hers herself him himself his how i i'm i've if in \
        into is isn't it it's its itself just let's me more most much must my myself no nor not now of off on \
        once only or other our ours ourselves out over own same she should so some such than that that's the \
        their theirs them themselves then there there's these they they're this those through to too under \
        until up us very was wasn't we we're we've were what when where which while who whom why will with \
        won't would you you're your yours yourself yourselves
        """)

    static let byLanguage: [String: Set<String>] = [
        "es": words("""
            a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e el él \
            ella ellas ellos en entre era eran es esa esas ese eso esos esta está están estas este esto estos fue \
            fueron ha han hasta hay la las le les lo los más me mi mis mucho muy nada ni no nos nosotros o os otra \
            otras otro otros para pero poco por porque que qué quien se sea ser si sí sin sobre son su sus también \
            tanto te ti todo todos tu tus un una unas uno unos y ya yo
            """),
        "fr": words("""
            à au aux avec avoir ce ceci cela celle celles celui ces cet cette ceux chez comme dans de des du elle \
            elles en entre est et été être eu il ils je la le les leur leurs lui ma mais me même mes moi mon ne \
            nos notre nous on ont ou où par pas pour plus qu que quel quelle qui sa sans se ses si son sont sur ta \
            te tes toi ton tous tout toute toutes très tu un une vers vos votre vous y
            """),
        "de": words("""
            aber alle als also am an auch auf aus bei bin bis bist da damit dann das dass dem den denn der des die \
            dies diese diesem diesen dieser dieses doch du durch ein eine einem einen einer eines er es für hat \
            haben hatte ich ihr ihre im in ist ja jede jeder kann kein keine man mehr mein meine mit muss nach \
            nicht noch nur ob oder ohne sehr sein seine sich sie sind so über um und uns unser unter vom von vor \
            war waren was weil wenn wer werden wie wir wird zu zum zur zwischen
            """),
        "it": words("""
            a ad al alla alle agli ai all anche che chi ci come con contro da dal dalla dalle dall degli dei del \
            della delle dell di dove e è ed era erano essere gli ha hanno ho il in io la le lei li lo loro lui ma \
            mi mia mio molto ne nei nel nella nelle nell noi non o per perché più quale quando quella quelle \
            quello questa queste questo se si sia sono su sua sue sui sul sulla sull suo tra tu tutti tutto un \
            una uno vi voi
            """),
        "pt": words("""
            a ao aos as até com como da das de dela dele deles do dos e é ela elas ele eles em entre era essa \
            esse esta está estão este eu foi for há isso isto já lhe mais mas me mesmo meu minha muito na não \
            nas nem no nos nós num numa o os ou para pela pelas pelo pelos por qual quando que quem se sem ser \
            seu seus só sua suas também te tem têm ter um uma umas uns você vocês
            """),
        "nl": words("""
            aan al alle als ben bij dan dat de deze die dit doen door dus een en er geen had heb hebben heeft \
            het hier hij hoe hun ik in is ja je kan kunnen maar me meer met mij mijn na naar niet niets nog nu of \
            om omdat ons onze ook op over te tot u uit van veel voor want was waren wat we wel werd wie wij wordt \
            worden zal ze zich zij zijn zo zonder
            """),
        "fi": words("""
            ei eikä emme en ennen he heidän hän hänen ja jo joka jolla jonka jos jota jotka jälkeen kaikki kanssa \
            koska kuin kun me meidän mikä minä minun missä mitä miten mukaan mutta myös ne niin nyt näin nämä oli \
            olivat olla ollut olen olemme on ole ovat se sekä sen siitä siinä sillä sinä sitä tai te tämä tämän \
            tässä vaan vai vain vielä voi yli
            """),
        "sv": words("""
            alla allt att av blev bli den denna det detta dig din dina du där efter ej eller en er ett från för \
            han har hade hans hennes henne hon honom hur här i icke inte jag kan man med mig min mina mot mycket \
            ni nu när och om oss på sedan sig sin sina skulle som till under upp ut utan vad var vara varit vi \
            vid vilken vår våra än är över
            """),
        "pl": words("""
            a aby ale albo ani bardzo bez bo być był była było były być czy dla do gdy go i ich im jak jako jego \
            jej jest już ku lub ma mi mnie na nad nie nich nim niż o od oraz po pod przez przy się są ta tak także \
            tam te tego tej ten to tu tylko tym w we więc z za ze że żeby
            """),
    ]

    private static func words(_ list: String) -> Set<String> {
        Set(list.split(whereSeparator: \.isWhitespace).map(String.init))
    }
}
