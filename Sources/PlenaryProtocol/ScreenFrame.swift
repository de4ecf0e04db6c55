/// A moderator screen drawn by the host, whole, for one attached moderator terminal (decision 69). Each row is its
/// cells' text (one grapheme, or "" for the right half of a wide character) and a string of style letters, one per
/// cell (`a` is the first style role). Whole rather than a difference: a newer frame replaces one still queued, as
/// views do, so a slow screen gets fewer frames, never a wrong one.
public struct ScreenFrame: Sendable, Equatable, Codable {
    public var columns: Int
    public var rows: Int
    public var cells: [[String]]
    public var styles: [String]

    public init(columns: Int, rows: Int, cells: [[String]], styles: [String]) {
        self.columns = columns
        self.rows = rows
        self.cells = cells
        self.styles = styles
    }

    /// The frame's rows agree with its size; a frame that does not is not drawn.
    public var isConsistent: Bool {
        columns >= 0 && rows >= 0 && cells.count == rows && styles.count == rows
            && cells.allSatisfy { $0.count == columns } && styles.allSatisfy { $0.unicodeScalars.count == columns }
    }
}
