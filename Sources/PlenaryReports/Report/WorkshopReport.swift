import PlenaryEngine

/// What a report says about one workshop, worked out once from a results file (any schema version) so that the
/// Markdown, text and HTML renderers only lay it out and can never disagree about a number or a word.
///
/// Everything here is text ready to show; user text is kept as written (each renderer escapes it its own way).
public struct WorkshopReport: Sendable, Equatable {
    public var title: String
    public var subtitle: String?
    /// Date, venue, moderator, organisers, status: what a reader wants first.
    public var facts: [Fact]
    public var agenda: [AgendaRow]
    /// Each slot with speakers, in agenda order ("12:00 Opening", "Ana Ruiz (Director, EURADA); Ben Ode"): the
    /// running agenda's, so a speaker confirmed or a slot added on the day is there.
    public var speakers: [Fact]
    /// Changes to the plan on the day, by the time they were made ("12:05", "Inserted …"); empty if none.
    public var planChanges: [Fact]
    /// The agenda as the session file planned it, while the plan differs from it ("12:30", "Framing (10 min)").
    public var filePlan: [Fact]
    /// In agenda order of the slot each belongs to (an ad-hoc poll: the slot it was written in), then those of no
    /// slot; within a slot, in the order of the results file.
    public var polls: [PollSection]
    public var groups: [GroupSection]
    /// Polls made from working-group entries, their entries ranked by the result.
    public var shortlists: [Shortlist]
    /// Q&A and ideas boards (results schema 4): answered and unanswered items per board.
    public var qa: [QAReportSection] = []
    public var timing: Timing

    /// A label and its value ("Venue", "Sevilla").
    public struct Fact: Sendable, Equatable {
        public var label: String
        public var value: String
    }

    public struct AgendaRow: Sendable, Equatable {
        public var title: String
        /// Slot kind as a word ("talk", "lunch").
        public var kind: String
        public var plannedStart: String
        public var plannedEnd: String
        public var plannedMinutes: Int
        /// "12:34", or nil when the slot never started.
        public var actualStart: String?
        public var actualEnd: String?
        /// Time on the slot with pauses left out, rounded to minutes.
        public var actualMinutes: Int?
        /// Actual minus planned length, in whole minutes (negative: shorter than planned); nil when not run.
        public var overrunMinutes: Int?
        /// done, skipped, running, next, upcoming.
        public var status: String
        /// Anything unusual: several runs, pauses, lengthened or shortened on the day.
        public var remarks: [String]

        /// "12:02–12:31", "12:02–…" while it runs, "—" when it never started.
        public var actualRange: String {
            actualStart.map { "\($0)–\(actualEnd ?? "…")" } ?? "—"
        }

        /// The status when it is not plain "done", then the remarks: what a reader should notice about the slot.
        public var notes: [String] {
            (status == "done" ? [] : [status]) + remarks
        }
    }

    public struct PollSection: Sendable, Equatable {
        public var id: String
        public var question: String
        /// "Single choice · closed · 12 ballots · up to 2 picks".
        public var summary: String
        /// "12:00 Panel on cooperation": the slot the poll belongs to, nil when it has none.
        public var slot: String?
        public var rounds: [RoundSection]
    }

    public struct RoundSection: Sendable, Equatable {
        public var number: Int
        /// Ballots only; a show of hands is `handCount`.
        public var ballotCount: Int
        /// Hands raised in a show of hands, all options together (0 without one).
        public var handCount: Int
        /// "Mean 3.67 · median 4" for rating scales; how the bars count a show of hands when there was one.
        public var notes: [String]
        /// Options, scale values or (open text) the word list.
        public var bars: [Bar]
        /// Open text: every answer, sorted as in the results file.
        public var answers: [String]

        /// "12 ballots + 22 hands", or "12 ballots".
        public var countText: String { CountedNoun.ballotsAndHands(ballots: ballotCount, hands: handCount) }
        /// Nothing to show: no ballot and no hand.
        public var isEmpty: Bool { ballotCount == 0 && handCount == 0 }
    }

    /// One bar of a chart: `fraction` (0...1) of the full length.
    public struct Bar: Sendable, Equatable {
        public var label: String
        /// How the number reads next to the bar: "2 · 67%", "2.33 avg", "60 pts · 60%".
        public var value: String
        public var fraction: Double
    }

    public struct GroupSection: Sendable, Equatable {
        public var id: String
        public var name: String
        /// Facilitator, lead, members.
        public var facts: [Fact]
        /// Entries by template, in the group's template order (templates without entries are left out).
        public var templates: [TemplateSection]
    }

    public struct TemplateSection: Sendable, Equatable {
        public var id: String
        /// The template's name, from its id ("action-concept" → "Action concept"): results files carry ids only.
        public var name: String
        public var entries: [EntrySection]
    }

    public struct EntrySection: Sendable, Equatable {
        public var id: String
        public var order: Int
        /// The first filled-in field's first line.
        public var title: String
        /// "wg1-2 · facilitator · created 12:50 · edited 12:53 · merged from wg1.results.json".
        public var byline: String
        public var fields: [FieldBlock]
    }

    public struct FieldBlock: Sendable, Equatable {
        public var label: String
        /// True for list fields: `lines` are items to bullet; otherwise lines of one text.
        public var isList: Bool
        /// Empty when the field was left blank.
        public var lines: [String]
    }

    public struct Shortlist: Sendable, Equatable {
        public var pollID: String
        public var question: String
        /// "Ranking by average score, round 1 of 1, 12 ballots".
        public var basis: String
        public var rows: [ShortlistRow]
    }

    public struct ShortlistRow: Sendable, Equatable {
        public var rank: Int
        /// The poll option (an entry's title).
        public var title: String
        /// The group the entry came from, or nil when the entry is no longer in the results.
        public var group: String?
        public var entryID: String?
        /// "2.33 avg", "3 votes", "60 pts".
        public var value: String
    }

    public struct Timing: Sendable, Equatable {
        /// Started, ended, planned end, total overrun.
        public var facts: [Fact]
        /// Slots that ran at least a minute over their planned length, with the overrun ("+6 min").
        public var overtime: [Fact]
    }
}

extension WorkshopReport {
    public init(_ snapshot: ResultsSnapshot) {
        let workshop = snapshot.workshop
        title = workshop.title
        subtitle = workshop.subtitle
        var facts: [Fact] = []
        // First, before any time is read as the day's.
        if workshop.rehearsal == true {
            facts.append(Fact(label: "Rehearsal", value: "this is a rehearsal (plenary run --rehearse), not the workshop: its times are the rehearsal clock's"))
        }
        if let date = workshop.date { facts.append(Fact(label: "Date", value: date)) }
        if let venue = workshop.venue { facts.append(Fact(label: "Venue", value: venue)) }
        if let moderator = workshop.moderator { facts.append(Fact(label: "Moderator", value: moderator)) }
        if !workshop.organisers.isEmpty {
            facts.append(Fact(label: "Organisers", value: workshop.organisers.joined(separator: ", ")))
        }
        facts.append(Fact(label: "Status", value: Self.statusText(snapshot)))
        facts.append(Fact(label: "Results saved", value: ReportTime.dateAndClock(snapshot.savedAt)
            + " (\(workshop.timeZone), \(Self.count(workshop.recordedActions, "recorded action")))"))
        self.facts = facts
        let fileIDs = snapshot.fileAgenda.map { Set($0.map(\.id)) }
        agenda = snapshot.slots.map { slot in
            var row = Self.agendaRow(slot)
            if let fileIDs, !fileIDs.contains(slot.id) { row.remarks.insert("added on the day", at: 0) }
            return row
        }
        planChanges = (snapshot.agendaChanges ?? []).map { Fact(label: ReportTime.clock($0.at), value: $0.change) }
        let runningIDs = Set(snapshot.slots.map(\.id))
        filePlan = (snapshot.fileAgenda ?? []).map { slot in
            Fact(label: ReportTime.clock(slot.plannedStart),
                 value: "\(slot.title) (\(slot.plannedMinutes) min)" + (runningIDs.contains(slot.id) ? "" : " — dropped"))
        }
        speakers = snapshot.slots.compactMap { slot in
            slot.speakers.isEmpty ? nil
                : Fact(label: "\(ReportTime.clock(slot.plannedStart)) \(slot.title)",
                       value: slot.speakers.map(Self.speakerText).joined(separator: "; "))
        }
        polls = Self.bySlot(snapshot.polls, slots: snapshot.slots).map { poll, slot in
            var section = Self.pollSection(poll)
            section.slot = slot.map { "\(ReportTime.clock($0.plannedStart)) \($0.title)" }
            return section
        }
        groups = snapshot.groups.map(Self.groupSection)
        shortlists = snapshot.polls.compactMap { Self.shortlist($0, groups: snapshot.groups) }
        // A board nobody wrote on says nothing worth a section.
        qa = (snapshot.qa ?? []).filter { !$0.items.isEmpty }.map { board in
            QAReportSection(board, slotTitle: board.slot.flatMap { id in snapshot.slots.first { $0.id == id }?.title })
        }
        timing = Self.timing(snapshot, agenda: agenda)
    }

    static func statusText(_ snapshot: ResultsSnapshot) -> String {
        switch snapshot.workshop.status {
        case "not-started": return "not started"
        case "running":
            let current = snapshot.slots.first { $0.id == snapshot.workshop.currentSlot }
            return "running" + (current.map { " (at \u{201C}\($0.title)\u{201D})" } ?? "")
        default: return snapshot.workshop.status
        }
    }

    static func agendaRow(_ slot: ResultsSnapshot.SlotResult) -> AgendaRow {
        let actualMinutes = slot.actualSeconds.map { Int(WholeMinutes.rounded($0)) }
        let overrun = slot.actualSeconds.map { Int(WholeMinutes.rounded($0 - Int64(slot.plannedMinutes) * 60)) }
        var remarks: [String] = []
        if slot.fixed { remarks.append("fixed end") }
        if slot.adjustmentMinutes != 0 {
            let minutes = ReportNumber.decimal(abs(slot.adjustmentMinutes))
            remarks.append(slot.adjustmentMinutes > 0 ? "lengthened \(minutes) min" : "shortened \(minutes) min")
        }
        if slot.pausedSeconds >= 60 { remarks.append("paused \(WholeMinutes.rounded(slot.pausedSeconds)) min") }
        if slot.runs > 1 { remarks.append("\(slot.runs) runs") }
        return AgendaRow(
            title: slot.title, kind: slot.kind, plannedStart: ReportTime.clock(slot.plannedStart),
            plannedEnd: ReportTime.clock(slot.plannedEnd), plannedMinutes: slot.plannedMinutes,
            actualStart: slot.actualStart.map(ReportTime.clock), actualEnd: slot.actualEnd.map(ReportTime.clock),
            actualMinutes: actualMinutes, overrunMinutes: overrun, status: slot.status, remarks: remarks)
    }

    /// "Ana Ruiz (Director, EURADA)", "Ben Ode (TBC)", "Cy Low".
    static func speakerText(_ speaker: ResultsSnapshot.SpeakerResult) -> String {
        let about = [speaker.role, speaker.affiliation].compactMap { $0 }.filter { !$0.isEmpty }
        var text = speaker.name
        if !about.isEmpty { text += " (\(about.joined(separator: ", ")))" }
        if speaker.tbc == true { text += " (TBC)" }
        return text
    }

    /// Polls with the slot they are listed under: the first of their slots still on the agenda, in agenda order;
    /// polls of no slot last. The sort is stable, so polls of one slot keep the results file's order.
    static func bySlot(_ polls: [ResultsSnapshot.PollResult], slots: [ResultsSnapshot.SlotResult])
        -> [(ResultsSnapshot.PollResult, ResultsSnapshot.SlotResult?)] {
        let position = Dictionary(slots.enumerated().map { ($1.id, $0) }) { first, _ in first }
        let placed = polls.enumerated().map { order, poll -> (order: Int, at: Int, poll: ResultsSnapshot.PollResult) in
            (order, poll.slots.compactMap { position[$0] }.min() ?? slots.count, poll)
        }
        return placed.sorted { ($0.at, $0.order) < ($1.at, $1.order) }
            .map { ($0.poll, $0.at < slots.count ? slots[$0.at] : nil) }
    }

    static func pollSection(_ poll: ResultsSnapshot.PollResult) -> PollSection {
        var summary = [PollType(rawValue: poll.type)?.label ?? poll.type, poll.status]
        let ballots = poll.rounds.map(\.ballotCount).reduce(0, +)
        let hands = poll.rounds.map { $0.hands ?? 0 }.reduce(0, +)
        summary.append(CountedNoun.ballotsAndHands(ballots: ballots, hands: hands)
            + (poll.rounds.count > 1 ? " in \(poll.rounds.count) rounds" : ""))
        if let maxPicks = poll.maxPicks, let stack = poll.maxPerOption, stack > 1 {
            summary.append("dot vote: \(count(maxPicks, "dot")) each, up to \(stack) on one item")
        } else if let maxPicks = poll.maxPicks {
            summary.append("up to \(count(maxPicks, "pick"))")
        }
        if let scale = poll.scale {
            var range = "scale \(scale.min)–\(scale.max)"
            if scale.minLabel != nil || scale.maxLabel != nil {
                range += " (\(scale.minLabel ?? "\(scale.min)") … \(scale.maxLabel ?? "\(scale.max)"))"
            }
            summary.append(range)
        }
        if let points = poll.points { summary.append("\(count(points, "point")) each") }
        if poll.adHoc { summary.append("written during the workshop") }
        return PollSection(id: poll.id, question: poll.question, summary: summary.joined(separator: " · "), slot: nil,
                           rounds: poll.rounds.map { roundSection($0, poll: poll) })
    }

    static func roundSection(_ round: ResultsSnapshot.RoundResult, poll: ResultsSnapshot.PollResult) -> RoundSection {
        var notes: [String] = []
        var bars: [Bar] = []
        let handCount = round.hands ?? 0
        if handCount > 0 {
            notes.append("\(CountedNoun.ballotsAndHands(ballots: round.ballotCount, hands: handCount)): "
                + "the bars and shares count both together")
        }
        let options = round.options ?? []
        switch poll.type {
        case "ranking":
            bars = sortedByValue(options) { $0.averageScore ?? 0 }.map {
                Bar(label: $0.option, value: "\(ReportNumber.decimal($0.averageScore ?? 0)) avg", fraction: $0.share)
            }
            if round.ballotCount > 0 { notes.append("Average score: first place gets \(options.count), last 1") }
        case "allocation":
            bars = sortedByValue(options) { Double($0.points ?? 0) }.map {
                Bar(label: $0.option, value: "\($0.points ?? 0) pts · \(ReportNumber.percent($0.share))", fraction: $0.share)
            }
        case "scale":
            if let scale = round.scale, let definition = poll.scale, round.ballotCount > 0 {
                notes.insert("Mean \(ReportNumber.decimal(scale.mean)) · median \(ReportNumber.decimal(scale.median))", at: 0)
                bars = scale.distribution.enumerated().map { index, votes in
                    let value = definition.min + index
                    var label = "\(value)"
                    if value == definition.min, let text = definition.minLabel { label += " \(text)" }
                    if value == definition.max, let text = definition.maxLabel { label += " \(text)" }
                    let share = round.ballotCount > 0 ? Double(votes) / Double(round.ballotCount) : 0
                    return Bar(label: label, value: "\(votes) · \(ReportNumber.percent(share))", fraction: share)
                }
            }
        case "open":
            let terms = round.terms ?? []
            let top = terms.map(\.count).max() ?? 0
            bars = terms.map { Bar(label: $0.term, value: "\($0.count)", fraction: top > 0 ? Double($0.count) / Double(top) : 0) }
        default:
            bars = options.map { option in
                // With a show of hands the count says its two parts: "7 · 41% (3 ballots + 4 hands)".
                let parts = handCount > 0
                    ? " (\(CountedNoun.ballotsAndHands(ballots: option.ballots ?? 0, hands: option.hands ?? 0)))" : ""
                return Bar(label: option.option, value: "\(option.count ?? 0) · \(ReportNumber.percent(option.share))" + parts,
                           fraction: option.share)
            }
        }
        return RoundSection(number: round.round, ballotCount: round.ballotCount, handCount: handCount, notes: notes,
                            bars: bars, answers: round.answers ?? [])
    }

    /// Highest first; equal values keep the poll's option order.
    static func sortedByValue(_ options: [ResultsSnapshot.OptionResult],
                              _ value: (ResultsSnapshot.OptionResult) -> Double) -> [ResultsSnapshot.OptionResult] {
        rankedPositions(options, value).map { options[$0] }
    }

    /// Option positions, highest value first; equal values keep the poll's option order.
    static func rankedPositions(_ options: [ResultsSnapshot.OptionResult],
                                _ value: (ResultsSnapshot.OptionResult) -> Double) -> [Int] {
        options.indices.sorted { a, b in
            let (left, right) = (value(options[a]), value(options[b]))
            return left != right ? left > right : a < b
        }
    }

    static func groupSection(_ group: ResultsSnapshot.GroupResult) -> GroupSection {
        var facts: [Fact] = []
        if let facilitator = group.facilitator { facts.append(Fact(label: "Facilitator", value: facilitator)) }
        if let lead = group.lead { facts.append(Fact(label: "Lead", value: lead)) }
        if !group.members.isEmpty { facts.append(Fact(label: "Members", value: group.members.joined(separator: ", "))) }
        // The group's templates first, then any other template its entries use (merged from another version).
        var templateIDs = group.templates
        for entry in group.entries where !templateIDs.contains(entry.template) { templateIDs.append(entry.template) }
        let templates = templateIDs.compactMap { id -> TemplateSection? in
            let entries = group.entries.filter { $0.template == id }.sorted { $0.order < $1.order }
            guard !entries.isEmpty else { return nil }
            return TemplateSection(id: id, name: templateName(id), entries: entries.map(entrySection))
        }
        return GroupSection(id: group.id, name: group.name, facts: facts, templates: templates)
    }

    static func entrySection(_ entry: ResultsSnapshot.EntryResult) -> EntrySection {
        var byline = [entry.id, entry.author, "created \(ReportTime.clock(entry.createdAt))"]
        if entry.editedAt != entry.createdAt { byline.append("edited \(ReportTime.clock(entry.editedAt))") }
        if let origin = entry.origin { byline.append("merged from \(origin.file)") }
        let fields = entry.fields.map { field in
            field.items != nil || field.type == "list"
                ? FieldBlock(label: field.label, isList: true, lines: (field.items ?? []).filter { !$0.isEmpty })
                : FieldBlock(label: field.label, isList: false, lines: lines(of: field.text ?? ""))
        }
        return EntrySection(id: entry.id, order: entry.order, title: entryTitle(entry),
                            byline: byline.joined(separator: " · "), fields: fields)
    }

    /// The first filled-in field's first line, as on the facilitator's screen.
    static func entryTitle(_ entry: ResultsSnapshot.EntryResult) -> String {
        for field in entry.fields {
            let first = (field.items?.first ?? field.text ?? "").split(separator: "\n").first.map(String.init) ?? ""
            if !first.allSatisfy(\.isWhitespace) { return first }
        }
        return "Entry \(entry.id)"
    }

    /// Lines of a text field, blank lines at either end dropped.
    static func lines(of text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.first?.allSatisfy(\.isWhitespace) == true { lines.removeFirst() }
        while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        return lines
    }

    /// "action-concept" → "Action concept", "swot" → "SWOT" (short ids read as acronyms).
    static func templateName(_ id: String) -> String {
        let words = id.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        if words.count == 1, let only = words.first, only.count <= 4 { return only.uppercased() }
        let sentence = words.joined(separator: " ")
        return sentence.prefix(1).uppercased() + sentence.dropFirst()
    }

    static func shortlist(_ poll: ResultsSnapshot.PollResult, groups: [ResultsSnapshot.GroupResult]) -> Shortlist? {
        guard let entryIDs = poll.entries, !poll.rounds.isEmpty else { return nil }
        // The latest round that has ballots decides; with none, the latest round (all zero).
        let round = poll.rounds.last { $0.ballotCount > 0 || ($0.hands ?? 0) > 0 } ?? poll.rounds[poll.rounds.count - 1]
        let options = round.options ?? []
        let value: (ResultsSnapshot.OptionResult) -> Double
        let valueText: (ResultsSnapshot.OptionResult) -> String
        let measure: String
        switch poll.type {
        case "ranking":
            value = { $0.averageScore ?? 0 }
            valueText = { "\(ReportNumber.decimal($0.averageScore ?? 0)) avg" }
            measure = "Ranking by average score"
        case "allocation":
            value = { Double($0.points ?? 0) }
            valueText = { "\($0.points ?? 0) pts" }
            measure = "Points allocated"
        default:
            value = { Double($0.count ?? 0) }
            valueText = { count($0.count ?? 0, "vote") }
            measure = "Dot vote"
        }
        let rows = rankedPositions(options, value).enumerated().map { rank, index -> ShortlistRow in
            let option = options[index]
            let entryID = index < entryIDs.count ? entryIDs[index] : nil
            let group = groups.first { group in group.entries.contains { $0.id == entryID } }
            return ShortlistRow(rank: rank + 1, title: option.option, group: group?.name, entryID: entryID,
                                value: valueText(option))
        }
        let basis = "\(measure), round \(round.round) of \(poll.rounds.count), "
            + CountedNoun.ballotsAndHands(ballots: round.ballotCount, hands: round.hands ?? 0)
        return Shortlist(pollID: poll.id, question: poll.question, basis: basis, rows: rows)
    }

    static func timing(_ snapshot: ResultsSnapshot, agenda: [AgendaRow]) -> Timing {
        let workshop = snapshot.workshop
        var facts: [Fact] = []
        facts.append(Fact(label: "Started", value: workshop.startedAt.map(ReportTime.dateAndClock) ?? "not started"))
        if let ended = workshop.endedAt {
            facts.append(Fact(label: "Ended", value: ReportTime.dateAndClock(ended)))
        } else {
            facts.append(Fact(label: "Ended", value: "not ended (results saved \(ReportTime.clock(snapshot.savedAt)))"))
        }
        facts.append(Fact(label: "Planned end", value: ReportTime.dateAndClock(workshop.plannedEnd)))
        if let ended = workshop.endedAt.flatMap(LocalCalendar.instant(fromISO8601:)),
           let planned = LocalCalendar.instant(fromISO8601: workshop.plannedEnd) {
            let minutes = Int(WholeMinutes.rounded(ended.seconds(since: planned)))
            facts.append(Fact(label: "Total overrun", value: overrunText(minutes, verb: "ended")))
        } else if workshop.status == "running" {
            let minutes = workshop.delayMinutes
            facts.append(Fact(label: "Delay when saved", value: overrunText(minutes, verb: nil)))
        }
        let over = agenda.filter { ($0.overrunMinutes ?? 0) >= 1 }
        facts.append(Fact(label: "Slots over time", value: over.isEmpty ? "none" : "\(over.count) of \(agenda.count)"))
        let overtime = over.map { Fact(label: $0.title, value: signedMinutes($0.overrunMinutes ?? 0)) }
        return Timing(facts: facts, overtime: overtime)
    }

    /// "+4 min (ended 4 min late)", "none (ended on time)", "-3 min (ended 3 min early)".
    static func overrunText(_ minutes: Int, verb: String?) -> String {
        let prefix = verb.map { "\($0) " } ?? ""
        if minutes == 0 { return "none (\(prefix)on time)" }
        return minutes > 0 ? "\(signedMinutes(minutes)) (\(prefix)\(minutes) min late)"
            : "\(signedMinutes(minutes)) (\(prefix)\(-minutes) min early)"
    }

    /// "+6 min", "-2 min", "0 min".
    public static func signedMinutes(_ minutes: Int) -> String {
        minutes > 0 ? "+\(minutes) min" : minutes < 0 ? "\u{2212}\(-minutes) min" : "0 min"
    }

    /// The line polls of one slot are listed under: "During 12:00 Panel on cooperation", or for polls of no slot
    /// "Not tied to a slot".
    public static func slotHeading(_ slot: String?) -> String {
        slot.map { "During \($0)" } ?? "Not tied to a slot"
    }

    /// "1 ballot", "3 ballots", "2 entries".
    static func count(_ value: Int, _ noun: String, plural: String? = nil) -> String {
        CountedNoun.phrase(value, noun, plural: plural)
    }
}
