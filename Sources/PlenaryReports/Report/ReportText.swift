/// User text made safe for a document (Markdown, HTML, CSV) before its own escaping: typed text can hold control
/// characters and bidirectional overrides, which would hide or reorder words in a report someone forwards.
enum ReportText {
    /// `TextPolicy` for a document: controls, escape sequences and bidi overrides dropped, a tab becomes a space,
    /// line breaks are kept (as "\n").
    static func printable(_ text: String) -> String {
        TextPolicy.cleaned(text, for: .lines)
    }
}

extension String {
    /// Every line break (CR LF, CR, LF, and the Unicode ones) replaced by `separator`.
    func replacingLineBreaks(with separator: String) -> String {
        split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: separator)
    }
}
