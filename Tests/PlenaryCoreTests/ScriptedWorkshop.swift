import Foundation
import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

/// Runs a whole session through `WorkshopRunner` on memory files and a hand-moved clock, the way a moderator
/// would: the room starts 3 minutes late, every slot runs over or under by a fixed pattern, every poll gets
/// ballots of its type (a second round for one), every group fills in each of its templates, the first entries
/// of the groups are ranked in a shortlist poll, a facilitator laptop's entry is merged, and the workshop ends.
/// Deterministic, so its results make golden reports.
struct ScriptedWorkshop {
    let session: Session
    let clock: ManualClock
    let fileSystem = MemoryFileSystem()
    let files: WorkshopFiles
    let runner: WorkshopRunner

    /// Minutes each slot runs over (+) or under (-) its plan, by slot position (repeating).
    static let overrunPattern = [2, -1, 5, 0, 3, -2, 1]
    static let words = ["Trust", "shared data", "confianza", "協力", "Trust and time", "regional champions",
                        "Vertrauen", "data sharing and trust"]
    static let items = ["Andalucía", "Région Grand Est", "Kainuu", "Norrbotten", "Castilla y León"]

    init(session: Session, name: String) throws {
        self.session = session
        files = WorkshopFiles(sessionPath: "/w/\(name).yaml")
        let plan = try #require(try? PlannedAgenda.plan(session).get())
        // Anchored agendas start 3 minutes after their planned first start; floating ones at 10:03 on the day.
        let calendar = LocalCalendar(timeZoneIdentifier: session.timeZone)
        let day = calendar.midnight(of: session.date ?? CalendarDate(year: 2025, month: 3, day: 11))
        let firstMinute = plan.isAnchored ? plan.entries[0].startMinute : 600
        clock = ManualClock(day.adding(seconds: Int64(firstMinute + 3) * 60))
        runner = try #require(Fixtures.runner(session, fileSystem: fileSystem, files: files, clock: clock))
    }

    /// The results snapshot after the whole script.
    static func results(of session: Session, name: String) throws -> ResultsSnapshot {
        let script = try ScriptedWorkshop(session: session, name: name)
        try script.run()
        // The workshop ends: the results file catches up with the journal.
        script.runner.close()
        let bytes = try #require(script.fileSystem.files[script.files.resultsPath])
        return try ResultsSnapshot.decode(bytes)
    }

    /// Every session file in `sessions/`, by name without extension.
    static var sessionFiles: [(name: String, session: Session)] {
        get throws { try SessionFiles.all() }
    }

    func run() throws {
        try send(.command(.start))
        var polled = Set<String>()
        for (index, slot) in session.agenda.enumerated() {
            let pollIDs = index == session.agenda.count - 1
                ? slot.polls + session.polls.map(\.id).filter { id in !session.agenda.contains { $0.polls.contains(id) } }
                : slot.polls
            for pollID in pollIDs where polled.insert(pollID).inserted {
                try poll(pollID, position: polled.count)
            }
            for groupID in slot.groups { try fillIn(groupID) }
            if index == session.agenda.count - 1 { try prioritise() }
            let overrun = Self.overrunPattern[index % Self.overrunPattern.count]
            if index == 1 { try send(.command(.adjust(slot: index, seconds: 120))) }
            advance(minutes: session.agenda.indices.contains(index) ? plannedMinutes(index) + overrun : 0)
            try send(.command(index == session.agenda.count - 1 ? .end : .next))
        }
    }

    func plannedMinutes(_ index: Int) -> Int {
        (try? PlannedAgenda.plan(session).get().entries[index].durationMinutes) ?? 10
    }

    func advance(minutes: Int) {
        clock.advance(seconds: Int64(max(0, minutes)) * 60)
    }

    /// Sends an action that must be recorded; a refusal fails the test with the notice that explains it.
    func send(_ action: WorkshopAction) throws {
        let before = runner.state.recordedCommands
        runner.send(action)
        clock.advance(seconds: 5)
        guard runner.state.recordedCommands > before else {
            throw ScriptError("refused: \(action) → \(runner.state.notice?.text ?? "no notice")")
        }
    }

    func poll(_ id: String, position: Int) throws {
        guard let definition = runner.state.poll(id)?.definition else { throw ScriptError("no poll \(id)") }
        try send(.command(.poll(.open(poll: id))))
        let count = 4 + position % 4
        for k in 0..<count { try send(.command(.poll(.cast(poll: id, ballot: Self.ballot(k, position: position, for: definition))))) }
        if definition.type == .single || definition.type == .multiple, position % 2 == 1 {
            try send(.command(.poll(.handCount(poll: id, counts: definition.options.indices.map { ($0 + position) % 3 }))))
        }
        try send(.command(.poll(.reveal(poll: id, shown: true))))
        if position == 2 {
            // A second round: the room votes again after a discussion.
            try send(.command(.poll(.newRound(poll: id))))
            for k in 0..<3 { try send(.command(.poll(.cast(poll: id, ballot: Self.ballot(k + 5, position: position + 1, for: definition))))) }
        }
        try send(.command(.poll(.close(poll: id))))
    }

    /// The k-th ballot for a poll, always valid for its type.
    static func ballot(_ k: Int, position: Int, for poll: PollDefinition) -> Ballot {
        let n = max(1, poll.options.count)
        switch poll.type {
        case .single:
            return .single(option: (k * k + position) % n)
        case .multiple:
            let picks = Set([(k + position) % n, (k * 2) % n]).sorted()
            return .multiple(options: Array(picks.prefix(poll.maxPicks ?? n)))
        case .scale:
            let scale = poll.scale ?? RatingScale(min: 1, max: 5)
            return .scale(value: scale.min + (k * 3 + position) % (scale.max - scale.min + 1))
        case .open:
            return .open(text: words[(k + position) % words.count])
        case .ranking:
            let shift = (k + position) % n
            return .ranking(order: Array(0..<n).map { ($0 + shift) % n })
        case .allocation:
            let total = poll.points ?? 100
            var points = Array(repeating: 0, count: n)
            points[k % n] += total * 3 / 5
            points[(k + 1) % n] += total - total * 3 / 5
            return .allocation(points: points)
        }
    }

    /// One entry per template of the group (two of the first), every field filled in by its type.
    func fillIn(_ groupID: String) throws {
        guard let group = session.groups.first(where: { $0.id == groupID }) else { return }
        let templates = [group.templates.first].compactMap { $0 } + group.templates
        for (n, templateID) in templates.enumerated() {
            guard let template = session.templates.first(where: { $0.id == templateID }) else { continue }
            try send(.command(.group(.add(group: groupID, template: templateID, author: n == 0 ? "facilitator" : "moderator"))))
            guard let entry = runner.state.group(groupID)?.entries.last else { throw ScriptError("no entry added") }
            advance(minutes: 2)
            for (f, field) in template.fields.enumerated() where (f + n) % 5 != 4 {
                try send(.command(.group(.setField(group: groupID, entry: entry.id, field: field.id,
                                                   text: Self.text(for: field, entry: n, group: group)))))
            }
        }
    }

    static func text(for field: TemplateField, entry n: Int, group: WorkingGroup) -> String {
        switch field.kind {
        case .list: return (0..<(2 + n % 2)).map { items[($0 + n) % items.count] }.joined(separator: "\n")
        case .long: return "\(field.label) agreed by \(group.name).\nNext: a call in two weeks (item \(n + 1))."
        case .choice: return field.choices[n % max(1, field.choices.count)]
        case .text: return n == 0 ? "\(group.name): first idea" : "\(field.label) — idea \(n + 1) (\(group.id))"
        }
    }

    /// Shortlists each group's first entry, ranks them in a poll made from the entries, and merges an entry
    /// typed on a facilitator's laptop.
    func prioritise() throws {
        let firsts = runner.state.groups.compactMap { group in group.entries.first.map { (group.definition.id, $0.id) } }
        if firsts.count >= 2 {
            for (groupID, _) in firsts {
                runner.send(.group(.show(groupID)))
                runner.send(.group(.toggleShortlist))
            }
            runner.send(.group(.pollFromShortlist(.ranking)))
            try send(.group(.openShortlistPoll))
            guard let poll = runner.state.polls.last?.definition else { throw ScriptError("no shortlist poll") }
            for k in 0..<5 { try send(.command(.poll(.cast(poll: poll.id, ballot: Self.ballot(k, position: 1, for: poll))))) }
            try send(.command(.poll(.close(poll: poll.id))))
        }
        if let group = session.groups.last { try mergeFromLaptop(group) }
    }

    /// A facilitator's laptop records one entry for `group` in its own results; they are merged here.
    func mergeFromLaptop(_ group: WorkingGroup) throws {
        let laptop = MemoryFileSystem()
        let laptopFiles = WorkshopFiles(sessionPath: "/laptop/\(group.id).yaml")
        let opened = try #require(Fixtures.open(session, fileSystem: laptop, files: laptopFiles, at: clock.now(), record: "laptop-\(group.id)"))
        let other = WorkshopRunner(state: opened.state, journal: opened.journal, fileSystem: laptop, files: laptopFiles,
                                   clock: clock, generator: "test")
        guard let templateID = group.templates.first, let template = session.templates.first(where: { $0.id == templateID }) else { return }
        other.send(.command(.group(.add(group: group.id, template: templateID, author: "facilitator"))))
        let entryID = try #require(other.state.group(group.id)?.entries.last?.id)
        for field in template.fields {
            other.send(.command(.group(.setField(group: group.id, entry: entryID, field: field.id,
                                                 text: Self.text(for: field, entry: 1, group: group)))))
        }
        // The laptop quits before its file is carried over.
        other.close()
        let bytes = try #require(laptop.files[laptopFiles.resultsPath])
        let plan = try GroupImport.plan(bytes: bytes, fileName: "\(group.id).results.json", into: runner.state).get()
        try send(.command(try #require(plan.command)))
    }
}

struct ScriptError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
