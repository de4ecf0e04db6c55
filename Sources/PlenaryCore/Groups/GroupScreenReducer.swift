/// The working-group screens: list, entries, the entry form and its autosave.
enum GroupScreenReducer {
    static func reduce(_ state: inout WorkshopState, _ action: WorkshopAction, now: Instant) -> [Effect] {
        switch action {
        case .openGroupList:
            guard !state.groups.isEmpty else {
                state.notice = Notice(text: "This session has no working groups.", level: .info, until: now.adding(seconds: 6))
                return []
            }
            state.screen = .groupList(selection: 0)
        case .moveGroupSelection(let delta):
            if case .groupList(let selection) = state.screen {
                state.screen = .groupList(selection: min(state.groups.count - 1, max(0, selection + delta)))
            }
        case .showGroup(let id):
            if state.group(id) != nil { state.screen = .group(id: id, selection: 0) }
        case .becomeFacilitator(let id):
            guard state.group(id) != nil else { return [] }
            state.role = .facilitator
            state.screen = .group(id: id, selection: 0)
        case .moveEntrySelection(let delta):
            if case .group(let id, let selection) = state.screen, let group = state.group(id) {
                state.screen = .group(id: id, selection: min(max(0, group.entries.count - 1), max(0, selection + delta)))
            }
        case .addEntry(let templateIndex):
            guard case .group(let id, _) = state.screen, let group = state.group(id),
                  templateIndex < group.definition.templates.count,
                  let template = state.template(group.definition.templates[templateIndex]) else { return [] }
            let effects = WorkshopReducer.reduce(&state, .command(.group(.add(group: id, template: template.id, author: state.role.rawValue))), now: now)
            if let entry = state.group(id)?.entries.last, !effects.isEmpty {
                state.screen = .entry(EntryDraft.open(entry, groupID: id, template: template, fieldIndex: 0))
            }
            return effects
        case .openEntry:
            guard case .group(let id, let selection) = state.screen, let group = state.group(id),
                  selection < group.entries.count, let template = state.template(group.entries[selection].template) else { return [] }
            state.screen = .entry(EntryDraft.open(group.entries[selection], groupID: id, template: template, fieldIndex: 0))
        case .deleteEntry:
            guard case .group(let id, let selection) = state.screen, let group = state.group(id), selection < group.entries.count else { return [] }
            let effects = WorkshopReducer.reduce(&state, .command(.group(.delete(group: id, entry: group.entries[selection].id))), now: now)
            if !effects.isEmpty {
                state.notice = Notice(text: "Entry deleted: u brings it back.", level: .info, until: now.adding(seconds: 6))
                state.screen = .group(id: id, selection: max(0, min(selection, (state.group(id)?.entries.count ?? 1) - 1)))
            }
            return effects
        case .undoGroup:
            guard case .group(let id, let selection) = state.screen else { return [] }
            let effects = WorkshopReducer.reduce(&state, .command(.group(.undo(group: id))), now: now)
            state.screen = .group(id: id, selection: min(selection, max(0, (state.group(id)?.entries.count ?? 1) - 1)))
            return effects
        case .moveEntry(let delta):
            guard case .group(let id, let selection) = state.screen, let group = state.group(id), selection < group.entries.count else { return [] }
            let effects = WorkshopReducer.reduce(&state, .command(.group(.move(group: id, entry: group.entries[selection].id, by: delta))), now: now)
            if !effects.isEmpty {
                state.screen = .group(id: id, selection: min(group.entries.count - 1, max(0, selection + delta)))
            }
            return effects
        case .editField(let edit):
            guard case .entry(var draft) = state.screen else { return [] }
            let before = draft.editor.text
            draft.editor.apply(edit)
            if draft.editor.text != before {
                draft.isDirty = true
                draft.lastKeyAt = now
            }
            state.screen = .entry(draft)
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
            let target = saved.fieldIndex + delta
            guard target >= 0, target < template.fields.count else {
                if target >= template.fields.count {
                    // Past the last field: the entry is done, back to the list.
                    state.screen = .group(id: saved.groupID, selection: group.entries.firstIndex { $0.id == entry.id } ?? 0)
                }
                return effects
            }
            saved = EntryDraft.open(entry, groupID: saved.groupID, template: template, fieldIndex: target)
            state.screen = .entry(saved)
            return effects
        case .closeEntry:
            guard case .entry(let draft) = state.screen else { return [] }
            let effects = save(&state, draft, now: now)
            let index = state.group(draft.groupID)?.entries.firstIndex { $0.id == draft.entryID } ?? 0
            state.screen = .group(id: draft.groupID, selection: index)
            return effects
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
            guard case .group(let id, let selection) = state.screen, let group = state.group(id),
                  selection < group.entries.count else { return [] }
            let entryID = group.entries[selection].id
            if let index = state.shortlist.firstIndex(of: entryID) {
                state.shortlist.remove(at: index)
            } else {
                state.shortlist.append(entryID)
            }
        case .pollFromShortlist(let type):
            return pollFromShortlist(&state, type: type, now: now)
        default:
            break
        }
        return []
    }

    /// Builds a poll whose options are the shortlisted entries' titles, linked back to the entries.
    /// Dot voting is multiple choice with three dots (picks) per participant.
    private static func pollFromShortlist(_ state: inout WorkshopState, type: PollType, now: Instant) -> [Effect] {
        let entries = state.shortlist.compactMap { id in
            state.groups.lazy.compactMap { group in group.entries.first { $0.id == id } }.first
        }
        guard entries.count >= (type == .ranking ? 1 : 2) else {
            state.notice = Notice(text: "Mark at least two entries with s first.", level: .warning, until: now.adding(seconds: 6))
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
        let question: String
        switch type {
        case .ranking: question = "Rank these actions, most important first"
        case .allocation: question = "Share 100 points between these actions"
        default: question = "Which actions should we take forward? (3 dots each)"
        }
        var definition = PollDefinition(id: id, question: question, type: type == .ranking || type == .allocation ? type : .multiple,
                                        options: options, maxPicks: type == .multiple ? min(3, options.count) : nil,
                                        points: type == .allocation ? 100 : nil)
        definition.entryIDs = entries.map(\.id)
        var effects = WorkshopReducer.reduce(&state, .command(.poll(.create(definition))), now: now)
        guard !effects.isEmpty else { return [] }
        effects += WorkshopReducer.reduce(&state, .command(.poll(.open(poll: id))), now: now)
        state.shortlist = []
        state.screen = .poll(id: id)
        state.notice = Notice(text: "Poll made from \(entries.count) entries and opened: v hands it to the room.", level: .success,
                              until: now.adding(seconds: 6))
        return effects
    }

    /// Time passing: journal a field whose typing paused for `EntryDraft.autosaveSeconds`.
    static func tick(_ state: inout WorkshopState, now: Instant) -> [Effect] {
        guard case .entry(let draft) = state.screen, draft.isDirty, let last = draft.lastKeyAt,
              now.seconds(since: last) >= EntryDraft.autosaveSeconds else { return [] }
        return save(&state, draft, now: now)
    }

    /// Journals the draft's field if it changed; the draft stays open, marked clean.
    private static func save(_ state: inout WorkshopState, _ draft: EntryDraft, now: Instant) -> [Effect] {
        guard draft.isDirty, let group = state.group(draft.groupID),
              let entry = group.entries.first(where: { $0.id == draft.entryID }),
              let template = state.template(entry.template), draft.fieldIndex < template.fields.count else { return [] }
        let field = template.fields[draft.fieldIndex]
        let effects = WorkshopReducer.reduce(
            &state, .command(.group(.setField(group: draft.groupID, entry: draft.entryID, field: field.id, text: draft.editor.text))), now: now)
        var clean = draft
        clean.isDirty = false
        state.screen = .entry(clean)
        // "No change." is not worth a message when only leaving a field.
        if effects.isEmpty { state.notice = nil }
        return effects
    }
}
