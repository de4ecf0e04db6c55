import Foundation

/// The results file: a complete picture of the workshop derived from the state, rewritten (coalesced, off the key
/// path: `ResultsSchedule`, `ResultsWriter`) after recorded actions. Field names are part of the results schema (bump `schemaVersion` when they change; the
/// report and merge read every version ever written: fields added later are optional).
public struct ResultsSnapshot: Codable, Sendable {
    /// 1: first release. 2: `workshop.fingerprint`, `workshop.record` and entries' `origin` (merging).
    /// 3: `agendaChanges` and `fileAgenda` (live agenda changes, issue 15), present once the plan was changed.
    /// 4: a show of hands apart from ballots (`ballotCount` is ballots only; `hands`, `combinedVoterCount`, options'
    /// `ballots` and `hands`), speakers as objects with role and affiliation, ad-hoc polls' slot (issue 15).
    /// Older files are read into this shape by `decode` (`ResultsUpgrade`).
    ///    `qa` (Q&A and ideas boards, issue 16), present when the session has a board.
    public static let schemaVersion = 4

    public var schemaVersion = ResultsSnapshot.schemaVersion
    public var generator: String
    public var savedAt: String
    public var sessionFile: String
    public var workshop: Workshop
    /// The running agenda: the file's with the changes in `agendaChanges`; planned (as changed) and actual times.
    public var slots: [SlotResult]
    /// Every change to the plan in the order it was made, undos included; left out if the plan never changed.
    public var agendaChanges: [AgendaChangeResult]?
    /// The agenda as the session file planned it; left out while the running agenda is the file's.
    public var fileAgenda: [FileSlotResult]?
    public var polls: [PollResult]
    public var groups: [GroupResult]
    /// Q&A and ideas boards (version 4); left out when the session has none.
    public var qa: [QABoardResult]?

    public struct AgendaChangeResult: Codable, Sendable, Equatable {
        public var at: String
        /// "Inserted “Minister’s message” (10 min) after “Registration”".
        public var change: String
    }

    public struct FileSlotResult: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var plannedStart: String
        public var plannedMinutes: Int
    }

    public struct Workshop: Codable, Sendable {
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
        /// Identifies the session (see `Session.fingerprint`); merging refuses files whose fingerprint differs.
        public var fingerprint: String?
        /// Identifies this record (one journal); entries merged from it name it as their origin.
        public var record: String?
        /// True for a rehearsal's results (`plenary run --rehearse`): times are the rehearsal clock's, not the day's.
        /// Absent for a real workshop, so its file reads as before.
        public var rehearsal: Bool?
    }

    public struct SlotResult: Codable, Sendable {
        public var id: String
        public var title: String
        public var kind: String
        public var fixed: Bool
        public var status: String
        public var speakers: [SpeakerResult]
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

    /// A speaker with what the session (or a confirmation on the day) says about them; absent fields are left out.
    /// Files before version 4 held one string per speaker ("Ana Ruiz, EURADA (TBC)"): read as its `name`.
    public struct SpeakerResult: Codable, Sendable, Equatable {
        public var name: String
        public var role: String?
        public var affiliation: String?
        /// Only when not yet confirmed (true); absent once confirmed.
        public var tbc: Bool?

        public init(name: String, role: String? = nil, affiliation: String? = nil, tbc: Bool? = nil) {
            self.name = name
            self.role = role
            self.affiliation = affiliation
            self.tbc = tbc
        }

        public init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                self.init(name: text)
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(name: try container.decode(String.self, forKey: .name),
                      role: try container.decodeIfPresent(String.self, forKey: .role),
                      affiliation: try container.decodeIfPresent(String.self, forKey: .affiliation),
                      tbc: try container.decodeIfPresent(Bool.self, forKey: .tbc))
        }
    }

    public struct GroupResult: Codable, Sendable {
        public var id: String
        public var name: String
        public var facilitator: String?
        public var lead: String?
        public var members: [String]
        public var templates: [String]
        public var entries: [EntryResult]
    }

    public struct EntryResult: Codable, Sendable {
        public var id: String
        public var order: Int
        public var template: String
        public var author: String
        public var createdAt: String
        public var editedAt: String
        /// In the template's field order; list fields as arrays of items.
        public var fields: [FieldResult]
        /// For entries merged from another laptop's results.
        public var origin: EntryOrigin?
    }

    public struct FieldResult: Codable, Sendable {
        public var id: String
        public var label: String
        public var type: String
        public var text: String?
        public var items: [String]?
    }

    public struct PollResult: Codable, Sendable {
        public var id: String
        public var question: String
        public var type: String
        public var options: [String]
        public var maxPicks: Int?
        /// A dot vote: dots one ballot may stack on an option. Absent otherwise, so other polls read as before.
        public var maxPerOption: Int? = nil
        public var scale: Scale?
        public var maxLength: Int?
        public var points: Int?
        public var admission: String
        public var liveResults: Bool
        public var adHoc: Bool
        /// For polls made from working-group entries: the entry behind each option, in option order.
        public var entries: [String]?
        /// Agenda slots the poll belongs to; for an ad-hoc poll (from version 4), the slot current when it was made.
        public var slots: [String]
        public var status: String
        public var revealed: Bool
        public var rounds: [RoundResult]
    }

    public struct Scale: Codable, Sendable {
        public var min: Int
        public var max: Int
        public var minLabel: String?
        public var maxLabel: String?
    }

    /// One round's outcome. Ballots appear only as totals, and open answers sorted alphabetically, so the
    /// file never tells in which order people voted.
    public struct RoundResult: Codable, Sendable {
        public var round: Int
        /// Ballots only (version 4 on); a show of hands is in `hands`. Before version 4 it counted the hand voters
        /// too, and `decode` takes them out.
        public var ballotCount: Int
        /// Per option, in the poll's option order: votes (choice), average score (ranking), total points (allocation).
        public var options: [OptionResult]?
        /// The moderator's show of hands per option, in option order, as typed in.
        public var handCounts: [Int]?
        /// Hands raised, all options together; present with a show of hands.
        public var hands: Int?
        /// Ballots plus the people the hands stand for (all hands for a single choice, the largest count for a
        /// multiple choice): the base of the options' `share`. Present with a show of hands.
        public var combinedVoterCount: Int?
        public var scale: ScaleResult?
        public var answers: [String]?
        public var terms: [TermResult]?
        /// The round's answers as the running tally keeps them, when the snapshot was made only to be written
        /// (`answersLeftInTally`): `answers` is then nil and the encoder reads them from here, so 100k answers are
        /// not gathered into one more array per write (issue 13). Never in the file.
        var tallyAnswers: AlphabeticalAnswers?

        enum CodingKeys: String, CodingKey {
            case round, ballotCount, options, handCounts, hands, combinedVoterCount, scale, answers, terms
        }
    }

    public struct OptionResult: Codable, Sendable {
        public var option: String
        /// Choice polls: ballots and hands together, what the bar shows.
        public var count: Int?
        /// Choice polls (version 4 on): the ballots of `count`.
        public var ballots: Int?
        /// Choice polls with a show of hands: the hands of `count`.
        public var hands: Int?
        public var averageScore: Double?
        public var points: Int?
        public var share: Double
    }

    public struct ScaleResult: Codable, Sendable {
        public var mean: Double
        public var median: Double
        /// Ballots per value, from the scale's minimum to its maximum.
        public var distribution: [Int]
    }

    public struct TermResult: Codable, Sendable {
        public var term: String
        public var count: Int
    }

    /// The state as a snapshot reads it, to hand to another thread: rounds whose running tally counts for their poll
    /// leave their ballots out (the snapshot reads the tally). The live state's next ballot then appends to an array
    /// nobody else holds, instead of copying every ballot because the writer's copy still shares them (issue 13).
    /// Costs one pass over the polls' rounds, none over ballots.
    public static func input(from state: WorkshopState) -> WorkshopState {
        var input = state
        for poll in input.polls.indices {
            let definition = input.polls[poll].definition
            for round in input.polls[poll].rounds.indices where input.polls[poll].rounds[round].tally?.definition == definition {
                input.polls[poll].rounds[round].leaveBallotsOut()
            }
        }
        return input
    }

    /// - Parameter answersLeftInTally: leave open answers in the rounds' tallies for the encoder (`tallyAnswers`)
    ///   instead of listing them in `answers`: for a snapshot that is only written to the file.
    public init(state: WorkshopState, sessionFile: String, generator: String, answersLeftInTally: Bool = false) {
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
            delayMinutes: Int(WholeMinutes.rounded(schedule.delaySeconds)),
            currentSlot: state.hasEnded ? nil : state.currentSlot.id,
            recordedActions: state.recordedActions, fingerprint: state.sessionFingerprint, record: state.recordID,
            rehearsal: state.isRehearsal ? true : nil)
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
                speakers: slot.speakers.map(Self.speaker),
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
        let changes = state.planChanges
        agendaChanges = changes.log.isEmpty ? nil
            : changes.log.map { AgendaChangeResult(at: calendar.iso8601($0.at), change: $0.summary) }
        if let file = changes.fileAgenda {
            let origin = LiveSchedule.planOrigin(state)
            fileAgenda = zip(file.slots, file.entries).map { slot, entry in
                FileSlotResult(id: slot.id, title: slot.title,
                               plannedStart: calendar.iso8601(origin.adding(seconds: Int64(entry.startMinute) * 60)),
                               plannedMinutes: entry.durationMinutes)
            }
        }
        polls = state.polls.map { Self.pollResult($0, state: state, answersLeftInTally: answersLeftInTally) }
        groups = state.groups.map { Self.groupResult($0, state: state) }
        qa = state.qa.isEmpty ? nil : state.qa.map(QABoardResult.init)
    }

    static func pollResult(_ poll: PollState, state: WorkshopState, answersLeftInTally: Bool = false) -> PollResult {
        let definition = poll.definition
        let rounds = poll.rounds.enumerated().map { index, round in
            roundResult(round, number: index + 1, poll: definition, language: state.session.language,
                        answersLeftInTally: answersLeftInTally)
        }
        return PollResult(
            id: definition.id, question: definition.question, type: definition.type.rawValue, options: definition.options,
            maxPicks: definition.maxPicks, maxPerOption: definition.stacksDots ? definition.maxPerOption : nil,
            scale: definition.scale.map { Scale(min: $0.min, max: $0.max, minLabel: $0.minLabel, maxLabel: $0.maxLabel) },
            maxLength: definition.maxLength, points: definition.points, admission: definition.admission.rawValue,
            liveResults: definition.liveResults, adHoc: poll.isAdHoc, entries: definition.entryIDs,
            slots: poll.isAdHoc ? poll.createdInSlot.map { [$0] } ?? []
                : state.session.agenda.filter { $0.polls.contains(definition.id) }.map(\.id),
            status: poll.status.rawValue, revealed: poll.revealed, rounds: rounds)
    }

    static func roundResult(_ round: PollRound, number: Int, poll: PollDefinition, language: String,
                            answersLeftInTally: Bool = false) -> RoundResult {
        let results = PollTally.results(of: round, for: poll, language: language)
        var result = RoundResult(round: number, ballotCount: results.ballotCount, handCounts: round.handCounts)
        let hands = (round.handCounts ?? []).map { max(0, $0) }
        let isChoice = poll.type == .single || poll.type == .multiple
        if isChoice, round.handCounts != nil {
            result.hands = results.handCount
            result.combinedVoterCount = results.combinedVoterCount
        }
        // Rows come sorted for display; the file lists options in their declared order.
        let byOption = Dictionary(results.rows.compactMap { row in row.optionIndex.map { ($0, row) } }) { first, _ in first }
        func share(_ row: PollResults.Row?) -> Double { ((row?.fraction ?? 0) * 10_000).rounded() / 10_000 }
        switch poll.type {
        case .single, .multiple:
            result.options = poll.options.indices.map { index in
                let count = Int(byOption[index]?.value ?? 0)
                let hand = round.handCounts == nil ? nil : index < hands.count ? hands[index] : 0
                return OptionResult(option: poll.options[index], count: count, ballots: count - (hand ?? 0), hands: hand,
                                    share: share(byOption[index]))
            }
        case .ranking:
            result.options = poll.options.indices.map { index in
                OptionResult(option: poll.options[index], averageScore: ((byOption[index]?.value ?? 0) * 100).rounded() / 100,
                             share: share(byOption[index]))
            }
        case .allocation:
            result.options = poll.options.indices.map { index in
                OptionResult(option: poll.options[index], points: Int(byOption[index]?.value ?? 0), share: share(byOption[index]))
            }
        case .scale:
            result.scale = results.scale.map {
                ScaleResult(mean: ($0.mean * 100).rounded() / 100, median: $0.median, distribution: $0.distribution)
            }
        case .open:
            if answersLeftInTally {
                result.tallyAnswers = results.answers
            } else {
                result.answers = results.answers.all
            }
            result.terms = results.rows.map { TermResult(term: $0.label, count: Int($0.value)) }
        }
        return result
    }

    static func groupResult(_ group: GroupState, state: WorkshopState) -> GroupResult {
        let definition = group.definition
        let entries = group.entries.enumerated().map { order, entry in
            let template = state.session.templates.first { $0.id == entry.template }
            let fields = (template?.fields ?? []).map { field in
                let value = entry.fields[field.id] ?? ""
                return field.kind == .list
                    ? FieldResult(id: field.id, label: field.label, type: field.kind.rawValue,
                                  items: value.split(separator: "\n").map(String.init).filter { !$0.isEmpty })
                    : FieldResult(id: field.id, label: field.label, type: field.kind.rawValue, text: value)
            }
            return EntryResult(id: entry.id, order: order + 1, template: entry.template, author: entry.author,
                               createdAt: state.calendar.iso8601(entry.createdAt), editedAt: state.calendar.iso8601(entry.editedAt),
                               fields: fields, origin: entry.origin)
        }
        return GroupResult(id: definition.id, name: definition.name, facilitator: definition.facilitator.map(describe),
                           lead: definition.lead, members: definition.members, templates: definition.templates, entries: entries)
    }

    static func speaker(_ person: Person) -> SpeakerResult {
        SpeakerResult(name: person.name, role: person.role, affiliation: person.affiliation, tbc: person.tbc ? true : nil)
    }

    static func describe(_ person: Person) -> String {
        var text = person.name
        if let affiliation = person.affiliation { text += ", \(affiliation)" }
        if person.tbc { text += " (TBC)" }
        return text
    }

    /// Reads a results file of any schema version this program has written.
    public static func decode(_ bytes: [UInt8]) throws -> ResultsSnapshot {
        try JSONDecoder().decode(ResultsSnapshot.self, from: Data(bytes)).upgradedToCurrentSchema()
    }

    /// Compact JSON (a third smaller than pretty-printed, and quicker to write); sorted keys, so two snapshots of
    /// one state are byte for byte the same. Open answers are written straight into the output rather than through
    /// `JSONEncoder` (`AnswerSplicingEncoder`, decision 96): the same bytes, without a copy of them per stage.
    public func encoded() -> [UInt8] {
        AnswerSplicingEncoder.encode(self)
    }

    /// This snapshot with answers left in tallies listed in `answers`, as a snapshot made without
    /// `answersLeftInTally` has them.
    func withAnswersListed() -> ResultsSnapshot {
        var listed = self
        for poll in listed.polls.indices {
            for round in listed.polls[poll].rounds.indices {
                guard let tally = listed.polls[poll].rounds[round].tallyAnswers else { continue }
                listed.polls[poll].rounds[round].answers = tally.all
                listed.polls[poll].rounds[round].tallyAnswers = nil
            }
        }
        return listed
    }

    /// The same bytes handed to `write` in pieces of about 64 KB, for a file written as it is encoded: the
    /// results of 100k answers are never one more whole copy in memory.
    public func encode<Failure: Error>(to write: ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        try AnswerSplicingEncoder.stream(self, into: write)
    }
}
