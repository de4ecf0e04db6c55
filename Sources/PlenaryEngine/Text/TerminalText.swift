/// Makes user text safe to send to a terminal.
///
/// After `sanitized`, a string contains only scalars glibc's `wcwidth` calls printable, and every
/// grapheme starts with a scalar one or two columns wide, so
/// - nothing can move the cursor, clear the screen, change colours or reorder a line;
/// - every grapheme takes at least one column and nothing attaches itself to the cell drawn
///   before it (which may belong to another view);
/// - ncurses and tmux 3.3a agree on where each character goes.
public enum TerminalText {
    /// Shown before combining marks that have no base character: U+25CC DOTTED CIRCLE, the
    /// Unicode convention for displaying a mark on its own ("\u{301}" becomes "◌́", 1 column).
    public static let markBase: Unicode.Scalar = "\u{25CC}"

    /// Most zero-width scalars kept on one base character, as an ncurses `cchar_t` holds
    /// (CCHARW_MAX = 5: one spacing character and four non-spacing ones). Further marks are dropped.
    public static let maxMarksPerCell = 4

    /// Makes user text harmless on a terminal, keeping what can be shown. `TextPolicy` for the screen first
    /// (stored text keeps the marks and the joiner; see docs/DECISIONS.md 53):
    /// - C0 controls become Control Pictures (ESC "\u{1B}[2J" shows as "␛[2J", NUL as ␀, newline as ␊),
    ///   except tab, which becomes one space; DEL becomes ␡; C1 controls become U+FFFD.
    /// - Bidirectional controls (LRE RLE PDF LRO RLO LRI RLI FSI PDI LRM RLM ALM) are dropped:
    ///   right-to-left text stays in logical order, one column a letter, and cannot reorder a line.
    /// - The zero width joiner is dropped: tmux 3.3a glues a wide character after a joiner into the
    ///   previous cell ("👩‍🔬" 2 columns) while ncurses gives it its own (4 columns), which shifts
    ///   the rest of the row. Without it, "👩🔬" is 4 columns for both.
    /// Then what fits the terminal's cells:
    /// - Scalars glibc cannot print (unassigned in its Unicode 14 tables, such as emoji newer than
    ///   2021; noncharacters; U+2028/U+2029) become U+FFFD: tmux 3.3a would silently drop them.
    /// - A grapheme that starts with zero-width scalars (a combining mark at the start of the
    ///   string or after a control) gets the dotted circle U+25CC as its base ("◌́"); invisible
    ///   format characters with nothing to attach to (zero width space, BOM, lone variation
    ///   selector) are dropped; a lone Hangul vowel or final jamo becomes U+FFFD.
    /// - At most `maxMarksPerCell` zero-width scalars follow a base ("Zalgo" text is trimmed).
    /// Combining marks stay attached to their base ("e\u{301}" is kept as is).
    /// Idempotent; returns `text` itself when there is nothing to change.
    public static func sanitized(_ text: String) -> String {
        if DisplayWidth.simpleWidth(text) != nil { return text }
        var result = String.UnicodeScalarView()
        for character in text {
            appendSanitized(character, to: &result)
        }
        return String(result)
    }

    /// Splits sanitised text into terminal cells the way ncurses does: each scalar one or two
    /// columns wide starts a cell, the zero-width scalars after it join that cell.
    /// Returns (cell text, width) pairs; the widths sum to `text.terminalWidth`.
    public static func cells(of character: Character) -> [(text: String, width: Int)] {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let only = scalars.first, only.terminalWidth > 0 {
            return [(String(character), only.terminalWidth)]
        }
        var cells: [(text: String, width: Int)] = []
        var current = String.UnicodeScalarView()
        var width = 0
        for scalar in scalars {
            let w = scalar.terminalWidth
            if w > 0 && width > 0 {
                cells.append((String(current), width))
                current = String.UnicodeScalarView()
                width = 0
            }
            current.append(scalar)
            width += w
        }
        if !current.isEmpty {
            if width == 0 {
                // Only zero-width scalars (not sanitised input): show them on a dotted circle.
                current.insert(markBase, at: current.startIndex)
                width = 1
            }
            cells.append((String(current), width))
        }
        return cells
    }

    // MARK: - Implementation

    private enum Kind {
        /// Nothing to show (bidi control, joiner).
        case drop
        /// One or two columns.
        case spacing
        /// Zero columns.
        case zeroWidth
    }

    /// Maps one scalar to what may be sent (nil: dropped) and how it behaves.
    private static func map(_ scalar: Unicode.Scalar) -> (Unicode.Scalar, Kind) {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return (scalar, .spacing) }
        let shown: Unicode.Scalar
        switch TextPolicy.treatment(of: scalar, for: .screen) {
        case .dropped: return (scalar, .drop)
        case .replaced(let replacement): return (replacement, .spacing)  // a Control Picture, U+FFFD or a space
        case .kept: shown = scalar
        }
        switch DisplayWidth.widthClass(shown.value) {
        case .one, .two: return (shown, .spacing)
        case .zero: return (shown, .zeroWidth)
        case .unprintable: return ("\u{FFFD}", .spacing)  // scalars glibc does not know
        }
    }

    private static func appendSanitized(_ character: Character, to result: inout String.UnicodeScalarView) {
        var hasBase = false
        var marks = 0
        var previousIsHangul = false
        for original in character.unicodeScalars {
            let (scalar, kind) = map(original)
            switch kind {
            case .drop:
                continue
            case .spacing:
                result.append(scalar)
                hasBase = true
                marks = 0
                previousIsHangul = isHangul(scalar.value)
            case .zeroWidth:
                let properties = scalar.properties
                let category = properties.generalCategory
                let isMark = category == .nonspacingMark || category == .enclosingMark
                if isHangul(scalar.value) && !isMark {
                    // Hangul vowel or final jamo: only meaningful after a Hangul base in this grapheme.
                    if hasBase && previousIsHangul {
                        if marks < maxMarksPerCell {
                            result.append(scalar)
                            marks += 1
                        }
                    } else {
                        result.append("\u{FFFD}")
                        hasBase = true
                        marks = 0
                        previousIsHangul = false
                    }
                    continue
                }
                if !hasBase {
                    // Nothing to attach to: drop what is invisible anyway, give marks a base.
                    if properties.isDefaultIgnorableCodePoint || category == .format || !isMark { continue }
                    result.append(markBase)
                    hasBase = true
                    marks = 0
                    previousIsHangul = false
                }
                if marks < maxMarksPerCell {
                    result.append(scalar)
                    marks += 1
                }
                previousIsHangul = false
            }
        }
    }

    private static func isHangul(_ v: UInt32) -> Bool {
        (0x1100...0x11FF).contains(v) || (0xA960...0xA97F).contains(v) || (0xAC00...0xD7FF).contains(v)
    }
}
