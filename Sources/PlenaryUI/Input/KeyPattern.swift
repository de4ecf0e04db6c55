/// Which key presses a binding answers: one named key, or a class of them (the digits 1–9, any printable character,
/// a paste) for the screens where typing goes into a field. Its label is what the help, the footer and the README show,
/// so a key can only be bound under the name it is documented by.
public enum KeyPattern: Sendable, Hashable {
    case key(KeyEvent)
    /// `1` to `9`: a template, a slot, an option, by its number.
    case digits
    /// `0` to `9`: a count or a rating.
    case numbers
    /// Any printable character, typed into the field.
    case printable
    /// A bracketed paste, inserted as text.
    case paste
    /// Whatever is pressed (a help that any key closes).
    case anyKey

    public static func char(_ character: Character) -> KeyPattern { .key(.character(character)) }
    public static func ctrl(_ character: Character) -> KeyPattern { .key(.control(character)) }

    public func matches(_ event: KeyEvent) -> Bool {
        switch (self, event) {
        case (.key(let key), _): key == event
        case (.digits, .character(let character)): ("1"..."9").contains(character)
        case (.numbers, .character(let character)): character.isASCII && character.isWholeNumber
        case (.printable, .character): true
        case (.paste, .paste): true
        case (.anyKey, _): true
        default: false
        }
    }

    /// As the help and the README name the key: "Space", "Ctrl-X", "Shift-Tab", "→".
    public var label: String {
        switch self {
        case .key(let key): Self.label(key)
        case .digits: "1-9"
        case .numbers: "0-9"
        case .printable: "characters"
        case .paste: "Paste"
        case .anyKey: "any key"
        }
    }

    /// As the footer names it, where room is short: "S-Tab", "^Z".
    public var shortLabel: String {
        switch self {
        case .key(.backTab): "S-Tab"
        case .key(.control(let character)): "^" + character.uppercased()
        default: label
        }
    }

    static func label(_ key: KeyEvent) -> String {
        switch key {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let character): "Ctrl-" + character.uppercased()
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let number): "F\(number)"
        case .alt(let character): "Alt-" + character.uppercased()
        case .altBackspace: "Alt-Backspace"
        case .controlArrow(let arrow): "Ctrl-" + label(arrow.key)
        case .altArrow(let arrow): "Alt-" + label(arrow.key)
        case .paste: "Paste"
        case .resize: "resize"
        case .unknown: "unknown"
        }
    }
}

extension KeyEvent.Arrow {
    var key: KeyEvent {
        switch self {
        case .up: .up
        case .down: .down
        case .left: .left
        case .right: .right
        }
    }
}
