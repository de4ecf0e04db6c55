/// Characters used for drawing; ASCII stand-ins for terminals or locales that cannot show Unicode.
public struct Glyphs: Sendable, Equatable {
    public var verticalLine: String
    public var horizontalLine: String
    public var currentMarker: String
    public var doneMarker: String
    public var skippedMarker: String
    public var block: String
    public var ellipsis: String
    public var paused: String
    public var behind: String
    public var ahead: String
    public var middleDot: String
    /// Between two times ("12:35–12:40").
    public var rangeDash: String
    public var leftArrow: String
    public var rightArrow: String
    /// Partial blocks for bars, one to seven eighths of a cell ("▏" … "▉"). Empty when the terminal
    /// cannot show them: bars are then whole `block`s, rounded to the nearest cell.
    public var partialBlocks: [String] = []
    /// Starts an item in a list (an open-text answer).
    public var bullet: String = "-"

    public static let unicode = Glyphs(
        verticalLine: "│", horizontalLine: "─", currentMarker: "▶", doneMarker: "✓", skippedMarker: "–",
        block: "█", ellipsis: "…", paused: "⏸", behind: "▼", ahead: "▲", middleDot: "·",
        rangeDash: "–", leftArrow: "←", rightArrow: "→",
        partialBlocks: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"], bullet: "•")

    public static let ascii = Glyphs(
        verticalLine: "|", horizontalLine: "-", currentMarker: ">", doneMarker: "v", skippedMarker: "-",
        block: "#", ellipsis: "~", paused: "||", behind: "v", ahead: "^", middleDot: "-",
        rangeDash: "-", leftArrow: "<", rightArrow: ">",
        partialBlocks: [], bullet: "-")

    /// Key names as this terminal can show them: arrows become "<", ">", "^", "v" in ASCII.
    public func keyLabel(_ text: String) -> String {
        guard self == .ascii else { return text }
        var result = ""
        for character in text {
            switch character {
            case "←": result += leftArrow
            case "→": result += rightArrow
            case "↑": result += "^"
            case "↓": result += "v"
            default: result.append(character)
            }
        }
        return result
    }
}
