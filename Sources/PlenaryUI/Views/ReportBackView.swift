import PlenaryEngine

/// The report-back view for the projector: one working group's entries in full, wrapped to the width and split
/// into pages, so a long list is read page by page instead of cut off.
public enum ReportBackView {
    /// One line of a group's report, and whether an entry starts there (pages prefer to break before those).
    struct Line: Equatable {
        var text: String
        var style: StyleRole
        var indent: Int
        var startsEntry: Bool
        /// The entry's title line, repeated at the top of a page that starts inside the entry.
        var heading: String? = nil
    }

    /// Rows taken by the heading above the entries.
    static let headingRows = 3

    static func draw(_ state: WorkshopState, groupIndex: Int, page: Int, into grid: inout CellGrid,
                     x: Int, y: Int, width: Int, height: Int, glyphs: Glyphs) {
        guard width > 10, height > headingRows, groupIndex < state.groups.count else { return }
        let group = state.groups[groupIndex]
        let lines = document(state, group: group, width: width, glyphs: glyphs)
        let pages = pageRanges(lines, height: height - headingRows)
        let shown = min(page, pages.count - 1)

        var heading = "REPORT-BACK \(glyphs.middleDot) group \(groupIndex + 1) of \(state.groups.count)"
        if let facilitator = group.definition.facilitator { heading += " \(glyphs.middleDot) \(facilitator.name)" }
        let pageText = pages.count > 1 ? "page \(shown + 1)/\(pages.count)" : ""
        grid.putClipped(heading, x: x, y: y, style: .dim, width: width - pageText.count - 1, ellipsis: glyphs.ellipsis)
        grid.put(pageText, x: x + width - pageText.count, y: y, style: .key)
        let count = "\(group.entries.count) entr\(group.entries.count == 1 ? "y" : "ies")"
        grid.putClipped(group.definition.name, x: x, y: y + 1, style: .title, width: width - count.count - 2, ellipsis: glyphs.ellipsis)
        grid.put(count, x: x + width - count.count, y: y + 1, style: .dim)

        var row = y + headingRows
        let page = pages[shown]
        if let first = page.first, !lines[first].startsEntry, let heading = lines[first].heading {
            grid.putClipped(heading + " (continued)", x: x, y: row, style: .dim, width: width, ellipsis: glyphs.ellipsis)
            row += 1
        }
        for line in lines[page] {
            grid.putClipped(line.text, x: x + line.indent, y: row, style: line.style, width: width - line.indent, ellipsis: glyphs.ellipsis)
            row += 1
        }
        if shown + 1 < pages.count {
            grid.putClipped("continues on the next page (PgDn)", x: x, y: y + height - 1, style: .dim, width: width,
                            ellipsis: glyphs.ellipsis)
        }
    }

    /// How many pages group `groupIndex` takes at this screen size: the key map needs it to turn the page.
    public static func pageCount(_ state: WorkshopState, groupIndex: Int, size: TerminalSize, glyphs: Glyphs = .unicode) -> Int {
        guard groupIndex >= 0, groupIndex < state.groups.count else { return 1 }
        let body = ModeratorScreen.bodyArea(size)
        guard body.width > 10, body.height > headingRows else { return 1 }
        let lines = document(state, group: state.groups[groupIndex], width: body.width, glyphs: glyphs)
        return pageRanges(lines, height: body.height - headingRows).count
    }

    /// Every entry: a numbered title line, then each other field's label and its text wrapped (list items bulleted).
    static func document(_ state: WorkshopState, group: GroupState, width: Int, glyphs: Glyphs) -> [Line] {
        guard !group.entries.isEmpty else {
            return [Line(text: "No entries yet.", style: .dim, indent: 0, startsEntry: true)]
        }
        var lines: [Line] = []
        let severalTemplates = Set(group.entries.map(\.template)).count > 1
        for (number, entry) in group.entries.enumerated() {
            let template = state.template(entry.template)
            let templateName = template?.name ?? entry.template
            // A form that opens with a list (a SWOT) is titled by its template, not by its first item.
            let titledByTemplate = template?.fields.first?.kind == .list
            var title = titledByTemplate ? templateName : entry.title(using: template)
            if title.isEmpty { title = "(empty \(templateName))" }
            if severalTemplates && !titledByTemplate { title += " \(glyphs.middleDot) \(templateName)" }
            if !lines.isEmpty { lines.append(Line(text: "", style: .normal, indent: 0, startsEntry: false)) }
            let prefix = "\(number + 1). "
            let heading = prefix + title
            let titleLines = title.wrapped(toWidth: max(1, width - prefix.count))
            for (index, text) in titleLines.enumerated() {
                lines.append(Line(text: (index == 0 ? prefix : String(repeating: " ", count: prefix.count)) + text,
                                  style: .title, indent: 0, startsEntry: index == 0, heading: heading))
            }
            var usedTitle = titledByTemplate
            let firstLineShown = entry.title(using: template)
            for field in template?.fields ?? [] {
                let value = entry.fields[field.id] ?? ""
                guard !value.isEmpty else { continue }
                // The title line already shows the first filled field when it is a single line.
                if !usedTitle, value == firstLineShown {
                    usedTitle = true
                    continue
                }
                lines.append(Line(text: field.label, style: .dim, indent: 3, startsEntry: false, heading: heading))
                if field.kind == .list {
                    for item in value.split(separator: "\n") where !item.isEmpty {
                        for (index, text) in String(item).wrapped(toWidth: max(1, width - 7)).enumerated() {
                            lines.append(Line(text: (index == 0 ? "\(glyphs.bullet) " : "  ") + text, style: .normal, indent: 5,
                                              startsEntry: false, heading: heading))
                        }
                    }
                } else {
                    for paragraph in value.split(separator: "\n", omittingEmptySubsequences: false) {
                        for text in String(paragraph).wrapped(toWidth: max(1, width - 5)) {
                            lines.append(Line(text: text, style: .normal, indent: 5, startsEntry: false, heading: heading))
                        }
                    }
                }
            }
        }
        return lines
    }

    /// Splits lines into pages of `height` rows (the last row kept for "continues"), breaking before an entry
    /// that would not fit on the rest of the page but would fit on a page of its own.
    static func pageRanges(_ lines: [Line], height: Int) -> [Range<Int>] {
        let rows = max(1, height - 1)
        var pages: [Range<Int>] = []
        var start = 0
        while start < lines.count {
            // A page that starts inside an entry gives a row to repeat its title.
            let continued = start > 0 && !lines[start].startsEntry && lines[start].heading != nil
            var end = min(lines.count, start + max(1, continued ? rows - 1 : rows))
            if end < lines.count {
                if let entryStart = lines[(start + 1)..<end].lastIndex(where: \.startsEntry) {
                    let entryEnd = lines[(entryStart + 1)...].firstIndex(where: \.startsEntry) ?? lines.count
                    // It moves to the next page when it fits there whole, or when only its first rows would be
                    // left at the foot of this one.
                    if entryEnd > end && (entryEnd - entryStart <= rows || entryStart >= end - 2) { end = entryStart }
                }
            }
            // Do not start a page with the blank line between entries.
            pages.append(start..<end)
            start = end
            while start < lines.count, lines[start].text.isEmpty, !lines[start].startsEntry { start += 1 }
        }
        return pages.isEmpty ? [0..<0] : pages
    }
}
