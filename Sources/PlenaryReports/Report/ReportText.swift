import PlenaryEngine

/// User text made safe for a document (Markdown, HTML, CSV) before its own escaping: typed text can hold control
/// characters and bidirectional overrides, which would hide or reorder words in a report someone forwards.
enum ReportText {
    /// `TextPolicy` for a document: controls, escape sequences and bidi overrides dropped, a tab becomes a space,
    /// line breaks are kept (as "\n").
    static func printable(_ text: String) -> String {
        TextPolicy.cleaned(text, for: .lines)
    }
}
