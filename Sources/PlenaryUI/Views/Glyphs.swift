import PlenaryEngine

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
    /// The chosen option of a single-choice ballot, between parentheses.
    public var chosenMark: String = "*"
    /// Between a width and a height ("60×16").
    public var times: String = "x"
    /// One column standing for a character wider than the whole box it is in.
    public var tooWide: String = "?"

    public static let unicode = Glyphs(
        verticalLine: "│", horizontalLine: "─", currentMarker: "▶", doneMarker: "✓", skippedMarker: "–",
        block: "█", ellipsis: "…", paused: "⏸", behind: "▼", ahead: "▲", middleDot: "·",
        rangeDash: "–", leftArrow: "←", rightArrow: "→",
        partialBlocks: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"], bullet: "•", chosenMark: "•", times: "×",
        tooWide: String(TerminalText.tooWide))

    public static let ascii = Glyphs(
        verticalLine: "|", horizontalLine: "-", currentMarker: ">", doneMarker: "v", skippedMarker: "-",
        block: "#", ellipsis: "...", paused: "||", behind: "v", ahead: "^", middleDot: "-",
        rangeDash: "-", leftArrow: "<", rightArrow: ">",
        partialBlocks: [], bullet: "-", chosenMark: "*", times: "x", tooWide: "?")

    /// Key names as this terminal can show them: arrows become "<", ">", "^", "v" in ASCII.
    public func keyLabel(_ text: String) -> String {
        self.text(text)
    }

    /// Plenary's own words (hints, notices, numbers and messages written in the core) as this terminal can
    /// show them: unchanged with Unicode glyphs; with ASCII ones every typographic character Plenary writes
    /// (arrows, dashes, "…", "·", curly quotes, "×") becomes its stand-in, so nothing but ASCII is drawn.
    /// Other characters pass through: they come from what people typed, which is theirs to show.
    public func text(_ text: String) -> String {
        guard self == .ascii, !text.allSatisfy(\.isASCII) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "←": result += leftArrow
            case "→": result += rightArrow
            case "↑": result += "^"
            case "↓": result += "v"
            case "–", "−": result += rangeDash
            case "—": result += "--"
            case "…": result += ellipsis
            case "·": result += middleDot
            case "•": result += bullet
            case "▶": result += currentMarker
            case "✓": result += doneMarker
            case "×": result += times
            case "“", "”": result += "\""
            case "‘", "’": result += "'"
            case "≤": result += "<="
            case "≥": result += ">="
            default: result.append(character)
            }
        }
        return result
    }
}
