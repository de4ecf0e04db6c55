import Foundation
import Testing
@testable import PlenaryEngine
@testable import PlenaryReports
import PlenaryTestSupport

/// Speakers are written with their role and affiliation (issue 15), the running agenda's, and listed in the report.
@Suite struct SpeakerResultsTests {
    static func state() throws -> WorkshopState {
        var session = Fixtures.sevilla()
        session.agenda[1].speakers = [
            Person(name: "Ana Ruiz", affiliation: "EURADA", role: "Director"),
            Person(name: "Ben Ode", tbc: true),
        ]
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [
            (Fixtures.at(12, 0), .start),
            (Fixtures.at(12, 5), .plan(.insert(after: 0, title: "Minister’s message", kind: .talk, minutes: 10))),
        ])
        return state
    }

    @Test func speakersAreObjectsWithTheFieldsTheSessionGives() throws {
        let snapshot = ResultsSnapshot(state: try Self.state(), sessionFile: "w/sevilla.yaml", generator: "test")
        let framing = try #require(snapshot.slots.first { $0.id == "framing" })
        #expect(framing.speakers == [.init(name: "Ana Ruiz", role: "Director", affiliation: "EURADA"),
                                     .init(name: "Ben Ode", tbc: true)])
        let text = String(decoding: snapshot.encoded(), as: UTF8.self)
        #expect(text.contains(#"{"affiliation":"EURADA","name":"Ana Ruiz","role":"Director"}"#))
        #expect(text.contains(#"{"name":"Ben Ode","tbc":true}"#))
    }

    @Test func olderFilesWithSpeakersAsTextAreRead() throws {
        let snapshot = try ReportTests.fixture("demo-v2.json")
        #expect(snapshot.slots[0].speakers.map(\.name) == ["Álvaro Núñez, Plenary demo team", "Zoë Kowalczyk, Région Île-de-France"])
        #expect(snapshot.slots[0].speakers.allSatisfy { $0.role == nil && $0.affiliation == nil })
        #expect(WorkshopReport(snapshot).speakers.first?.value == "Álvaro Núñez, Plenary demo team; Zoë Kowalczyk, Région Île-de-France")
    }

    @Test func theReportListsEachSlotsSpeakersInEveryFormat() throws {
        let snapshot = ResultsSnapshot(state: try Self.state(), sessionFile: "w/sevilla.yaml", generator: "test")
        let report = WorkshopReport(snapshot)
        // The slot's time as the running agenda plans it (after the insert), whatever that is.
        let framing = try #require(snapshot.slots.first { $0.id == "framing" })
        let label = "\(ReportTime.clock(framing.plannedStart)) Framing"
        #expect(report.speakers == [.init(label: label, value: "Ana Ruiz (Director, EURADA); Ben Ode (TBC)")])
        #expect(PlainTextReport.render(report).contains("Speakers\n--------\n\n\(label)\n  Ana Ruiz (Director, EURADA); Ben Ode (TBC)\n"))
        #expect(MarkdownReport.render(report).contains("## Speakers\n\n- **\(label):** Ana Ruiz (Director, EURADA); Ben Ode (TBC)\n"))
        #expect(HTMLReport.render(report).contains("<h2>Speakers</h2>"))
        #expect(HTMLReport.render(report).contains("Ana Ruiz (Director, EURADA); Ben Ode (TBC)"))
    }

    @Test func aDayWithoutSpeakersHasNoSpeakersSection() throws {
        let state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        let report = WorkshopReport(ResultsSnapshot(state: state, sessionFile: "w/sevilla.yaml", generator: "test"))
        #expect(report.speakers.isEmpty)
        #expect(!MarkdownReport.render(report).contains("## Speakers"))
    }
}
