import CNCurses
import PlenaryUI

/// Turns what `wgetch` returned into `InputDecoder` input: bytes as they came, ncurses key codes as
/// named keys. `InputDecoder` makes keys of the bytes (UTF-8, Esc sequences, pastes, Alt).
enum CursesKeyDecoder {
    /// `value`: `wgetch`'s result (a byte, a KEY_* value or ERR); `extendedKeys`: the codes ncurses gave
    /// keys it learned from terminfo (`modifiedArrowKeyCodes()`).
    static func input(getch value: Int32, extendedKeys: [Int32: KeyEvent]) -> InputDecoder.Input {
        switch value {
        case 0...0xFF: return .byte(UInt8(value))
        case KEY_CODE_YES...: return .key(decodeKeyCode(value, extendedKeys: extendedKeys))
        default: return .nothing
        }
    }

    static func decodeKeyCode(_ key: Int32, extendedKeys: [Int32: KeyEvent]) -> KeyEvent {
        switch key {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_FIND: return .home        // vt220 keypads send Find/Select at Home/End
        case KEY_END, KEY_SELECT: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case plenary_key_f(1)...plenary_key_f(12): return .function(Int(key - plenary_key_f(0)))
        default: return extendedKeys[key] ?? .unknown
        }
    }

    /// The codes ncurses returns for arrows with Ctrl or Alt. They are not standard keys: ncurses
    /// numbers the terminfo extensions (`kLFT5` is Ctrl-←, `kLFT3` Alt-←) when it starts, so ask it
    /// which code each got. A terminal whose entry lacks them sends `CSI 1;5D` and the like, which
    /// `InputDecoder` reads. Call after `keypad`.
    static func modifiedArrowKeyCodes() -> [Int32: KeyEvent] {
        let names: [(String, KeyEvent)] = [
            ("kLFT5", .controlArrow(.left)), ("kRIT5", .controlArrow(.right)),
            ("kUP5", .controlArrow(.up)), ("kDN5", .controlArrow(.down)),
            ("kLFT3", .altArrow(.left)), ("kRIT3", .altArrow(.right)),
            ("kUP3", .altArrow(.up)), ("kDN3", .altArrow(.down)),
        ]
        var codes: [Int32: KeyEvent] = [:]
        for (name, key) in names {
            let code = plenary_key_code(name)
            if code > 0 { codes[code] = key }
        }
        return codes
    }
}
