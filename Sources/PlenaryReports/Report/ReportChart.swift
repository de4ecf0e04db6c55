import PlenaryEngine

/// Horizontal bar charts as lines of text, for the terminal report and the code blocks of the Markdown report.
/// Columns are measured with `terminalWidth`, so labels with accents or CJK characters keep the bars aligned;
/// bars have eighth-block precision, as on the screen.
enum ReportChart {
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    static let minimumBar = 10

    /// One line per bar, none wider than `width` columns: label, bar, value.
    static func lines(_ bars: [WorkshopReport.Bar], width: Int) -> [String] {
        guard !bars.isEmpty else { return [] }
        let valueWidth = bars.map(\.value.terminalWidth).max() ?? 0
        let longestLabel = bars.map(\.label.terminalWidth).max() ?? 0
        // Labels give way first (cut with "…"), so the bar keeps at least `minimumBar` cells.
        let labelWidth = max(4, min(longestLabel, max(12, width / 2), width - valueWidth - 4 - minimumBar))
        let barWidth = max(minimumBar, width - labelWidth - valueWidth - 4)
        return bars.map { bar in
            bar.label.padded(toWidth: labelWidth) + "  " + self.bar(bar.fraction, width: barWidth) + "  "
                + String(repeating: " ", count: valueWidth - bar.value.terminalWidth) + TerminalText.sanitized(bar.value)
        }
    }

    /// `fraction` of `width` cells in full and partial blocks, padded with spaces; a value above zero shows at least
    /// a sliver, so "1 vote" never looks like none.
    static func bar(_ fraction: Double, width: Int) -> String {
        let clamped = min(1, max(0, fraction.isFinite ? fraction : 0))
        var units = Int((clamped * Double(width * 8)).rounded())
        if units == 0 && clamped > 0 { units = 1 }
        var text = String(repeating: "█", count: units / 8)
        if units % 8 > 0 { text.append(eighths[units % 8 - 1]) }
        let drawn = units / 8 + (units % 8 > 0 ? 1 : 0)
        return text + String(repeating: " ", count: max(0, width - drawn))
    }
}
