/// Turns what a terminal sends into `KeyEvent`s: the part of reading keys that needs no terminal, so
/// it can be tested byte by byte. `CursesTerminal` feeds it what `wgetch` returns: bytes, and the keys
/// ncurses named.
///
/// - Bytes are UTF-8, whatever the locale: the terminal sends what the person typed, and the results file is
///   UTF-8, so "Café" typed in the C locale is still "Café". A byte that cannot start or continue a character
///   (a stray 0xff, half a character, an overlong or surrogate form) becomes one U+FFFD for each maximal bad
///   part, as Unicode recommends; the bytes after it are read as they are, so no key is ever swallowed.
///   (ncurses's `wget_wch` instead waited for the "rest of the character" and ate the keys typed meanwhile.)
/// ncurses already turns the sequences terminfo names (arrows, function keys, `kLFT5`…) into key
/// codes; everything else reaches this decoder as characters:
/// - Esc with nothing already buffered behind it is `.escape`. Esc with a printable character or
///   Backspace already buffered behind it is Alt plus that key (`.alt`, `.altBackspace`): a terminal
///   sends the two together, a person pressing Esc and then a key cannot be that fast, and reading
///   them as Esc then the key made Alt-d delete an entry. Esc followed by another key (Enter, an
///   arrow) stays Esc then that key.
/// - Esc `[` is a control sequence (CSI), read whole to its final byte so none of its bytes is typed:
///   `CSI 200~` starts a bracketed paste, `CSI 1;5D`-style arrows (for terminals whose terminfo does
///   not name them) are `.controlArrow` / `.altArrow`, anything else is `.unknown`. Esc `O` and one
///   more byte (SS3) likewise; rxvt's `ESC O d` is Ctrl-←.
/// - A paste is read up to `CSI 201~` and becomes one `.paste`, its line breaks (CR LF, CR) as "\n".
///   The driver decides how long to wait for the rest (`Wait.paste`): the end marker may never
///   come, and then the paste ends at the driver's deadline. Past `pasteLimit` bytes the rest is
///   read and dropped, and `truncationNotice` is appended so the cut shows.
public struct InputDecoder: Sendable {
    /// One thing the driver read.
    public enum Input: Sendable, Equatable {
        /// A character (its Unicode scalar value) as the terminal sent it, control characters included.
        case character(UInt32)
        /// One byte as the terminal sent it; the decoder puts UTF-8 characters together from these.
        case byte(UInt8)
        /// A key the driver already named (an arrow, a function key, a resize).
        case key(KeyEvent)
        /// Nothing arrived in the time allowed.
        case nothing
    }

    /// How long the driver may wait for what the decoder asks for next.
    public enum Wait: Sendable, Equatable {
        /// The next key: as long as the caller of `readKey` allows.
        case key
        /// Only what is already buffered (no waiting): tells Alt+key from Esc then a key.
        case buffered
        /// The rest of a control sequence the terminal is sending: a few milliseconds.
        case sequence
        /// More of a paste: the driver waits, but answers `.nothing` once the paste has taken too long.
        case paste
    }

    /// Most bytes (UTF-8) of a paste kept. A megabyte is far more than anyone pastes into a form on purpose.
    public static let pasteLimit = 1 << 20
    /// Appended to a paste cut at `pasteLimit`, so the facilitator sees that its end is missing.
    public static let truncationNotice = " [… paste cut here: only the first 1 MB is kept]"

    /// Input read ahead and given back (what followed an Esc that was not Alt plus a key).
    private var pending: [Input] = []

    public init() {}

    /// Forgets input read ahead (with the driver's own typeahead, between two voters).
    public mutating func discardPending() {
        pending.removeAll()
    }

    /// The next key, or nil when `read(.key)` gives nothing. `read` is called for each further input
    /// needed, with how long it may wait.
    public mutating func nextKey(read: (Wait) -> Input) -> KeyEvent? {
        switch take(.key, read) {
        case .nothing: return nil
        case .key(let key): return key
        case .character(27): return escape(read)
        case .character(let code): return Self.key(forCharacter: code)
        // `take` never gives a byte: it puts them together into characters.
        case .byte: return .unknown
        }
    }

    /// Replaces a byte sequence that is not UTF-8.
    public static let replacementCharacter: UInt32 = 0xFFFD

    /// The key a single character stands for. Never a control character as `.character`.
    public static func key(forCharacter code: UInt32) -> KeyEvent {
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

    // MARK: - Escape sequences

    /// The next input, bytes put together into a character.
    private mutating func take(_ wait: Wait, _ read: (Wait) -> Input) -> Input {
        let input = takeRaw(wait, read)
        guard case .byte(let lead) = input else { return input }
        // The rest of a character comes with its first byte; a paste may pause anywhere.
        return character(from: lead, wait: wait == .paste ? .paste : .sequence, read)
    }

    private mutating func takeRaw(_ wait: Wait, _ read: (Wait) -> Input) -> Input {
        pending.isEmpty ? read(wait) : pending.removeFirst()
    }

    /// A UTF-8 character starting with `lead`, or U+FFFD for the longest bad part (Unicode's "maximal subpart"):
    /// a byte that does not fit is given back, to be read as the start of what follows.
    private mutating func character(from lead: UInt8, wait: Wait, _ read: (Wait) -> Input) -> Input {
        // Well-formed sequences (Unicode table 3-7): how many bytes follow, and the range the first of them
        // must be in (narrower than 0x80...0xBF where it rules out overlong forms, surrogates and > U+10FFFF).
        let following: Int
        var allowed: ClosedRange<UInt8> = 0x80...0xBF
        var scalar: UInt32
        switch lead {
        case 0x00...0x7F: return .character(UInt32(lead))
        case 0xC2...0xDF: following = 1; scalar = UInt32(lead & 0x1F)
        case 0xE0: following = 2; scalar = 0; allowed = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: following = 2; scalar = UInt32(lead & 0x0F)
        case 0xED: following = 2; scalar = 0x0D; allowed = 0x80...0x9F
        case 0xF0: following = 3; scalar = 0; allowed = 0x90...0xBF
        case 0xF1...0xF3: following = 3; scalar = UInt32(lead & 0x07)
        case 0xF4: following = 3; scalar = 4; allowed = 0x80...0x8F
        default: return .character(Self.replacementCharacter)
        }
        for _ in 0..<following {
            let next = takeRaw(wait, read)
            guard case .byte(let byte) = next, allowed.contains(byte) else {
                giveBack(next)
                return .character(Self.replacementCharacter)
            }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
            allowed = 0x80...0xBF
        }
        return .character(scalar)
    }

    private mutating func giveBack(_ input: Input) {
        if input != .nothing { pending.insert(input, at: 0) }
    }

    private mutating func escape(_ read: (Wait) -> Input) -> KeyEvent {
        let next = take(.buffered, read)
        switch next {
        case .nothing: return .escape
        case .character(0x5B): return controlSequence(read)
        case .character(0x4F): return singleShift(read)
        case .character(8), .character(127), .key(.backspace): return .altBackspace
        case .character(let code):
            if case .character(let character) = Self.key(forCharacter: code) { return .alt(character) }
        case .key, .byte:
            break
        }
        giveBack(next)
        return .escape
    }

    /// After Esc `[`: parameter and intermediate bytes up to a final byte (ECMA-48).
    private mutating func controlSequence(_ read: (Wait) -> Input) -> KeyEvent {
        var body: [UInt8] = []
        while body.count < 32 {
            let input = take(.sequence, read)
            guard case .character(let code) = input, (0x20...0x7E).contains(code) else {
                // Esc [ alone is Alt-[; cut short or broken by another key, the sequence is dropped.
                if body.isEmpty && input == .nothing { return .alt("[") }
                giveBack(input)
                return .unknown
            }
            body.append(UInt8(code))
            if code >= 0x40 { return controlSequenceKey(body, read) }
        }
        return .unknown
    }

    private mutating func controlSequenceKey(_ body: [UInt8], _ read: (Wait) -> Input) -> KeyEvent {
        let text = String(decoding: body, as: UTF8.self)
        if text == "200~" { return paste(read) }
        guard let arrow = Self.arrow(final: body[body.count - 1], letters: "ABCD") else { return .unknown }
        let parameters = text.dropLast().split(separator: ";", omittingEmptySubsequences: false)
        if parameters == [""] || parameters == ["1"] { return Self.plain(arrow) }
        // xterm's modifier parameter: 1 + (Shift 1, Alt 2, Ctrl 4).
        guard parameters.count == 2, parameters[0] == "1", let value = Int(parameters[1]), value >= 1 else { return .unknown }
        let modifiers = value - 1
        if modifiers & 4 != 0 { return .controlArrow(arrow) }
        if modifiers & 2 != 0 { return .altArrow(arrow) }
        return modifiers == 0 ? Self.plain(arrow) : .unknown
    }

    /// After Esc `O`: one byte. Arrows in application mode, and rxvt's Ctrl-arrows (lower case).
    private mutating func singleShift(_ read: (Wait) -> Input) -> KeyEvent {
        let input = take(.sequence, read)
        guard case .character(let code) = input, (0x20...0x7E).contains(code) else {
            if input == .nothing { return .alt("O") }
            giveBack(input)
            return .unknown
        }
        if let arrow = Self.arrow(final: UInt8(code), letters: "ABCD") { return Self.plain(arrow) }
        if let arrow = Self.arrow(final: UInt8(code), letters: "abcd") { return .controlArrow(arrow) }
        return .unknown
    }

    /// `letters` names up, down, right, left in that order (the order of CSI A, B, C, D).
    private static func arrow(final: UInt8, letters: String) -> KeyEvent.Arrow? {
        guard let index = Array(letters.utf8).firstIndex(of: final) else { return nil }
        return [KeyEvent.Arrow.up, .down, .right, .left][index]
    }

    private static func plain(_ arrow: KeyEvent.Arrow) -> KeyEvent {
        switch arrow {
        case .up: .up
        case .down: .down
        case .left: .left
        case .right: .right
        }
    }

    // MARK: - Bracketed paste

    private static let pasteEnd: [UInt32] = Array("[201~".unicodeScalars.map(\.value))

    /// The paste's text up to `CSI 201~`, or up to where the driver stopped waiting.
    private mutating func paste(_ read: (Wait) -> Input) -> KeyEvent {
        var text = PasteText()
        reading: while true {
            switch take(.paste, read) {
            case .nothing:
                break reading
            case .key:
                // A sequence ncurses recognised inside the pasted text (an arrow's bytes): not text.
                continue
            case .character(27):
                var matched = 0
                var other = Input.nothing
                while matched < Self.pasteEnd.count {
                    let next = take(.paste, read)
                    guard next == .character(Self.pasteEnd[matched]) else {
                        other = next
                        break
                    }
                    matched += 1
                }
                if matched == Self.pasteEnd.count { break reading }
                // Not the end: the Esc and what matched are pasted text (cleaned where it is inserted).
                text.append(27)
                Self.pasteEnd.prefix(matched).forEach { text.append($0) }
                if other == .nothing { break reading }
                giveBack(other)
            case .character(let code):
                text.append(code)
            case .byte:
                continue
            }
        }
        return .paste(text.finished)
    }

    /// A paste being collected: line breaks made "\n", cut at `pasteLimit` bytes.
    private struct PasteText {
        private var scalars = String.UnicodeScalarView()
        private var bytes = 0
        private var isCut = false
        private var afterCarriageReturn = false

        mutating func append(_ code: UInt32) {
            defer { afterCarriageReturn = code == 13 }
            if code == 10 && afterCarriageReturn { return }
            guard let scalar = Unicode.Scalar(code == 13 ? 10 : code) else { return }
            let size = UTF8.width(scalar)
            guard !isCut, bytes + size <= InputDecoder.pasteLimit else {
                isCut = true
                return
            }
            bytes += size
            scalars.append(scalar)
        }

        var finished: String {
            String(scalars) + (isCut ? InputDecoder.truncationNotice : "")
        }
    }
}
