/// How a laptop's newer copy of an entry merged before combines with the entry here, field by field: a field
/// the laptop changed since the last merge takes the laptop's text, unless it was also edited here (then the
/// edit here is kept and counted); a field only edited here keeps that edit. The plan and the reducer both
/// ask here, so what the moderator is told is what the journal replays.
enum EntryMerge {
    enum Outcome: Equatable {
        /// The laptop's copy is the one merged last time: nothing to do.
        case unchanged
        /// The laptop's copy is older than the one merged last time.
        case older
        /// `entry` is the result; `keptHere` fields edited on both sides kept the text from here.
        case updated(GroupEntry, keptHere: Int)
    }

    static func merge(_ item: ImportedEntry, into known: GroupEntry) -> Outcome {
        let base = known.mergedBase ?? GroupEntry.MergedBase(fields: known.fields, editedAt: known.editedAt)
        if item.fields == base.fields && item.template == known.template { return .unchanged }
        guard item.editedAt > base.editedAt else { return .older }
        var entry = known
        var keptHere = 0
        for field in Set(item.fields.keys).union(base.fields.keys).union(known.fields.keys) {
            let theirs = item.fields[field] ?? "", was = base.fields[field] ?? "", ours = known.fields[field] ?? ""
            guard theirs != was else { continue }
            if ours == was {
                entry.fields[field] = theirs.isEmpty ? nil : theirs
            } else if ours != theirs {
                keptHere += 1
            }
        }
        entry.template = item.template
        entry.editedAt = max(known.editedAt, item.editedAt)
        entry.origin = item.origin
        entry.mergedBase = GroupEntry.MergedBase(fields: item.fields, editedAt: item.editedAt)
        return .updated(entry, keptHere: keptHere)
    }
}
