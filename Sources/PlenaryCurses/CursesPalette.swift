import CNCurses
import PlenaryUI

/// How each `StyleRole` looks: curses attributes plus a colour pair (0 = the terminal's own colours).
///
/// Without colour (NO_COLOR, `vt100`, fewer than 8 colours) emphasis is bold/reverse/underline/dim only,
/// chosen so the roles a person must tell apart stay distinct:
/// selected = reverse, current = bold+underline, warning = bold, alert = bold+reverse.
struct CursesPalette {
    struct Style: Equatable {
        var attributes: attr_t
        var pair: Int16
    }

    private var styles: [Style]
    let usesColor: Bool

    func style(for role: StyleRole) -> Style {
        styles[Int(role.rawValue)]
    }

    /// Emphasis only; needs no colour support.
    static func monochrome() -> CursesPalette {
        let normal = plenary_a_normal(), bold = plenary_a_bold(), reverse = plenary_a_reverse()
        let dim = plenary_a_dim(), underline = plenary_a_underline()
        var styles = Array(repeating: Style(attributes: normal, pair: 0), count: StyleRole.allCases.count)
        func set(_ role: StyleRole, _ attributes: attr_t) {
            styles[Int(role.rawValue)] = Style(attributes: attributes, pair: 0)
        }
        set(.normal, normal)
        set(.dim, dim)
        set(.title, bold)
        set(.bar, reverse)
        set(.current, bold | underline)
        set(.selected, reverse)
        set(.ok, bold)
        set(.warning, bold)
        set(.alert, bold | reverse)
        set(.key, bold)
        set(.border, normal)
        set(.timer, bold)
        return CursesPalette(styles: styles, usesColor: false)
    }

    /// Defines colour pairs 1... and maps roles onto them. Call after `start_color()`.
    /// `defaultColors`: `use_default_colors()` succeeded, so -1 means the terminal's own fg/bg.
    static func colored(defaultColors: Bool) -> CursesPalette {
        let background = Int16(defaultColors ? -1 : Int32(COLOR_BLACK))
        let foreground = Int16(defaultColors ? -1 : Int32(COLOR_WHITE))
        var nextPair: Int16 = 1
        func pair(_ fg: Int32, _ bg: Int16? = nil) -> Int16 {
            let number = nextPair
            nextPair += 1
            _ = init_pair(number, Int16(fg), bg ?? background)
            return number
        }
        let cyan = pair(COLOR_CYAN)
        let bar = pair(COLOR_WHITE, Int16(COLOR_BLUE))
        let green = pair(COLOR_GREEN)
        let yellow = pair(COLOR_YELLOW)
        let red = pair(COLOR_RED)
        let blue = pair(COLOR_BLUE)
        let plain: Int16 = defaultColors ? 0 : pair(Int32(foreground))

        let normal = plenary_a_normal(), bold = plenary_a_bold(), reverse = plenary_a_reverse()
        let dim = plenary_a_dim()
        var styles = Array(repeating: Style(attributes: normal, pair: plain), count: StyleRole.allCases.count)
        func set(_ role: StyleRole, _ attributes: attr_t, _ pair: Int16) {
            styles[Int(role.rawValue)] = Style(attributes: attributes, pair: pair)
        }
        set(.normal, normal, plain)
        set(.dim, dim, plain)
        set(.title, bold, cyan)
        set(.bar, normal, bar)
        set(.current, bold | reverse, cyan)   // a cyan band, distinct from the grey `selected` band
        set(.selected, reverse, plain)        // always reverse, so it also reads without colour
        set(.ok, normal, green)
        set(.warning, bold, yellow)
        set(.alert, bold, red)
        set(.key, bold, plain)
        set(.border, normal, blue)
        set(.timer, bold, plain)
        return CursesPalette(styles: styles, usesColor: true)
    }
}
