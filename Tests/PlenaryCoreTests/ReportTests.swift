import Foundation
import Testing
@testable import PlenaryEngine
@testable import PlenaryReports

/// The report and the CSV export read results files of both schema versions, escape what people typed for each
/// format, and keep text reports inside their width.
@Suite struct ReportTests {
    static func fixture(_ name: String) throws -> ResultsSnapshot {
        let url = ResultsSchemaTests.fixtures.appendingPathComponent(name)
        return try ResultsSnapshot.decode(Array(try Data(contentsOf: url)))
    }

    @Test(arguments: ["demo-v1.json", "demo-v2.json"])
    func reportsAndExportsReadBothVersions(_ name: String) throws {
        let snapshot = try Self.fixture(name)
        let report = WorkshopReport(snapshot)
        #expect(report.polls.count == 7)
        #expect(report.polls[2].rounds[0].notes.first == "Mean 3.75 · median 4")
        #expect(report.polls[5].rounds.count == 2)
        #expect(report.groups.map { $0.templates.map(\.name) } == [["Action concept", "SWOT"], ["Action concept"]])
        let shortlist = try #require(report.shortlists.first)
        #expect(shortlist.rows.map(\.title) == ["Critical raw materials recycling", "Skills academy for clusters"])
        #expect(shortlist.rows.map(\.group) == ["Policy and investment alignment", "Cluster-led action"])
        #expect(shortlist.rows.map(\.value) == ["1.67 avg", "1.33 avg"])
        let markdown = MarkdownReport.render(report)
        for heading in ["## Agenda", "## Polls", "## Working groups", "## Shortlist", "## Timing"] {
            #expect(markdown.contains("\n\(heading)\n"), "\(heading) missing")
        }
        #expect(markdown.contains("  - Région Grand Est"))
        let files = WorkshopExport.files(for: snapshot, baseName: "demo")
        #expect(files.map(\.name) == ["demo.report.md", "demo.report.html", "demo.polls.csv", "demo.poll-format.csv",
                                      "demo.poll-support.csv", "demo.poll-readiness.csv", "demo.poll-one-word.csv",
                                      "demo.poll-one-word-words.csv", "demo.poll-rank-challenges.csv", "demo.poll-budget.csv",
                                      "demo.poll-shortlist-1.csv", "demo.template-action-concept.csv", "demo.template-swot.csv"])
    }

    @Test func textReportsStayWithinTheirWidthWithWideCharacters() throws {
        let report = WorkshopReport(try Self.fixture("demo-v2.json"))
        for width in [40, 57, 80, 120] {
            let lines = PlainTextReport.render(report, width: width).split(separator: "\n")
            let widest = lines.max { $0.terminalWidth < $1.terminalWidth }.map(String.init) ?? ""
            #expect(widest.terminalWidth <= width, "width \(width): \(widest)")
        }
        // The chart's bars start in the same column whether the label is "協力" (4 columns) or "time".
        let text = PlainTextReport.render(report, width: 80)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("   協力 ") || $0.hasPrefix("   time ") }
        #expect(rows.count == 2)
        let barColumns = rows.map { row in String(row.prefix { $0 != "█" }).terminalWidth }
        #expect(Set(barColumns).count == 1, "\(rows)")
    }

    static func hostile() throws -> ResultsSnapshot {
        var snapshot = try fixture("demo-v2.json")
        snapshot.workshop.title = "Costs | <b>benefits</b> & \"risks\""
        snapshot.polls[0].rounds[0].options?[0].option = "*bold* | [link](x) <script>alert(1)</script>"
        snapshot.polls[3].rounds[0].answers = ["\u{1B}[2Jcleared", "=HYPERLINK(\"http://x\")", "a,b", "say \"hi\"", "-5"]
        snapshot.groups[0].entries[0].fields[0].text = "# not a heading\u{202E}txet"
        return snapshot
    }

    @Test func markdownEscapesWhatPeopleTyped() throws {
        let markdown = MarkdownReport.render(WorkshopReport(try Self.hostile()))
        #expect(markdown.hasPrefix("# Costs \\| \\<b\\>benefits\\</b\\> & \"risks\"\n"))
        #expect(markdown.contains("- cleared") && !markdown.contains("[2J"), "the escape sequence is dropped whole")
        #expect(!markdown.contains("\u{1B}") && !markdown.contains("\u{202E}"))
        #expect(markdown.contains("- **Theme / value-chain segment:** \\# not a headingtxet"))
    }

    @Test func htmlIsSelfContainedAndEscapesEverything() throws {
        let html = HTMLReport.render(WorkshopReport(try Self.hostile()))
        #expect(html.contains("<title>Costs | &lt;b&gt;benefits&lt;/b&gt; &amp; &quot;risks&quot;</title>"))
        #expect(html.contains("*bold* | [link](x) &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script") && !html.contains("<b>"))
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("@import") && !html.contains("url("))
        #expect(html.contains("@media print"))
    }

    @Test func textSanitisesTerminalEscapes() throws {
        let text = PlainTextReport.render(WorkshopReport(try Self.hostile()), width: 80)
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("␛[2Jcleared"))
    }

    @Test func csvQuotesDoublesAndNeutralisesFormulas() {
        let table = CSVTable(header: ["a", "b"], rows: [["x,y", "say \"hi\""], ["two\nlines", "=1+1"], ["-5", "+3.5"], [" padded", "@SUM(A1)"]])
        let bytes = table.encoded()
        #expect(Array(bytes.prefix(3)) == CSVTable.byteOrderMark)
        let expected = ["a,b", #""x,y","say ""hi""""#, "\"two\nlines\",'=1+1", "-5,+3.5", #"" padded",'@SUM(A1)"#]
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self) == expected.map { $0 + "\r\n" }.joined())
    }

    @Test func csvTablesFollowThePollTypes() throws {
        let tables = Dictionary(uniqueKeysWithValues: ResultsCSV.tables(for: try Self.fixture("demo-v1.json")).map { ($0.name, $0.table) })
        let budget = try #require(tables["poll-budget.csv"])
        #expect(budget.header == ["option", "round 1 points", "round 1 share %", "round 2 points", "round 2 share %"])
        #expect(budget.rows[0] == ["Joint demonstrator", "60", "30", "50", "50"])
        let scale = try #require(tables["poll-readiness.csv"])
        #expect(scale.rows.map { $0[0] + "|" + $0[1] + "|" + $0[2] } == ["1|Not at all|0", "2||1", "3||0", "4||2", "5|Fully|1"])
        let shortlist = try #require(tables["poll-shortlist-1.csv"])
        #expect(shortlist.rows[1].prefix(3) == ["Skills academy for clusters", "wg-clusters-1", "Cluster-led action"])
        let words = try #require(tables["poll-one-word-words.csv"])
        #expect(words.rows.first == ["confianza", "2"])
        let concepts = try #require(tables["template-action-concept.csv"])
        #expect(concepts.header.prefix(6) == ["group", "entry", "order", "author", "created", "edited"])
        #expect(concepts.rows[0][7] == "Andalucía\nRégion Grand Est")
        #expect(try #require(tables["polls.csv"]).rows.count == 8)
    }

    @Test func numbersAreWrittenTheSameEverywhere() {
        #expect(ReportNumber.decimal(3.6666) == "3.67")
        #expect(ReportNumber.decimal(4) == "4")
        #expect(ReportNumber.decimal(2.5) == "2.5")
        #expect(ReportNumber.decimal(-0.25) == "-0.25")
        #expect(ReportNumber.decimal(1.05) == "1.05")
        #expect(ReportNumber.percent(0.6667) == "67%")
        #expect(WorkshopReport.templateName("action-concept") == "Action concept")
        #expect(WorkshopReport.templateName("swot") == "SWOT")
    }
}
