/// User text made safe for a document (Markdown, HTML, CSV) before its own escaping: typed text can hold control
/// characters and bidirectional overrides, which would hide or reorder words in a report someone forwards.
enum ReportText {
    /// Drops controls other than line breaks (a tab becomes a space) and bidirectional controls; keeps the rest.
    static func printable(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x09 {
                scalars.append(" ")
            } else if v == 0x0A || v == 0x0D {
                scalars.append(scalar)
            } else if v < 0x20 || (0x7F...0x9F).contains(v) || TerminalText.isBidiControl(v) {
                continue
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}

extension String {
    /// Every line break (CR LF, CR, LF, and the Unicode ones) replaced by `separator`.
    func replacingLineBreaks(with separator: String) -> String {
        split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: separator)
    }
}
