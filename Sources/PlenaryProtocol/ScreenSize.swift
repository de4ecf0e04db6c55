/// The size of an attached moderator screen, in cells: the host draws that screen at this size. Clamped on the way in,
/// so a client cannot make the host draw (and queue) a screen larger than any terminal.
public struct ScreenSize: Sendable, Equatable, Codable {
    public var columns: Int
    public var rows: Int

    /// Larger than a 4K projector's terminal in a small font; a frame this size still fits a host message.
    public static let maximum = ScreenSize(unclamped: 400, rows: 150)

    public init(columns: Int, rows: Int) {
        self.columns = min(max(columns, 1), Self.maximum.columns)
        self.rows = min(max(rows, 1), Self.maximum.rows)
    }

    private init(unclamped columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }
}
