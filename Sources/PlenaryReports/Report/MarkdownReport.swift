import PlenaryEngine

/// The report as Markdown (CommonMark with GitHub tables): readable as plain text in an e-mail, and rendered
/// nicely by any Markdown viewer. User text is escaped so that a `*` or `|` typed in a workshop stays a character.
public enum MarkdownReport {
    /// Charts are drawn in code blocks this wide, so they stay aligned in any viewer with a monospaced font.
    static let chartWidth = 78

    public static func render(_ report: WorkshopReport) -> String {
        var out: [String] = ["# \(inline(report.title))", ""]
        if let subtitle = report.subtitle { out += ["*\(inline(subtitle))*", ""] }
        out += facts(report.facts) + [""]

        out += ["## Agenda", ""]
        out += ["| Planned | Actual | Slot | Plan | Actual | Over |", "|---|---|---|--:|--:|--:|"]
        for row in report.agenda {
            let actual = row.actualRange
            let remarks = row.notes
            let slot = cell(row.title) + (remarks.isEmpty ? "" : " *(\(remarks.map(cell).joined(separator: ", ")))*")
            let over = row.overrunMinutes.map { $0 == 0 ? "0" : WorkshopReport.signedMinutes($0) } ?? "—"
            out.append("| \(row.plannedStart)–\(row.plannedEnd) | \(actual) | \(slot) | \(row.plannedMinutes) min | "
                + "\(row.actualMinutes.map { "\($0) min" } ?? "—") | \(over) |")
        }
        out.append("")
        if !report.speakers.isEmpty {
            out += ["## Speakers", ""] + facts(report.speakers) + [""]
        }
        if !report.planChanges.isEmpty {
            out += ["## Changes to the plan", ""] + facts(report.planChanges) + [""]
            if !report.filePlan.isEmpty {
                out += ["As planned in the session file:", ""] + facts(report.filePlan) + [""]
            }
        }

        if !report.polls.isEmpty {
            out += ["## Polls", ""]
            for (index, poll) in report.polls.enumerated() {
                if index == 0 || report.polls[index - 1].slot != poll.slot {
                    out += ["*" + inline(WorkshopReport.slotHeading(poll.slot)) + "*", ""]
                }
                out += ["### \(index + 1). \(inline(poll.question))", "", "\(inline(poll.summary))", ""]
                for round in poll.rounds {
                    if poll.rounds.count > 1 {
                        out += ["**Round \(round.number)** · \(round.countText)", ""]
                    }
                    out += round.notes.map { "*\(inline($0))*" } + (round.notes.isEmpty ? [] : [""])
                    if round.isEmpty {
                        out += ["No ballots.", ""]
                        continue
                    }
                    if !round.bars.isEmpty { out += codeBlock(ReportChart.lines(round.bars, width: chartWidth)) + [""] }
                    if !round.answers.isEmpty {
                        out += ["Answers (\(round.answers.count)):", ""] + round.answers.map { "- \(inline($0))" } + [""]
                    }
                }
            }
        }

        if !report.groups.isEmpty {
            out += ["## Working groups", ""]
            for group in report.groups {
                out += ["### \(inline(group.name))", ""]
                if !group.facts.isEmpty { out += facts(group.facts) + [""] }
                if group.templates.isEmpty { out += ["No entries.", ""] }
                for template in group.templates {
                    out += ["#### \(inline(template.name)) (\(WorkshopReport.count(template.entries.count, "entry", plural: "entries")))", ""]
                    for entry in template.entries { out += self.entry(entry) }
                }
            }
        }

        if !report.qa.isEmpty {
            out += ["## Questions and ideas", ""]
            for board in report.qa {
                out += ["### \(inline(board.title))", "", inline(board.summary), ""]
                for (label, lines) in [("Answered", board.answered), ("Unanswered, most upvoted first", board.unanswered)] where !lines.isEmpty {
                    out += ["**\(label)**", ""] + lines.map { "- " + inline($0) } + [""]
                }
                if board.moreUnanswered > 0 { out += ["… and \(board.moreUnanswered) more unanswered.", ""] }
            }
        }

        if !report.shortlists.isEmpty {
            out += ["## Shortlist", ""]
            for shortlist in report.shortlists {
                out += ["### \(inline(shortlist.question))", "", "*\(inline(shortlist.basis))*", ""]
                out += ["| # | Entry | Group | Result |", "|--:|---|---|--:|"]
                for row in shortlist.rows {
                    out.append("| \(row.rank) | \(cell(row.title)) | \(cell(row.group ?? "—")) | \(row.value) |")
                }
                out.append("")
            }
        }

        out += ["## Timing", ""] + facts(report.timing.facts) + [""]
        if !report.timing.overtime.isEmpty {
            out += ["Slots over time:", ""] + report.timing.overtime.map { "- \(inline($0.label)): \($0.value)" } + [""]
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    static func entry(_ entry: WorkshopReport.EntrySection) -> [String] {
        var out = ["**\(entry.order). \(inline(entry.title))**\\", "*\(inline(entry.byline))*", ""]
        for field in entry.fields {
            let label = "- **\(inline(field.label)):**"
            if field.lines.isEmpty {
                out.append("\(label) —")
            } else if field.isList {
                out.append(label)
                out += field.lines.map { "  - \(inline($0))" }
            } else {
                // Hard line breaks (a backslash at the end) keep the lines as typed inside the list item.
                out.append("\(label) " + field.lines.map(inline).joined(separator: "\\\n  "))
            }
        }
        return out + [""]
    }

    static func facts(_ facts: [WorkshopReport.Fact]) -> [String] {
        facts.map { "- **\(inline($0.label)):** \(inline($0.value))" }
    }

    /// A fenced code block whose fence is longer than any run of backticks inside it.
    static func codeBlock(_ lines: [String]) -> [String] {
        var longest = 0
        for line in lines {
            var run = 0
            for character in line {
                run = character == "`" ? run + 1 : 0
                longest = max(longest, run)
            }
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return [fence + "text"] + lines + [fence]
    }

    /// User text on one line, with everything Markdown would read as formatting escaped.
    static func inline(_ text: String) -> String {
        var result = ""
        let clean = ReportText.printable(text).replacingLineBreaks(with: " ")
        for (offset, character) in clean.enumerated() {
            if "\\`*_[]<>|~".contains(character) {
                result.append("\\")
            } else if offset == 0, "#+-".contains(character), clean.dropFirst().first?.isWhitespace ?? true {
                // "- x", "+ x", "# x" at the start of a line would begin a list or a heading.
                result.append("\\")
            }
            result.append(character)
        }
        // "1. " at the start of a line would begin a numbered list.
        if let dot = result.firstIndex(where: { !$0.isNumber }), dot != result.startIndex, ".)".contains(result[dot]) {
            result.insert("\\", at: dot)
        }
        return result
    }

    /// Text in a table cell: inline, and never empty.
    static func cell(_ text: String) -> String {
        let escaped = inline(text)
        return escaped.isEmpty ? " " : escaped
    }
}
