import PlenaryEngine

/// Horizontal bars for poll results: one bar per row, its length the row's `fraction`.
///
/// Layout, chosen to read from the back of a room on an 80×24 screen:
/// - **Inline** (the usual case): `label  bar  value` on one line. The label column is as wide as the
///   longest label but at most 40% of the width; longer labels are cut by display width with an
///   ellipsis (never inside a character). Values are right-aligned at the right edge, so the bars
///   all start in one column and can be compared at a glance.
/// - **Stacked**, when a label would be cut and every row fits on two lines: the whole label on its
///   own line, with the bar and value under it. Session files have long options ("Capacity for
///   interregional cooperation (inadequate capacity, insufficient time and resources)"), and on a
///   projector the words that tell two options apart are often past the 40% cut. Stacking also gives
///   the bar the full width, and makes bars visible on narrow screens where an inline bar would not
///   fit. It is all or nothing: every row is stacked, so the bars still start in one column.
/// - When there is room, a blank line separates the rows (full blocks on adjacent lines merge into
///   one slab from a distance). Without room the rows are packed; when even that is not enough the
///   first `height - 1` rows are shown and a last line says "… N more".
/// - Bars are whole blocks plus one eighth-block partial ("▏▎▍▌▋▊▉"), rounded to the nearest eighth;
///   ASCII bars are "#" rounded to the nearest cell. A row with a non-zero value always shows at
///   least the smallest mark ("▏" or "#"), so nobody reads a vote as none; a zero shows no bar.
/// - A bar narrower than 4 columns says nothing, so then rows are label and value only.
///
/// Nothing is drawn outside the rectangle.
enum BarChart {
    /// The narrowest bar worth drawing.
    static let minimumBarWidth = 4

    /// Draws `rows` in the rectangle and returns the number of lines used (0 when there is nothing
    /// to draw or no room). Bars are drawn in `highlight`, the "… N more" line dimmed.
    @discardableResult
    static func draw(_ rows: [PollResults.Row], into grid: inout CellGrid, x: Int, y: Int, width: Int, height: Int,
                     glyphs: Glyphs, highlight: StyleRole = .chart) -> Int {
        // The tally writes "3 · 60%" and "1 · Not at all": measured after the glyph set has had its say.
        let rows = rows.map { row in
            var row = row
            row.label = glyphs.text(row.label)
            row.valueText = glyphs.text(row.valueText)
            return row
        }
        let area = ClipRect(x: x, y: y, width: width, height: height)
        guard !area.isEmpty, !rows.isEmpty else { return 0 }
        let layout = Layout(rows, width: area.width, height: area.height)
        let shown = rows.count <= layout.capacity ? rows.count : max(0, area.height - 1)
        var line = 0
        for (index, row) in rows.prefix(shown).enumerated() {
            if index > 0 { line += layout.gap }
            switch layout.kind {
            case .stacked:
                area.put(row.label, column: 0, row: line, width: area.width, ellipsis: glyphs.ellipsis, into: &grid)
                line += 1
                drawBarAndValue(row, line: line, barColumn: 0, layout: layout, area: area, glyphs: glyphs, highlight: highlight, into: &grid)
            case .inline:
                area.put(row.label, column: 0, row: line, width: layout.labelWidth, ellipsis: glyphs.ellipsis, into: &grid)
                drawBarAndValue(row, line: line, barColumn: layout.labelWidth + 1, layout: layout, area: area, glyphs: glyphs, highlight: highlight, into: &grid)
            case .labelsOnly:
                area.put(row.label, column: 0, row: line, width: layout.labelWidth, ellipsis: glyphs.ellipsis, into: &grid)
                drawBarAndValue(row, line: line, barColumn: 0, layout: layout, area: area, glyphs: glyphs, highlight: highlight, into: &grid)
            }
            line += 1
        }
        if shown < rows.count {
            area.put("\(glyphs.ellipsis) \(rows.count - shown) more", column: 0, row: line, style: .dim,
                     width: area.width, ellipsis: glyphs.ellipsis, into: &grid)
            line += 1
        }
        return min(line, area.height)
    }

    /// The bar for `fraction` (clamped to 0...1) of `width` columns: full blocks and at most one
    /// partial block, rounded to the nearest step the glyphs can show. `nonZero` forces the smallest
    /// mark when the rounding would leave nothing.
    static func bar(fraction: Double, width: Int, nonZero: Bool, glyphs: Glyphs) -> String {
        guard width > 0 else { return "" }
        let steps = glyphs.partialBlocks.count + 1
        let clamped = fraction.isNaN ? 0 : min(max(fraction, 0), 1)
        var units = Int((clamped * Double(width * steps)).rounded())
        if units == 0 && (nonZero || clamped > 0) { units = 1 }
        let partial = units % steps
        return String(repeating: glyphs.block, count: units / steps) + (partial > 0 ? glyphs.partialBlocks[partial - 1] : "")
    }

    // MARK: - Implementation

    private static func drawBarAndValue(_ row: PollResults.Row, line: Int, barColumn: Int, layout: Layout, area: ClipRect,
                                        glyphs: Glyphs, highlight: StyleRole, into grid: inout CellGrid) {
        if layout.barWidth > 0 {
            let text = bar(fraction: row.fraction, width: layout.barWidth, nonZero: row.value > 0, glyphs: glyphs)
            area.put(text, column: barColumn, row: line, style: highlight, width: layout.barWidth, ellipsis: nil, into: &grid)
        }
        let value = row.valueText.truncated(toWidth: layout.valueWidth, ellipsis: glyphs.ellipsis)
        area.put(value, column: area.width - value.terminalWidth, row: line, width: layout.valueWidth, ellipsis: nil, into: &grid)
    }

    /// Column widths and line spacing for one chart.
    private struct Layout {
        enum Kind { case inline, stacked, labelsOnly }
        var kind: Kind
        var labelWidth: Int
        var barWidth: Int
        var valueWidth: Int
        /// Lines from one row to the next beyond the row itself (1 = a blank line between rows).
        var gap: Int
        /// How many rows fit without a "… N more" line.
        var capacity: Int

        init(_ rows: [PollResults.Row], width: Int, height: Int) {
            valueWidth = min(width, rows.map(\.valueText.terminalWidth).max() ?? 0)
            let valueGap = valueWidth > 0 ? 1 : 0
            let longestLabel = rows.map(\.label.terminalWidth).max() ?? 0
            let inlineLabel = min(longestLabel, width * 2 / 5)
            let inlineBar = width - inlineLabel - 1 - valueGap - valueWidth
            let stackedBar = width - valueGap - valueWidth
            let n = rows.count
            if longestLabel > inlineLabel, stackedBar >= BarChart.minimumBarWidth, 2 * n <= height {
                kind = .stacked
                labelWidth = width
                barWidth = stackedBar
                gap = 3 * n - 1 <= height ? 1 : 0
                capacity = n
            } else {
                if inlineBar >= BarChart.minimumBarWidth {
                    kind = .inline
                    labelWidth = inlineLabel
                    barWidth = inlineBar
                } else {
                    kind = .labelsOnly
                    labelWidth = max(0, width - valueGap - valueWidth)
                    barWidth = 0
                }
                gap = 2 * n - 1 <= height ? 1 : 0
                capacity = height
            }
        }
    }
}

/// A rectangle of the grid that drawing cannot leave: positions are relative to its top-left corner,
/// lines outside it are skipped and text is cut at its right edge.
struct ClipRect {
    var x: Int
    var y: Int
    var width: Int
    var height: Int

    init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    var isEmpty: Bool { width == 0 || height == 0 }

    /// The part of this rectangle from (column, row), `width` × `height`, clipped to this one.
    func inner(column: Int, row: Int, width w: Int, height h: Int) -> ClipRect {
        let left = min(max(0, column), width)
        let top = min(max(0, row), height)
        return ClipRect(x: x + left, y: y + top, width: min(column + w, width) - left, height: min(row + h, height) - top)
    }

    /// Writes `text` at (column, row) within `width` columns (and the rectangle), cut with
    /// `ellipsis` when one is given and the text is too long. Returns the columns used.
    @discardableResult
    func put(_ text: String, column: Int, row: Int, style: StyleRole = .normal, width w: Int? = nil,
             ellipsis: String?, into grid: inout CellGrid) -> Int {
        guard row >= 0, row < height, column >= 0, column < width else { return 0 }
        let room = min(width - column, w ?? width)
        guard room > 0 else { return 0 }
        let fitted = ellipsis.map { text.truncated(toWidth: room, ellipsis: $0) } ?? text
        return grid.put(fitted, x: x + column, y: y + row, style: style, maxWidth: room)
    }
}
