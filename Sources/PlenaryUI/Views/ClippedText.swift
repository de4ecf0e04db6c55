extension CellGrid {
    /// Writes `text` within `width` columns, ending with "…" when it had to be cut, so a reader knows there is more.
    @discardableResult
    mutating func putClipped(_ text: String, x: Int, y: Int, style: StyleRole = .normal, width: Int, ellipsis: String) -> Int {
        put(text.truncated(toWidth: max(0, width), ellipsis: ellipsis), x: x, y: y, style: style, maxWidth: width)
    }
}
