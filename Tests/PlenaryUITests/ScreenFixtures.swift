import PlenaryCore
@testable import PlenaryUI

/// The Sevilla workshop's agenda, driven to chosen moments, for view tests.
enum ScreenFixtures {
    /// The hash of the PIN "246810" as `plenary pin` printed it (full work factor, so a session accepts it;
    /// these tests never check the PIN, so it costs nothing).
    static let pinHash = "pbkdf2-sha256$600000$7d06349195eca44dc6260464e82e2b8a$1fa7fda1f8db2b505ef6ba0aa5c60c00220fe11c528c60043186883ae567a1e0"

    static let calendar = LocalCalendar(timeZoneIdentifier: "Europe/Madrid")
    static let midnight = calendar.midnight(of: CalendarDate(year: 2025, month: 3, day: 11))

    static func at(_ hour: Int, _ minute: Int, _ second: Int = 0) -> Instant {
        midnight.adding(seconds: Int64(hour * 3600 + minute * 60 + second))
    }

    static var session: Session {
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

    static func state(_ session: Session = session, now: Instant, _ steps: [(Instant, WorkshopCommand)] = []) -> WorkshopState {
        guard case .success(let plan) = PlannedAgenda.plan(session) else { fatalError("fixture agenda is inconsistent") }
        var state = WorkshopState(session: session, plan: plan, now: steps.first?.0 ?? now)
        for (time, command) in steps {
            _ = WorkshopReducer.reduce(&state, .command(command), now: time)
        }
        _ = WorkshopReducer.reduce(&state, .tick, now: now)
        return state
    }

    /// Three slots in: the room started at 12:02 and is 3 minutes behind.
    static var runningLate: WorkshopState {
        state(now: at(12, 41, 7), [(at(12, 2), .start), (at(12, 33), .next), (at(12, 38), .next)])
    }
}
