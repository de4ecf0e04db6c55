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
    /// Alt (Meta) plus a printable character: the terminal sends Esc and the character together.
    /// A case of its own so that it never acts as Esc followed by the key (Alt-d is not Esc, then delete).
    case alt(Character)
    /// Alt-Backspace (Esc then DEL or BS, together).
    case altBackspace
    /// An arrow with Ctrl held (xterm `CSI 1;5D`, terminfo `kLFT5` and friends).
    case controlArrow(Arrow)
    /// An arrow with Alt held (`CSI 1;3D`, terminfo `kLFT3`…).
    case altArrow(Arrow)
    /// Text pasted into a terminal in bracketed-paste mode: everything between `CSI 200~` and
    /// `CSI 201~`, line breaks as "\n", otherwise as the terminal sent it (control characters
    /// included: whoever inserts it cleans it). One event, so a newline or a letter in a paste never
    /// acts as a key.
    case paste(String)
    /// The terminal changed size; the new size is read from the driver.
    case resize
    /// Anything the driver could not name (mouse reports, unknown sequences): ignored by every key map.
    case unknown

    public enum Arrow: Sendable, Equatable, Hashable {
        case up, down, left, right
    }
}
