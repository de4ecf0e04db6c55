/// Shared by reports, exports and the session scaffold: one notion of a line break for every layer.
extension String {
    /// Every line break (CR LF, CR, LF, and the Unicode ones) replaced by `separator`.
    public func replacingLineBreaks(with separator: String) -> String {
        split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: separator)
    }
}
