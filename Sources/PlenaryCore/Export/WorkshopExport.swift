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
