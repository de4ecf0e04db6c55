import Foundation
import Yams
import PlenaryEngine

/// Walks a composed YAML tree by hand (keeping every node's mark) and builds a `Session`.
///
/// The walk only descends into the structures the schema defines, so its depth is bounded by the schema
/// (root → agenda → slot → speakers → person) whatever the document looks like.
struct SessionReader {
    let read: NodeReader

    private var diagnostics: Diagnostics { read.diagnostics }

    /// Where a slot came from, to point at it when `PlannedAgenda` objects.
    private struct SlotSource {
        var fields: Fields?
        var node: Node
        var path: String
        /// Every timing key parsed cleanly.
        var timingValid: Bool
        /// The stated `min_duration`, when it still needs checking against the planned length.
        var pendingMinDuration: (minutes: Int, node: Node)?
    }

    /// An id declared by a slot, poll, template, group or field, for the duplicate check.
    private struct Declared {
        var id: String
        var mark: Mark?
        var path: String
        /// True when the id is the `slot-N` default rather than written in the file.
        var isDefault = false
    }

    /// A reference to a poll, group or template id.
    private struct Reference {
        var id: String
        var node: Node
        var path: String
    }

    func session(_ root: Node) -> Session? {
        guard let f = read.fields(root, "", allowed: SessionSchema.rootKeys) else { return nil }

        if let (version, node) = read.integer(f, "plenary", required: true), version != 1 {
            read.error(node.mark, "plenary", "unsupported format version \(version) (this version of Plenary reads version 1)")
        }
        let title = read.line(f, "title", required: true) ?? ""
        let subtitle = read.line(f, "subtitle")
        let venue = read.line(f, "venue")
        let howToVote = read.line(f, "how_to_vote")

        var date: CalendarDate? = nil
        if let node = read.present(f, "date", required: false), let raw = read.text(node, "date") {
            switch SessionValues.date(raw) {
            case let .success(value): date = value
            case let .failure(problem): read.error(node.mark, "date", problem.message)
            }
        }

        var timeZone = "UTC"
        if let node = read.present(f, "timezone", required: false), let raw = read.text(node, "timezone") {
            if LocalCalendar.knowsZone(raw) {
                timeZone = raw
            } else {
                read.error(node.mark, "timezone", "unknown time zone \"\(raw)\" (expected an IANA name like Europe/Madrid)")
            }
        }

        var language = "en"
        if let node = read.present(f, "language", required: false), let raw = read.text(node, "language") {
            if SessionValues.isLanguageTag(raw) {
                language = raw
            } else {
                read.error(node.mark, "language", "\"\(raw)\" is not a language code (expected something like en, es or pt-BR)")
            }
        }

        let organisers = read.strings(f, "organisers")?.map(\.value) ?? []
        let moderator = read.present(f, "moderator", required: false).flatMap { read.person($0, "moderator") }

        var endValid = true
        var end: TimeOfDay? = nil
        if let node = read.present(f, "end", required: false), let raw = read.text(node, "end") {
            switch SessionValues.time(raw) {
            case let .success(value): end = value
            case let .failure(problem):
                read.error(node.mark, "end", problem.message)
                endValid = false
            }
        } else if f.has("end"), !(f.value("end")?.isNull ?? true) {
            endValid = false
        }

        // Who may vote, unless a poll says otherwise.
        let defaultAdmission = read.choice(f, "admission", Admission.self) ?? .open
        var voterPIN: String? = nil
        if let node = read.present(f, "voter_pin", required: false), let raw = read.text(node, "voter_pin") {
            switch SecretHash.parse(raw) {
            case .success: voterPIN = raw
            case .failure(let problem): read.error(node.mark, "voter_pin", problem.message)
            }
        }

        // The workshop-wide Q&A or ideas board; each slot may have its own (read with the slot).
        var boards: [QABoardDefinition] = []
        if let node = read.present(f, "qa", required: false), let board = qaBoard(node, "qa", id: QABoardDefinition.workshopID, slotID: nil) {
            boards.append(board)
        }

        // Polls, templates and groups first: the agenda refers to them.
        var polls: [PollDefinition] = []
        var pollIDs: [Declared] = []
        for (index, node) in (read.list(f, "polls")?.items ?? []).enumerated() {
            let path = KeyPath.item("polls", index)
            guard let pf = read.fields(node, path, allowed: SessionSchema.pollKeys) else { continue }
            let id = read.id(pf, what: "poll")
            if let id { pollIDs.append(Declared(id: id, mark: pf.value("id")?.mark, path: pf.path("id"))) }
            if let poll = self.poll(pf, id: id, defaultAdmission: defaultAdmission) { polls.append(poll) }
        }

        var templates: [CaptureTemplate] = []
        var templateIDs: [Declared] = []
        for (index, node) in (read.list(f, "templates")?.items ?? []).enumerated() {
            let path = KeyPath.item("templates", index)
            guard let tf = read.fields(node, path, allowed: SessionSchema.templateKeys) else { continue }
            let id = read.id(tf, what: "template")
            if let id { templateIDs.append(Declared(id: id, mark: tf.value("id")?.mark, path: tf.path("id"))) }
            if let template = self.template(tf, id: id) { templates.append(template) }
        }

        var groups: [WorkingGroup] = []
        var groupIDs: [Declared] = []
        var templateReferences: [Reference] = []
        for (index, node) in (read.list(f, "groups")?.items ?? []).enumerated() {
            let path = KeyPath.item("groups", index)
            guard let gf = read.fields(node, path, allowed: SessionSchema.groupKeys) else { continue }
            let id = read.id(gf, what: "group")
            if let id { groupIDs.append(Declared(id: id, mark: gf.value("id")?.mark, path: gf.path("id"))) }
            let name = read.line(gf, "name", required: true)
            let facilitator = read.present(gf, "facilitator", required: false).flatMap { read.person($0, gf.path("facilitator")) }
            let lead = read.line(gf, "lead")
            let members = read.strings(gf, "members")?.map(\.value) ?? []
            let refs = read.strings(gf, "templates", required: true)
            if let refs {
                if refs.isEmpty, let node = gf.value("templates"), case .sequence = node {
                    read.error(node.mark, gf.path("templates"), "a working group needs at least one template")
                }
                templateReferences += refs.map { Reference(id: $0.value, node: $0.node, path: $0.path) }
                checkRepeats(refs, what: "template")
            }
            if let id, let name {
                groups.append(WorkingGroup(id: id, name: name, facilitator: facilitator, lead: lead,
                                           members: members, templates: refs?.map(\.value) ?? []))
            }
        }

        // The agenda.
        var slots: [Slot] = []
        var sources: [SlotSource] = []
        var slotIDs: [Declared] = []
        var pollReferences: [Reference] = []
        var groupReferences: [Reference] = []
        var agendaComplete = true
        if let (items, node) = read.list(f, "agenda", required: true) {
            if items.isEmpty {
                read.error(node.mark, "agenda", "the agenda needs at least one slot")
            }
            for (index, item) in items.enumerated() {
                let path = KeyPath.item("agenda", index)
                guard let sf = read.fields(item, path, allowed: SessionSchema.slotKeys) else {
                    agendaComplete = false
                    continue
                }
                var source = SlotSource(fields: sf, node: item, path: path, timingValid: true)
                var id = "slot-\(index + 1)"
                if let written = read.string(sf, "id") {
                    read.checkID(written, node: sf.value("id"), path: sf.path("id"))
                    id = written
                    slotIDs.append(Declared(id: id, mark: sf.value("id")?.mark, path: sf.path("id")))
                } else {
                    slotIDs.append(Declared(id: id, mark: sf.mark, path: path, isDefault: true))
                }
                let slot = self.slot(sf, id: id, source: &source)
                if let node = read.present(sf, "qa", required: false),
                   let board = qaBoard(node, sf.path("qa"), id: id, slotID: id) {
                    boards.append(board)
                }
                if let refs = read.strings(sf, "polls") {
                    pollReferences += refs.map { Reference(id: $0.value, node: $0.node, path: $0.path) }
                    checkRepeats(refs, what: "poll")
                }
                if let refs = read.strings(sf, "groups") {
                    groupReferences += refs.map { Reference(id: $0.value, node: $0.node, path: $0.path) }
                    checkRepeats(refs, what: "group")
                }
                slots.append(slot)
                sources.append(source)
            }
        } else {
            agendaComplete = false
        }

        // Ids and references.
        checkUnique(slotIDs, what: "slot")
        checkUnique(pollIDs, what: "poll")
        checkUnique(templateIDs, what: "template")
        checkUnique(groupIDs, what: "group")
        checkReferences(pollReferences, to: pollIDs, what: "poll")
        checkReferences(groupReferences, to: groupIDs, what: "group")
        checkReferences(templateReferences, to: templateIDs, what: "template")

        var session = Session(
            title: title, subtitle: subtitle, date: date, venue: venue, timeZone: timeZone, language: language,
            organisers: organisers, moderator: moderator, end: end, agenda: slots, polls: polls,
            templates: templates, groups: groups, voterPIN: voterPIN)
        session.howToVote = howToVote
        session.qa = boards

        // Planned times: every problem at once, leaving out only what an unreadable value makes unknowable.
        if agendaComplete, !slots.isEmpty {
            if end != nil, !slots.contains(where: { $0.start != nil }) {
                read.error(f.value("end")?.mark, "end",
                           "needs an agenda with start times (no slot has a start, so the agenda floats)")
            } else {
                checkPlan(session, sources, endValid: endValid)
            }
        }
        return session
    }

    // MARK: - Slots

    private func slot(_ f: Fields, id: String, source: inout SlotSource) -> Slot {
        var start: TimeOfDay? = nil
        if let node = read.present(f, "start", required: false) {
            if let raw = read.text(node, f.path("start")) {
                switch SessionValues.time(raw) {
                case let .success(value): start = value
                case let .failure(problem):
                    read.error(node.mark, f.path("start"), problem.message)
                    source.timingValid = false
                }
            } else {
                source.timingValid = false
            }
        }
        let duration = minutes(f, "duration", source: &source)
        let title = read.line(f, "title", required: true) ?? ""
        let kind = read.choice(f, "kind", SlotKind.self) ?? .talk
        var speakers: [Person] = []
        for (index, node) in (read.list(f, "speakers")?.items ?? []).enumerated() {
            if let person = read.person(node, KeyPath.item(f.path("speakers"), index)) { speakers.append(person) }
        }
        let tbc = read.bool(f, "tbc") ?? false
        let notes = read.string(f, "notes")
        let fixedValue = read.bool(f, "fixed")
        // An unreadable `fixed` is reported already; the slot's times can still be checked.
        let fixedUnreadable = f.has("fixed") && fixedValue == nil && !(f.value("fixed")?.isNull ?? true)
        let fixed = fixedValue ?? false
        let minDuration = minutes(f, "min_duration", source: &source)
        if let minDuration, let node = f.value("min_duration") {
            if fixedUnreadable {
                // Whether min_duration applies is unknown until `fixed` reads true or false.
            } else if !fixed {
                read.error(f.keyMark("min_duration"), f.path("min_duration"),
                           "min_duration only applies to a fixed slot (add fixed: true)")
            } else if let duration {
                if minDuration > duration {
                    read.error(node.mark, f.path("min_duration"),
                               "min_duration (\(minDuration) min) is longer than the slot (\(duration) min)")
                }
            } else {
                source.pendingMinDuration = (minDuration, node)
            }
        }
        let track = read.line(f, "track")
        return Slot(
            id: id, title: title, kind: kind, start: start, durationMinutes: duration, speakers: speakers, tbc: tbc,
            notes: notes, fixed: fixed, minDurationMinutes: fixed ? minDuration : nil, track: track,
            polls: read.stringsQuietly(f, "polls"), groups: read.stringsQuietly(f, "groups"))
    }

    private func minutes(_ f: Fields, _ key: String, source: inout SlotSource) -> Int? {
        guard let node = read.present(f, key, required: false) else { return nil }
        guard let raw = read.text(node, f.path(key)) else {
            source.timingValid = false
            return nil
        }
        switch SessionValues.minutes(raw) {
        case let .success(value): return value
        case let .failure(problem):
            read.error(node.mark, f.path(key), problem.message)
            source.timingValid = false
            return nil
        }
    }

    private func checkPlan(_ session: Session, _ sources: [SlotSource], endValid: Bool) {
        let unreadable = Set(sources.indices.filter { !sources[$0].timingValid })
        let problems = PlannedAgenda.problems(session, unreadableSlots: unreadable, unreadableEnd: !endValid)
        for problem in problems {
            let source = sources[problem.slotIndex]
            let mark = source.fields?.keyMark(problem.field) ?? source.fields?.mark ?? source.node.mark
            read.error(mark, KeyPath.child(source.path, problem.field), problem.message)
        }
        guard problems.isEmpty, unreadable.isEmpty, endValid else { return }
        switch PlannedAgenda.plan(session) {
        case .failure:
            break
        case let .success(plan):
            for (index, source) in sources.enumerated() {
                guard let (minutes, node) = source.pendingMinDuration else { continue }
                let planned = plan.entries[index].durationMinutes
                if minutes > planned {
                    read.error(node.mark, KeyPath.child(source.path, "min_duration"),
                               "min_duration (\(minutes) min) is longer than the slot's planned \(planned) min")
                }
            }
        }
    }

    // MARK: - Polls

    private func poll(_ f: Fields, id: String?, defaultAdmission: Admission) -> PollDefinition? {
        let question = read.string(f, "question", required: true)
        let type = read.choice(f, "type", PollType.self, required: true)
        let optionItems = read.strings(f, "options")
        if let optionItems { checkRepeats(optionItems, what: "option") }
        let options = optionItems?.map(\.value) ?? []
        let maxPicks = read.integer(f, "max_picks")
        let maxPerOption = read.integer(f, "max_per_option")
        let maxLength = read.integer(f, "max_length")
        let points = read.integer(f, "points")
        let admission = read.choice(f, "admission", Admission.self) ?? defaultAdmission
        let liveResults = read.bool(f, "live_results") ?? false
        var scale: RatingScale? = nil
        var scaleValid = true
        if let node = read.present(f, "scale", required: false) {
            scale = self.scale(node, f.path("scale"))
            scaleValid = scale != nil
        }
        guard let type else { return nil }

        func misplaced(_ key: String, _ message: String) {
            if f.has(key) { read.error(f.keyMark(key), f.path(key), message) }
        }
        let name: String = switch type {
        case .single: "a single-choice poll"
        case .multiple: "a multiple-choice poll"
        case .scale: "a scale poll"
        case .open: "an open poll"
        case .ranking: "a ranking poll"
        case .allocation: "an allocation poll"
        }

        switch type {
        case .scale:
            misplaced("options", "\(name) takes no options (set its range with scale: {min: 1, max: 5})")
        case .open:
            misplaced("options", "\(name) takes no options (answers are free text)")
        case .single, .multiple, .ranking, .allocation:
            let needed = type == .ranking ? 1 : 2
            if !f.has("options") {
                read.error(f.mark, f.path, "missing required key \"options\" (\(name) needs at least \(needed))")
            } else if let optionItems, optionItems.count < needed, let node = f.value("options") {
                read.error(node.mark, f.path("options"),
                           "\(name) needs at least \(needed) option\(needed == 1 ? "" : "s"), found \(optionItems.count)")
            }
        }
        if type != .multiple { misplaced("max_picks", "max_picks only applies to a multiple-choice poll") }
        if type != .multiple { misplaced("max_per_option", "max_per_option only applies to a multiple-choice poll (a dot vote)") }
        if type != .scale { misplaced("scale", "scale only applies to a scale poll") }
        if type != .open { misplaced("max_length", "max_length only applies to an open poll") }
        if type != .allocation { misplaced("points", "points only applies to an allocation poll") }

        // A dot vote (dots stacking on an option) may hand out more dots than there are options.
        let stack = type == .multiple ? (maxPerOption?.value ?? 1) : 1
        if type == .multiple, let (value, node) = maxPerOption {
            if !(1...20).contains(value) {
                read.error(node.mark, f.path("max_per_option"), "must be between 1 and 20 dots on one option, found \(value)")
            } else if value > 1, maxPicks == nil {
                read.error(node.mark, f.path("max_per_option"),
                           "a dot vote needs max_picks too (the dots each person has)")
            } else if let picks = maxPicks?.value, value > picks {
                read.error(node.mark, f.path("max_per_option"),
                           "must be at most max_picks (\(picks) dots in all), found \(value)")
            }
        }
        if type == .multiple, let (value, node) = maxPicks, !options.isEmpty, (1...20).contains(stack),
           !(1...(options.count * stack)).contains(value) {
            read.error(node.mark, f.path("max_picks"), stack == 1
                       ? "must be between 1 and \(options.count) (the number of options), found \(value)"
                       : "must be between 1 and \(options.count * stack) (\(options.count) options, up to \(stack) dots on each), found \(value)")
        }
        if type == .open, let (value, node) = maxLength, !(1...2000).contains(value) {
            read.error(node.mark, f.path("max_length"), "must be between 1 and 2000 characters, found \(value)")
        }
        if type == .allocation, let (value, node) = points, !(1...10_000).contains(value) {
            read.error(node.mark, f.path("points"), "must be between 1 and 10000, found \(value)")
        }
        guard let id, let question, scaleValid else { return nil }
        return PollDefinition(
            id: id, question: question, type: type,
            options: type == .scale || type == .open ? [] : options,
            maxPicks: type == .multiple ? maxPicks?.value : nil,
            scale: type == .scale ? (scale ?? RatingScale(min: 1, max: 5)) : nil,
            maxLength: type == .open ? (maxLength?.value ?? 280) : nil,
            points: type == .allocation ? (points?.value ?? 100) : nil,
            admission: admission, liveResults: liveResults,
            maxPerOption: type == .multiple && stack > 1 ? stack : nil)
    }

    private func scale(_ node: Node, _ path: String) -> RatingScale? {
        guard let f = read.fields(node, path, allowed: SessionSchema.scaleKeys) else { return nil }
        let min = read.integer(f, "min")
        let max = read.integer(f, "max")
        let minLabel = read.line(f, "min_label")
        let maxLabel = read.line(f, "max_label")
        if (f.has("min") && min == nil) || (f.has("max") && max == nil) { return nil }
        let low = min?.value ?? 1, high = max?.value ?? 5
        if low >= high {
            read.error(max?.node.mark ?? min?.node.mark ?? f.mark, max != nil ? f.path("max") : f.path("min"),
                       "max (\(high)) must be greater than min (\(low))")
            return nil
        }
        if high - low > 10 {
            read.error(f.mark, path, "a scale has at most 11 points (max - min ≤ 10), found \(low) to \(high)")
            return nil
        }
        return RatingScale(min: low, max: high, minLabel: minLabel, maxLabel: maxLabel)
    }

    // MARK: - Q&A boards

    /// A `qa` block: every key optional, so `qa: {}` is a pre-moderated, anonymous question board with upvotes.
    private func qaBoard(_ node: Node, _ path: String, id: String, slotID: String?) -> QABoardDefinition? {
        guard let f = read.fields(node, path, allowed: SessionSchema.qaKeys) else { return nil }
        var board = QABoardDefinition(id: id, slotID: slotID)
        var valid = true
        if let kind = read.choice(f, "kind", QABoardKind.self) { board.kind = kind } else if f.has("kind") { valid = false }
        board.title = read.line(f, "title")
        if let names = read.choice(f, "names", QANames.self) { board.names = names } else if f.has("names") { valid = false }
        if let premoderation = read.bool(f, "premoderation") { board.premoderation = premoderation } else if f.has("premoderation") { valid = false }
        if let upvotes = read.bool(f, "upvotes") { board.upvotes = upvotes } else if f.has("upvotes") { valid = false }
        if let (value, node) = read.integer(f, "max_length") {
            if QABoardDefinition.maxLengthRange.contains(value) {
                board.maxLength = value
            } else {
                read.error(node.mark, f.path("max_length"),
                           "must be between \(QABoardDefinition.maxLengthRange.lowerBound) and \(QABoardDefinition.maxLengthRange.upperBound) characters, found \(value)")
                valid = false
            }
        } else if f.has("max_length") {
            valid = false
        }
        return valid ? board : nil
    }

    // MARK: - Templates

    private func template(_ f: Fields, id: String?) -> CaptureTemplate? {
        let name = read.line(f, "name", required: true)
        var fields: [TemplateField] = []
        var fieldIDs: [Declared] = []
        if let (items, node) = read.list(f, "fields", required: true) {
            if items.isEmpty { read.error(node.mark, f.path("fields"), "a template needs at least one field") }
            for (index, item) in items.enumerated() {
                let path = KeyPath.item(f.path("fields"), index)
                guard let ff = read.fields(item, path, allowed: SessionSchema.fieldKeys) else { continue }
                let fieldID = read.id(ff, what: "field")
                if let fieldID { fieldIDs.append(Declared(id: fieldID, mark: ff.value("id")?.mark, path: ff.path("id"))) }
                let label = read.line(ff, "label", required: true)
                let kind = read.choice(ff, "type", FieldKind.self) ?? (ff.has("type") ? nil : .text)
                let required = read.bool(ff, "required") ?? false
                let help = read.line(ff, "help")
                let choiceItems = read.strings(ff, "choices")
                if let choiceItems { checkRepeats(choiceItems, what: "choice") }
                if kind == .choice {
                    if !ff.has("choices") {
                        read.error(ff.mark, ff.path, "missing required key \"choices\" (a choice field needs at least 2)")
                    } else if let choiceItems, choiceItems.count < 2, let node = ff.value("choices") {
                        read.error(node.mark, ff.path("choices"), "a choice field needs at least 2 choices, found \(choiceItems.count)")
                    }
                } else if kind != nil, ff.has("choices") {
                    read.error(ff.keyMark("choices"), ff.path("choices"), "choices only apply to a field of type choice")
                }
                if let fieldID, let label, let kind {
                    fields.append(TemplateField(id: fieldID, label: label, kind: kind,
                                                choices: kind == .choice ? choiceItems?.map(\.value) ?? [] : [],
                                                required: required, help: help))
                }
            }
        }
        checkUnique(fieldIDs, what: "field")
        guard let id, let name else { return nil }
        return CaptureTemplate(id: id, name: name, fields: fields)
    }

    // MARK: - Cross checks

    /// Reports each id declared again, at the second declaration.
    private func checkUnique(_ declared: [Declared], what: String) {
        var first: [String: Declared] = [:]
        for item in declared {
            guard let earlier = first[item.id] else {
                first[item.id] = item
                continue
            }
            let line = earlier.mark?.line ?? 1
            if item.isDefault {
                read.error(item.mark, item.path,
                           "this slot's default id \"\(item.id)\" is already used (first at line \(line)); give the slot an id")
            } else {
                read.error(item.mark, item.path, "duplicate \(what) id \"\(item.id)\" (first at line \(line))")
            }
        }
    }

    /// Reports a value listed twice in one list, at the second.
    private func checkRepeats(_ items: [(value: String, node: Node, path: String)], what: String) {
        var first: [String: Node] = [:]
        for item in items {
            if let earlier = first[item.value] {
                read.error(item.node.mark, item.path,
                           "duplicate \(what) \"\(item.value)\" (first at line \(earlier.mark?.line ?? 1))")
            } else {
                first[item.value] = item.node
            }
        }
    }

    private func checkReferences(_ references: [Reference], to declared: [Declared], what: String) {
        let known = Set(declared.map(\.id))
        for reference in references where !known.contains(reference.id) {
            // Joined only for a message: every start checks references before its first frame (decision 109).
            let hint = declared.isEmpty ? "no \(what)s are defined" : "defined \(what)s: \(declared.map(\.id).joined(separator: ", "))"
            read.error(reference.node.mark, reference.path, "unknown \(what) \"\(reference.id)\" (\(hint))")
        }
    }
}

extension NodeReader {
    /// The strings of a list already validated by `strings(_:_:)`, without reporting twice.
    func stringsQuietly(_ f: Fields, _ key: String) -> [String] {
        guard let node = f.value(key), case let .sequence(sequence) = node else { return [] }
        return sequence.compactMap { item in
            guard case let .scalar(scalar) = item, !item.isNull else { return nil }
            let value = SessionValues.trimmed(scalar.string)
            return value.isEmpty || value.contains(where: \.isNewline) ? nil : value
        }
    }
}
