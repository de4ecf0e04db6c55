/// A screen's key table as the README prints it, between `<!-- keys:NAME -->` and `<!-- /keys -->`: written from
/// the bindings by `scripts/generate-cli-docs`, and checked by a test, so the README cannot drift from the keys.
public enum KeyTableMarkdown {
    /// The tables the README carries, by marker name.
    public static let tables: [(name: String, rows: [KeyHelp])] = [
        ("agenda", ModeratorKeys.agenda.help),
        ("planEditor", ModeratorKeys.planEditor.help),
        ("poll", ModeratorKeys.poll.help),
        ("group", GroupKeys.group.help),
        ("entry", GroupKeys.entry.help),
        ("reportBack", ModeratorKeys.reportBack.help),
        ("qa", QAKeys.queue.help),
        ("voterBoard", VoterBoardKeys.list.help),
        ("voterBoardWrite", VoterBoardKeys.draft.help),
    ]

    public static func table(_ rows: [KeyHelp]) -> String {
        var lines = ["| key | action |", "|---|---|"]
        for row in rows {
            let keys = row.keys.split(separator: " ").map { code(String($0)) }.joined(separator: " ")
            lines.append("| \(keys) | \(row.description.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")) |")
        }
        return lines.joined(separator: "\n")
    }

    /// A typed character (`q`, `?`, `1-9`) in code style; named keys (Space, Ctrl-X, →) as words.
    private static func code(_ key: String) -> String {
        let named = ["←", "→", "↑", "↓"]
        let typed = key.count == 1 && !named.contains(key) || key == "1-9" || key == "0-9"
        if !typed { return key }
        return key == "`" ? "`` ` ``" : "`\(key)`"
    }

    /// `markdown` with every table between its markers rewritten from the bindings; unchanged if already current.
    public static func update(_ markdown: String) -> String {
        var text = markdown
        for (name, rows) in tables {
            let open = "<!-- keys:\(name) -->\n"
            let close = "<!-- /keys -->"
            guard let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) else { continue }
            text.replaceSubrange(start.upperBound..<end.lowerBound, with: table(rows) + "\n")
        }
        return text
    }
}
