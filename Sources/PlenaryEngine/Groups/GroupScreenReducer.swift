/// The working-group screens: list, entries, the entry form and its autosave.
enum GroupScreenReducer {
    static func reduce(_ state: inout WorkshopState, _ action: GroupAction) -> [Effect] {
        let now = state.now
        switch action {
        case .openList:
            guard !state.groups.isEmpty else {
                state.notice = Notice(text: "This session has no working groups.", level: .info, until: now.adding(seconds: 6))
                return []
            }
            state.screen = .groupList(selection: 0)
        case .moveSelection(let delta):
            if case .groupList(let selection) = state.screen {
                state.screen = .groupList(selection: min(state.groups.count - 1, max(0, selection + delta)))
            }
        case .show(let id):
            if state.group(id) != nil { state.screen = .group(id: id, selection: 0) }
        case .becomeFacilitator(let id):
            guard state.group(id) != nil else { return [] }
            state.role = .facilitator
            state.facilitatorGroup = id
            state.screen = .group(id: id, selection: 0)
        case .showHelp:
            if case .group(let id, let selection) = state.screen { state.screen = .groupHelp(id: id, selection: selection) }
        case .showAgenda:
            if case .group(let id, let selection) = state.screen { state.screen = .groupAgenda(id: id, selection: selection) }
        case .moveEntrySelection(let delta):
            if case .group(let id, let selection) = state.screen, let group = state.group(id) {
                state.screen = .group(id: id, selection: min(max(0, group.entries.count - 1), max(0, selection + delta)))
            }
        case .addEntry(let templateIndex):
            guard case .group(let id, _) = state.screen, let group = state.group(id) else { return [] }
            guard templateIndex < group.definition.templates.count,
                  let template = state.template(group.definition.templates[templateIndex]) else {
                let offered = group.definition.templates.enumerated()
                    .map { "\($0.offset + 1) \(state.template($0.element)?.name ?? $0.element)" }.joined(separator: ", ")
                WorkshopReducer.refuse(&state, "No template \(templateIndex + 1) here: this group uses \(offered).")
                return []
            }
            // On the group's own screen the entry is the facilitator's, by name when the session names them (a
            // TBC facilitator is not a name yet); on the plenary's screen it is the moderator's.
            let facilitator = group.definition.facilitator.flatMap { $0.tbc || $0.name.isEmpty ? nil : $0.name }
            let author = state.role == .facilitator ? facilitator ?? state.role.rawValue : state.role.rawValue
            let recording = WorkshopReducer.record(.group(.add(group: id, template: template.id, author: author)), in: &state)
            if recording.isRecorded, let entry = state.group(id)?.entries.last {
                state.screen = .entry(EntryDraft.open(entry, groupID: id, template: template, fieldIndex: 0))
            }
            return recording.effects
        case .openEntry:
            guard case .group(let id, let selection) = state.screen, let group = state.group(id),
                  selection < group.entries.count, let template = state.template(group.entries[selection].template) else { return [] }
            state.screen = .entry(EntryDraft.open(group.entries[selection], groupID: id, template: template, fieldIndex: 0))
        case .deleteEntry:
            guard case .group(let id, let selection) = state.screen, let group = state.group(id), selection < group.entries.count else { return [] }
            let entryID = group.entries[selection].id
            let recording = WorkshopReducer.record(.group(.delete(group: id, entry: entryID)), in: &state)
            if recording.isRecorded {
                state.notice = Notice(text: "Entry deleted: u brings it back.", level: .info, until: now.adding(seconds: 6))
                state.screen = .group(id: id, selection: max(0, min(selection, (state.group(id)?.entries.count ?? 1) - 1)))
            }
            return recording.effects
        case .undo:
            guard case .group(let id, let selection) = state.screen, let group = state.group(id) else { return [] }
            // Say what is undone: the step may be an edit made long ago, even before a restart.
            let description = group.undoStack.last.map { describe($0, in: group, state: state) }
            let recording = WorkshopReducer.record(.group(.undo(group: id)), in: &state)
            state.screen = .group(id: id, selection: min(selection, max(0, (state.group(id)?.entries.count ?? 1) - 1)))
            if recording.isRecorded, let description {
                state.notice = Notice(text: "Undone: \(description).", level: .info, until: now.adding(seconds: WorkshopReducer.noticeSeconds))
            }
            return recording.effects
        case .moveEntry(let delta):
            guard case .group(let id, let selection) = state.screen, let group = state.group(id), selection < group.entries.count else { return [] }
            let recording = WorkshopReducer.record(.group(.move(group: id, entry: group.entries[selection].id, by: delta)), in: &state)
            if recording.isRecorded {
                state.screen = .group(id: id, selection: min(group.entries.count - 1, max(0, selection + delta)))
            }
            return recording.effects
        case .editField(let edit):
            guard case .entry(var draft) = state.screen else { return [] }
            let before = draft.editor.text
            draft.editor.apply(edit)
            if draft.editor.text != before {
                draft.markTyped(at: now)
            }
            state.screen = .entry(draft)
            // Typing without a pause is saved too, every `autosaveSeconds`.
            if draft.autosaveIsDue(at: now) { return save(&state, draft, now: now) }
        case .stepChoice(let delta):
            guard case .entry(var draft) = state.screen, !draft.choices.isEmpty else { return [] }
            let count = draft.choices.count
            let target = draft.choiceIndex.map { (($0 + delta) % count + count) % count } ?? (delta > 0 ? 0 : count - 1)
            draft.choose(draft.choices[target], at: now)
            state.screen = .entry(draft)
        case .pickChoice(let index):
            guard case .entry(var draft) = state.screen, !draft.choices.isEmpty else { return [] }
            if let index {
                guard index >= 0, index < draft.choices.count else { return [] }
                draft.choose(draft.choices[index], at: now)
            } else {
                draft.choose("", at: now)
            }
            state.screen = .entry(draft)
        case .changeField(let delta):
            guard case .entry(let draft) = state.screen else { return [] }
            let effects = save(&state, draft, now: now)
            guard case .entry(var saved) = state.screen, let group = state.group(saved.groupID),
                  let entry = group.entries.first(where: { $0.id == saved.entryID }), let template = state.template(entry.template) else { return effects }
            // Tab runs round the fields: only Esc leaves the form, so fast typing after a Tab never lands on the
            // list, where letters are commands (`d` deletes).
            let count = template.fields.count
            let target = ((saved.fieldIndex + delta) % count + count) % count
            saved = EntryDraft.open(entry, groupID: saved.groupID, template: template, fieldIndex: target)
            state.screen = .entry(saved)
            return effects
        case .closeEntry:
            guard case .entry(let draft) = state.screen else { return [] }
            var effects = save(&state, draft, now: now)
            let group = state.group(draft.groupID)
            let index = group?.entries.firstIndex { $0.id == draft.entryID } ?? 0
            state.screen = .group(id: draft.groupID, selection: index)
            guard let entry = group?.entries.first(where: { $0.id == draft.entryID }), let template = state.template(entry.template) else {
                return effects
            }
            if entry.fields.values.allSatisfy(\.isEmpty) {
                // Opened by mistake or abandoned: an entry with nothing in it is not kept.
                effects += WorkshopReducer.record(.group(.delete(group: draft.groupID, entry: entry.id)), in: &state).effects
                state.screen = .group(id: draft.groupID, selection: max(0, min(index, (state.group(draft.groupID)?.entries.count ?? 1) - 1)))
                state.notice = Notice(text: "Empty entry discarded.", level: .info, until: now.adding(seconds: WorkshopReducer.noticeSeconds))
            } else if let missing = template.fields.first(where: { $0.required && (entry.fields[$0.id] ?? "").isEmpty }) {
                state.notice = Notice(text: "\(missing.label) is still empty (required): Enter to fill it in.", level: .warning,
                                      until: now.adding(seconds: WorkshopReducer.noticeSeconds))
            }
            return effects
        case .flushDraft:
            guard case .entry(let draft) = state.screen else { return [] }
            return save(&state, draft, now: now)
        case .openReportBack:
            guard !state.groups.isEmpty else {
                state.notice = Notice(text: "This session has no working groups.", level: .info, until: now.adding(seconds: 6))
                return []
            }
            // Start with the first group that has something to show.
            var first = state.groups.firstIndex { !$0.entries.isEmpty } ?? 0
            if case .groupList(let selection) = state.screen { first = selection }
            if case .group(let id, _) = state.screen { first = state.groups.firstIndex { $0.id == id } ?? 0 }
            state.screen = .reportBack(group: first, page: 0)
        case .showReportBack(let group, let page):
            guard case .reportBack = state.screen, group >= 0, group < state.groups.count else { return [] }
            state.screen = .reportBack(group: group, page: max(0, page))
        case .toggleShortlist:
            guard state.role == .moderator else {
                refuseFacilitatorPoll(&state, now: now)
                return []
            }
            guard case .group(let id, let selection) = state.screen, let group = state.group(id),
                  selection < group.entries.count else { return [] }
            let entryID = group.entries[selection].id
            var marked = state.shortlist
            if let index = marked.firstIndex(of: entryID) {
                marked.remove(at: index)
            } else {
                marked.append(entryID)
            }
            return WorkshopReducer.record(.shortlist(entries: marked), in: &state).effects
        case .pollFromShortlist(let type):
            guard state.role == .moderator else {
                refuseFacilitatorPoll(&state, now: now)
                return []
            }
            return pollFromShortlist(&state, type: type, now: now)
        case .editShortlistPoll(let edit):
            guard case .shortlistPoll(var draft) = state.screen else { return [] }
            draft.apply(edit)
            state.screen = .shortlistPoll(draft)
        case .openShortlistPoll:
            return openShortlistPoll(&state, now: now)
        case .cancelShortlistPoll:
            guard case .shortlistPoll(let draft) = state.screen else { return [] }
            state.screen = .group(id: draft.groupID, selection: draft.selection)
        }
        return []
    }

    /// A group laptop's polls would never reach the room: prioritising happens on the plenary's screen.
    private static func refuseFacilitatorPoll(_ state: inout WorkshopState, now: Instant) {
        state.notice = Notice(text: "Entries are prioritised on the plenary's screen, once this group's results are merged there.",
                              level: .info, until: now.adding(seconds: WorkshopReducer.noticeSeconds))
    }

    /// "the new entry 3", "entry 2 (Recycling hub)": how an undo step is announced.
    private static func describe(_ step: GroupState.UndoStep, in group: GroupState, state: WorkshopState) -> String {
        func name(_ entryID: String) -> String {
            guard let index = group.index(of: entryID) else { return "an entry" }
            let entry = group.entries[index]
            let title = entry.title(using: state.template(entry.template))
            return "entry \(index + 1)" + (title.isEmpty ? "" : " (\(title))")
        }
        switch step {
        case .removeAdded(let entryID): return "\(name(entryID)) added last is removed"
        case .restoreDeleted(let entry, _):
            let title = entry.title(using: state.template(entry.template))
            return "the deleted entry" + (title.isEmpty ? "" : " (\(title))") + " is back"
        case .restoreField(let entryID, let field, _, _):
            let entry = group.index(of: entryID).map { group.entries[$0] }
            let label = entry.flatMap { state.template($0.template) }?.fields.first { $0.id == field }?.label ?? field
            return "the last edit of \u{201C}\(label)\u{201D} in \(name(entryID))"
        case .moveBack(let entryID, _): return "\(name(entryID)) moved back"
        }
    }

    /// Proposes a poll whose options are the shortlisted entries' titles, linked back to the entries; it opens once
    /// the moderator has read (and perhaps reworded) its question. A dot vote starts at three dots each, one per item.
    private static func pollFromShortlist(_ state: inout WorkshopState, type: PollType, now: Instant) -> [Effect] {
        guard case .group(let groupID, let selection) = state.screen else { return [] }
        let entries = state.shortlist.compactMap { id in
            state.groups.lazy.compactMap { group in group.entries.first { $0.id == id } }.first
        }
        guard entries.count >= 2 else {
            WorkshopReducer.refuse(&state, "Mark at least two entries with s first.")
            return []
        }
        var seen = Set<String>()
        let options = entries.map { entry -> String in
            var title = entry.title(using: state.template(entry.template))
            if title.isEmpty { title = "Entry \(entry.id)" }
            if !seen.insert(title).inserted { title += " (\(entry.id))" }
            return title
        }
        let number = state.polls.filter(\.isAdHoc).count + 1
        var id = "shortlist-\(number)"
        var suffix = number
        while state.poll(id) != nil { suffix += 1; id = "shortlist-\(suffix)" }
        var proposal = PollDefinition(id: id, question: "", type: type == .ranking || type == .allocation ? type : .multiple,
                                      options: options, maxPicks: type == .multiple ? min(3, options.count) : nil,
                                      points: type == .allocation ? 100 : nil)
        proposal.entryIDs = entries.map(\.id)
        state.screen = .shortlistPoll(ShortlistPollDraft(groupID: groupID, selection: selection, proposal: proposal))
        return []
    }

    /// Creates and opens the proposed poll, and clears the marks, in one action.
    private static func openShortlistPoll(_ state: inout WorkshopState, now: Instant) -> [Effect] {
        guard case .shortlistPoll(let draft) = state.screen else { return [] }
        let definition = draft.definition
        let created = WorkshopReducer.record(.poll(.create(definition)), in: &state)
        guard created.isRecorded else {
            // The refusal is on screen; the proposal stays open to correct.
            state.screen = .shortlistPoll(draft)
            return []
        }
        let effects = created.effects + WorkshopReducer.record(.poll(.open(poll: definition.id)), in: &state).effects
            + WorkshopReducer.record(.shortlist(entries: []), in: &state).effects
        state.screen = .poll(id: definition.id)
        state.notice = Notice(text: "Poll made from \(definition.options.count) entries and opened: v hands it to the room.",
                              level: .success, until: now.adding(seconds: 6))
        return effects
    }

    /// Time passing: journal a field whose oldest unsaved key is `EntryDraft.autosaveSeconds` old.
    static func tick(_ state: inout WorkshopState) -> [Effect] {
        guard case .entry(let draft) = state.screen, draft.autosaveIsDue(at: state.now) else { return [] }
        return save(&state, draft, now: state.now)
    }

    /// Journals the draft's field if it changed; the draft stays open, marked clean.
    private static func save(_ state: inout WorkshopState, _ draft: EntryDraft, now: Instant) -> [Effect] {
        guard draft.isDirty, let group = state.group(draft.groupID),
              let entry = group.entries.first(where: { $0.id == draft.entryID }),
              let template = state.template(entry.template), draft.fieldIndex < template.fields.count else { return [] }
        let field = template.fields[draft.fieldIndex]
        let recording = WorkshopReducer.record(
            .group(.setField(group: draft.groupID, entry: draft.entryID, field: field.id, text: draft.editor.text)), in: &state)
        var clean = draft
        clean.isDirty = false
        clean.dirtySince = nil
        state.screen = .entry(clean)
        // "No change." is not worth a message when only leaving a field.
        if !recording.isRecorded { state.notice = nil }
        return recording.effects
    }
}
