import PlenaryEngine

/// The report as plain text for a terminal: no markup, every line at most `width` columns (measured as the
/// terminal measures them, so accented and CJK text lines up), and user text sanitised so nothing typed in a
/// workshop can move the cursor or recolour the terminal it is printed on.
public enum PlainTextReport {
    /// Narrower than this and the tables stop making sense.
    public static let minimumWidth = 40

    public static func render(_ report: WorkshopReport, width requested: Int = 80) -> String {
        let width = max(minimumWidth, requested)
        var out = heading(report.title, rule: "=", width: width)
        if let subtitle = report.subtitle { out += subtitle.wrapped(toWidth: width) }
        out += [""] + facts(report.facts, width: width, indent: 0) + [""]

        out += heading("Agenda", rule: "-", width: width) + agenda(report.agenda, width: width)
        out.append("")
        if !report.speakers.isEmpty {
            // The slot on a line of its own, its speakers under it: slot titles are too long for a label column.
            out += heading("Speakers", rule: "-", width: width)
            for slot in report.speakers {
                out += hanging("", slot.label, width: width) + hanging("  ", slot.value, width: width)
            }
            out.append("")
        }
        if !report.planChanges.isEmpty {
            out += heading("Changes to the plan", rule: "-", width: width) + facts(report.planChanges, width: width, indent: 0)
            if !report.filePlan.isEmpty {
                out += ["", "As planned in the session file:"] + facts(report.filePlan, width: width, indent: 2)
            }
            out.append("")
        }

        if !report.polls.isEmpty {
            out += heading("Polls", rule: "-", width: width)
            for (index, poll) in report.polls.enumerated() {
                if index == 0 || report.polls[index - 1].slot != poll.slot {
                    out += WorkshopReport.slotHeading(poll.slot).wrapped(toWidth: width) + [""]
                }
                out += hanging("\(index + 1). ", poll.question, width: width)
                out += poll.summary.wrapped(toWidth: width - 3).map { "   " + $0 }
                out.append("")
                for round in poll.rounds {
                    if poll.rounds.count > 1 {
                        out += ["   Round \(round.number) · \(round.countText)"]
                    }
                    out += round.notes.flatMap { $0.wrapped(toWidth: width - 3).map { "   " + $0 } }
                    if round.isEmpty {
                        out += ["   No ballots.", ""]
                        continue
                    }
                    if !round.notes.isEmpty || poll.rounds.count > 1 { out.append("") }
                    if !round.bars.isEmpty {
                        out += ReportChart.lines(round.bars, width: width - 3).map { "   " + $0 } + [""]
                    }
                    if !round.answers.isEmpty {
                        out.append("   Answers (\(round.answers.count)):")
                        out += round.answers.flatMap { hanging("   - ", $0, width: width) } + [""]
                    }
                }
            }
        }

        if !report.groups.isEmpty {
            out += heading("Working groups", rule: "-", width: width)
            for group in report.groups {
                out += group.name.wrapped(toWidth: width)
                out += facts(group.facts, width: width, indent: 2) + [""]
                if group.templates.isEmpty { out += ["  No entries.", ""] }
                for template in group.templates {
                    out += ["  \(template.name) (\(WorkshopReport.count(template.entries.count, "entry", plural: "entries")))".truncated(toWidth: width), ""]
                    for entry in template.entries { out += self.entry(entry, width: width) }
                }
            }
        }

        if !report.qa.isEmpty {
            out += heading("Questions and ideas", rule: "-", width: width)
            for board in report.qa {
                out += board.title.wrapped(toWidth: width)
                out += board.summary.wrapped(toWidth: width - 2).map { "  " + $0 } + [""]
                for (label, lines) in [("Answered", board.answered), ("Unanswered, most upvoted first", board.unanswered)] where !lines.isEmpty {
                    out.append("  \(label):")
                    out += lines.flatMap { hanging("  - ", $0, width: width) }
                    out.append("")
                }
                if board.moreUnanswered > 0 { out += ["  … and \(board.moreUnanswered) more unanswered.", ""] }
            }
        }

        if !report.shortlists.isEmpty {
            out += heading("Shortlist", rule: "-", width: width)
            for shortlist in report.shortlists {
                out += shortlist.question.wrapped(toWidth: width)
                out += shortlist.basis.wrapped(toWidth: width - 2).map { "  " + $0 } + [""]
                let valueWidth = shortlist.rows.map(\.value.terminalWidth).max() ?? 0
                for row in shortlist.rows {
                    let number = "\(row.rank). ".leftPadded(toWidth: 6)
                    let text = row.title + " — " + (row.group ?? "entry no longer in the results")
                    let lines = text.wrapped(toWidth: max(10, width - number.count - valueWidth - 2))
                    out.append(number + (lines.first ?? "").padded(toWidth: max(10, width - number.count - valueWidth - 2))
                        + "  " + row.value.leftPadded(toWidth: valueWidth))
                    out += lines.dropFirst().map { String(repeating: " ", count: number.count) + $0 }
                }
                out.append("")
            }
        }

        out += heading("Timing", rule: "-", width: width)
        out += facts(report.timing.facts, width: width, indent: 0)
        if !report.timing.overtime.isEmpty {
            out += ["", "Slots over time:"] + facts(report.timing.overtime, width: width, indent: 2)
        }
        return out.map { $0.trimmingTrailingSpaces }.joined(separator: "\n") + "\n"
    }

    /// Planned and actual times, planned and actual minutes and the overrun, then the slot wrapped in what is left;
    /// below 70 columns the slot gets a line of its own above its numbers.
    static func agenda(_ rows: [WorkshopReport.AgendaRow], width: Int) -> [String] {
        let stacked = width < 70
        let columns = stacked ? "Planned     Actual       Plan Real Over" : "Planned      Actual        Plan  Real  Over  "
        var out = [columns + (stacked ? "" : "Slot")]
        for row in rows {
            let actual = row.actualRange
            let over = row.overrunMinutes.map { $0 > 0 ? "+\($0)" : $0 < 0 ? "\u{2212}\(-$0)" : "0" } ?? "—"
            let remarks = row.notes
            let title = row.title + (remarks.isEmpty ? "" : " (\(remarks.joined(separator: ", ")))")
            let numbers = [String(row.plannedMinutes), row.actualMinutes.map(String.init) ?? "—", over]
            if stacked {
                out += title.wrapped(toWidth: width)
                out.append("\(row.plannedStart)–\(row.plannedEnd)".padded(toWidth: 12) + actual.padded(toWidth: 11)
                    + numbers.map { $0.leftPadded(toWidth: 5) }.joined())
                continue
            }
            let lines = title.wrapped(toWidth: max(10, width - columns.count))
            out.append("\(row.plannedStart)–\(row.plannedEnd)".padded(toWidth: 13) + actual.padded(toWidth: 12)
                + numbers.map { $0.leftPadded(toWidth: 6) }.joined() + "  " + (lines.first ?? ""))
            out += lines.dropFirst().map { String(repeating: " ", count: columns.count) + $0 }
        }
        return out
    }

    static func entry(_ entry: WorkshopReport.EntrySection, width: Int) -> [String] {
        var out = hanging("  \(entry.order). ", entry.title, width: width)
        let indent = String(repeating: " ", count: "  \(entry.order). ".count)
        out += entry.byline.wrapped(toWidth: width - indent.count).map { indent + $0 }
        for field in entry.fields {
            if field.lines.isEmpty {
                out += hanging(indent, field.label + ": —", width: width)
            } else if field.isList {
                out += hanging(indent, field.label + ":", width: width)
                out += field.lines.flatMap { hanging(indent + "  • ", $0, width: width) }
            } else if field.lines.count == 1 {
                out += hanging(indent, field.label + ": " + field.lines[0], width: width, continuation: indent + "  ")
            } else {
                out += hanging(indent, field.label + ":", width: width)
                out += field.lines.flatMap { hanging(indent + "  ", $0, width: width) }
            }
        }
        return out + [""]
    }

    /// A title and its underline, as long as the title (at most the width).
    static func heading(_ title: String, rule: Character, width: Int) -> [String] {
        let lines = title.wrapped(toWidth: width)
        let longest = lines.map(\.terminalWidth).max() ?? 0
        return lines + [String(repeating: rule, count: max(3, longest)), ""]
    }

    /// Labels in a column, values wrapped beside them.
    static func facts(_ facts: [WorkshopReport.Fact], width: Int, indent: Int) -> [String] {
        let labelWidth = min(width / 3, (facts.map(\.label.terminalWidth).max() ?? 0) + 2)
        let pad = String(repeating: " ", count: indent)
        return facts.flatMap { fact in
            let first = pad + fact.label.padded(toWidth: labelWidth)
            return hanging(first, fact.value, width: width, continuation: String(repeating: " ", count: indent + labelWidth))
        }
    }

    /// `prefix` then `text` wrapped, later lines indented like the text (or by `continuation`).
    static func hanging(_ prefix: String, _ text: String, width: Int, continuation: String? = nil) -> [String] {
        let indent = continuation ?? String(repeating: " ", count: prefix.terminalWidth)
        let lines = text.wrapped(toWidth: max(10, width - max(prefix.terminalWidth, indent.terminalWidth)))
        guard let first = lines.first else { return [prefix] }
        return [prefix + first] + lines.dropFirst().map { indent + $0 }
    }
}

extension String {
    /// Right-aligned in `width` columns (longer text is kept whole).
    func leftPadded(toWidth width: Int) -> String {
        let clean = TerminalText.sanitized(self)
        return String(repeating: " ", count: max(0, width - clean.terminalWidth)) + clean
    }

    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
