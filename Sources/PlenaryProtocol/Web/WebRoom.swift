import PlenaryEngine

/// What the voting pages show: the voter's view of the room and, per open poll, its round (for "already voted").
public struct WebRoom: Sendable, Equatable, Codable {
    public var view: RoomView?
    public var rounds: [String: Int]
    /// Bumped at each change, for pages that wait for the next one.
    public var version: UInt64

    public init(view: RoomView? = nil, rounds: [String: Int] = [:], version: UInt64 = 0) {
        self.view = view
        self.rounds = rounds
        self.version = version
    }
}
