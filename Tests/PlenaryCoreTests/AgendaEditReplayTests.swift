import Foundation
import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryReports
import PlenaryTestSupport

/// The changed plan lives only in the journal: a resumed workshop must show it as it was left.
@Suite struct AgendaEditReplayTests {
    let files = WorkshopFiles(sessionPath: "w/sevilla.yaml")

    @Test func resumingShowsTheChangedPlanAndItsChanges() throws {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        guard let first = Fixtures.runner(Fixtures.sevilla(), fileSystem: fs, files: files, clock: clock) else {
            Issue.record("the Sevilla fixture does not open"); return
        }
        first.send(.command(.start))
        clock.advance(seconds: 60)
        first.send(.command(.plan(.insert(after: 0, title: "Minister’s message", kind: .talk, minutes: 10))))
        first.send(.command(.plan(.drop(slot: 2))))
        first.send(.command(.plan(.setTitle(slot: 2, title: "Panel"))))
        first.send(.command(.plan(.undo)))
        clock.advance(seconds: 1800)
        first.send(.command(.next))
        first.close()

        clock.advance(seconds: 5)
        guard let reopened = Fixtures.open(Fixtures.sevilla(), fileSystem: fs, files: files, at: clock.now()) else {
            Issue.record("reopen failed"); return
        }
        var expected = first.state
        expected.now = clock.now()
        expected.notice = nil
        #expect(reopened.state == expected)
        #expect(reopened.state.session.agenda.map(\.id) == ["registration", "added-1", "groups", "lunch", "closing"])
        #expect(reopened.state.currentIndex == 1 && reopened.state.currentSlot.title == "Minister’s message")
        #expect(reopened.state.planChanges.inEffect == 2)
        #expect(reopened.state.planChanges.log.map(\.summary) == [
            "Inserted “Minister’s message” (10 min) after “Registration”", "Dropped “Framing”",
            "Renamed “Working groups” to “Panel”", "Undone: Renamed “Working groups” to “Panel”",
        ])
    }
}

/// The results file carries the plan three ways (issue 15): as the file planned it, as changed (with the list of
/// changes and their times), and as it ran; and the schema describes all three.
@Suite struct AgendaEditResultsTests {
    static func changedState() throws -> WorkshopState {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [
            (Fixtures.at(12, 0), .start),
            (Fixtures.at(12, 5), .plan(.insert(after: 0, title: "Minister’s message", kind: .talk, minutes: 10))),
            (Fixtures.at(12, 6), .plan(.drop(slot: 2))),
            (Fixtures.at(12, 31), .next),
        ])
        return state
    }

    @Test func theResultsListTheChangesAndTheFilesAgenda() throws {
        let snapshot = ResultsSnapshot(state: try Self.changedState(), sessionFile: "w/sevilla.yaml", generator: "test")
        let calendar = Fixtures.calendar
        #expect(snapshot.slots.map(\.id) == ["registration", "added-1", "groups", "lunch", "closing"])
        #expect(snapshot.slots[1].plannedStart == calendar.iso8601(Fixtures.at(12, 30)))
        #expect(snapshot.slots[1].actualStart == calendar.iso8601(Fixtures.at(12, 31)))
        #expect(snapshot.agendaChanges == [
            .init(at: calendar.iso8601(Fixtures.at(12, 5)), change: "Inserted “Minister’s message” (10 min) after “Registration”"),
            .init(at: calendar.iso8601(Fixtures.at(12, 6)), change: "Dropped “Framing”"),
        ])
        #expect(snapshot.fileAgenda?.map(\.id) == ["registration", "framing", "groups", "lunch", "closing"])
        #expect(snapshot.fileAgenda?[1] == .init(id: "framing", title: "Framing", plannedStart: calendar.iso8601(Fixtures.at(12, 30)),
                                                  plannedMinutes: 10))
    }

    @Test func anUnchangedPlanLeavesBothListsOut() throws {
        let state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        let text = String(decoding: ResultsSnapshot(state: state, sessionFile: "s.yaml", generator: "test").encoded(), as: UTF8.self)
        #expect(!text.contains("agendaChanges") && !text.contains("fileAgenda"))
    }

    @Test func resultsWithChangesPassTheSchema() throws {
        let folder = try ResultsSchemaTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("changed.json")
        try Data(ResultsSnapshot(state: try Self.changedState(), sessionFile: "w/sevilla.yaml", generator: "test").encoded()).write(to: url)
        let result = try ResultsSchemaTests.validate([url.path])
        #expect(result.status == 0, "\(result.output)")
    }
}

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
