import Synchronization
import PlenaryEngine
import PlenaryProtocol

/// Where the phones' web server (issue 17; in the `plenary-web` process, whose requests `WebGatewayLink` hands in on
/// another thread, decision 94) and the host's single-threaded loop meet. The server hands in ballots and waits; the loop takes them, runs each through `RoleGate` and the runner exactly like a socket
/// voter's, and answers only once the journal holding it is fdatasynced. The other way, the loop publishes what a
/// voter may see (`RoomView` for the voter role) for the pages, so a page never waits on the loop.
///
/// Which poll rounds each phone has voted in lives here, in memory: it is what keeps one ballot per phone per round,
/// and it is never journaled (it would tie a phone to the polls it voted in). After a restart a phone could vote once
/// more in a round still open; decision 86 weighs that.
public final class WebInbox: Sendable {
    /// The value types live in PlenaryProtocol, since they also cross the socket to the web gateway (decision 94).
    public typealias BallotRequest = WebRequest.BallotRequest
    public typealias BoardRequest = WebRequest.BoardRequest
    public typealias Request = WebRequest
    public typealias Outcome = WebOutcome
    public typealias Room = WebRoom

    struct Pending: Sendable {
        var request: Request
        var reply: @Sendable (Outcome) -> Void
    }

    private let pending = Mutex<[Pending]>([])
    /// What the moderator is to be told about the page (`report`), oldest first.
    private let notices = Mutex<[(text: String, level: Notice.Level)]>([])
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

    /// Tells the moderator something about the voting page (any thread), shown at the host's next turn: a warning
    /// fades, an error stays until the moderator acts.
    public func report(_ notice: String, level: Notice.Level) {
        notices.withLock { $0.append((notice, level)) }
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

    /// Everything `device` has done that its page marks: the ballot keys it voted under and its upvotes as
    /// "board item" (what the web gateway's copy of these marks is replaced with, decision 94).
    public func marks(device: String) -> (ballots: Set<String>, upvotes: Set<String>) {
        (votes.withLock { $0[device] ?? [] }, upvotes.withLock { $0[device] ?? [] })
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

    /// The notices reported since the last call. Call after `takePending`, which empties the wake pipe.
    func takeNotices() -> [(text: String, level: Notice.Level)] {
        notices.withLock { waiting in
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
