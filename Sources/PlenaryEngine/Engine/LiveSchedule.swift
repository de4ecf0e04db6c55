/// The day as it now looks: planned, actual and projected times for every slot, derived from the state.
///
/// Rules (documented in docs/session-format.md):
/// - A slot runs for its planned length plus its adjustment; the current slot ends when that time is used up
///   (or now, if it is already overrunning).
/// - Following slots start when the one before ends. A `fixed` slot never starts before its planned start and
///   keeps its planned end, shrinking to absorb delay, but not below its minimum length (default: half).
/// - Ahead/behind is the projected end of the current slot against its planned end.
public struct LiveSchedule: Sendable, Equatable {
    public struct SlotTiming: Sendable, Equatable {
        public var plannedStart: Instant
        public var plannedEnd: Instant
        /// Actual start for slots that ran, projection for the rest.
        public var projectedStart: Instant
        public var projectedEnd: Instant
        /// Length the slot is now expected to have, in seconds (planned, adjusted, squeezed if fixed).
        public var targetSeconds: Int64
        public var status: Status
    }

    public enum Status: Sendable, Equatable {
        case done
        case skipped
        case current
        case upcoming
    }

    public var slots: [SlotTiming]
    /// Seconds the current slot has been on, pauses excluded.
    public var elapsedSeconds: Int64
    /// Seconds left in the current slot; negative when overrunning.
    public var remainingSeconds: Int64
    /// Positive when the room is behind plan, negative when ahead.
    public var delaySeconds: Int64
    public var projectedEnd: Instant
    public var plannedEnd: Instant

    public init(state: WorkshopState) {
        let now = state.now
        let origin = Self.planOrigin(state)
        let entries = state.plan.entries
        let agenda = state.session.agenda
        func planned(_ minute: Int) -> Instant { origin.adding(seconds: Int64(minute) * 60) }

        func target(_ index: Int, startingAt start: Instant) -> Int64 {
            let entry = entries[index]
            let adjustment = Int64(state.progress[index].adjustmentSeconds)
            let length = Int64(entry.durationMinutes) * 60
            guard agenda[index].fixed else { return max(0, length + adjustment) }
            let minimum = Int64(agenda[index].minDurationMinutes ?? entry.durationMinutes / 2) * 60
            let untilPlannedEnd = planned(entry.endMinute).seconds(since: start)
            return max(0, max(minimum, untilPlannedEnd) + adjustment)
        }

        var timings: [SlotTiming] = []
        var elapsed: Int64 = 0
        var remaining: Int64 = 0
        var cursor = now
        let current = state.currentIndex

        for index in entries.indices {
            let entry = entries[index]
            let progress = state.progress[index]
            let plannedStart = planned(entry.startMinute)
            let plannedEnd = planned(entry.endMinute)
            var timing = SlotTiming(plannedStart: plannedStart, plannedEnd: plannedEnd,
                                    projectedStart: plannedStart, projectedEnd: plannedEnd,
                                    targetSeconds: Int64(entry.durationMinutes) * 60, status: .upcoming)

            if index == current && !state.hasEnded {
                timing.status = .current
                if let start = progress.actualStart {
                    elapsed = Self.elapsedSeconds(progress, pausedSince: state.pausedSince, now: now)
                    timing.targetSeconds = target(index, startingAt: start)
                    remaining = timing.targetSeconds - elapsed
                    timing.projectedStart = start
                    timing.projectedEnd = now.adding(seconds: max(0, remaining))
                } else {
                    // Not started yet: it starts now, or at its planned time if that is still ahead. A group's laptop
                    // never runs the agenda, so there the day keeps its plan: its own clock says nothing about the room.
                    let start = state.plan.isAnchored ? (state.role == .facilitator ? plannedStart : max(now, plannedStart)) : now
                    timing.targetSeconds = target(index, startingAt: start)
                    remaining = timing.targetSeconds
                    timing.projectedStart = start
                    timing.projectedEnd = start.adding(seconds: timing.targetSeconds)
                }
                cursor = timing.projectedEnd
            } else if index < current || state.hasEnded {
                if let start = progress.actualStart, let end = progress.actualEnd {
                    timing.status = .done
                    timing.projectedStart = start
                    timing.projectedEnd = end
                    timing.targetSeconds = end.seconds(since: start)
                } else {
                    // A skipped slot keeps its planned time: that is what readers look it up by.
                    timing.status = .skipped
                    timing.projectedStart = plannedStart
                    timing.projectedEnd = plannedStart
                    timing.targetSeconds = 0
                }
            } else {
                let start = agenda[index].fixed ? max(cursor, plannedStart) : cursor
                timing.targetSeconds = target(index, startingAt: start)
                timing.projectedStart = start
                timing.projectedEnd = start.adding(seconds: timing.targetSeconds)
                cursor = timing.projectedEnd
            }
            timings.append(timing)
        }

        slots = timings
        elapsedSeconds = elapsed
        remainingSeconds = remaining
        plannedEnd = planned(entries.last?.endMinute ?? 0)
        if case .ended(let at) = state.phase {
            projectedEnd = at
            delaySeconds = at.seconds(since: plannedEnd)
        } else {
            projectedEnd = timings.last?.projectedEnd ?? now
            let currentTiming = timings[current]
            delaySeconds = currentTiming.projectedEnd.seconds(since: currentTiming.plannedEnd)
        }
    }

    /// Seconds a slot has been on across its runs, pauses excluded.
    public static func elapsedSeconds(_ progress: SlotProgress, pausedSince: Instant?, now: Instant) -> Int64 {
        var milliseconds: Int64 = 0
        for run in progress.runs {
            milliseconds += (run.end ?? now).milliseconds - run.start.milliseconds
        }
        milliseconds -= progress.pausedMilliseconds
        if let since = pausedSince, progress.runs.last?.end == nil {
            milliseconds -= max(0, now.milliseconds - since.milliseconds)
        }
        return max(0, milliseconds / 1000)
    }

    /// The instant that minute 0 of the plan stands for.
    ///
    /// A floating agenda starts when the first slot actually starts. An anchored one is pinned to the local
    /// day whose planned first start lies nearest to the moment the workshop started (or to now, before),
    /// so a rehearsal on another day, or a start just after midnight, still lines up with the plan.
    public static func planOrigin(_ state: WorkshopState) -> Instant {
        let reference = state.progress.lazy.compactMap(\.actualStart).min() ?? state.now
        guard state.plan.isAnchored, let first = state.plan.entries.first else {
            if state.progress.allSatisfy({ !$0.hasRun }) { return state.now }
            return reference.adding(seconds: -Int64(state.plan.entries[firstRunIndex(state)].startMinute) * 60)
        }
        let firstStart = Int64(first.startMinute) * 60
        let today = state.calendar.startOfDay(containing: reference)
        var best = today
        var bestDistance = Int64.max
        for dayShift in [-1, 0, 1] as [Int64] {
            let candidate = state.calendar.startOfDay(containing: today.adding(seconds: dayShift * 86_400 + 43_200))
            let distance = abs(candidate.adding(seconds: firstStart).seconds(since: reference))
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return best
    }

    private static func firstRunIndex(_ state: WorkshopState) -> Int {
        let first = state.progress.indices.min { a, b in
            (state.progress[a].actualStart ?? Instant(milliseconds: .max)) < (state.progress[b].actualStart ?? Instant(milliseconds: .max))
        }
        return first ?? 0
    }
}
