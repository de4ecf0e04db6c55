@testable import PlenaryCore

/// Builders for tests: sessions written in code, a clock the test moves by hand.
enum Fixtures {
    /// 2025-03-11 00:00 in Madrid (UTC+1 in March): the Sevilla workshop's day.
    static let sevillaMidnight = LocalCalendar(timeZoneIdentifier: "Europe/Madrid")
        .midnight(of: CalendarDate(year: 2025, month: 3, day: 11))

    /// An instant at local `hour:minute:second` on the Sevilla day.
    static func at(_ hour: Int, _ minute: Int, _ second: Int = 0, dayOffset: Int = 0) -> Instant {
        sevillaMidnight.adding(seconds: Int64(dayOffset * 86_400 + hour * 3600 + minute * 60 + second))
    }

    /// Four slots from 12:00: registration 30, talk 10, working groups 35, lunch (fixed) 13:15-14:15.
    static func sevilla(fixedMinimum: Int? = nil) -> Session {
        Session(
            title: "From S3 Benchmarking to Cluster-Led Action",
            date: CalendarDate(year: 2025, month: 3, day: 11), timeZone: "Europe/Madrid",
            agenda: [
                Slot(id: "registration", title: "Registration", kind: .registration, start: TimeOfDay(hour: 12, minute: 0), durationMinutes: 30),
                Slot(id: "framing", title: "Framing", kind: .talk, durationMinutes: 10),
                Slot(id: "groups", title: "Working groups", kind: .workingGroups, durationMinutes: 35),
                Slot(id: "lunch", title: "Lunch", kind: .lunch, start: TimeOfDay(hour: 13, minute: 15), durationMinutes: 60,
                     fixed: true, minDurationMinutes: fixedMinimum),
                Slot(id: "closing", title: "Closing", kind: .wrapUp, durationMinutes: 15),
            ])
    }

    static func state(_ session: Session, now: Instant) -> WorkshopState {
        guard case .success(let plan) = PlannedAgenda.plan(session) else { fatalError("fixture agenda is inconsistent") }
        return WorkshopState(session: session, plan: plan, now: now)
    }

    /// Applies commands at the given times, failing the test on any refusal.
    static func run(_ state: inout WorkshopState, _ steps: [(Instant, WorkshopCommand)]) {
        for (time, command) in steps {
            let effects = WorkshopReducer.reduce(&state, .command(command), now: time)
            precondition(effects.first == .appendJournal(command), "refused: \(command) → \(String(describing: state.notice))")
        }
    }
}

final class ManualClock: Clock, @unchecked Sendable {
    var current: Instant
    init(_ start: Instant) { current = start }
    func now() -> Instant { current }
    func advance(seconds: Int64) { current = current.adding(seconds: seconds) }
}

extension Fixtures {
    /// Opens (or resumes) `session`'s files on `fileSystem`; nil when the store refuses.
    static func open(_ session: Session, fileSystem: MemoryFileSystem, files: WorkshopFiles, at now: Instant,
                     record: String = "record-1") -> WorkshopStore.Opened? {
        // Each open is a new run of the program: a reopen stands for a restart after a quit or a kill.
        fileSystem.startProcess()
        guard case .success(let plan) = PlannedAgenda.plan(session),
              case .success(let opened) = WorkshopStore.open(session: session, plan: plan, files: files, fileSystem: fileSystem,
                                                              now: now, stamp: "S", fresh: false, newRecordID: record)
        else { return nil }
        return opened
    }

    /// A runner over memory files and a hand-moved clock, as the program builds it over the disk and the wall clock.
    static func runner(_ session: Session, fileSystem: MemoryFileSystem, files: WorkshopFiles, clock: ManualClock,
                       randomBytes: @escaping (Int) -> [UInt8] = { Array(repeating: 1, count: $0) }) -> WorkshopRunner? {
        guard let opened = open(session, fileSystem: fileSystem, files: files, at: clock.now()) else { return nil }
        return WorkshopRunner(state: opened.state, journal: opened.journal, fileSystem: fileSystem, files: files,
                              clock: clock, generator: "test", randomBytes: randomBytes)
    }
}
