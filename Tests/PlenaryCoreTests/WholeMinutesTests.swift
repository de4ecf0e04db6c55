import Testing
@testable import PlenaryEngine
@testable import PlenaryReports
import PlenaryTestSupport

/// One rounding of seconds to minutes for screen, report, CSV and JSON (issue 15, decision 80).
@Suite struct WholeMinutesTests {
    @Test func halvesRoundAwayFromZeroOnBothSides() {
        let seconds: [Int64] = [0, 29, 30, 59, 60, 89, 90, -29, -30, -89, -90, -91]
        #expect(seconds.map(WholeMinutes.rounded) == [0, 0, 1, 1, 1, 1, 2, 0, -1, -1, -2, -2])
    }

    @Test func aNegativeDurationIsTheSameDistanceAsItsPositiveTwin() {
        for second in Int64(0)...Int64(600) {
            #expect(WholeMinutes.rounded(-second) == -WholeMinutes.rounded(second))
        }
    }

    @Test func theIntVersionAgrees() {
        #expect([-90, -89, -30, -29, 29, 30, 89, 90].map { WholeMinutes.rounded($0) } == [-2, -1, -1, 0, 0, 1, 1, 2])
    }

    @Test func aCountdownCountsAnyPartOfAMinuteAsAWholeOne() {
        let seconds: [Int64] = [-90, -1, 0, 1, 29, 30, 59, 60, 61, 89, 90]
        #expect(seconds.map(WholeMinutes.leftOnCountdown) == [0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2])
    }

    @Test func theReportRoundsASlotsLengthAndOverrunTheSameWay() {
        func row(actualSeconds: Int64, plannedMinutes: Int) -> WorkshopReport.AgendaRow {
            WorkshopReport.agendaRow(ResultsSnapshot.SlotResult(
                id: "s", title: "S", kind: "talk", fixed: false, status: "done", speakers: [],
                plannedStart: "2025-03-11T12:00:00+01:00", plannedEnd: "2025-03-11T12:10:00+01:00",
                plannedMinutes: plannedMinutes, adjustmentMinutes: 0, actualStart: "2025-03-11T12:00:00+01:00",
                actualEnd: "2025-03-11T12:10:00+01:00", actualSeconds: actualSeconds, pausedSeconds: 90, runs: 1))
        }
        // 10 min planned: 8 min 30 s is 90 s short (−2 min), 9 min 31 s is 29 s short (0 min).
        #expect(row(actualSeconds: 510, plannedMinutes: 10).overrunMinutes == -2)
        #expect(row(actualSeconds: 511, plannedMinutes: 10).overrunMinutes == -1)
        #expect(row(actualSeconds: 571, plannedMinutes: 10).overrunMinutes == 0)
        #expect(row(actualSeconds: 630, plannedMinutes: 10).overrunMinutes == 1)
        #expect(row(actualSeconds: 89, plannedMinutes: 10).actualMinutes == 1)
        #expect(row(actualSeconds: 90, plannedMinutes: 10).actualMinutes == 2)
        // Paused 90 s reads "paused 2 min", as 90 s reads everywhere else.
        #expect(row(actualSeconds: 600, plannedMinutes: 10).remarks == ["paused 2 min"])
    }

    /// 90 s ahead of plan is −2 min in the results file and the report, as 90 s behind is +2.
    @Test func theResultsDelayRoundsLikeTheScreen() throws {
        func snapshot(nextAt second: Int) throws -> ResultsSnapshot {
            var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
            // Framing (10 min, planned 12:30–12:40) started early or late: the day's delay is its projected end's.
            try Fixtures.run(&state, [(Fixtures.at(12, 0), .start), (Fixtures.at(12, 30, 0).adding(seconds: Int64(second)), .next)])
            return ResultsSnapshot(state: state, sessionFile: "w/sevilla.yaml", generator: "test")
        }
        #expect(try snapshot(nextAt: -90).workshop.delayMinutes == -2)
        #expect(try snapshot(nextAt: -89).workshop.delayMinutes == -1)
        #expect(try snapshot(nextAt: -29).workshop.delayMinutes == 0)
        #expect(try snapshot(nextAt: 90).workshop.delayMinutes == 2)
        let report = WorkshopReport(try snapshot(nextAt: -90))
        #expect(report.timing.facts.first { $0.label == "Delay when saved" }?.value == "\u{2212}2 min (2 min early)")
    }

    @Test func theClockWarningRoundsLikeEverythingElse() {
        // 1 h 59 min 30 s behind: 120 min, so the hours form.
        let text = ClockCorrection.warningText(behindMilliseconds: (119 * 60 + 30) * 1000, countingFrom: "14:32:05")
        #expect(text == "Computer clock 2 h 0 min behind the journal: counting on from 14:32:05.")
        let below = ClockCorrection.warningText(behindMilliseconds: (119 * 60 + 29) * 1000, countingFrom: "14:32:05")
        #expect(below == "Computer clock 119 min behind the journal: counting on from 14:32:05.")
    }
}
