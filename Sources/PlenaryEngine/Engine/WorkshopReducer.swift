/// The only way into the state: corrects the clock, then hands each action to its feature's reducer. Pure: same state,
/// action and time give the same result and effects.
public enum WorkshopReducer {
    /// `previous` this soon after a `next` undoes it instead of starting the previous slot again.
    public static let undoWindowSeconds: Int64 = 30
    /// How long an informational notice stays on screen.
    public static let noticeSeconds: Int64 = 6

    /// - Parameter reading: the runner's clock. Corrected by `state.clockCorrection` so time never runs backwards.
    public static func reduce(_ state: inout WorkshopState, _ action: WorkshopAction, now reading: Instant) -> [Effect] {
        let behind = state.clockCorrection.advance(&state.now, to: reading)
        if let notice = state.notice, let until = notice.until, until <= state.now {
            state.notice = nil
        }
        let noticeBefore = state.notice
        let effects = handle(&state, action)
        if let speed = state.rehearsalSpeed, speed > 1, let notice = state.notice, notice != noticeBefore, let until = notice.until {
            // A rehearsal's clock may run 60 times faster; the person reading a notice does not.
            state.notice?.until = state.now.adding(milliseconds: (until.milliseconds - state.now.milliseconds) * Int64(speed))
        }
        if behind >= ClockCorrection.warningThresholdMilliseconds, !state.clockCorrection.warned {
            warnAboutClock(&state, behindMilliseconds: behind, alongside: state.notice == noticeBefore ? nil : state.notice)
        }
        return effects
    }

    /// Tells the moderator once that the clock is behind; a message from the same action follows the warning.
    private static func warnAboutClock(_ state: inout WorkshopState, behindMilliseconds: Int64, alongside other: Notice?) {
        let warning = ClockCorrection.warningText(behindMilliseconds: behindMilliseconds,
                                                  countingFrom: state.calendar.clockTimeWithSeconds(state.now))
        state.clockCorrection.warned = true
        state.clockCorrection.warning = warning
        let level: Notice.Level = other?.level == .error ? .error : .warning
        // Stays until the moderator's next recorded action: a timing tool whose clock is wrong must be noticed.
        state.notice = Notice(text: [warning, other?.text].compactMap { $0 }.joined(separator: " "), level: level, until: nil)
    }

    /// The action at `state.now` (already corrected). Routes each feature's actions to its reducer; every switch on
    /// the way is exhaustive, so an action nobody handles does not compile.
    private static func handle(_ state: inout WorkshopState, _ action: WorkshopAction) -> [Effect] {
        switch action {
        case .command(let command):
            return record(command, in: &state).effects
        case .tick:
            return VoterReducer.tick(&state) + GroupScreenReducer.tick(&state)
        case .app(let action):
            return AppReducer.reduce(&state, action)
        case .agenda(let action):
            return AgendaReducer.reduce(&state, action)
        case .storage(let action):
            return StorageReducer.reduce(&state, action)
        case .poll(let action):
            return PollScreenReducer.reduce(&state, action)
        case .voterMode(let action):
            return VoterModeReducer.reduce(&state, action)
        case .voter(let input):
            return VoterReducer.reduce(&state, input)
        case .group(let action):
            return GroupScreenReducer.reduce(&state, action)
        case .importing(let action):
            return ImportReducer.reduce(&state, action)
        case .remote(let action):
            return RemoteReducer.reduce(&state, action)
        case .qa(let action):
            return QAScreenReducer.reduce(&state, action)
        }
    }

    /// The one way a feature records a command: applied and journaled, or refused with the reason shown as a
    /// warning. Feature reducers call this, never `reduce` or `handle`, so the clock is corrected once per action
    /// and no feature re-enters the root.
    static func record(_ command: WorkshopCommand, in state: inout WorkshopState) -> Recording {
        if state.isReadOnly {
            let reason = "Read-only: the journal cannot be written, so nothing new is recorded."
            state.notice = Notice(text: reason, level: .error, until: nil)
            return .refused(reason: reason)
        }
        if let rejection = apply(command, to: &state, at: state.now) {
            refuse(&state, rejection)
            return .refused(reason: rejection)
        }
        state.recordedCommands += 1
        if command == .end { state.endCanBeUndone = true }
        // A new action makes old information stale; errors stay until resolved.
        if state.notice?.level != .error { state.notice = nil }
        if case .poll(.create(let definition)) = command { state.screen = .poll(id: definition.id) }
        return .recorded(effects: [.appendJournal(command), .saveResults])
    }

    /// The one way a feature refuses what was asked: the reason, as a warning that fades.
    static func refuse(_ state: inout WorkshopState, _ reason: String) {
        inform(&state, reason, .warning)
    }

    /// Applies a journal record on resume: as `apply`, except that a change to the plan the session file now
    /// already holds (edited after the change was made) is kept as a change, so the undos after it stay in order.
    public static func replay(_ command: WorkshopCommand, to state: inout WorkshopState, at now: Instant) -> String? {
        if case .plan(let edit) = command { return PlanReducer.apply(edit, to: &state, at: now, replaying: true) }
        return apply(command, to: &state, at: now)
    }

    /// Applies a recorded command; returns why it was refused, or nil when it changed the state.
    /// Also used to replay the journal, so it must not depend on anything but its arguments.
    public static func apply(_ command: WorkshopCommand, to state: inout WorkshopState, at now: Instant) -> String? {
        let count = state.session.agenda.count
        if case .poll(let pollCommand) = command {
            // Polls stay usable after the agenda has ended (a last vote, a late reveal).
            return PollReducer.apply(pollCommand, to: &state)
        }
        if case .group(let groupCommand) = command {
            // So do working groups: notes are often finished after the last slot.
            let refusal = GroupReducer.apply(groupCommand, to: &state, at: now)
            // A deleted entry leaves the shortlist, here rather than on the screen so a replay does the same.
            if refusal == nil, case .delete = groupCommand { keepShortlistToExistingEntries(&state) }
            return refusal
        }
        if case .shortlist(let entries) = command {
            return setShortlist(entries, in: &state)
        }
        if case .merge(let entries) = command {
            return GroupReducer.merge(entries, into: &state)
        }
        if case .qa(let qaCommand) = command {
            // Questions are still asked and answered after the last slot.
            return QAReducer.apply(qaCommand, to: &state)
        }
        if case .plan(let edit) = command {
            return PlanReducer.apply(edit, to: &state, at: now)
        }
        if case .reopen = command {
            return reopen(&state)
        }
        guard !state.hasEnded else { return "The workshop has ended." }
        switch command {
        case .start:
            guard !state.hasStarted else { return "The workshop is already running." }
            state.phase = .running(since: now)
            state.progress[state.currentIndex].runs.append(.init(start: now, end: nil))
            state.screen = .agenda

        case .pause:
            guard case .running = state.phase else { return notRunning(state) }
            guard state.pausedSince == nil else { return "The timer is already paused." }
            state.pausedSince = now

        case .resume:
            guard case .running = state.phase else { return notRunning(state) }
            guard state.pausedSince != nil else { return "The timer is not paused." }
            closePause(&state, at: now)

        case .next:
            guard state.currentIndex + 1 < count else {
                return state.hasStarted && !state.hasEnded
                    ? "This is the last slot: press E to end the workshop."
                    : "This is the last slot."
            }
            move(&state, to: state.currentIndex + 1, at: now)

        case .previous:
            let current = state.currentIndex
            if case .running = state.phase,
               let run = state.progress[current].runs.last, run.end == nil,
               now.seconds(since: run.start) < undoWindowSeconds,
               let origin = state.progress.indices.first(where: { $0 != current && state.progress[$0].runs.last?.end == run.start }) {
                // Moments after a move (next, back or jump): undo it. Forget the new run and reopen the slot we came from.
                closePause(&state, at: now)
                state.progress[current].runs.removeLast()
                state.currentIndex = origin
                state.progress[origin].runs[state.progress[origin].runs.count - 1].end = nil
            } else {
                guard current > 0 else { return "This is the first slot." }
                move(&state, to: current - 1, at: now)
            }

        case .jump(let slot):
            guard slot >= 0, slot < count else { return "There is no slot \(slot + 1)." }
            guard slot != state.currentIndex else { return "That slot is already on." }
            move(&state, to: slot, at: now)

        case .adjust(let slot, let seconds):
            guard slot >= 0, slot < count else { return "There is no slot \(slot + 1)." }
            let planned = state.plan.entries[slot].durationMinutes * 60
            let adjusted = state.progress[slot].adjustmentSeconds + seconds
            guard planned + adjusted >= 60 || seconds > 0 else {
                return "A slot cannot be shorter than one minute."
            }
            state.progress[slot].adjustmentSeconds = adjusted

        case .end:
            guard case .running = state.phase else { return notRunning(state) }
            closePause(&state, at: now)
            endCurrentRun(&state, at: now)
            state.phase = .ended(at: now)
            state.screen = .agenda
        case .poll, .group, .merge, .plan, .reopen, .shortlist, .qa:
            break
        }
        return nil
    }

    /// The fixed slot that `move` would start before its planned time, if any. Only in an anchored agenda (a
    /// floating one has no clock times), once the workshop runs, and only for a slot's first run: coming back to
    /// a fixed slot already under way starts nothing early.
    public static func fixedSlotStartedEarly(by move: WorkshopCommand, in state: WorkshopState) -> Int? {
        guard state.plan.isAnchored, case .running = state.phase else { return nil }
        var trial = state
        guard apply(move, to: &trial, at: state.now) == nil else { return nil }
        let slot = trial.currentIndex
        guard slot != state.currentIndex, state.session.agenda[slot].fixed, !state.progress[slot].hasRun else { return nil }
        return state.now < LiveSchedule(state: state).slots[slot].plannedStart ? slot : nil
    }

    /// Undoes `end`: the workshop runs again since its first start, and the last run of the slot that was on
    /// goes on, so the minutes since the end count to it (as if `E` had never been pressed).
    private static func reopen(_ state: inout WorkshopState) -> String? {
        guard state.hasEnded else { return "The workshop has not ended." }
        let index = state.currentIndex
        let since = state.progress.compactMap(\.actualStart).min() ?? state.now
        state.phase = .running(since: since)
        if let last = state.progress[index].runs.indices.last {
            state.progress[index].runs[last].end = nil
        }
        state.endCanBeUndone = false
        state.screen = .agenda
        return nil
    }

    /// The marks for a shortlist poll: entries that exist, each once. Marks stay usable after the agenda has ended.
    private static func setShortlist(_ entries: [String], in state: inout WorkshopState) -> String? {
        let existing = Set(state.groups.flatMap { $0.entries.map(\.id) })
        if let missing = entries.first(where: { !existing.contains($0) }) { return "There is no entry \(missing) to mark." }
        guard Set(entries).count == entries.count else { return "An entry is marked twice." }
        state.shortlist = entries
        return nil
    }

    private static func keepShortlistToExistingEntries(_ state: inout WorkshopState) {
        let existing = Set(state.groups.flatMap { $0.entries.map(\.id) })
        state.shortlist.removeAll { !existing.contains($0) }
    }

    private static func notRunning(_ state: WorkshopState) -> String {
        state.hasEnded ? "The workshop has ended." : "The workshop has not started yet: press Space to start it."
    }

    /// Leaves the current slot and opens `index`: before the start this only selects it.
    private static func move(_ state: inout WorkshopState, to index: Int, at now: Instant) {
        if case .running = state.phase {
            closePause(&state, at: now)
            endCurrentRun(&state, at: now)
            state.progress[index].runs.append(.init(start: now, end: nil))
        }
        state.currentIndex = index
        state.screen = .agenda
    }

    private static func endCurrentRun(_ state: inout WorkshopState, at now: Instant) {
        let index = state.currentIndex
        if let last = state.progress[index].runs.indices.last, state.progress[index].runs[last].end == nil {
            state.progress[index].runs[last].end = now
        }
    }

    private static func closePause(_ state: inout WorkshopState, at now: Instant) {
        if let since = state.pausedSince {
            state.progress[state.currentIndex].pausedMilliseconds += max(0, now.milliseconds - since.milliseconds)
            state.pausedSince = nil
        }
    }

    static func inform(_ state: inout WorkshopState, _ text: String, _ level: Notice.Level) {
        state.notice = Notice(text: text, level: level, until: level == .error ? nil : state.now.adding(seconds: noticeSeconds))
    }
}
