import Testing
import PlenaryEngine
import PlenaryTestSupport

/// The rehearsal clock: the agenda's own time, started where asked and run at real speed or faster.
@Suite struct RehearsalClockTests {
    @Test func itStartsAtTheGivenInstantWhateverTheWallClockSays() {
        let wall = ManualClock(Fixtures.at(19, 41, dayOffset: -1))
        let clock = RehearsalClock(base: wall, start: Fixtures.at(12, 0), speed: 1)
        #expect(clock.now() == Fixtures.at(12, 0))
        wall.advance(seconds: 90)
        #expect(clock.now() == Fixtures.at(12, 1, 30))
    }

    @Test func atSpeedSixtyARealSecondIsARehearsalMinute() {
        let wall = ManualClock(Instant(milliseconds: 1_000_000))
        let clock = RehearsalClock(base: wall, start: Fixtures.at(12, 0), speed: 60)
        wall.current = wall.current.adding(milliseconds: 1_500)
        #expect(clock.now() == Fixtures.at(12, 1, 30))
        wall.advance(seconds: 45)
        #expect(clock.now() == Fixtures.at(12, 46, 30))
    }

    @Test func aSpeedOutsideOneToSixtyIsHeldToTheNearestEnd() {
        let wall = ManualClock(Instant(seconds: 0))
        #expect(RehearsalClock(base: wall, start: Instant(seconds: 0), speed: 0).speed == 1)
        #expect(RehearsalClock(base: wall, start: Instant(seconds: 0), speed: 600).speed == 60)
    }

    @Test func theDayStartsAtTheAgendasPlannedStartOnTheWallClocksDay() throws {
        let state = try Fixtures.state(Fixtures.sevillaDay, now: Fixtures.at(21, 15))
        let first = try #require(state.plan.entries.first)
        let start = RehearsalClock.startInstant(plan: state.plan, calendar: Fixtures.calendar, wallNow: Fixtures.at(21, 15), at: nil)
        #expect(start == Fixtures.sevillaMidnight.adding(seconds: Int64(first.startMinute) * 60))
    }

    @Test func aGivenTimeOfDayStartsItThereToday() throws {
        let state = try Fixtures.state(Fixtures.sevillaDay, now: Fixtures.at(21, 15))
        #expect(RehearsalClock.startInstant(plan: state.plan, calendar: Fixtures.calendar, wallNow: Fixtures.at(21, 15), at: "14:05")
                == Fixtures.at(14, 5))
        #expect(RehearsalClock.startInstant(plan: state.plan, calendar: Fixtures.calendar, wallNow: Fixtures.at(21, 15), at: "8:30")
                == Fixtures.at(8, 30))
        #expect(RehearsalClock.startInstant(plan: state.plan, calendar: Fixtures.calendar, wallNow: Fixtures.at(21, 15), at: "25:00") == nil)
    }

    @Test func anAgendaWithoutClockTimesStartsWhenTheRehearsalDoes() throws {
        var session = Fixtures.sevillaDay
        session.agenda = session.agenda.map { slot in
            var floating = slot
            floating.start = nil
            floating.fixed = false
            if floating.durationMinutes == nil { floating.durationMinutes = 30 }
            return floating
        }
        let state = try Fixtures.state(session, now: Fixtures.at(21, 15))
        #expect(!state.plan.isAnchored)
        #expect(RehearsalClock.startInstant(plan: state.plan, calendar: Fixtures.calendar, wallNow: Fixtures.at(21, 15), at: nil)
                == Fixtures.at(21, 15))
    }

    @Test(arguments: ["", "9", "09:3", "09:300", "24:00", "12:60", "-1:30", "ab:cd", "１２:００", "12:00 "])
    func onlyATimeOfDayIsAStartTime(text: String) {
        #expect(RehearsalClock.minuteOfDay(text) == nil)
    }

    @Test func timesOfDayReadAsMinutesSinceMidnight() {
        #expect(RehearsalClock.minuteOfDay("00:00") == 0)
        #expect(RehearsalClock.minuteOfDay("09:30") == 570)
        #expect(RehearsalClock.minuteOfDay("23:59") == 1439)
    }
}
