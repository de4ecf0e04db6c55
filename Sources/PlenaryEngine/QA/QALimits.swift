/// Bounds that keep one participant, or the whole room, from flooding a board.
public enum QALimits {
    /// Items one participant (a kiosk turn, a connection) may submit to one board: a room asks a few questions each;
    /// a script sending a thousand is stopped after these.
    public static let submissionsPerParticipant = 10
    /// Items a board holds at most: far above any room, low enough that the queue stays a queue.
    public static let itemsPerBoard = 5000
}
