/// Applies group commands; also used to replay the journal.
enum GroupReducer {
    static let editStretchSeconds: Int64 = 15

    /// Returns why the command was refused, or nil when it changed the state.
    static func apply(_ command: GroupCommand, to state: inout WorkshopState, at now: Instant) -> String? {
        guard let groupIndex = state.groups.firstIndex(where: { $0.id == command.groupID }) else {
            return "There is no working group \"\(command.groupID)\"."
        }
        // Taken out of the state while it changes and put back on every way out, so the change is made on the only
        // reference to the group's entries: no copy of them per action (issue 13). Changes go through the logged
        // mutations (`GroupChange`), which `StateRollback` can take back.
        var group = GroupState(definition: state.groups[groupIndex].definition)
        swap(&group, &state.groups[groupIndex])
        defer { swap(&group, &state.groups[groupIndex]) }
        switch command {
        case .add(_, let template, let author):
            guard group.definition.templates.contains(template), state.session.templates.contains(where: { $0.id == template }) else {
                return "This group does not use the template \"\(template)\"."
            }
            let entry = GroupEntry(id: "\(group.id)-\(group.nextNumber)", template: template, author: author, createdAt: now)
            group.nextNumber += 1
            group.appendEntry(entry)
            group.pushUndo(.removeAdded(entryID: entry.id))

        case .setField(_, let entryID, let field, let text):
            guard let index = group.index(of: entryID) else { return "That entry no longer exists." }
            let entry = group.entries[index]
            guard let template = state.session.templates.first(where: { $0.id == entry.template }),
                  template.fields.contains(where: { $0.id == field }) else {
                return "The template has no field \"\(field)\"."
            }
            guard entry.fields[field] ?? "" != text else { return "No change." }
            let sameField = if case .restoreField(entryID, field, _, _) = group.undoStack.last { true } else { false }
            let continuesLastEdit = sameField && now.seconds(since: entry.editedAt) < Self.editStretchSeconds
            if let definition = template.fields.first(where: { $0.id == field }), definition.kind == .choice,
               !text.isEmpty, !definition.choices.contains(text) {
                return "\"\(text)\" is not one of the choices for \(definition.label): \(definition.choices.joined(separator: ", "))."
            }
            // Autosaves of one stretch of typing (saves of one field less than `editStretchSeconds` apart) are one
            // edit: undo restores the text from before the stretch.
            if !continuesLastEdit {
                group.pushUndo(.restoreField(entryID: entryID, field: field, previous: entry.fields[field], editedAt: entry.editedAt))
            }
            group.changeEntry(at: index) {
                $0.fields[field] = text
                $0.editedAt = now
            }

        case .delete(_, let entryID):
            guard let index = group.index(of: entryID) else { return "That entry no longer exists." }
            group.pushUndo(.restoreDeleted(group.entries[index], index: index))
            if let origin = group.entries[index].origin { group.appendDeletedOrigin(origin) }
            group.removeEntry(at: index)

        case .move(_, let entryID, let offset):
            guard let index = group.index(of: entryID) else { return "That entry no longer exists." }
            let target = min(group.entries.count - 1, max(0, index + offset))
            guard target != index else { return offset < 0 ? "Already first." : "Already last." }
            group.insertEntry(group.removeEntry(at: index), at: target)
            group.pushUndo(.moveBack(entryID: entryID, by: index - target))

        case .undo:
            guard let step = group.popUndo() else { return "Nothing to undo." }
            switch step {
            case .removeAdded(let entryID):
                while let index = group.index(of: entryID) { group.removeEntry(at: index) }
            case .restoreDeleted(let entry, let index):
                group.insertEntry(entry, at: min(index, group.entries.count))
                if let origin = entry.origin, let tombstone = group.deletedOrigins.lastIndex(of: origin) {
                    group.removeDeletedOrigin(at: tombstone)
                }
            case .restoreField(let entryID, let field, let previous, let editedAt):
                if let index = group.index(of: entryID) {
                    group.changeEntry(at: index) {
                        $0.fields[field] = previous
                        $0.editedAt = editedAt
                    }
                }
            case .moveBack(let entryID, let offset):
                if let index = group.index(of: entryID) {
                    let target = min(group.entries.count - 1, max(0, index + offset))
                    group.insertEntry(group.removeEntry(at: index), at: target)
                }
            }
        }
        return nil
    }

    /// Brings in entries captured on another laptop: new ones go to the end of their group, ones merged before
    /// take the laptop's newer edits field by field (`EntryMerge`), unchanged ones are left alone, and ones
    /// deleted here stay deleted, so merging the same file twice changes nothing.
    /// All or nothing: returns why the merge was refused, or nil when something changed.
    static func merge(_ incoming: [ImportedEntry], into state: inout WorkshopState) -> String? {
        var groups = state.groups
        var changed = false
        for item in incoming {
            guard let groupIndex = groups.firstIndex(where: { $0.id == item.group }) else {
                return "There is no working group \"\(item.group)\"."
            }
            var group = groups[groupIndex]
            guard group.definition.templates.contains(item.template),
                  state.session.templates.contains(where: { $0.id == item.template }) else {
                return "The group \"\(item.group)\" does not use the template \"\(item.template)\"."
            }
            guard !group.wasDeletedHere(item.origin) else { continue }
            if let index = group.index(ofMerged: item.origin) {
                guard case .updated(let merged, _) = EntryMerge.merge(item, into: group.entries[index]) else { continue }
                group.entries[index] = merged
            } else {
                var entry = GroupEntry(id: "\(group.id)-\(group.nextNumber)", template: item.template, fields: item.fields,
                                       author: item.author, createdAt: item.createdAt, origin: item.origin)
                entry.editedAt = item.editedAt
                entry.mergedBase = GroupEntry.MergedBase(fields: item.fields, editedAt: item.editedAt)
                group.nextNumber += 1
                group.entries.append(entry)
            }
            // Undo steps remember positions that merged entries may have shifted; undo starts afresh.
            group.undoStack.removeAll()
            groups[groupIndex] = group
            changed = true
        }
        guard changed else { return "Nothing new to merge." }
        // Built aside, so a refusal half-way changes nothing; a rollback armed on the state puts each group back whole.
        for index in groups.indices where groups[index] != state.groups[index] {
            guard var log = state.groups[index].pendingChanges else { continue }
            var old = state.groups[index]
            old.pendingChanges = nil
            log.append(.replacedGroup(old))
            groups[index].pendingChanges = log
        }
        state.groups = groups
        return nil
    }
}
