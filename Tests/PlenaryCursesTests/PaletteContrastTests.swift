import PlenaryCurses
import PlenaryUI
import Testing
import Glibc

/// Every role must read on a light terminal and on a dark one: WCAG contrast of at least 4.5:1 between the
/// colours xterm actually paints, on its default white background (black text) and on black (white text).
@Suite struct PaletteContrastTests {
    /// xterm's default palette (XTerm-col.ad / charproc.c): the eight ANSI colours, then their bright forms.
    static let xtermPalette: [UInt32] = [
        0x000000, 0xCD0000, 0x00CD00, 0xCDCD00, 0x0000EE, 0xCD00CD, 0x00CDCD, 0xE5E5E5,
        0x7F7F7F, 0xFF0000, 0x00FF00, 0xFFFF00, 0x5C5CFF, 0xFF00FF, 0x00FFFF, 0xFFFFFF,
    ]

    /// A terminal's own colours: `xterm -bg white -fg black` and `xterm -bg black -fg white`.
    struct Background: CustomStringConvertible {
        var name: String
        var foreground: UInt32
        var background: UInt32
        var description: String { name }
    }

    static let light = Background(name: "white background", foreground: 0x000000, background: 0xFFFFFF)
    static let dark = Background(name: "black background", foreground: 0xFFFFFF, background: 0x000000)

    /// The colours xterm paints a cell with, as measured in screenshots under Xvfb: bold turns ANSI colours
    /// 0-7 into their bright forms (the `boldColors` resource, on by default) but leaves the terminal's own
    /// foreground alone; faint scales the foreground to two thirds (white text came out #AAAAAA); reverse swaps
    /// the two after that.
    static func painted(_ look: RoleLook, on terminal: Background) -> (text: UInt32, cell: UInt32) {
        var text = look.foreground.map { xtermPalette[Int($0.rawValue) + (look.bold ? 8 : 0)] } ?? terminal.foreground
        let cell = look.background.map { xtermPalette[Int($0.rawValue)] } ?? terminal.background
        if look.dim {
            text = [16, 8, 0].reduce(0) { sum, shift in sum | ((((text >> shift) & 0xFF) * 2 / 3) << shift) }
        }
        return look.reverse ? (cell, text) : (text, cell)
    }

    /// WCAG 2 relative luminance of an sRGB colour.
    static func luminance(_ rgb: UInt32) -> Double {
        func channel(_ shift: UInt32) -> Double {
            let value = Double((rgb >> shift) & 0xFF) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    static func contrast(_ a: UInt32, _ b: UInt32) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test func theFormulaMatchesWCAGsOwnExamples() {
        #expect(abs(Self.contrast(0x000000, 0xFFFFFF) - 21) < 0.001)
        #expect(abs(Self.contrast(0x777777, 0xFFFFFF) - 4.48) < 0.01)
        // The complaint: white on bright cyan, about 1.25:1.
        #expect(abs(Self.contrast(0xFFFFFF, 0x00FFFF) - 1.25) < 0.01)
    }

    @Test(arguments: [light, dark])
    func everyRoleReadsOnXtermsDefaultBackgrounds(terminal: Background) {
        for role in StyleRole.allCases {
            let (text, cell) = Self.painted(RoleLook.colored(role), on: terminal)
            let ratio = Self.contrast(text, cell)
            #expect(ratio >= 4.5, "\(role) on a \(terminal): \(ratio):1")
        }
    }

    /// Bars are runs of "█": ink in the role's text colour. A band role (text colour set on a coloured cell)
    /// would draw them in the band's black, invisible on a black terminal.
    @Test func resultBarsAreInkNotABand() {
        let look = RoleLook.colored(.chart)
        #expect(look.background == nil && !look.reverse)
        for terminal in [Self.light, Self.dark] {
            let (text, _) = Self.painted(look, on: terminal)
            #expect(Self.contrast(text, terminal.background) >= 4.5, "bars on a \(terminal)")
        }
    }

    /// The roles a person must tell apart at a glance still look different from each other and from plain text.
    @Test(arguments: [light, dark])
    func highlightsStayDistinct(terminal: Background) {
        let distinct: [StyleRole] = [.normal, .bar, .current, .selected, .ok, .warning, .alert]
        let looks = distinct.map { role -> [UInt32] in
            let (text, cell) = Self.painted(RoleLook.colored(role), on: terminal)
            return [text, cell]
        }
        #expect(Set(looks).count == distinct.count, "\(zip(distinct, looks).map { "\($0): \($1)" })")
    }
}
