/// The agenda as planned: every slot's start and length in minutes, derived from the session file alone.
///
/// Times are minutes after midnight of the workshop day and may exceed 1440 when the agenda runs past
/// midnight. When no slot states a start time the agenda is *floating*: minute 0 is whenever the first
/// slot actually starts.
public struct PlannedAgenda: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var startMinute: Int
        public var durationMinutes: Int
        public var endMinute: Int { startMinute + durationMinutes }
    }

    /// A slot whose time cannot be worked out; `slotIndex` points at the slot, `field` at its key.
    public struct Problem: Error, Sendable, Equatable {
        public var slotIndex: Int
        public var field: String
        public var message: String
    }

    public var entries: [Entry]
    /// True when at least one slot has a stated start time, so the plan is tied to the clock.
    public var isAnchored: Bool

    public static func plan(_ session: Session) -> Result<PlannedAgenda, Problem> {
        let slots = session.agenda
        let isAnchored = slots.contains { $0.start != nil }
        var entries: [Entry] = []
        /// Minutes already added for crossing midnight.
        var dayOffset = 0
        var previousStart: Int? = nil
        var previousEnd: Int? = nil

        func absolute(_ time: TimeOfDay) -> Int {
            var minute = time.minutes + dayOffset
            // A time far earlier than the last one means the agenda crossed midnight.
            if let reference = previousStart, minute + 12 * 60 < reference {
                dayOffset += 24 * 60
                minute += 24 * 60
            }
            return minute
        }

        // In an anchored agenda, slots before the first stated start are placed backwards from it
        // (registration with a duration, then "Welcome" at 10:00); otherwise the first would start at midnight.
        var leadIn: Int? = nil
        if isAnchored, slots.first?.start == nil, let firstTimed = slots.firstIndex(where: { $0.start != nil }),
           let anchor = slots[firstTimed].start {
            var total = 0
            for index in 0..<firstTimed {
                guard let minutes = slots[index].durationMinutes else {
                    return .failure(Problem(slotIndex: index, field: "duration",
                        message: "needs a duration (or a start time): it is placed backwards from the first start time, \(anchor)"))
                }
                total += minutes
            }
            if total > anchor.minutes {
                return .failure(Problem(slotIndex: 0, field: "start",
                    message: "needs a start time: placed backwards from \(anchor) it would start before midnight"))
            }
            leadIn = anchor.minutes - total
        }

        for (index, slot) in slots.enumerated() {
            let start: Int
            if let stated = slot.start {
                start = absolute(stated)
                if let end = previousEnd, start < end {
                    let both = slot.fixed && slots[index - 1].fixed ? "fixed slot " : ""
                    return .failure(Problem(
                        slotIndex: index, field: "start",
                        message: "\(both)starts at \(stated) but the previous \(both.isEmpty ? "slot" : "fixed slot") runs until \(TimeOfDay(minutes: end % 1440)) (\(end - start) min overlap)"))
                }
            } else if let end = previousEnd {
                start = end
            } else {
                start = leadIn ?? 0
            }

            let duration: Int
            if let minutes = slot.durationMinutes {
                duration = minutes
            } else if index + 1 < slots.count, let nextStart = slots[index + 1].start {
                var next = nextStart.minutes + dayOffset
                if next + 12 * 60 < start { next += 24 * 60 }
                duration = next - start
                if duration < 0 {
                    return .failure(Problem(slotIndex: index, field: "duration",
                        message: "cannot end before it starts (next slot starts at \(nextStart))"))
                }
                if duration == 0 {
                    return .failure(Problem(slotIndex: index, field: "duration",
                        message: "has no time: the next slot starts when this one does (\(nextStart))"))
                }
            } else if index == slots.count - 1, let end = session.end {
                var minute = end.minutes + dayOffset
                if minute + 12 * 60 < start { minute += 24 * 60 }
                duration = minute - start
                if duration <= 0 {
                    return .failure(Problem(slotIndex: index, field: "duration",
                        message: "the session ends at \(end), before this slot starts"))
                }
            } else {
                let hint = index == slots.count - 1 ? " (or give the session an `end` time)" : ""
                return .failure(Problem(slotIndex: index, field: "duration",
                    message: "needs a duration: the next slot has no start time\(hint)"))
            }
            entries.append(Entry(startMinute: start, durationMinutes: duration))
            previousStart = start
            previousEnd = start + duration
        }
        return .success(PlannedAgenda(entries: entries, isAnchored: isAnchored))
    }
}
