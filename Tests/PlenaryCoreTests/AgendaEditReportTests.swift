import Foundation
import Testing
@testable import PlenaryEngine
import PlenaryReports
import PlenaryTestSupport

/// `plenary report` lists the plan three ways: the agenda as it ran (added slots marked), the changes with their
/// times, and the session file's plan.
@Suite struct AgendaEditReportTests {
    @Test func theTextReportListsTheChangesAndTheFilesPlan() throws {
        let snapshot = ResultsSnapshot(state: try AgendaEditResultsTests.changedState(), sessionFile: "w/sevilla.yaml", generator: "test")
        let report = WorkshopReport(snapshot)
        #expect(report.agenda[1].remarks == ["added on the day"])
        let text = PlainTextReport.render(report, width: 80)
        let section = try #require(text.range(of: "Changes to the plan"))
        let lines = text[section.lowerBound...].split(separator: "\n", omittingEmptySubsequences: false).prefix(13).map(String.init)
        #expect(lines == [
            "Changes to the plan",
            "-------------------",
            "",
            "12:05  Inserted “Minister’s message” (10 min) after “Registration”",
            "12:06  Dropped “Framing”",
            "",
            "As planned in the session file:",
            "  12:00  Registration (30 min)",
            "  12:30  Framing (10 min) — dropped",
            "  12:40  Working groups (35 min)",
            "  13:15  Lunch (60 min)",
            "  14:15  Closing (15 min)",
            "",
        ], "\(lines)")
        #expect(MarkdownReport.render(report).contains("- **12:06:** Dropped “Framing”"))
        #expect(HTMLReport.render(report).contains("<h2>Changes to the plan</h2>"))
    }
}
