import Testing
@testable import PlenaryEngine
@testable import PlenaryReports

/// `plenary report` on a rehearsal's results says, before any time, that it was a rehearsal.
@Suite struct RehearsalReportTests {
    @Test func aRehearsalsReportSaysSoFirstInEveryFormat() throws {
        var snapshot = try ReportTests.fixture("demo-v2.json")
        snapshot.workshop.rehearsal = true
        let report = WorkshopReport(snapshot)
        #expect(report.facts.first?.label == "Rehearsal")
        #expect(report.facts.first?.value.hasPrefix("this is a rehearsal (plenary run --rehearse), not the workshop") == true)
        #expect(MarkdownReport.render(report).contains("this is a rehearsal"))
        #expect(PlainTextReport.render(report, width: 80).contains("this is a rehearsal"))
        #expect(HTMLReport.render(report).contains("this is a rehearsal"))
    }

    @Test func aRealWorkshopsReportDoesNotMentionRehearsal() throws {
        let report = WorkshopReport(try ReportTests.fixture("demo-v2.json"))
        #expect(!report.facts.contains { $0.label == "Rehearsal" })
        #expect(!MarkdownReport.render(report).lowercased().contains("rehearsal"))
    }

    @Test func theFlagSurvivesTheResultsFile() throws {
        var snapshot = try ReportTests.fixture("demo-v2.json")
        snapshot.workshop.rehearsal = true
        let decoded = try ResultsSnapshot.decode(snapshot.encoded())
        #expect(decoded.workshop.rehearsal == true)
    }
}
