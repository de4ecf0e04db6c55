import PlenaryUI

/// A key as an attached moderator screen sends it: a short text such as `c:n`, `ctrl:c`, `enter` or `f:1`, so the
/// protocol needs no knowledge of `KeyEvent` and a key this build does not know reads as nothing rather than an error.
public enum RemoteKey {
    public static func encode(_ key: KeyEvent) -> String {
        switch key {
        case .character(let character): "c:\(character)"
        case .control(let character): "ctrl:\(character)"
        case .alt(let character): "alt:\(character)"
        case .paste(let text): "paste:\(text)"
        case .function(let number): "f:\(number)"
        case .controlArrow(let arrow): "ctrl-arrow:\(name(arrow))"
        case .altArrow(let arrow): "alt-arrow:\(name(arrow))"
        case .enter: "enter"
        case .escape: "escape"
        case .tab: "tab"
        case .backTab: "back-tab"
        case .backspace: "backspace"
        case .delete: "delete"
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        case .home: "home"
        case .end: "end"
        case .pageUp: "page-up"
        case .pageDown: "page-down"
        case .altBackspace: "alt-backspace"
        case .resize: "resize"
        case .unknown: "unknown"
        }
    }

    /// Nil for anything `encode` does not write: such a key does nothing.
    public static func decode(_ text: String) -> KeyEvent? {
        if let colon = text.firstIndex(of: ":") {
            let kind = text[..<colon]
            let value = String(text[text.index(after: colon)...])
            switch kind {
            case "c": return single(value).flatMap { printable($0) ? .character($0) : nil }
            case "ctrl": return single(value).flatMap { $0.isASCII ? .control($0) : nil }
            case "alt": return single(value).flatMap { printable($0) ? .alt($0) : nil }
            case "paste": return .paste(value)
            case "f": return Int(value).flatMap { (1...24).contains($0) ? .function($0) : nil }
            case "ctrl-arrow": return arrow(value).map { .controlArrow($0) }
            case "alt-arrow": return arrow(value).map { .altArrow($0) }
            default: return nil
            }
        }
        return named[text]
    }

    private static let named: [String: KeyEvent] = [
        "enter": .enter, "escape": .escape, "tab": .tab, "back-tab": .backTab, "backspace": .backspace,
        "delete": .delete, "up": .up, "down": .down, "left": .left, "right": .right, "home": .home, "end": .end,
        "page-up": .pageUp, "page-down": .pageDown, "alt-backspace": .altBackspace, "resize": .resize, "unknown": .unknown,
    ]

    /// A character key is never a control character (`KeyEvent.character` promises it).
    private static func printable(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }
    }

    private static func single(_ text: String) -> Character? {
        text.count == 1 ? text.first : nil
    }

    private static func name(_ arrow: KeyEvent.Arrow) -> String {
        switch arrow {
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        }
    }

    private static func arrow(_ text: String) -> KeyEvent.Arrow? {
        switch text {
        case "up": .up
        case "down": .down
        case "left": .left
        case "right": .right
        default: nil
        }
    }
}
