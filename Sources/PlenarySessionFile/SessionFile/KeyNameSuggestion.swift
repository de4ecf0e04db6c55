/// Finds the key a typo was probably meant to be ("duraton" → "duration").
enum KeyNameSuggestion {
    /// The allowed key nearest to `name` by edit distance, if it is close enough to be a typo (at most 2 edits,
    /// and fewer than half the letters).
    static func closest(to name: String, in allowed: [String]) -> String? {
        let scored = allowed.map { ($0, distance(Array(name.lowercased()), Array($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2, best.1 * 2 < max(name.count, 2) else { return nil }
        return best.0
    }

    /// Levenshtein distance, counting a swap of two neighbours as one edit.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
