import Foundation

/// The results file: a complete picture of the workshop derived from the state, rewritten after every
/// recorded action. Field names are part of the results schema (bump `schemaVersion` when they change).
public struct ResultsSnapshot: Encodable, Sendable {
    public static let schemaVersion = 1

    public var schemaVersion = ResultsSnapshot.schemaVersion
    public var generator: String
    public var savedAt: String
    public var sessionFile: String
    public var workshop: Workshop
    public var slots: [SlotResult]

    public struct Workshop: Encodable, Sendable {
        public var title: String
        public var subtitle: String?
        public var date: String?
        public var venue: String?
        public var timeZone: String
        public var organisers: [String]
        public var moderator: String?
        public var status: String
        public var startedAt: String?
        public var endedAt: String?
        public var plannedEnd: String
        /// Positive: minutes behind plan at the moment of saving; negative: ahead.
        public var delayMinutes: Int
        public var currentSlot: String?
        public var recordedActions: Int
    }

    public struct SlotResult: Encodable, Sendable {
        public var id: String
        public var title: String
        public var kind: String
        public var fixed: Bool
        public var status: String
        public var speakers: [String]
        public var plannedStart: String
        public var plannedEnd: String
        public var plannedMinutes: Int
        public var adjustmentMinutes: Double
        public var actualStart: String?
        public var actualEnd: String?
        /// Time on the slot with pauses left out, in seconds.
        public var actualSeconds: Int64?
        public var pausedSeconds: Int64
        public var runs: Int
    }

    public init(state: WorkshopState, sessionFile: String, generator: String) {
        let schedule = LiveSchedule(state: state)
        let calendar = state.calendar
        let session = state.session
        self.generator = generator
        self.savedAt = calendar.iso8601(state.now)
        self.sessionFile = sessionFile
        let status: String
        var startedAt: String?
        var endedAt: String?
        switch state.phase {
        case .notStarted: status = "not-started"
        case .running(let since):
            status = "running"
            startedAt = calendar.iso8601(since)
        case .ended(let at):
            status = "ended"
            endedAt = calendar.iso8601(at)
            startedAt = state.progress.compactMap(\.actualStart).min().map(calendar.iso8601)
        }
        workshop = Workshop(
            title: session.title, subtitle: session.subtitle, date: session.date?.description, venue: session.venue,
            timeZone: session.timeZone, organisers: session.organisers,
            moderator: session.moderator.map(Self.describe), status: status, startedAt: startedAt, endedAt: endedAt,
            plannedEnd: calendar.iso8601(schedule.plannedEnd),
            delayMinutes: Int((Double(schedule.delaySeconds) / 60).rounded()),
            currentSlot: state.hasEnded ? nil : state.currentSlot.id,
            recordedActions: state.recordedCommands)
        slots = session.agenda.indices.map { index in
            let slot = session.agenda[index]
            let timing = schedule.slots[index]
            let progress = state.progress[index]
            let statusText: String
            switch timing.status {
            case .done: statusText = "done"
            case .skipped: statusText = "skipped"
            case .current: statusText = progress.hasRun ? "running" : "next"
            case .upcoming: statusText = "upcoming"
            }
            let isOpen = progress.runs.last?.end == nil
            return SlotResult(
                id: slot.id, title: slot.title, kind: slot.kind.rawValue, fixed: slot.fixed, status: statusText,
                speakers: slot.speakers.map(Self.describe),
                plannedStart: calendar.iso8601(timing.plannedStart), plannedEnd: calendar.iso8601(timing.plannedEnd),
                plannedMinutes: state.plan.entries[index].durationMinutes,
                adjustmentMinutes: Double(progress.adjustmentSeconds) / 60,
                actualStart: progress.actualStart.map(calendar.iso8601),
                actualEnd: isOpen ? nil : progress.actualEnd.map(calendar.iso8601),
                actualSeconds: progress.hasRun
                    ? LiveSchedule.elapsedSeconds(progress, pausedSince: index == state.currentIndex ? state.pausedSince : nil, now: state.now)
                    : nil,
                pausedSeconds: progress.pausedMilliseconds / 1000,
                runs: progress.runs.count)
        }
    }

    static func describe(_ person: Person) -> String {
        var text = person.name
        if let affiliation = person.affiliation { text += ", \(affiliation)" }
        if person.tbc { text += " (TBC)" }
        return text
    }

    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(self)) ?? Data()) + [UInt8(ascii: "\n")]
    }
}
