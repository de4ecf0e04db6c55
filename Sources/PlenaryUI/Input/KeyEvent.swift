/// A key press after the driver decoded it. Key maps turn these into actions.
public enum KeyEvent: Sendable, Equatable, Hashable {
    /// A printable character (never a control character).
    case character(Character)
    /// Ctrl plus a letter (lower-cased) or one of @ \\ ] ^ _: `.control("c")` for Ctrl-C (raw mode only).
    case control(Character)
    case enter
    case escape
    case tab
    case backTab
    case backspace
    case delete
    case up, down, left, right
    case home, end, pageUp, pageDown
    case function(Int)
    /// The terminal changed size; the new size is read from the driver.
    case resize
    /// Anything the driver could not name (mouse reports, unknown sequences): ignored by every key map.
    case unknown
}
