import Foundation

/// Applies changes to the running agenda (`AgendaEdit`). Only slots still to come change: what ran, and what runs
/// now, is the record of the day. Planned times of the slots left alone stay the file's, so `LiveSchedule`
/// re-plans the day from them at once and fixed slots keep their planned start and end.
enum PlanReducer {
    /// Longest planned length a change may give a slot: a whole day, so a typo of 600 for 60 is still refused.
    static let maximumMinutes = 600
    /// Longest title: fits the widest agenda pane with room to spare.
    static let maximumTitleLength = 120

    /// Returns why the change was refused, or nil when the agenda changed.
    /// - Parameter replaying: a journal is being replayed. A change the session file now already holds (the file
    ///   was edited after the change was journaled) is then kept as a change that changes nothing, rather than
    ///   refused: it stays in the list, and an `undo` after it still takes back the change it took back that day.
    static func apply(_ edit: AgendaEdit, to state: inout WorkshopState, at now: Instant, replaying: Bool = false) -> String? {
        guard !state.hasEnded else { return "The workshop has ended: the plan can no longer change." }
        if case .undo = edit { return undo(&state, at: now) }
        let agenda = state.session.agenda
        let before = snapshot(of: state, summary: "")
        var summary: String

        switch edit {
        case .insert(let after, let rawTitle, let kind, let minutes):
            guard agenda.indices.contains(after) else { return noSlot(after) }
            if state.hasStarted, after < state.currentIndex {
                return "A slot can only be inserted after the current slot or a slot still to come."
            }
            if let problem = minutesProblem(minutes) { return problem }
            let title = cleanedTitle(rawTitle)
            if let problem = titleProblem(title) { return problem }
            let slot = Slot(id: newSlotID(in: agenda), title: title, kind: kind, durationMinutes: minutes)
            let entry = PlannedAgenda.Entry(startMinute: state.plan.entries[after].endMinute, durationMinutes: minutes)
            state.session.agenda.insert(slot, at: after + 1)
            state.plan.entries.insert(entry, at: after + 1)
            state.progress.insert(SlotProgress(), at: after + 1)
            if !state.hasStarted, after < state.currentIndex { state.currentIndex += 1 }
            summary = "Inserted \(quoted(title)) (\(minutes) min) after \(quoted(agenda[after].title))"

        case .drop(let index):
            if let problem = stillToComeProblem(index, in: state, doing: "dropped") { return problem }
            state.session.agenda.remove(at: index)
            state.plan.entries.remove(at: index)
            state.progress.remove(at: index)
            if index < state.currentIndex { state.currentIndex -= 1 }
            summary = "Dropped \(quoted(agenda[index].title))"

        case .move(let index, let delta):
            guard delta == 1 || delta == -1 else { return "A slot moves one place at a time." }
            if let problem = stillToComeProblem(index, in: state, doing: "moved") { return problem }
            let other = index + delta
            guard agenda.indices.contains(other) else {
                return delta < 0 ? "That slot is already first." : "That slot is already last."
            }
            if stillToComeProblem(other, in: state, doing: "moved") != nil {
                return "A slot cannot move above the current slot or a slot that has run."
            }
            let upper = min(index, other), lower = max(index, other)
            let start = state.plan.entries[upper].startMinute
            state.session.agenda.swapAt(upper, lower)
            state.plan.entries.swapAt(upper, lower)
            state.progress.swapAt(upper, lower)
            // The pair keeps its place in the day; a fixed slot keeps its own planned time wherever it goes.
            if !state.session.agenda[upper].fixed { state.plan.entries[upper].startMinute = start }
            if !state.session.agenda[lower].fixed { state.plan.entries[lower].startMinute = state.plan.entries[upper].endMinute }
            if !state.hasStarted, state.currentIndex == upper || state.currentIndex == lower {
                state.currentIndex = upper + lower - state.currentIndex
            }
            summary = "Moved \(quoted(agenda[index].title)) \(delta < 0 ? "up" : "down")"

        case .setMinutes(let index, let minutes):
            if let problem = stillToComeProblem(index, in: state, doing: "changed") { return problem }
            if let problem = minutesProblem(minutes) { return problem }
            let was = state.plan.entries[index].durationMinutes
            guard minutes != was || state.progress[index].adjustmentSeconds != 0 || replaying else {
                return "\(quoted(agenda[index].title)) is already planned for \(minutes) min."
            }
            state.session.agenda[index].durationMinutes = minutes
            state.plan.entries[index].durationMinutes = minutes
            state.progress[index].adjustmentSeconds = 0
            summary = "\(quoted(agenda[index].title)): \(minutes) min instead of \(was)"

        case .setTitle(let index, let rawTitle):
            if let problem = stillToComeProblem(index, in: state, doing: "renamed") { return problem }
            let title = cleanedTitle(rawTitle)
            if let problem = titleProblem(title) { return problem }
            guard title != agenda[index].title || replaying else { return "That slot already has this title." }
            state.session.agenda[index].title = title
            summary = "Renamed \(quoted(agenda[index].title)) to \(quoted(title))"

        case .setFixed(let index, let fixed):
            if let problem = stillToComeProblem(index, in: state, doing: "changed") { return problem }
            guard agenda[index].fixed != fixed || replaying else {
                return "\(quoted(agenda[index].title)) is already \(fixed ? "fixed" : "not fixed")."
            }
            state.session.agenda[index].fixed = fixed
            summary = fixed ? "Fixed \(quoted(agenda[index].title)) to its planned time"
                            : "\(quoted(agenda[index].title)) no longer fixed"

        case .setSpeaker(let index, let speaker, let rawName, let rawRole, let rawAffiliation):
            if let problem = notOverProblem(index, in: state) { return problem }
            let speakers = agenda[index].speakers
            guard speaker >= 0, speaker <= speakers.count else { return "\(quoted(agenda[index].title)) has no speaker \(speaker + 1)." }
            let name = cleanedLine(rawName)
            if name.isEmpty { return "A speaker needs a name." }
            let role = rawRole.map(cleanedLine).flatMap { $0.isEmpty ? nil : $0 }
            let affiliation = rawAffiliation.map(cleanedLine).flatMap { $0.isEmpty ? nil : $0 }
            for text in [name, role, affiliation].compactMap({ $0 }) where text.count > maximumTitleLength {
                return "A speaker's name, role or affiliation may have at most \(maximumTitleLength) characters."
            }
            let person = Person(name: name, affiliation: affiliation, role: role)
            if speaker < speakers.count {
                let was = speakers[speaker]
                guard was != person || replaying else { return "\(name) is already speaker \(speaker + 1) of \(quoted(agenda[index].title))." }
                state.session.agenda[index].speakers[speaker] = person
                summary = was.tbc
                    ? "Confirmed \(describe(person)) for \(quoted(agenda[index].title)) (was \(quoted(was.name)), TBC)"
                    : "\(quoted(agenda[index].title)): \(describe(person)) instead of \(describe(was))"
            } else {
                state.session.agenda[index].speakers.append(person)
                summary = "Added \(describe(person)) as a speaker of \(quoted(agenda[index].title))"
            }

        case .undo:
            return nil
        }
        if replaying, state.session.agenda == before.agenda, state.plan.entries == before.entries {
            summary += " (the session file, edited since, already says so)"
        }
        var snapshot = before
        snapshot.summary = summary
        state.planChanges.push(snapshot, at: now)
        return nil
    }

    /// Puts the agenda back as it was before the last change in effect, keeping what every slot has done since.
    private static func undo(_ state: inout WorkshopState, at now: Instant) -> String? {
        guard let last = state.planChanges.undoStack.last else { return "There is no change to the plan to undo." }
        guard last.runsStarted == runsStarted(state) else {
            return "Too late to undo \(lowercasedFirst(last.summary)): a slot has started since. Change the plan again instead."
        }
        guard let snapshot = state.planChanges.popForUndo(at: now) else { return nil }
        let currentID = state.session.agenda[state.currentIndex].id
        var progress: [String: SlotProgress] = [:]
        for (slot, slotProgress) in zip(state.session.agenda, state.progress) { progress[slot.id] = slotProgress }
        state.session.agenda = snapshot.agenda
        state.plan.entries = snapshot.entries
        // What ran keeps its record; slots still to come get back what they had (an adjustment a change reset).
        state.progress = snapshot.agenda.map { slot in
            guard let now = progress[slot.id] else { return snapshot.progress[slot.id] ?? SlotProgress() }
            return now.hasRun ? now : (snapshot.progress[slot.id] ?? now)
        }
        state.currentIndex = snapshot.agenda.firstIndex { $0.id == currentID } ?? min(state.currentIndex, snapshot.agenda.count - 1)
        return nil
    }

    private static func snapshot(of state: WorkshopState, summary: String) -> PlanChanges.Snapshot {
        var progress: [String: SlotProgress] = [:]
        for (slot, slotProgress) in zip(state.session.agenda, state.progress) { progress[slot.id] = slotProgress }
        return PlanChanges.Snapshot(agenda: state.session.agenda, entries: state.plan.entries, progress: progress,
                                    runsStarted: runsStarted(state), summary: summary)
    }

    private static func runsStarted(_ state: WorkshopState) -> Int {
        state.progress.reduce(0) { $0 + $1.runs.count }
    }

    /// Why slot `index` may not change: it does not exist, is on, or has run. Before the start every slot but the
    /// selected one is still to come.
    private static func stillToComeProblem(_ index: Int, in state: WorkshopState, doing verb: String) -> String? {
        guard state.session.agenda.indices.contains(index) else { return noSlot(index) }
        if index == state.currentIndex {
            return state.hasStarted ? "The current slot cannot be \(verb): only slots still to come can."
                                    : "The selected first slot cannot be \(verb): only slots still to come can."
        }
        if state.progress[index].hasRun || (state.hasStarted && index < state.currentIndex) {
            return "\(quoted(state.session.agenda[index].title)) has run: only slots still to come can be \(verb)."
        }
        return nil
    }

    /// Why slot `index`'s speakers may not change: it does not exist or is over. The current slot may: a speaker is
    /// often confirmed as they walk up.
    private static func notOverProblem(_ index: Int, in state: WorkshopState) -> String? {
        guard state.session.agenda.indices.contains(index) else { return noSlot(index) }
        if state.hasStarted, index < state.currentIndex || (index != state.currentIndex && state.progress[index].hasRun) {
            return "\(quoted(state.session.agenda[index].title)) has run: only the current slot and slots still to come can change speakers."
        }
        return nil
    }

    /// "Ana Ruiz (Director, IRM-HUB)", as the report lists a speaker.
    private static func describe(_ person: Person) -> String {
        let details = [person.role, person.affiliation].compactMap { $0 }
        return details.isEmpty ? person.name : "\(person.name) (\(details.joined(separator: ", ")))"
    }

    private static func minutesProblem(_ minutes: Int) -> String? {
        guard minutes >= 1, minutes <= maximumMinutes else {
            return "A slot's length must be between 1 and \(maximumMinutes) minutes."
        }
        return nil
    }

    private static func cleanedTitle(_ title: String) -> String { cleanedLine(title) }

    private static func cleanedLine(_ text: String) -> String {
        TextPolicy.cleaned(text, for: .line).trimmingCharacters(in: .whitespaces)
    }

    private static func titleProblem(_ title: String) -> String? {
        if title.isEmpty { return "A slot needs a title." }
        if title.count > maximumTitleLength { return "A slot's title may have at most \(maximumTitleLength) characters." }
        return nil
    }

    /// `added-1`, `added-2`…: never an id already on the agenda, so the slots in the results stay unambiguous.
    private static func newSlotID(in agenda: [Slot]) -> String {
        let taken = Set(agenda.map(\.id))
        var number = 1
        while taken.contains("added-\(number)") { number += 1 }
        return "added-\(number)"
    }

    private static func noSlot(_ index: Int) -> String { "There is no slot \(index + 1)." }
    private static func quoted(_ title: String) -> String { "“\(title)”" }
    private static func lowercasedFirst(_ text: String) -> String { text.prefix(1).lowercased() + text.dropFirst() }
}
