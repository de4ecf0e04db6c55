import PlenaryEngine

/// What a phone hands in through the voting page: a ballot, or something on the room's board. The web gateway
/// (a separate process, decision 94) sends it to the host, whose loop judges it exactly like a socket voter's.
public enum WebRequest: Sendable, Equatable {
    case ballot(BallotRequest)
    case board(BoardRequest)

    public struct BallotRequest: Sendable, Equatable {
        /// The phone's random token (its cookie).
        public var device: String
        public var poll: String
        public var ballot: Ballot
        public var code: String?

        public init(device: String, poll: String, ballot: Ballot, code: String?) {
            self.device = device
            self.poll = poll
            self.ballot = ballot
            self.code = code
        }
    }

    /// A phone's question, idea or upvote on the room's board (issue 16).
    public struct BoardRequest: Sendable, Equatable {
        public var device: String
        public var request: QARequest

        public init(device: String, request: QARequest) {
            self.device = device
            self.request = request
        }
    }

    /// The phone the request came from.
    public var device: String {
        switch self {
        case .ballot(let ballot): ballot.device
        case .board(let board): board.device
        }
    }
}
