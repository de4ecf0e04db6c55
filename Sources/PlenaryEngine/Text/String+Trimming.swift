extension String {
    /// Without leading and trailing spaces, tabs and line breaks (Unicode whitespace). Needs no Foundation, which the
    /// engine and the session-file reader do without.
    public var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
