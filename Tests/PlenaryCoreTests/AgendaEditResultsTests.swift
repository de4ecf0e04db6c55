import Foundation
import Testing
@testable import PlenaryEngine
import PlenaryTestSupport

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
