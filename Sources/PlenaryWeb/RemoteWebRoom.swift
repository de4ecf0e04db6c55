#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization
import PlenaryEngine
import PlenaryHost
import PlenaryProtocol

/// The gateway's copy of what the host publishes for the pages (decision 94): the room and each phone's marks, kept
/// up to date by the host's messages on the socket pair, and each phone's request sent across and answered when the
/// host's outcome for its id comes back. When the host is gone (the socket ends) every waiting request is refused
/// and `hostGone` runs: the gateway has nothing to serve without its host.
public final class RemoteWebRoom: WebRoomSource {
    public struct Start: Sendable, Equatable {
        public var host: String
        public var port: Int
        public var roomCode: String
    }

    private struct Waiting {
        var nextID = 1
        var replies: [Int: @Sendable (WebOutcome) -> Void] = [:]
        var hostGone = false
    }

    private let descriptor: Int32
    private let room = Mutex(WebRoom())
    private let ballots = Mutex<[String: Set<String>]>([:])
    private let upvotes = Mutex<[String: Set<String>]>([:])
    private let waiting = Mutex(Waiting())
    private let writes = DispatchQueue(label: "plenary.web.to-host")
    private let reads = DispatchQueue(label: "plenary.web.from-host")
    public let changes = RoomVersionSignal()

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Reads the host's first message, where to listen; nil when the socket ends first or says something else.
    public func readStart(_ frames: inout SocketPairFrames) -> Start? {
        guard case .frame(let body) = frames.next(),
              case .start(let host, let port, let roomCode)? = try? MessageCodec.decodeHostToGatewayMessage(body) else { return nil }
        return Start(host: host, port: port, roomCode: roomCode)
    }

    /// Tells the host how the start went.
    public func report(_ message: GatewayToHostMessage) {
        writes.sync { send(message) }
    }

    /// Follows the host's messages on a thread of its own until the socket ends, then calls `hostGone`.
    public func follow(_ frames: SocketPairFrames, hostGone: @escaping @Sendable () -> Void) {
        reads.async { [self] in
            var frames = frames
            while case .frame(let body) = frames.next(), let message = try? MessageCodec.decodeHostToGatewayMessage(body) {
                apply(message)
            }
            let orphaned = waiting.withLock { state -> [@Sendable (WebOutcome) -> Void] in
                state.hostGone = true
                defer { state.replies = [:] }
                return Array(state.replies.values)
            }
            for reply in orphaned { reply(.refused(Self.hostGoneMessage)) }
            hostGone()
        }
    }

    static let hostGoneMessage = "The room's host has stopped; your answer was not counted."

    func apply(_ message: HostToGatewayMessage) {
        switch message {
        case .start: break
        case .room(let new):
            let moved = room.withLock { current -> Bool in
                guard new.version > current.version else { return false }
                current = new
                return true
            }
            if moved { changes.publish(new.version) }
        case .marks(let device, let voted, let upvoted):
            ballots.withLock { $0[device] = voted }
            upvotes.withLock { $0[device] = upvoted }
        case .outcome(let id, let outcome):
            waiting.withLock { $0.replies.removeValue(forKey: id) }?(outcome)
        }
    }

    // MARK: - WebRoomSource

    public var currentRoom: WebRoom { room.withLock { $0 } }

    public func hasVoted(device: String, poll: String, round: Int) -> Bool {
        let key = CodeBook.ballotKey(poll: poll, round: round)
        return ballots.withLock { $0[device]?.contains(key) ?? false }
    }

    public func upvoted(device: String, board: String) -> Set<Int> {
        let prefix = board + " "
        return Set(upvotes.withLock { $0[device] ?? [] }.compactMap { $0.hasPrefix(prefix) ? Int($0.dropFirst(prefix.count)) : nil })
    }

    public func submit(_ request: WebRequest, reply: @escaping @Sendable (WebOutcome) -> Void) {
        let id = waiting.withLock { state -> Int? in
            guard !state.hostGone else { return nil }
            defer { state.nextID += 1 }
            state.replies[state.nextID] = reply
            return state.nextID
        }
        guard let id else {
            reply(.refused(Self.hostGoneMessage))
            return
        }
        // The page's body is capped far below a frame; should one still not fit, the phone is told rather than left waiting.
        guard let frame = try? MessageCodec.encode(GatewayToHostMessage.request(id: id, request)) else {
            waiting.withLock { $0.replies.removeValue(forKey: id) }?(.refused("That answer is too long to send."))
            return
        }
        writes.async { _ = SocketPairFrames.write(frame, to: self.descriptor) }
    }

    private func send(_ message: GatewayToHostMessage) {
        guard let frame = try? MessageCodec.encode(message) else { return }
        // A failed write means the host is gone; the reader sees the end of the socket and refuses what waits.
        _ = SocketPairFrames.write(frame, to: descriptor)
    }
}
