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
        let (entries, problems) = walk(session, unreadableSlots: [], unreadableEnd: false)
        if let first = problems.first { return .failure(first) }
        return .success(PlannedAgenda(entries: entries.compactMap { $0 }, isAnchored: session.agenda.contains { $0.start != nil }))
    }

    /// Every problem with the agenda's times, in slot order, as a compiler reports every error in one pass.
    /// - Parameters:
    ///   - unreadableSlots: slots whose timing keys could not be read (already reported): their times are
    ///     unknown, and so are those of the slots that follow them until one states a start; nothing is
    ///     reported about what cannot be known.
    ///   - unreadableEnd: the session's `end` could not be read.
    public static func problems(_ session: Session, unreadableSlots: Set<Int>, unreadableEnd: Bool) -> [Problem] {
        walk(session, unreadableSlots: unreadableSlots, unreadableEnd: unreadableEnd).problems
    }

    /// Places every slot it can; an entry is nil where the time cannot be worked out.
    private static func walk(_ session: Session, unreadableSlots: Set<Int>,
                             unreadableEnd: Bool) -> (entries: [Entry?], problems: [Problem]) {
        let slots = session.agenda
        let isAnchored = slots.contains { $0.start != nil }
        var entries: [Entry?] = []
        var problems: [Problem] = []
        /// Minutes already added for crossing midnight.
        var dayOffset = 0
        var previousStart: Int? = nil
        var previousEnd: Int? = nil
        /// False once a slot's time is unknown, until a slot states its start.
        var previousKnown = true

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
        var leadInKnown = true
        if isAnchored, slots.first?.start == nil, let firstTimed = slots.firstIndex(where: { $0.start != nil }),
           let anchor = slots[firstTimed].start {
            var total = 0
            for index in 0..<firstTimed {
                if unreadableSlots.contains(index) {
                    leadInKnown = false
                } else if let minutes = slots[index].durationMinutes {
                    total += minutes
                } else {
                    problems.append(Problem(slotIndex: index, field: "duration",
                        message: "needs a duration (or a start time): it is placed backwards from the first start time, \(anchor)"))
                    leadInKnown = false
                }
            }
            if leadInKnown, total > anchor.minutes {
                problems.append(Problem(slotIndex: 0, field: "start",
                    message: "needs a start time: placed backwards from \(anchor) it would start before midnight"))
                leadInKnown = false
            }
            if leadInKnown { leadIn = anchor.minutes - total }
        }

        for (index, slot) in slots.enumerated() {
            if unreadableSlots.contains(index) {
                if let stated = slot.start { previousStart = absolute(stated) }
                previousEnd = nil
                previousKnown = false
                entries.append(nil)
                continue
            }
            var start: Int? = nil
            if let stated = slot.start {
                let minute = absolute(stated)
                start = minute
                if let end = previousEnd, minute < end {
                    let both = slot.fixed && slots[index - 1].fixed ? "fixed slot " : ""
                    problems.append(Problem(
                        slotIndex: index, field: "start",
                        message: "\(both)starts at \(stated) but the previous \(both.isEmpty ? "slot" : "fixed slot") runs until \(TimeOfDay(minutes: end % 1440)) (\(end - minute) min overlap)"))
                }
            } else if let end = previousEnd {
                start = end
            } else if index == 0 || previousKnown {
                start = leadInKnown ? (leadIn ?? 0) : nil
            }

            var duration: Int? = nil
            let nextIsUnreadable = unreadableSlots.contains(index + 1)
            if let minutes = slot.durationMinutes {
                duration = minutes
            } else if index + 1 < slots.count, let nextStart = slots[index + 1].start {
                if let start {
                    var next = nextStart.minutes + dayOffset
                    if next + 12 * 60 < start { next += 24 * 60 }
                    let length = next - start
                    if length < 0 {
                        problems.append(Problem(slotIndex: index, field: "duration",
                            message: "cannot end before it starts (next slot starts at \(nextStart))"))
                    } else if length == 0 {
                        problems.append(Problem(slotIndex: index, field: "duration",
                            message: "has no time: the next slot starts when this one does (\(nextStart))"))
                    } else {
                        duration = length
                    }
                }
            } else if nextIsUnreadable {
                // The next slot's start could not be read: whether this one needs a duration is unknown.
            } else if index == slots.count - 1, let end = session.end {
                if let start {
                    var minute = end.minutes + dayOffset
                    if minute + 12 * 60 < start { minute += 24 * 60 }
                    if minute - start <= 0 {
                        problems.append(Problem(slotIndex: index, field: "duration",
                            message: "the session ends at \(end), before this slot starts"))
                    } else {
                        duration = minute - start
                    }
                }
            } else if !(index == slots.count - 1 && unreadableEnd) {
                let hint = index == slots.count - 1 ? " (or give the session an `end` time)" : ""
                problems.append(Problem(slotIndex: index, field: "duration",
                    message: "needs a duration: the next slot has no start time\(hint)"))
            }
            if let start, let duration {
                entries.append(Entry(startMinute: start, durationMinutes: duration))
                previousStart = start
                previousEnd = start + duration
                previousKnown = true
            } else {
                entries.append(nil)
                if let start { previousStart = start }
                previousEnd = nil
                previousKnown = false
            }
        }
        return (entries, problems)
    }
}
