import Testing
@testable import PlenaryEngine
import PlenaryTestSupport

@Suite struct LiveScheduleTests {
    let calendar = LocalCalendar(timeZoneIdentifier: "Europe/Madrid")

    func clock(_ instant: Instant) -> String { calendar.clockTime(instant) }

    @Test func plannedTimesFollowTheAgenda() throws {
        let state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(11, 0))
        let schedule = LiveSchedule(state: state)
        #expect(schedule.slots.map { clock($0.plannedStart) } == ["12:00", "12:30", "12:40", "13:15", "14:15"])
        #expect(schedule.slots.map { clock($0.plannedEnd) } == ["12:30", "12:40", "13:15", "14:15", "14:30"])
        #expect(clock(schedule.plannedEnd) == "14:30")
    }

    @Test func beforeTheStartTheFirstSlotWaitsForItsPlannedTime() throws {
        let state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(11, 50))
        let schedule = LiveSchedule(state: state)
        #expect(clock(schedule.slots[0].projectedStart) == "12:00")
        #expect(schedule.delaySeconds == 0)
    }

    @Test func aLateStartPushesFlexibleSlotsAndShowsTheDelay() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 7))
        try Fixtures.run(&state, [(Fixtures.at(12, 7), .start)])
        state.now = Fixtures.at(12, 10)
        let schedule = LiveSchedule(state: state)
        #expect(schedule.elapsedSeconds == 180)
        #expect(schedule.remainingSeconds == 27 * 60)
        #expect(schedule.delaySeconds == 7 * 60)
        #expect(schedule.slots.map { clock($0.projectedStart) } == ["12:07", "12:37", "12:47", "13:22", "14:15"])
        // The fixed lunch absorbs the 7 minutes: it ends on time and so does the day.
        #expect(clock(schedule.slots[3].projectedEnd) == "14:15")
        #expect(clock(schedule.projectedEnd) == "14:30")
    }

    @Test func aFixedSlotShrinksOnlyDownToItsMinimum() throws {
        // Lunch may shrink to 30 min by default (half of 60): 45 min late leaves it 30 min and the day 15 min late.
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 45))
        try Fixtures.run(&state, [(Fixtures.at(12, 45), .start)])
        let schedule = LiveSchedule(state: state)
        #expect(clock(schedule.slots[3].projectedStart) == "14:00")
        #expect(clock(schedule.slots[3].projectedEnd) == "14:30")
        #expect(clock(schedule.projectedEnd) == "14:45")

        var strict = try Fixtures.state(Fixtures.sevilla(fixedMinimum: 50), now: Fixtures.at(12, 45))
        try Fixtures.run(&strict, [(Fixtures.at(12, 45), .start)])
        #expect(clock(LiveSchedule(state: strict).projectedEnd) == "15:05")
    }

    @Test func anEarlyRoomWaitsForTheFixedSlot() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [
            (Fixtures.at(12, 0), .start), (Fixtures.at(12, 20), .next), (Fixtures.at(12, 25), .next),
        ])
        state.now = Fixtures.at(12, 26)
        let schedule = LiveSchedule(state: state)
        #expect(schedule.delaySeconds == -15 * 60)
        #expect(clock(schedule.slots[2].projectedEnd) == "13:00")
        #expect(clock(schedule.slots[3].projectedStart) == "13:15")
        #expect(clock(schedule.projectedEnd) == "14:30")
    }

    @Test func extendingTwiceLengthensTheSlotAndPushesTheRest() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [
            (Fixtures.at(12, 0), .start), (Fixtures.at(12, 30), .next),
            (Fixtures.at(12, 31), .adjust(slot: 1, seconds: 60)), (Fixtures.at(12, 32), .adjust(slot: 1, seconds: 60)),
        ])
        state.now = Fixtures.at(12, 33)
        let schedule = LiveSchedule(state: state)
        #expect(schedule.slots[1].targetSeconds == 12 * 60)
        #expect(schedule.remainingSeconds == 9 * 60)
        #expect(schedule.delaySeconds == 2 * 60)
        #expect(clock(schedule.slots[2].projectedStart) == "12:42")
        #expect(state.progress[1].adjustmentSeconds == 120)
    }

    @Test func overrunningMakesRemainingNegativeAndTheRestWait() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [(Fixtures.at(12, 0), .start), (Fixtures.at(12, 30), .next)])
        state.now = Fixtures.at(12, 43, 30)
        let schedule = LiveSchedule(state: state)
        #expect(schedule.remainingSeconds == -210)
        #expect(clock(schedule.slots[2].projectedStart) == "12:44")
        #expect(schedule.delaySeconds == 210)
    }

    @Test func pausedTimeDoesNotCountAsElapsed() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [(Fixtures.at(12, 0), .start), (Fixtures.at(12, 10), .pause)])
        state.now = Fixtures.at(12, 14)
        #expect(LiveSchedule(state: state).elapsedSeconds == 600)
        try Fixtures.run(&state, [(Fixtures.at(12, 14), .resume)])
        state.now = Fixtures.at(12, 20)
        let schedule = LiveSchedule(state: state)
        #expect(schedule.elapsedSeconds == 960)
        #expect(schedule.delaySeconds == 4 * 60)
        #expect(state.progress[0].pausedMilliseconds == 240_000)
    }

    @Test func anAgendaRunningPastMidnight() throws {
        let session = Session(title: "Night", timeZone: "Europe/Madrid", agenda: [
            Slot(id: "a", title: "Late talk", start: TimeOfDay(hour: 23, minute: 30), durationMinutes: 20),
            Slot(id: "b", title: "Midnight panel", start: TimeOfDay(hour: 23, minute: 50)),
            Slot(id: "c", title: "After midnight", start: TimeOfDay(hour: 0, minute: 20), durationMinutes: 10),
        ])
        guard case .success(let plan) = PlannedAgenda.plan(session) else { Issue.record("plan failed"); return }
        #expect(plan.entries.map(\.startMinute) == [1410, 1430, 1460])
        #expect(plan.entries[1].durationMinutes == 30)

        var state = WorkshopState(session: session, plan: plan, now: Fixtures.at(23, 35))
        try Fixtures.run(&state, [(Fixtures.at(23, 35), .start), (Fixtures.at(23, 58), .next)])
        state.now = Fixtures.at(0, 5, dayOffset: 1)
        let schedule = LiveSchedule(state: state)
        #expect(schedule.slots.map { clock($0.plannedStart) } == ["23:30", "23:50", "00:20"])
        #expect(clock(schedule.slots[2].projectedStart) == "00:28")
        #expect(schedule.delaySeconds == 8 * 60)
        #expect(clock(schedule.projectedEnd) == "00:38")
    }

    @Test func aStartJustAfterMidnightStillMatchesALateEveningPlan() throws {
        let session = Session(title: "Night", timeZone: "UTC", agenda: [
            Slot(id: "a", title: "Late", start: TimeOfDay(hour: 23, minute: 55), durationMinutes: 30),
        ])
        let calendar = LocalCalendar(timeZoneIdentifier: "UTC")
        let midnight = calendar.midnight(of: CalendarDate(year: 2026, month: 1, day: 2))
        var state = try Fixtures.state(session, now: midnight.adding(seconds: 300))
        try Fixtures.run(&state, [(midnight.adding(seconds: 300), .start)])
        #expect(LiveSchedule(state: state).delaySeconds == 10 * 60)
    }

    @Test func aFloatingAgendaStartsWhenTheFirstSlotStarts() throws {
        let session = Session(title: "Demo", agenda: [
            Slot(id: "a", title: "One", durationMinutes: 1),
            Slot(id: "b", title: "Two", durationMinutes: 2),
        ])
        let t0 = Instant(seconds: 1_000_000)
        var state = try Fixtures.state(session, now: t0)
        #expect(LiveSchedule(state: state).delaySeconds == 0)
        try Fixtures.run(&state, [(t0.adding(seconds: 500), .start)])
        state.now = t0.adding(seconds: 590)
        let schedule = LiveSchedule(state: state)
        #expect(schedule.slots[1].plannedStart == t0.adding(seconds: 560))
        #expect(schedule.remainingSeconds == -30)
        #expect(schedule.delaySeconds == 30)
    }

    @Test func afterTheEndTheDelayIsTheActualEndAgainstPlan() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [(Fixtures.at(12, 0), .start), (Fixtures.at(12, 30), .jump(slot: 4)), (Fixtures.at(12, 50), .end)])
        state.now = Fixtures.at(13, 0)
        let schedule = LiveSchedule(state: state)
        #expect(schedule.slots.map(\.status) == [.done, .skipped, .skipped, .skipped, .done])
        #expect(schedule.delaySeconds == -100 * 60)
    }
}
