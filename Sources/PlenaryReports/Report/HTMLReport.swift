import PlenaryEngine

/// The report as one self-contained HTML file: styles inline, no scripts, fonts, images or links to fetch, so it
/// opens the same offline, attached to an e-mail or years later; print styles keep sections on one page where
/// they fit and bars visible on paper. Every piece of user text is escaped.
public enum HTMLReport {
    public static func render(_ report: WorkshopReport) -> String {
        var body: [String] = ["<header>", "<h1>\(escape(report.title))</h1>"]
        if let subtitle = report.subtitle { body.append("<p class=\"subtitle\">\(escape(subtitle))</p>") }
        body += facts(report.facts) + ["</header>"]

        body += ["<section>", "<h2>Agenda</h2>", "<table class=\"agenda\">",
                 "<thead><tr><th>Planned</th><th>Actual</th><th>Slot</th><th class=\"n\">Plan</th>"
                    + "<th class=\"n\">Actual</th><th class=\"n\">Over</th></tr></thead>", "<tbody>"]
        for row in report.agenda {
            let actual = row.actualRange
            let remarks = row.notes
            let over = row.overrunMinutes.map { $0 == 0 ? "0" : WorkshopReport.signedMinutes($0) } ?? "—"
            let late = (row.overrunMinutes ?? 0) >= 1 ? " class=\"n late\"" : " class=\"n\""
            body.append("<tr><td>\(row.plannedStart)–\(row.plannedEnd)</td><td>\(escape(actual))</td><td>\(escape(row.title))"
                + (remarks.isEmpty ? "" : " <span class=\"remark\">(\(escape(remarks.joined(separator: ", "))))</span>")
                + "</td><td class=\"n\">\(row.plannedMinutes)&nbsp;min</td>"
                + "<td class=\"n\">\(row.actualMinutes.map { "\($0)&nbsp;min" } ?? "—")</td><td\(late)>\(escape(over))</td></tr>")
        }
        body += ["</tbody>", "</table>", "</section>"]
        if !report.speakers.isEmpty {
            body += ["<section>", "<h2>Speakers</h2>"] + facts(report.speakers) + ["</section>"]
        }
        if !report.planChanges.isEmpty {
            body += ["<section>", "<h2>Changes to the plan</h2>"] + facts(report.planChanges)
            if !report.filePlan.isEmpty {
                body += ["<h3>As planned in the session file</h3>"] + facts(report.filePlan)
            }
            body.append("</section>")
        }

        if !report.polls.isEmpty {
            body += ["<section>", "<h2>Polls</h2>"]
            for (index, poll) in report.polls.enumerated() {
                if index == 0 || report.polls[index - 1].slot != poll.slot {
                    body.append("<p class=\"slot\">\(escape(WorkshopReport.slotHeading(poll.slot)))</p>")
                }
                body += ["<article class=\"poll\">", "<h3>\(index + 1). \(escape(poll.question))</h3>",
                         "<p class=\"meta\">\(escape(poll.summary))</p>"]
                for round in poll.rounds {
                    if poll.rounds.count > 1 {
                        body.append("<h4>Round \(round.number) · \(escape(round.countText))</h4>")
                    }
                    body += round.notes.map { "<p class=\"note\">\(escape($0))</p>" }
                    if round.isEmpty {
                        body.append("<p class=\"note\">No ballots.</p>")
                        continue
                    }
                    if !round.bars.isEmpty { body += chart(round.bars) }
                    if !round.answers.isEmpty {
                        body += ["<p>Answers (\(round.answers.count)):</p>", "<ul class=\"answers\">"]
                            + round.answers.map { "<li>\(escape($0))</li>" } + ["</ul>"]
                    }
                }
                body.append("</article>")
            }
            body.append("</section>")
        }

        if !report.groups.isEmpty {
            body += ["<section>", "<h2>Working groups</h2>"]
            for group in report.groups {
                body += ["<article class=\"group\">", "<h3>\(escape(group.name))</h3>"] + facts(group.facts)
                if group.templates.isEmpty { body.append("<p class=\"note\">No entries.</p>") }
                for template in group.templates {
                    body.append("<h4>\(escape(template.name)) (\(WorkshopReport.count(template.entries.count, "entry", plural: "entries")))</h4>")
                    for entry in template.entries { body += self.entry(entry) }
                }
                body.append("</article>")
            }
            body.append("</section>")
        }

        if !report.qa.isEmpty {
            body += ["<section>", "<h2>Questions and ideas</h2>"]
            for board in report.qa {
                body += ["<article class=\"qa\">", "<h3>\(escape(board.title))</h3>", "<p>\(escape(board.summary))</p>"]
                for (label, lines) in [("Answered", board.answered), ("Unanswered, most upvoted first", board.unanswered)] where !lines.isEmpty {
                    body += ["<h4>\(label)</h4>", "<ul>"] + lines.map { "<li>\(escape($0))</li>" } + ["</ul>"]
                }
                if board.moreUnanswered > 0 { body.append("<p class=\"note\">… and \(board.moreUnanswered) more unanswered.</p>") }
                body.append("</article>")
            }
            body.append("</section>")
        }

        if !report.shortlists.isEmpty {
            body += ["<section>", "<h2>Shortlist</h2>"]
            for shortlist in report.shortlists {
                body += ["<article class=\"shortlist\">", "<h3>\(escape(shortlist.question))</h3>",
                         "<p class=\"meta\">\(escape(shortlist.basis))</p>", "<table>",
                         "<thead><tr><th class=\"n\">#</th><th>Entry</th><th>Group</th><th class=\"n\">Result</th></tr></thead>",
                         "<tbody>"]
                for row in shortlist.rows {
                    body.append("<tr><td class=\"n\">\(row.rank)</td><td>\(escape(row.title))</td>"
                        + "<td>\(escape(row.group ?? "—"))</td><td class=\"n\">\(escape(row.value))</td></tr>")
                }
                body += ["</tbody>", "</table>", "</article>"]
            }
            body.append("</section>")
        }

        body += ["<section>", "<h2>Timing</h2>"] + facts(report.timing.facts)
        if !report.timing.overtime.isEmpty {
            body += ["<p>Slots over time:</p>", "<ul>"]
                + report.timing.overtime.map { "<li>\(escape($0.label)): \(escape($0.value))</li>" } + ["</ul>"]
        }
        body.append("</section>")

        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(report.title))</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    static func entry(_ entry: WorkshopReport.EntrySection) -> [String] {
        var out = ["<div class=\"entry\">", "<h5>\(entry.order). \(escape(entry.title))</h5>",
                   "<p class=\"meta\">\(escape(entry.byline))</p>", "<dl>"]
        for field in entry.fields {
            out.append("<dt>\(escape(field.label))</dt>")
            if field.lines.isEmpty {
                out.append("<dd class=\"empty\">—</dd>")
            } else if field.isList {
                out.append("<dd><ul>" + field.lines.map { "<li>\(escape($0))</li>" }.joined() + "</ul></dd>")
            } else {
                out.append("<dd>" + field.lines.map(escape).joined(separator: "<br>") + "</dd>")
            }
        }
        return out + ["</dl>", "</div>"]
    }

    static func facts(_ facts: [WorkshopReport.Fact]) -> [String] {
        guard !facts.isEmpty else { return [] }
        return ["<dl class=\"facts\">"] + facts.map { "<dt>\(escape($0.label))</dt><dd>\(escape($0.value))</dd>" } + ["</dl>"]
    }

    /// Bars as table rows: the bar is a block whose width is its share, so it scales with the page and prints.
    static func chart(_ bars: [WorkshopReport.Bar]) -> [String] {
        ["<table class=\"chart\">", "<tbody>"] + bars.map { bar in
            let percent = ReportNumber.decimal(min(1, max(0, bar.fraction.isFinite ? bar.fraction : 0)) * 100)
            return "<tr><th>\(escape(bar.label))</th><td class=\"track\"><span class=\"bar\" style=\"width: \(percent)%\"></span></td>"
                + "<td class=\"n\">\(escape(bar.value))</td></tr>"
        } + ["</tbody>", "</table>"]
    }

    /// Text for an element or a quoted attribute: cleaned by `TextPolicy` for a document (controls, escape sequences
    /// and bidi overrides dropped), then `& < > " '` become references.
    public static func escape(_ text: String) -> String {
        var result = ""
        for character in TextPolicy.cleaned(text, for: .lines) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    static let style = """
        :root { --ink: #1d2430; --muted: #5b6575; --line: #d7dce3; --bar: #2f6fb3; --late: #b3261e; }
        * { box-sizing: border-box; }
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink);
               max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
        h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.35rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; margin-top: 2.2rem; }
        h3 { font-size: 1.1rem; margin: 1.4rem 0 .3rem; }
        h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
        h5 { font-size: .95rem; margin: .2rem 0; }
        .subtitle { color: var(--muted); font-size: 1.1rem; margin-top: 0; }
        .meta, .note, .remark { color: var(--muted); }
        .meta { margin: .1rem 0 .5rem; font-size: .9rem; }
        .slot { margin: 1.2rem 0 .3rem; font-weight: 600; color: var(--muted); }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .6rem 0; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; }
        th, td { text-align: left; vertical-align: top; padding: .25rem .5rem; border-bottom: 1px solid var(--line); }
        thead th { border-bottom: 2px solid var(--line); font-size: .9rem; }
        .n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .late { color: var(--late); font-weight: 600; }
        table.chart th { font-weight: normal; width: 35%; }
        table.chart td, table.chart th { border: 0; padding: .15rem .5rem; }
        td.track { width: 50%; }
        .bar { display: block; height: .95rem; background: var(--bar); border-radius: 2px; }
        .entry { border-left: 3px solid var(--line); padding: .2rem 0 .2rem .8rem; margin: .6rem 0 1rem; }
        .entry dl { margin: .3rem 0; }
        .entry dt { font-weight: 600; font-size: .9rem; }
        .entry dd { margin: 0 0 .4rem; }
        .entry dd ul { margin: 0; padding-left: 1.2rem; }
        .entry dd.empty { color: var(--muted); }
        ul.answers { columns: 2; }
        @media print {
          body { margin: 0; max-width: none; font-size: 11pt; }
          h2 { break-after: avoid; }
          h3, h4, h5 { break-after: avoid; }
          article.poll, .entry, table.chart, tr { break-inside: avoid; }
          .bar { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}
