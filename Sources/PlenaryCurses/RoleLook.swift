import PlenaryUI

/// How a style role looks in colour, as data: one of the eight ANSI colours (or the terminal's own) for the
/// text and for the cell, plus bold, reverse and dim. Kept apart from curses so that the contrast of every
/// role can be computed in a test, against the colours a real terminal gives them.
public struct RoleLook: Equatable, Sendable {
    /// The eight ANSI colours, numbered as curses and terminals number them.
    public enum Color: Int16, Sendable, CaseIterable {
        case black, red, green, yellow, blue, magenta, cyan, white
    }

    /// nil: the terminal's own foreground (with `use_default_colors`), whatever its background is.
    public var foreground: Color?
    /// nil: the terminal's own background.
    public var background: Color?
    public var bold = false
    public var reverse = false
    public var dim = false

    public init(foreground: Color? = nil, background: Color? = nil, bold: Bool = false, reverse: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
    }

    /// The look of every role when colours are on: one scheme for light and dark terminals alike.
    ///
    /// No ANSI colour reads as text on both white and black (WCAG 4.5:1: each is too light for one or too dark
    /// for the other), so text keeps the terminal's own colour, with bold, dim and reverse for emphasis, and
    /// colour appears only as a band with its text colour set too (black on cyan, green or yellow; bright white
    /// on red; white on blue), whose contrast does not depend on the terminal's background. Black text is never
    /// bold: xterm would paint it grey. `PaletteContrastTests` checks every role on both backgrounds.
    public static func colored(_ role: StyleRole) -> RoleLook {
        switch role {
        case .normal: RoleLook()
        case .dim: RoleLook(dim: true)
        case .title: RoleLook(bold: true)
        case .bar: RoleLook(foreground: .white, background: .blue)
        // A cyan band, distinct from the reverse `selected` band.
        case .current: RoleLook(foreground: .black, background: .cyan)
        // Always reverse, so it also reads without colour.
        case .selected: RoleLook(reverse: true)
        case .ok: RoleLook(foreground: .black, background: .green)
        case .warning: RoleLook(foreground: .black, background: .yellow)
        case .alert: RoleLook(foreground: .white, background: .red, bold: true)
        case .key: RoleLook(bold: true)
        case .border: RoleLook()
        case .timer: RoleLook(bold: true)
        // Of the eight ANSI colours only red and magenta keep even 3:1 on both white and black in xterm; red
        // means alert and magenta sits too near it, so bars are drawn in the text colour.
        case .chart: RoleLook()
        case .code: RoleLook(foreground: .black, background: .white)
        }
    }
}
