import Foundation
import Testing
@testable import PlenaryEngine
@testable import PlenaryReports
@testable import PlenaryStorage
import PlenaryTestSupport

/// An ad-hoc poll keeps the slot that was current when it was written (issue 15): on its state, in the results and
/// in the report, where polls are listed by slot.
@Suite struct AdHocPollSlotTests {
    static let lunchNow = PollDefinition(id: "adhoc-1", question: "Lunch now?", type: .single, options: ["Yes", "No"])

    static func startedAtFraming() throws -> WorkshopState {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [(Fixtures.at(12, 0), .start), (Fixtures.at(12, 30), .next)])
        return state
    }

    @Test func aPollWrittenDuringASlotRecordsThatSlot() throws {
        var store = ReducerTestStore(try Self.startedAtFraming())
        let command = WorkshopCommand.poll(.create(Self.lunchNow))
        store.send(.command(command), at: Fixtures.at(12, 32), effects: [.appendJournal(command), .saveResults]) {
            $0.now = Fixtures.at(12, 32)
            $0.polls.append(PollState(definition: Self.lunchNow, isAdHoc: true, createdInSlot: "framing"))
            $0.recordedCommands += 1
            $0.screen = .poll(id: "adhoc-1")
        }
    }

    @Test func aPollWrittenAfterTheEndHasNoSlot() throws {
        var state = try Self.startedAtFraming()
        try Fixtures.run(&state, [(Fixtures.at(12, 40), .end), (Fixtures.at(12, 41), .poll(.create(Self.lunchNow)))])
        #expect(state.polls.last?.createdInSlot == nil)
        let snapshot = ResultsSnapshot(state: state, sessionFile: "w/sevilla.yaml", generator: "test")
        #expect(snapshot.polls.last?.slots == [])
    }

    @Test func theSlotComesBackWhenTheJournalIsReplayed() throws {
        let fs = MemoryFileSystem()
        let files = WorkshopFiles(sessionPath: "w/sevilla.yaml")
        let clock = ManualClock(Fixtures.at(12, 0))
        let first = try #require(Fixtures.runner(Fixtures.sevilla(), fileSystem: fs, files: files, clock: clock))
        first.send(.command(.start))
        clock.advance(seconds: 30 * 60)
        first.send(.command(.next))
        first.send(.command(.poll(.create(Self.lunchNow))))
        clock.advance(seconds: 15 * 60)
        first.send(.command(.next))
        first.close()
        // The journal's `create` record says nothing of the slot (as in journals written before the field): the
        // slot is the one current when the record is applied again.
        let journal = String(decoding: try #require(fs.files[files.journalPath]), as: UTF8.self)
        #expect(!journal.contains("createdInSlot"))
        let reopened = try #require(Fixtures.open(Fixtures.sevilla(), fileSystem: fs, files: files, at: clock.now()))
        #expect(reopened.state.polls.last?.createdInSlot == "framing")
        #expect(reopened.state.currentSlot.id == "groups")
    }

    @Test func theResultsAndTheReportPlaceThePollInItsSlot() throws {
        var session = Fixtures.sevilla()
        let declared = PollDefinition(id: "focus", question: "Primary focus?", type: .single, options: ["A", "B"])
        session.polls = [declared]
        session.agenda[2].polls = ["focus"]
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [(Fixtures.at(12, 0), .start), (Fixtures.at(12, 30), .next),
                                  (Fixtures.at(12, 32), .poll(.create(Self.lunchNow)))])
        let snapshot = ResultsSnapshot(state: state, sessionFile: "w/sevilla.yaml", generator: "test")
        #expect(snapshot.polls.map(\.slots) == [["groups"], ["framing"]])
        let report = WorkshopReport(snapshot)
        // Agenda order: the ad-hoc poll of "Framing" (12:30) before the declared poll of "Working groups" (12:40).
        #expect(report.polls.map(\.id) == ["adhoc-1", "focus"])
        #expect(report.polls.map(\.slot) == ["12:30 Framing", "12:40 Working groups"])
        let text = PlainTextReport.render(report)
        #expect(text.contains("During 12:30 Framing\n\n1. Lunch now?"))
        #expect(text.contains("During 12:40 Working groups\n\n2. Primary focus?"))
        #expect(MarkdownReport.render(report).contains("*During 12:30 Framing*\n\n### 1. Lunch now?"))
        #expect(HTMLReport.render(report).contains("<p class=\"slot\">During 12:40 Working groups</p>"))
    }

    @Test func pollsOfNoSlotComeLastUnderTheirOwnHeading() throws {
        var state = try Self.startedAtFraming()
        try Fixtures.run(&state, [(Fixtures.at(12, 40), .end), (Fixtures.at(12, 41), .poll(.create(Self.lunchNow)))])
        let report = WorkshopReport(ResultsSnapshot(state: state, sessionFile: "w/sevilla.yaml", generator: "test"))
        #expect(report.polls.last?.slot == nil)
        #expect(PlainTextReport.render(report).contains("Not tied to a slot\n\n1. Lunch now?"))
    }
}
