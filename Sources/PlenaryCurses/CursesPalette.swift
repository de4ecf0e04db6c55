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
        set(.chart, normal)
        set(.code, reverse)
        return CursesPalette(styles: styles, usesColor: false)
    }

    /// Defines a colour pair for each foreground/background that `RoleLook.colored` uses and maps roles onto
    /// them. Call after `start_color()`.
    /// `defaultColors`: `use_default_colors()` succeeded, so -1 means the terminal's own fg/bg; without it the
    /// terminal's own colours are taken to be white on black.
    static func colored(defaultColors: Bool) -> CursesPalette {
        func number(_ color: RoleLook.Color?, default fallback: RoleLook.Color) -> Int16 {
            if let color { return color.rawValue }
            return defaultColors ? -1 : fallback.rawValue
        }
        var pairs: [[Int16]: Int16] = [:]
        var nextPair: Int16 = 1
        func pair(for look: RoleLook) -> Int16 {
            let colors = [number(look.foreground, default: .white), number(look.background, default: .black)]
            if colors == [-1, -1] { return 0 }
            if let known = pairs[colors] { return known }
            let made = nextPair
            nextPair += 1
            _ = init_pair(made, colors[0], colors[1])
            pairs[colors] = made
            return made
        }
        var styles: [Style] = []
        for role in StyleRole.allCases {
            let look = RoleLook.colored(role)
            var attributes = plenary_a_normal()
            if look.bold { attributes |= plenary_a_bold() }
            if look.reverse { attributes |= plenary_a_reverse() }
            if look.dim { attributes |= plenary_a_dim() }
            styles.append(Style(attributes: attributes, pair: pair(for: look)))
        }
        return CursesPalette(styles: styles, usesColor: true)
    }
}
