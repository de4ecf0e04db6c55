import Synchronization
import PlenaryEngine

/// Where the phones' web server (another thread, issue 17) and the host's single-threaded loop meet. The server
/// hands in ballots and waits; the loop takes them, runs each through `RoleGate` and the runner exactly like a socket
/// voter's, and answers only once the journal holding it is fdatasynced. The other way, the loop publishes what a
/// voter may see (`RoomView` for the voter role) for the pages, so a page never waits on the loop.
///
/// Which poll rounds each phone has voted in lives here, in memory: it is what keeps one ballot per phone per round,
/// and it is never journaled (it would tie a phone to the polls it voted in). After a restart a phone could vote once
/// more in a round still open; decision 86 weighs that.
public final class WebInbox: Sendable {
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

    /// What a phone hands in: a ballot, or something on the board.
    public enum Request: Sendable, Equatable {
        case ballot(BallotRequest)
        case board(BoardRequest)
    }

    public enum Outcome: Sendable, Equatable {
        /// In the journal, on disk.
        case recorded
        case refused(String)
        /// Refused because of the voting code: the page asks for the code again.
        case refusedCode(String)
    }

    /// What the pages show: the voter's view of the room and, per open poll, its round (for "already voted").
    public struct Room: Sendable, Equatable {
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

    struct Pending: Sendable {
        var request: Request
        var reply: @Sendable (Outcome) -> Void
    }

    private let pending = Mutex<[Pending]>([])
    private let room = Mutex(Room())
    /// Device token → the ballot keys (`CodeBook.ballotKey`) it has voted under.
    private let votes = Mutex<[String: Set<String>]>([:])
    /// Device token → "board item" of its recorded upvotes, for the page's marks (the reducer's own memory decides).
    private let upvotes = Mutex<[String: Set<String>]>([:])
    private let pipe: WakePipe
    /// Wakes the pages' event streams at each new `Room.version` (they wait on it rather than poll).
    public let changes = RoomVersionSignal()
    /// Most ballots waiting at once; beyond, a phone is told to try again (the loop serves them in turn).
    public static let maximumWaiting = 4096

    public init?() {
        guard let pipe = WakePipe() else { return nil }
        self.pipe = pipe
    }

    var wakeDescriptor: Int32 { pipe.readDescriptor }

    // MARK: - The server's side (any thread)

    /// Queues a ballot; `reply` is called once, from the host's loop (or at once when the queue is full).
    public func submit(_ request: BallotRequest, reply: @escaping @Sendable (Outcome) -> Void) {
        submit(.ballot(request), reply: reply)
    }

    /// Queues a board request; answered like a ballot.
    public func submit(_ request: Request, reply: @escaping @Sendable (Outcome) -> Void) {
        let queued = pending.withLock { waiting -> Bool in
            guard waiting.count < Self.maximumWaiting else { return false }
            waiting.append(Pending(request: request, reply: reply))
            return true
        }
        guard queued else {
            reply(.refused("The room is very busy. Please try again in a moment."))
            return
        }
        pipe.wake()
    }

    public var currentRoom: Room { room.withLock { $0 } }

    public func hasVoted(device: String, poll: String, round: Int) -> Bool {
        let key = CodeBook.ballotKey(poll: poll, round: round)
        return votes.withLock { $0[device]?.contains(key) ?? false }
    }

    /// Items of `board` this phone has upvoted, for the page to offer "take back" instead of "upvote".
    public func upvoted(device: String, board: String) -> Set<Int> {
        let prefix = board + " "
        return Set(upvotes.withLock { $0[device] ?? [] }.compactMap { $0.hasPrefix(prefix) ? Int($0.dropFirst(prefix.count)) : nil })
    }

    // MARK: - The loop's side

    func markUpvote(device: String, board: String, item: Int, on: Bool) {
        upvotes.withLock {
            if on { _ = $0[device, default: []].insert("\(board) \(item)") } else { _ = $0[device]?.remove("\(board) \(item)") }
        }
    }

    func takePending() -> [Pending] {
        pipe.drain()
        return pending.withLock { waiting in
            defer { waiting = [] }
            return waiting
        }
    }

    func markVoted(device: String, key: String) {
        votes.withLock { _ = $0[device, default: []].insert(key) }
    }

    func publish(view: RoomView, rounds: [String: Int]) {
        let changed = room.withLock { current -> UInt64? in
            guard current.view != view || current.rounds != rounds else { return nil }
            current = Room(view: view, rounds: rounds, version: current.version + 1)
            return current.version
        }
        if let changed { changes.publish(changed) }
    }
}
