/// Display width in terminal columns, as glibc's `wcwidth(3)` computes it in a UTF-8 locale.
///
/// ncurses (the driver) and tmux 3.3a (the end-to-end terminal) both ask the C library how wide a
/// character is, so the widths here are a generated copy of that function (`WidthTable.swift`,
/// see `scripts/generate-width-table.py`), not Swift's own Unicode properties.
///
/// - A scalar takes 0, 1 or 2 columns.
/// - A grapheme (`Character`) takes the sum of its scalars, which is what ncurses and tmux 3.3a
///   draw: "e\u{301}" is 1, "東" 2, "👍🏽" 4 (hand + skin-tone swatch), "🇪🇺" 2 (two regional
///   indicators of one column), "☀️" and "1️⃣" 1 (variation selector and keycap mark are zero
///   width), "👩‍🔬" 4 (the joiner is zero width; `TerminalText.sanitized` drops it, because tmux
///   would otherwise glue the two emoji into 2 columns while ncurses counts 4).
/// - Characters the terminal must not receive raw count as the visible stand-in that
///   `TerminalText.sanitized` puts in their place: controls, DEL, C1 and scalars glibc does not
///   know are 1 column (␛, ␡, U+FFFD), bidirectional controls and the joiner 0 (dropped).
///
/// `String.terminalWidth` is the authority for layout: it measures the sanitised text, exactly the
/// cells `CellGrid.put` writes.
extension Character {
    /// Columns this grapheme takes once sanitised: the sum of its scalars' widths
    /// (0 for a lone combining mark or format character, 1, 2, or more for clusters such as "👍🏽").
    public var terminalWidth: Int {
        let scalars = unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        var total = first.terminalWidth
        while let next = iterator.next() {
            total &+= next.terminalWidth
        }
        return total
    }
}

extension Unicode.Scalar {
    /// Columns of a lone scalar: glibc `wcwidth` (0, 1 or 2) for printable scalars; 1 for those
    /// `TerminalText.sanitized` replaces by a visible one-column stand-in (controls, DEL, C1,
    /// unassigned: wcwidth -1), 0 for those it drops (bidirectional controls, zero width joiner).
    public var terminalWidth: Int {
        let v = value
        if v < 0x300 { return 1 }  // ASCII, Latin-1, Latin Extended, IPA (controls shown as pictures)
        switch DisplayWidth.widthClass(v) {
        case .zero: return 0
        case .one, .unprintable: return 1
        case .two: return 2
        }
    }
}

extension String {
    /// Columns the whole string takes once sanitised: exactly the cells `CellGrid.put` fills.
    public var terminalWidth: Int {
        if let width = DisplayWidth.simpleWidth(self) { return width }
        return DisplayWidth.sumOfScalars(TerminalText.sanitized(self))
    }
}

extension Substring {
    /// Columns the substring takes once sanitised (see `String.terminalWidth`).
    public var terminalWidth: Int { String(self).terminalWidth }
}

/// The raw glibc classification behind `terminalWidth`.
public enum DisplayWidth {
    /// What glibc's `wcwidth` says about a scalar.
    public enum WidthClass: UInt8, Sendable {
        case zero = 0
        case one = 1
        case two = 2
        /// `wcwidth` returns -1: a control, a noncharacter or a scalar unassigned in glibc's Unicode.
        case unprintable = 3
    }

    /// glibc `wcwidth` class of `value` (NUL is `.zero`, as in glibc). Binary search over `WidthTable.runs`.
    static func widthClass(_ value: UInt32) -> WidthClass {
        if value < 0x20 { return value == 0 ? .zero : .unprintable }
        if value < 0x7F { return .one }
        if value < 0xA0 { return .unprintable }
        if value < 0x300 { return .one }
        if value < 0x370 { return .zero }  // combining diacritical marks
        if value > 0x10FFFF { return .unprintable }
        let key = value << 2 | 3
        return WidthTable.runs.withUnsafeBufferPointer { runs in
            // Largest index whose entry is <= key: the run containing `value`.
            var low = 0
            var high = runs.count
            while high - low > 1 {
                let middle = (low &+ high) >> 1
                if runs[middle] <= key { low = middle } else { high = middle }
            }
            return WidthClass(rawValue: UInt8(truncatingIfNeeded: runs[low] & 3)) ?? .one
        }
    }

    /// glibc `wcwidth` of a scalar: -1, 0, 1 or 2 (for tests and callers that want the raw value).
    public static func wcwidth(_ scalar: Unicode.Scalar) -> Int {
        switch widthClass(scalar.value) {
        case .zero: return 0
        case .one: return 1
        case .two: return 2
        case .unprintable: return -1
        }
    }

    /// The width of `text` when it needs no sanitising (every scalar printable with width 1 or 2),
    /// else nil. This is the fast path for ordinary text: such text is one terminal cell per scalar.
    public static func simpleWidth(_ text: String) -> Int? {
        var total = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 0x20 && v < 0x7F {
                total &+= 1
                continue
            }
            switch widthClass(v) {
            case .one: total &+= 1
            case .two: total &+= 2
            case .zero, .unprintable: return nil
            }
        }
        return total
    }

    /// Sum of scalar widths; for sanitised text this equals the sum of its graphemes' widths.
    static func sumOfScalars(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total &+= scalar.terminalWidth }
        return total
    }
}
