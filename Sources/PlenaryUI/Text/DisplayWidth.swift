extension Character {
    /// Columns this grapheme takes in a terminal: 0 (combining, format), 1, or 2 (East Asian wide, emoji).
    public var terminalWidth: Int {
        guard let first = unicodeScalars.first else { return 0 }
        if unicodeScalars.contains(where: { $0.properties.isEmojiPresentation }) { return 2 }
        if unicodeScalars.count > 1, unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return first.terminalWidth
    }
}

extension Unicode.Scalar {
    /// Columns of a lone scalar, after the rules of wcwidth(3) for a UTF-8 locale.
    public var terminalWidth: Int {
        let v = value
        if v == 0 { return 0 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
            || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }
}

extension String {
    /// Columns the whole string takes once sanitised.
    public var terminalWidth: Int {
        TerminalText.sanitized(self).reduce(0) { $0 + $1.terminalWidth }
    }
}
