/// What the moderator did that changes the record of the workshop. Exactly these are journaled and replayed.
public enum WorkshopCommand: Sendable, Equatable, Codable {
    /// Start the selected slot: the workshop begins.
    case start
    case pause
    case resume
    /// End the current slot and start the next one.
    case next
    /// Go back one slot (undoes an accidental `next` when it comes within `WorkshopReducer.undoWindowSeconds`).
    case previous
    /// End the current slot and start `slot` (before the start: select it).
    case jump(slot: Int)
    /// Lengthen (positive) or shorten (negative) a slot's planned length.
    case adjust(slot: Int, seconds: Int)
    case end
    /// Anything done to a poll (open, close, reveal, a ballot...).
    case poll(PollCommand)
    /// Anything done to a working group's entries.
    case group(GroupCommand)

    /// Names the journal uses for the unlabeled payload (instead of Swift's `_0`).
    enum GroupCodingKeys: String, CodingKey {
        case _0 = "action"
    }

    /// Names the journal uses for the unlabeled payload (instead of Swift's `_0`).
    enum PollCodingKeys: String, CodingKey {
        case _0 = "action"
    }

    /// Short human words for the journal viewer and notices.
    public var summary: String {
        switch self {
        case .start: "started the workshop"
        case .pause: "paused the timer"
        case .resume: "resumed the timer"
        case .next: "moved to the next slot"
        case .previous: "went back a slot"
        case .jump(let slot): "jumped to slot \(slot + 1)"
        case .adjust(let slot, let seconds):
            "\(seconds >= 0 ? "extended" : "shortened") slot \(slot + 1) by \(abs(seconds) / 60) min"
        case .end: "ended the workshop"
        case .poll(let command): "poll \(command.pollID)"
        case .group(let command): "group \(command.groupID)"
        }
    }
}
