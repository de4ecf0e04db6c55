/// The one policy for what user text may hold, wherever it goes (docs/DECISIONS.md 53). Typed, pasted and
/// imported text reaches four places: the terminal (`TerminalText.sanitized`), the editors (`TextEditor`,
/// `LineEditor`), ballots (`BallotValidation`) and documents (Markdown, HTML, CSV). They drop the same
/// things; they differ only in how a line break or a control is shown.
///
/// - Dropped everywhere: the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). They
///   can reorder whole runs of other people's words ("Trojan Source"), and no typed answer needs them.
/// - Controls (C0 other than tab and line breaks, DEL, C1): dropped from stored text and documents, with an
///   escape sequence swallowed whole (`ESC [ 2 J` leaves no "[2J"); on the screen shown as Control
///   Pictures ("␛[2J"), so what someone sent is visible instead of acted on.
/// - Line breaks (LF, CR, CR LF, VT, FF, NEL, U+2028, U+2029): "\n" in multi-line text and documents, a space
///   on one line (PowerPoint copies line breaks as VT, so dropping them would glue words together); shown
///   as Control Pictures on the screen, which lays out lines before it draws.
/// - Tab: one space everywhere.
/// - The directional marks LRM, RLM and ALM (U+200E, U+200F, U+061C) and the zero width joiner are kept in
///   stored text and documents: right-to-left writing needs the marks, emoji and Indic scripts the joiner,
///   and a mark cannot reorder letters, only place neutral punctuation. The screen drops them: terminals
///   draw in logical order without bidi, and tmux 3.3a and ncurses disagree about a joined emoji's width.
public enum TextPolicy {
    /// Where text goes.
    public enum Destination: Sendable, Equatable, CaseIterable {
        /// The terminal: what the others drop is made visible, except the bidi controls and the joiner.
        case screen
        /// A one-line field or an open answer: a line break becomes a space.
        case line
        /// A multi-line field, a report or a CSV cell: a line break is kept as "\n".
        case lines
    }

    /// What one scalar becomes.
    public enum Treatment: Sendable, Equatable {
        case kept
        case dropped
        case replaced(by: Unicode.Scalar)
    }

    /// `text` as `destination` takes it. Stored destinations also swallow escape sequences whole and take CR LF
    /// as one line break; the screen shows every scalar it does not drop (`TerminalText.sanitized` then fits
    /// the result to terminal cells).
    public static func cleaned(_ text: String, for destination: Destination) -> String {
        var result = String.UnicodeScalarView()
        var afterCarriageReturn = false
        var escape = EscapeSequence.none
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if destination != .screen {
                if escape.swallows(value) { continue }
                if value == 0x1B {
                    escape = .introducer
                    continue
                }
                let isSecondHalfOfCRLF = value == 0x0A && afterCarriageReturn
                afterCarriageReturn = value == 0x0D
                if isSecondHalfOfCRLF { continue }
            }
            switch treatment(of: scalar, for: destination) {
            case .kept: result.append(scalar)
            case .dropped: continue
            case .replaced(let replacement): result.append(replacement)
            }
        }
        return String(result)
    }

    /// The policy for one scalar on its own (an escape sequence is a stored destination's concern, see `cleaned`).
    public static func treatment(of scalar: Unicode.Scalar, for destination: Destination) -> Treatment {
        let value = scalar.value
        if isBidiFormatting(value) { return .dropped }
        if value == 0x09 { return .replaced(by: " ") }
        switch destination {
        case .screen:
            if value < 0x20 { return .replaced(by: Unicode.Scalar(0x2400 + value)!) }
            if value == 0x7F { return .replaced(by: "\u{2421}") }
            // C1 has no Control Pictures; the replacement character says "something was here".
            if (0x80...0x9F).contains(value) { return .replaced(by: "\u{FFFD}") }
            if isDirectionalMark(value) || value == zeroWidthJoiner { return .dropped }
            return .kept
        case .line, .lines:
            if isLineBreak(value) { return .replaced(by: destination == .lines ? "\n" : " ") }
            if isControl(value) { return .dropped }
            return .kept
        }
    }

    // MARK: - The classes of scalars the policy names

    /// LRE RLE PDF LRO RLO, LRI RLI FSI PDI: they reorder runs of text. Dropped everywhere.
    public static func isBidiFormatting(_ value: UInt32) -> Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    /// LRM, RLM, ALM: they only set the direction of neighbouring neutral characters.
    public static func isDirectionalMark(_ value: UInt32) -> Bool {
        value == 0x200E || value == 0x200F || value == 0x061C
    }

    /// C0, DEL and C1 (line breaks and tab included: `treatment` handles those first).
    public static func isControl(_ value: UInt32) -> Bool {
        value < 0x20 || (0x7F...0x9F).contains(value)
    }

    /// Unicode's mandatory breaks, as Swift's `Character.isNewline`: LF VT FF CR, NEL, LINE and PARAGRAPH SEPARATOR.
    public static func isLineBreak(_ value: UInt32) -> Bool {
        (0x0A...0x0D).contains(value) || value == 0x85 || value == 0x2028 || value == 0x2029
    }

    public static let zeroWidthJoiner: UInt32 = 0x200D

    /// Where a scan is inside an escape sequence (ECMA-48): after ESC, inside a CSI's parameters, or inside a
    /// string (OSC, DCS…) that runs to BEL or ESC \.
    private enum EscapeSequence {
        case none, introducer, control, string, stringEscape

        /// True when `value` belongs to the sequence (and moves the scan on).
        mutating func swallows(_ value: UInt32) -> Bool {
            switch self {
            case .none:
                return false
            case .introducer:
                switch value {
                case 0x5B: self = .control                                  // CSI
                case 0x5D, 0x50, 0x5F, 0x5E, 0x58: self = .string          // OSC, DCS, APC, PM, SOS
                case 0x20...0x2F: break                                      // intermediate bytes
                default: self = .none                                        // ESC and one final byte
                }
                return true
            case .control:
                // Parameters and intermediates run on; a final byte ends it; anything else ends it and stays.
                guard (0x20...0x7E).contains(value) else {
                    self = .none
                    return false
                }
                if value >= 0x40 { self = .none }
                return true
            case .string:
                if value == 0x07 { self = .none } else if value == 0x1B { self = .stringEscape }
                return true
            case .stringEscape:
                self = value == 0x5C ? .none : .string
                return true
            }
        }
    }
}
