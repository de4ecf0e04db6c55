import Testing
import PlenaryEngine
import PlenaryTestSupport

/// The shared fixtures fail the one test that uses them, with a reason, instead of stopping every test in the process.
@Suite struct FixturesTests {
    @Test func anInconsistentAgendaThrows() {
        let session = Session(title: "Backwards", timeZone: "UTC", agenda: [
            Slot(id: "open", title: "Opening"),
            Slot(id: "talk", title: "Talk", start: TimeOfDay(hour: 9, minute: 0), durationMinutes: 10),
        ])
        #expect(throws: FixtureError.self) { try Fixtures.state(session, now: Fixtures.at(9, 0)) }
        #expect(throws: FixtureError.self) { try Fixtures.dayState(session, now: Fixtures.at(9, 0)) }
    }

    @Test func aRefusedCommandThrowsAndSaysWhy() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        let error = #expect(throws: FixtureError.self) {
            try Fixtures.run(&state, [(Fixtures.at(12, 0), .adjust(slot: 99, seconds: 60))])
        }
        #expect(error?.description.hasPrefix("refused: ") == true)
    }

    @Test func sessionFilesLoadFromTheRepositoryAndAMissingOneThrows() throws {
        #expect(try SessionFiles.load("widex-irm-hub-sevilla.yaml").title == "From S3 Benchmarking to Cluster-Led Action")
        #expect(try SessionFiles.all().map(\.name).contains("demo"))
        #expect(throws: FixtureError.self) { try SessionFiles.load("no-such-workshop.yaml") }
    }

    @Test func theManualClockMovesOnlyWhenTold() {
        let clock = ManualClock(Fixtures.at(12, 0))
        #expect(clock.now() == Fixtures.at(12, 0))
        clock.advance(seconds: 90)
        #expect(clock.now() == Fixtures.at(12, 1, 30))
    }
}
