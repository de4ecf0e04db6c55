import Dispatch
import Synchronization
import PlenaryProtocol

/// The host's end of the socket pair to its web gateway (decision 94). A thread of its own reads the phones'
/// requests and submits each to the `WebInbox`, exactly as the server did in process, so the host's loop judges and
/// records it as before (RoleGate, the group commit, an answer only after fdatasync). The answers, and the room and
/// marks the pages draw from, go back in one ordered queue: the room first, then the phone's marks, then the
/// outcome, so an answer page shows what the phone just did.
final class WebGatewayLink: Sendable {
    private let descriptor: Int32
    private let inbox: WebInbox
    private let writes = DispatchQueue(label: "plenary.web-gateway.writes")
    private let reads = DispatchQueue(label: "plenary.web-gateway.reads")
    /// The last room version sent; touched only on `writes`.
    private let sentVersion = Mutex<UInt64>(0)
    private let forwarding = Mutex<Task<Void, Never>?>(nil)
    /// Set on `writes` when the host stops: a late answer must not write to a closed (maybe reused) descriptor.
    private let closed = Mutex(false)
    /// Set by `stop`: the end of the socket after it is the host's doing, not the gateway's loss.
    private let stopped = Mutex(false)

    init(descriptor: Int32, inbox: WebInbox) {
        self.descriptor = descriptor
        self.inbox = inbox
    }

    /// Starts reading with `frames` (which may hold what came after the gateway's start-up answer) and forwarding.
    /// `lost` runs on the reading thread when the socket ends or breaks before `stop`: the gateway is gone.
    func run(reading frames: SocketPairFrames, early: [(id: Int, request: WebRequest)] = [],
             lost: @escaping @Sendable () -> Void = {}) {
        for (id, request) in early { submit(request, id: id) }
        reads.async { [self] in
            var frames = frames
            while case .frame(let body) = frames.next() {
                guard let message = try? MessageCodec.decodeGatewayToHostMessage(body) else { break }
                switch message {
                case .request(let id, let request): submit(request, id: id)
                case .listening, .failed: continue
                }
            }
            if !stopped.withLock({ $0 }) { lost() }
        }
        let changes = inbox.changes
        let task = Task { [self] in
            var seen: UInt64?
            while let version = await changes.next(after: seen) {
                seen = version
                writes.async { self.sendRoomIfNewer() }
            }
        }
        forwarding.withLock { $0 = task }
    }

    func stop() {
        stopped.withLock { $0 = true }
        forwarding.withLock { $0?.cancel() }
    }

    /// Waits for the reader (ended by the socket's shutdown) and the queued writes, so the descriptor can be closed.
    func finish() {
        reads.sync {}
        writes.sync { closed.withLock { $0 = true } }
    }

    private func submit(_ request: WebRequest, id: Int) {
        inbox.submit(request) { [self] outcome in
            writes.async {
                self.sendRoomIfNewer()
                if outcome == .recorded {
                    let marks = self.inbox.marks(device: request.device)
                    self.send(.marks(device: request.device, ballots: marks.ballots, upvotes: marks.upvotes))
                }
                self.send(.outcome(id: id, outcome))
            }
        }
    }

    private func sendRoomIfNewer() {
        let room = inbox.currentRoom
        let newer = sentVersion.withLock { sent -> Bool in
            guard room.version > sent else { return false }
            sent = room.version
            return true
        }
        if newer { send(.room(room)) }
    }

    private func send(_ message: HostToGatewayMessage) {
        // A room too large for a frame is not sent (the pages keep the last one); the limit is the terminals' own.
        guard !closed.withLock({ $0 }), let frame = try? MessageCodec.encode(message) else { return }
        _ = SocketPairFrames.write(frame, to: descriptor)
    }
}
