import PlenaryEngine
import PlenaryStorage

/// The Sevilla workshop's day, written in code so each test states the agenda it relies on: a short agenda for the
/// engine's tests and the day as the room saw it for the screens. Builders throw (`FixtureError`) rather than stop
/// the test process.
public enum Fixtures {
    public static let calendar = LocalCalendar(timeZoneIdentifier: "Europe/Madrid")

    /// 2025-03-11 00:00 in Madrid (UTC+1 in March): the Sevilla workshop's day.
    public static let sevillaMidnight = calendar.midnight(of: CalendarDate(year: 2025, month: 3, day: 11))

    /// The hash of the PIN "246810" as `plenary pin` printed it (full work factor, so a session accepts it;
    /// tests that never check the PIN pay nothing for it).
    public static let pinHash = "pbkdf2-sha256$600000$7d06349195eca44dc6260464e82e2b8a$1fa7fda1f8db2b505ef6ba0aa5c60c00220fe11c528c60043186883ae567a1e0"

    /// An instant at local `hour:minute:second` on the Sevilla day.
    public static func at(_ hour: Int, _ minute: Int, _ second: Int = 0, dayOffset: Int = 0) -> Instant {
        sevillaMidnight.adding(seconds: Int64(dayOffset * 86_400 + hour * 3600 + minute * 60 + second))
    }

    /// Four slots from 12:00: registration 30, talk 10, working groups 35, lunch (fixed) 13:15-14:15, then closing.
    public static func sevilla(fixedMinimum: Int? = nil) -> Session {
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

    /// The day as the room saw it (start times only, speakers, notes, a fixed lunch), for the screens.
    public static var sevillaDay: Session {
        Session(
            title: "From S3 Benchmarking to Cluster-Led Action",
            subtitle: "WIDEX & IRM-HUB Workshop on Regional Cooperation",
            date: CalendarDate(year: 2025, month: 3, day: 11), venue: "Sevilla", timeZone: "Europe/Madrid",
            end: TimeOfDay(hour: 15, minute: 0),
            agenda: [
                Slot(id: "registration", title: "Workshop registration. Networking & welcome coffee", kind: .registration,
                     start: TimeOfDay(hour: 12, minute: 0)),
                Slot(id: "welcome", title: "Welcome and objectives", kind: .welcome, start: TimeOfDay(hour: 12, minute: 30),
                     speakers: [Person(name: "CTA"), Person(name: "ISMC")]),
                Slot(id: "irm-hub", title: "IRM-HUB framing: S3 benchmark and SWOT logic", kind: .talk,
                     start: TimeOfDay(hour: 12, minute: 35), speakers: [Person(name: "Ángela Negrete Benedí", affiliation: "ECCP")],
                     notes: "High-level overview of the IRM-HUB approach: what the S3 benchmark looks at (policy mix, instruments, ESIF capabilities)."),
                Slot(id: "widex", title: "WIDEX framing: industrial clustering action concepts", start: TimeOfDay(hour: 12, minute: 40)),
                Slot(id: "groups", title: "Working groups", kind: .workingGroups, start: TimeOfDay(hour: 12, minute: 45)),
                Slot(id: "wrap-up", title: "Wrap-up and conclusions", kind: .wrapUp, start: TimeOfDay(hour: 13, minute: 20)),
                Slot(id: "lunch", title: "Networking lunch", kind: .lunch, start: TimeOfDay(hour: 13, minute: 30), fixed: true),
            ])
    }

    /// `session` planned and not started, at `now`.
    public static func state(_ session: Session, now: Instant) throws -> WorkshopState {
        guard case .success(let plan) = PlannedAgenda.plan(session) else {
            throw FixtureError("the fixture agenda of \"\(session.title)\" is inconsistent")
        }
        return WorkshopState(session: session, plan: plan, now: now)
    }

    /// `session` (the Sevilla day unless given) driven by `steps` as they come (refusals included, as a screen
    /// shows them), then ticked to `now`.
    public static func dayState(_ session: Session = sevillaDay, now: Instant, _ steps: [(Instant, WorkshopCommand)] = [])
        throws -> WorkshopState {
        var state = try state(session, now: steps.first?.0 ?? now)
        for (time, command) in steps {
            _ = WorkshopReducer.reduce(&state, .command(command), now: time)
        }
        _ = WorkshopReducer.reduce(&state, .tick, now: now)
        return state
    }

    /// Three slots in: the room started at 12:02 and is 3 minutes behind.
    public static var runningLate: WorkshopState {
        get throws { try dayState(now: at(12, 41, 7), [(at(12, 2), .start), (at(12, 33), .next), (at(12, 38), .next)]) }
    }

    /// Applies commands at the given times; a refused one is a thrown `FixtureError` naming the refusal.
    public static func run(_ state: inout WorkshopState, _ steps: [(Instant, WorkshopCommand)]) throws {
        for (time, command) in steps {
            let effects = WorkshopReducer.reduce(&state, .command(command), now: time)
            guard effects.first == .appendJournal(command) else {
                throw FixtureError("refused: \(command) → \(String(describing: state.notice))")
            }
        }
    }

    /// Opens (or resumes) `session`'s files on `fileSystem`; nil when the store refuses.
    public static func open(_ session: Session, fileSystem: MemoryFileSystem, files: WorkshopFiles, at now: Instant,
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
    public static func runner(_ session: Session, fileSystem: MemoryFileSystem, files: WorkshopFiles, clock: ManualClock,
                              randomBytes: @escaping (Int) -> [UInt8] = { Array(repeating: 1, count: $0) }) -> WorkshopRunner? {
        guard let opened = open(session, fileSystem: fileSystem, files: files, at: clock.now()) else { return nil }
        return WorkshopRunner(state: opened.state, journal: opened.journal, fileSystem: fileSystem, files: files,
                              clock: clock, generator: "test", randomBytes: randomBytes)
    }
}
