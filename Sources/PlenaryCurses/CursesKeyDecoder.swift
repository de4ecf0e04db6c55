import CNCurses
import PlenaryUI

/// Turns what `wget_wch` returned into a `KeyEvent`. Never yields a control character as `.character`.
enum CursesKeyDecoder {
    /// `status`: `wget_wch`'s result (OK, KEY_CODE_YES or ERR); `code`: the character or KEY_* value.
    static func decode(status: Int32, code: UInt32) -> KeyEvent? {
        switch status {
        case KEY_CODE_YES: return decodeKeyCode(Int32(truncatingIfNeeded: code))
        case OK: return decodeCharacter(code)
        default: return nil
        }
    }

    static func decodeCharacter(_ code: UInt32) -> KeyEvent {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        // Ctrl-@ (Ctrl-Space), Ctrl-\, Ctrl-], Ctrl-^, Ctrl-_ (raw mode delivers Ctrl-\ instead of SIGQUIT).
        case 0, 28...31: return .control(Character(Unicode.Scalar(UInt8(code) + 0x40)))
        case 0x80...0x9F: return .unknown
        default:
            guard let scalar = Unicode.Scalar(code) else { return .unknown }
            switch scalar.properties.generalCategory {
            case .control, .surrogate, .lineSeparator, .paragraphSeparator: return .unknown
            default: return .character(Character(scalar))
            }
        }
    }

    static func decodeKeyCode(_ key: Int32) -> KeyEvent {
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
        default: return .unknown
        }
    }
}
