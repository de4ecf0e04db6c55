import PlenaryEngine

/// A results file as CSV tables for a spreadsheet: an overview of every poll round (`polls.csv`), one table per
/// poll and one per capture template. Numbers use a dot for decimals; times are local to the workshop,
/// "2025-03-11 12:50:00", which spreadsheets read as a date and time.
public enum ResultsCSV {
    /// File names (no folder) and their tables, in a stable order: overview, polls, templates.
    public static func tables(for snapshot: ResultsSnapshot) -> [(name: String, table: CSVTable)] {
        var files: [(name: String, table: CSVTable)] = []
        if !snapshot.polls.isEmpty { files.append(("polls.csv", overview(snapshot.polls))) }
        for poll in snapshot.polls {
            let name = "poll-\(fileSafe(poll.id))"
            if poll.type == "open" {
                files.append(("\(name).csv", answers(poll)))
                files.append(("\(name)-words.csv", words(poll)))
            } else {
                files.append(("\(name).csv", options(poll, groups: snapshot.groups)))
            }
        }
        for template in templateIDs(snapshot.groups) {
            files.append(("template-\(fileSafe(template)).csv", entries(of: template, groups: snapshot.groups)))
        }
        for board in snapshot.qa ?? [] {
            files.append(("qa-\(fileSafe(board.id)).csv", qaItems(board)))
        }
        return files
    }

    /// One row per item of a Q&A or ideas board, in the order submitted: its total upvotes and what became of it.
    static func qaItems(_ board: ResultsSnapshot.QABoardResult) -> CSVTable {
        var table = CSVTable(header: ["number", "text", "name", "status", "hidden", "votes", "merged into", "edited", "highlighted"])
        for item in board.items {
            table.rows.append([
                "\(item.number)", item.text, item.name ?? "", item.status, item.hidden ? "yes" : "no", "\(item.votes)",
                item.mergedInto.map { "\($0)" } ?? "", item.edited ? "yes" : "no", board.highlighted == item.number ? "yes" : "no",
            ])
        }
        return table
    }

    /// One row per poll and round: what was asked and how many answered, ballots and a show of hands apart (the
    /// hands column is empty without one).
    static func overview(_ polls: [ResultsSnapshot.PollResult]) -> CSVTable {
        var table = CSVTable(header: ["poll", "question", "type", "status", "round", "ballots", "hands", "mean", "median"])
        for poll in polls {
            for round in poll.rounds {
                table.rows.append([
                    poll.id, poll.question, poll.type, poll.status, "\(round.round)", "\(round.ballotCount)",
                    round.hands.map { "\($0)" } ?? "",
                    round.scale.map { ReportNumber.decimal($0.mean) } ?? "", round.scale.map { ReportNumber.decimal($0.median) } ?? "",
                ])
            }
        }
        return table
    }

    /// Rows are options (or scale values), columns the rounds: votes and share, average score, or points and share.
    /// A choice poll with a show of hands in any round also has each round's votes apart: ballots and hands.
    static func options(_ poll: ResultsSnapshot.PollResult, groups: [ResultsSnapshot.GroupResult]) -> CSVTable {
        if poll.type == "scale" { return scale(poll) }
        let rounds = poll.rounds
        let handsApart = rounds.contains { $0.handCounts != nil }
        var header = ["option"]
        if poll.entries != nil { header += ["entry", "group"] }
        for round in rounds {
            switch poll.type {
            case "ranking": header += ["round \(round.round) average score"]
            case "allocation": header += ["round \(round.round) points", "round \(round.round) share %"]
            default:
                header += ["round \(round.round) votes"]
                if handsApart { header += ["round \(round.round) ballots", "round \(round.round) hands"] }
                header += ["round \(round.round) share %"]
            }
        }
        var table = CSVTable(header: header)
        for (index, option) in poll.options.enumerated() {
            var row = [option]
            if let entries = poll.entries {
                let entry = index < entries.count ? entries[index] : ""
                row += [entry, groups.first { $0.entries.contains { $0.id == entry } }?.name ?? ""]
            }
            for round in rounds {
                let result = round.options.flatMap { index < $0.count ? $0[index] : nil }
                switch poll.type {
                case "ranking": row += [ReportNumber.decimal(result?.averageScore ?? 0)]
                case "allocation": row += ["\(result?.points ?? 0)", ReportNumber.decimal((result?.share ?? 0) * 100)]
                default:
                    row += ["\(result?.count ?? 0)"]
                    if handsApart { row += ["\(result?.ballots ?? result?.count ?? 0)", "\(result?.hands ?? 0)"] }
                    row += [ReportNumber.decimal((result?.share ?? 0) * 100)]
                }
            }
            table.rows.append(row)
        }
        return table
    }

    /// Rows are the scale's values (with the end labels), columns the ballots per value in each round.
    static func scale(_ poll: ResultsSnapshot.PollResult) -> CSVTable {
        var table = CSVTable(header: ["value", "label"] + poll.rounds.map { "round \($0.round) votes" })
        guard let scale = poll.scale, scale.max >= scale.min else { return table }
        for value in scale.min...scale.max {
            let label = value == scale.min ? scale.minLabel ?? "" : value == scale.max ? scale.maxLabel ?? "" : ""
            let counts = poll.rounds.map { round -> String in
                let distribution = round.scale?.distribution ?? []
                let index = value - scale.min
                return "\(index < distribution.count ? distribution[index] : 0)"
            }
            table.rows.append(["\(value)", label] + counts)
        }
        return table
    }

    /// Open text: one row per answer, sorted within each round as in the results file.
    static func answers(_ poll: ResultsSnapshot.PollResult) -> CSVTable {
        var table = CSVTable(header: ["round", "answer"])
        for round in poll.rounds {
            table.rows += (round.answers ?? []).map { ["\(round.round)", $0] }
        }
        return table
    }

    /// Open text's word list: one row per term, a count column per round; most frequent overall first.
    static func words(_ poll: ResultsSnapshot.PollResult) -> CSVTable {
        var terms: [String] = []
        var totals: [String: Int] = [:]
        for round in poll.rounds {
            for term in round.terms ?? [] {
                if totals[term.term] == nil { terms.append(term.term) }
                totals[term.term, default: 0] += term.count
            }
        }
        let ordered = terms.enumerated().sorted { a, b in
            let (left, right) = (totals[a.element] ?? 0, totals[b.element] ?? 0)
            return left != right ? left > right : a.offset < b.offset
        }.map(\.element)
        var table = CSVTable(header: ["term"] + poll.rounds.map { "round \($0.round) count" })
        for term in ordered {
            table.rows.append([term] + poll.rounds.map { round in
                "\(round.terms?.first { $0.term == term }?.count ?? 0)"
            })
        }
        return table
    }

    /// Every template any group uses, in first-use order.
    static func templateIDs(_ groups: [ResultsSnapshot.GroupResult]) -> [String] {
        var ids: [String] = []
        for group in groups {
            for id in group.templates + group.entries.map(\.template) where !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// One row per entry of `template` across groups: who and when, then each field (list items one per line).
    static func entries(of template: String, groups: [ResultsSnapshot.GroupResult]) -> CSVTable {
        let entries = groups.flatMap { group in
            group.entries.filter { $0.template == template }.sorted { $0.order < $1.order }.map { (group, $0) }
        }
        // Fields in template order; an entry from an older template version may lack some or have others.
        var fields: [(id: String, label: String)] = []
        for (_, entry) in entries {
            for field in entry.fields where !fields.contains(where: { $0.id == field.id }) {
                fields.append((field.id, field.label))
            }
        }
        var table = CSVTable(header: ["group", "entry", "order", "author", "created", "edited"] + fields.map(\.label))
        for (group, entry) in entries {
            let values = fields.map { column -> String in
                guard let field = entry.fields.first(where: { $0.id == column.id }) else { return "" }
                return field.items?.joined(separator: "\n") ?? field.text ?? ""
            }
            table.rows.append([group.name, entry.id, "\(entry.order)", entry.author, localTime(entry.createdAt),
                               localTime(entry.editedAt)] + values)
        }
        return table
    }

    /// "2025-03-11T12:50:00+01:00" → "2025-03-11 12:50:00" (the room's local time).
    static func localTime(_ iso: String) -> String {
        guard LocalCalendar.instant(fromISO8601: iso) != nil else { return iso }
        return "\(iso.prefix(10)) \(iso.dropFirst(11).prefix(8))"
    }

    /// Ids as file names: lower-case letters, digits, `-` and `_`; anything else becomes `-`.
    static func fileSafe(_ id: String) -> String {
        let safe = String(id.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
        return safe.isEmpty ? "unnamed" : safe
    }
}
