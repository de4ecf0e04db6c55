import PlenaryEngine

/// Everything a moderator hands out after a workshop, from one results snapshot: the report as Markdown and as
/// HTML, and the CSV tables. Pure: the caller writes the files (the live app next to the results file, with its
/// injected file system; `plenary export` into a folder).
public enum WorkshopExport {
    /// `<baseName>.report.md`, `<baseName>.report.html`, then `<baseName>.<table>.csv` for each CSV table.
    public static func files(for snapshot: ResultsSnapshot, baseName: String) -> [(name: String, bytes: [UInt8])] {
        let report = WorkshopReport(snapshot)
        var files: [(name: String, bytes: [UInt8])] = [
            ("\(baseName).report.md", Array(MarkdownReport.render(report).utf8)),
            ("\(baseName).report.html", Array(HTMLReport.render(report).utf8)),
        ]
        for (name, table) in ResultsCSV.tables(for: snapshot) {
            files.append(("\(baseName).\(name)", table.encoded()))
        }
        return files
    }

    /// True for a file that `files(for:baseName:)` writes for `baseName`, whatever its polls and templates: what
    /// `--fresh` sets aside with the record. Ids in these names never hold a dot, so a group's own exports
    /// (`<base>.<group>.report.md`) and copies already set aside (`<base>.<stamp>.report.md`) never match.
    public static func isExport(_ name: String, baseName: String) -> Bool {
        guard name.hasPrefix(baseName + ".") else { return false }
        let rest = name.dropFirst(baseName.count + 1)
        if rest == "report.md" || rest == "report.html" || rest == "polls.csv" { return true }
        guard rest.hasSuffix(".csv") else { return false }
        let table = rest.dropLast(".csv".count)
        for prefix in ["poll-", "template-"] where table.hasPrefix(prefix) {
            let id = table.dropFirst(prefix.count)
            return !id.isEmpty && id.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }
        }
        return false
    }

    /// The name exports are based on: "sevilla.results.json" → "sevilla", "out.json" → "out".
    public static func baseName(ofResultsFile path: String) -> String {
        var name = WorkshopFiles.fileName(of: path)
        for suffix in [".results.json", ".json"] where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
            break
        }
        return name.isEmpty ? "results" : name
    }
}
