import PlenaryEngine

/// One client as the host sees it, without the socket: bytes in, requests out, bytes to send. The event loop reads
/// whatever the socket has into `received`, hands `perform` actions to the runner and answers each with `acknowledge`
/// (after the journal's fsync) or `refuse`, writes `pendingOutput` when the socket can take it, and closes the socket
/// when `shouldClose` says so. Everything here is bounded: one frame in (`FrameDecoder`), `outgoingLimit` bytes out.
public struct HostConnection: Sendable {
    public enum Phase: Sendable, Equatable {
        /// Connected; nothing admitted yet.
        case awaitingHello
        /// A moderator's PIN is being checked (`Event.checkPIN`); nothing else is read meanwhile.
        case checkingPIN
        case attached(ClientGrant)
        /// A last message (a refusal, a protocol error) is being written; then the connection closes.
        case closing(reason: String)
        /// Closed at once: the client did not read, or went away.
        case dropped(reason: String)
    }

    /// What the event loop must do for this client.
    public enum Event: Sendable, Equatable {
        /// Send to the runner; then `acknowledge(id)` if it was recorded, else `refuse(id, …)`.
        case perform(id: Int, WorkshopAction)
        /// Check the moderator PIN off the loop (PBKDF2), then call `pinChecked`.
        case checkPIN(String)
        /// A key typed on an attached moderator screen, in its wire form, for the host's moderator screen.
        case key(String)
    }

    /// Refused code ballots before the lockout, and its length: a guesser gets five hashes per half minute per
    /// connection; a voter who mistypes five times waits as long as at the kiosk.
    public static let maximumRefusedCodes = VoterSession.maximumPINAttempts
    public static let codeLockoutSeconds = VoterSession.lockoutSeconds

    public private(set) var phase: Phase = .awaitingHello
    /// An attached moderator screen's size, from its hello and each resize: the host draws its frames at this size.
    public private(set) var screenSize: ScreenSize?
    /// The screen the host draws for this client uses ASCII only (from the hello).
    public private(set) var wantsASCII = false
    public let connectedAt: Instant
    public let outgoingLimit: Int
    private var decoder = FrameDecoder(limit: ProtocolLimits.clientMessageLimit)
    /// Refused ballots that carried a code, since the last lockout: each cost the host a PBKDF2 hash (about 5 ms on
    /// the loop that serves the keyboard), and each may be a guess.
    private var refusedCodes = 0
    /// Ballots with a code are refused unhashed until then, as the kiosk's PIN prompt locks after five wrong tries.
    private var codesLockedUntil: Instant?

    private var outgoing: [UInt8] = []
    private var written = 0
    /// Where the last view sits in `outgoing` while it is the last message and none of it is written: a newer view
    /// replaces it, since a view is whole and only the latest matters. A slow projector then gets fewer views, not a
    /// growing queue.
    private var unsentView: Range<Int>?
    /// The first tick that found output waiting since the socket last took any, for `stalledWriteSeconds`.
    private var waitingSince: Instant?

    /// Who connected, as the kernel says: other accounts may only vote or watch.
    let peer: PeerAccount

    /// This connection's number in this run of the host: who it is on a Q&A board (one upvote per connection,
    /// decision 84). Never written anywhere.
    let number: Int
    /// Turns begun at this connection (a voter kiosk's "next participant"): with `number`, who is upvoting now.
    private var turn = 0

    /// Who this connection is on a Q&A board at the moment: the connection, or the person whose turn it is.
    var participant: QAParticipant { turn == 0 ? .connection(number) : .attachedTurn(connection: number, turn: turn) }

    public init(connectedAt: Instant, peer: PeerAccount = .hostAccount,
                outgoingLimit: Int = ProtocolLimits.outgoingBufferLimit, number: Int = 0) {
        self.number = number
        self.connectedAt = connectedAt
        self.peer = peer
        self.outgoingLimit = outgoingLimit
    }

    /// Bytes waiting for the socket, oldest first.
    public var pendingOutput: ArraySlice<UInt8> { outgoing[written...] }

    /// The socket took `count` bytes of `pendingOutput`.
    public mutating func didWrite(_ count: Int) {
        guard count > 0 else { return }
        waitingSince = nil
        written = min(outgoing.count, written + count)
        if let view = unsentView, written > view.lowerBound { unsentView = nil }
        if written == outgoing.count {
            outgoing.removeAll(keepingCapacity: true)
            written = 0
        } else if written >= 64 * 1024, written * 2 >= outgoing.count {
            // Give back what was sent once it is most of the buffer, so a long-lived client does not grow it.
            outgoing.removeFirst(written)
            unsentView = unsentView.map { $0.lowerBound - written ..< $0.upperBound - written }
            written = 0
        }
    }

    /// True once the socket should be closed: dropped, or closing with its last message written.
    public var shouldClose: Bool {
        switch phase {
        case .dropped: true
        case .closing: pendingOutput.isEmpty
        case .awaitingHello, .checkingPIN, .attached: false
        }
    }

    public var grant: ClientGrant? {
        if case .attached(let grant) = phase { grant } else { nil }
    }

    // MARK: - In

    /// Bytes from the socket, split anywhere. Answers what it can itself (the handshake, refusals by role, protocol
    /// errors) and returns what needs the runner or the PIN check.
    /// A client must wait for the welcome before it sends anything more: bytes that arrive while its PIN is checked
    /// are a protocol error (they cannot be kept without an unbounded queue, nor dropped without losing the framing).
    public mutating func received(_ chunk: some Collection<UInt8>, state: WorkshopState) -> [Event] {
        if phase == .checkingPIN, !chunk.isEmpty {
            fail(.beforeWelcome)
            return []
        }
        guard isReading else { return [] }
        var events: [Event] = []
        for frame in decoder.feed(chunk) {
            if phase == .checkingPIN {
                fail(.beforeWelcome)
                break
            }
            guard isReading else { break }
            do throws(ProtocolError) {
                events += try handle(MessageCodec.decodeClientMessage(frame), state: state)
            } catch {
                fail(error)
            }
        }
        if phase == .checkingPIN, decoder.bufferedCount > 0 { fail(.beforeWelcome) }
        if let failure = decoder.failure, isReading { fail(failure) }
        return events
    }

    /// The client closed its end: nothing more to read or write.
    public mutating func peerClosed() {
        let reason = decoder.finish().map { "closed mid-message (\($0.message))" } ?? "closed by the client"
        phase = .dropped(reason: reason)
        clearOutput()
    }

    /// Time passing: a client that has not said hello in time is closed; one that has read nothing of what waits for
    /// it for `stalledWriteSeconds` is dropped (it may be stuck with a coalesced view that never fills the bound).
    public mutating func tick(now: Instant) {
        if pendingOutput.isEmpty {
            waitingSince = nil
        } else if let since = waitingSince {
            if now.seconds(since: since) >= ProtocolLimits.stalledWriteSeconds {
                phase = .dropped(reason: "not reading for \(ProtocolLimits.stalledWriteSeconds) seconds")
                clearOutput()
                return
            }
        } else {
            waitingSince = now
        }
        guard phase == .awaitingHello, now.seconds(since: connectedAt) >= ProtocolLimits.handshakeTimeoutSeconds else { return }
        closeWith(.protocolError(message: "No hello within \(ProtocolLimits.handshakeTimeoutSeconds) seconds."),
                  reason: "no hello in time")
    }

    private var isReading: Bool {
        switch phase {
        case .awaitingHello, .attached: true
        case .checkingPIN, .closing, .dropped: false
        }
    }

    private mutating func handle(_ message: ClientMessage, state: WorkshopState) -> [Event] {
        switch (phase, message) {
        case (.awaitingHello, .hello(let hello)):
            // A moderator screen is always drawn by the host; a facilitator's when it says its size (else it gets views).
            switch hello.role {
            case .moderator: screenSize = hello.screen ?? ScreenSize(columns: 80, rows: 24)
            case .group: screenSize = hello.screen
            case .voter, .audience: screenSize = nil
            }
            wantsASCII = hello.ascii
            switch ClientAdmission.decide(role: hello.role, pin: hello.pin, peer: peer, in: state) {
            case .accepted(let grant):
                attach(grant, state: state)
                return []
            case .checkPIN(let pin):
                phase = .checkingPIN
                return [.checkPIN(pin)]
            case .refused(let reason):
                closeWith(.refused(reason: reason), reason: reason)
                return []
            }
        case (.awaitingHello, .request(_, let request)):
            fail(.unexpected(Self.typeName(request)))
            return []
        case (.awaitingHello, .screen(let input)):
            fail(.unexpected(Self.typeName(input)))
            return []
        case (.attached(let grant), .screen(let input)):
            if let refusal = RoleGate.screenInputRefusal(for: grant) {
                closeWith(.protocolError(message: refusal), reason: refusal)
                return []
            }
            switch input {
            case .key(let key): return [.key(key)]
            case .resize(let size):
                screenSize = size
                return []
            }
        case (.attached, .hello):
            fail(.unexpected("hello"))
            return []
        case (.attached(let grant), .nextParticipant(let id)):
            // Only a voter screen has people taking turns; nothing is recorded, so the answer is at once.
            guard grant.role == .voter else {
                queue(.refusal(id: id, message: "Only a voter screen has a next participant."))
                return []
            }
            turn += 1
            queue(.acknowledged(id: id))
            return []
        case (.awaitingHello, .nextParticipant):
            fail(.unexpected("next-participant"))
            return []
        case (.attached(let grant), .request(let id, let request)):
            let carriesCode = if case .castBallot(_, _, let code?) = request, !code.isEmpty { true } else { false }
            if carriesCode, let until = codesLockedUntil {
                guard state.now >= until else {
                    queue(.codeRefusal(id: id, message: "Too many refused codes: try again in \((until.milliseconds - state.now.milliseconds + 999) / 1000) s."))
                    return []
                }
                codesLockedUntil = nil
            }
            switch RoleGate.admit(request, from: grant, in: state, participant: participant) {
            case .perform(let action): return [.perform(id: id, action)]
            case .refused(let message):
                queue(.refusal(id: id, message: message))
                if carriesCode { countRefusedCode(now: state.now) }
                return []
            case .refusedCode(let message):
                queue(.codeRefusal(id: id, message: message))
                if carriesCode { countRefusedCode(now: state.now) }
                return []
            }
        case (.checkingPIN, _), (.closing, _), (.dropped, _):
            return []
        }
    }

    /// Five refused code ballots lock this connection's code ballots for a while, as the kiosk's PIN prompt does.
    private mutating func countRefusedCode(now: Instant) {
        refusedCodes += 1
        if refusedCodes >= Self.maximumRefusedCodes {
            refusedCodes = 0
            codesLockedUntil = now.adding(seconds: Self.codeLockoutSeconds)
        }
    }

    /// The PIN check's answer (`Event.checkPIN`).
    public mutating func pinChecked(matches: Bool, state: WorkshopState) {
        guard phase == .checkingPIN else { return }
        switch ClientAdmission.pinChecked(matches: matches) {
        case .accepted(let grant): attach(grant, state: state)
        case .refused(let reason): closeWith(.refused(reason: reason), reason: reason)
        case .checkPIN: break
        }
    }

    private mutating func attach(_ grant: ClientGrant, state: WorkshopState) {
        phase = .attached(grant)
        queue(.welcome(HostWelcome(title: state.session.title, recordID: state.recordID, role: grant.role.label)))
        sendView(of: state)
    }

    // MARK: - Out

    /// Request `id` was recorded (the journal holding it is fsynced).
    public mutating func acknowledge(_ id: Int) { queue(.acknowledged(id: id)) }

    /// Request `id` changed nothing.
    public mutating func refuse(_ id: Int, message: String) { queue(.refusal(id: id, message: message)) }

    /// The role's view of `state`, to an attached client only; replaces a view still waiting unsent.
    public mutating func sendView(of state: WorkshopState) {
        guard let grant else { return }
        sendView(EncodedView(RoomView(of: state, for: grant.role), role: grant.role))
    }

    /// Queues a view encoded once for every connection of its role; a view of another role is never sent. A moderator
    /// screen gets frames of the moderator screen instead (`sendScreen`).
    public mutating func sendView(_ view: EncodedView) {
        guard let grant, grant.role == view.role, screenSize == nil else { return }
        queueReplaceable(view.frame)
    }

    /// The screen the host runs for this connection; replaces a frame (or view) still waiting unsent. Only to a
    /// moderator whose PIN was proven, or a facilitator that asked for a screen.
    public mutating func sendScreen(_ frame: ScreenFrame) {
        guard let grant, screenSize != nil, RoleGate.screenInputRefusal(for: grant) == nil else { return }
        queueReplaceable(Result { () throws(ProtocolError) in try MessageCodec.encode(.screen(frame)) })
    }

    private mutating func queueReplaceable(_ frame: Result<[UInt8], ProtocolError>) {
        if let unsent = unsentView, unsent.upperBound == outgoing.count, written <= unsent.lowerBound {
            outgoing.removeSubrange(unsent)
        }
        let start = outgoing.count
        queue(encoded: frame)
        if case .attached = phase, outgoing.count > start { unsentView = start..<outgoing.count }
    }

    /// The host is going away; the connection closes once this is written.
    public mutating func stop(reason: String, reconnect: Bool) {
        closeWith(.stopping(reason: reason, reconnect: reconnect), reason: reason)
    }

    private mutating func fail(_ error: ProtocolError) {
        closeWith(.protocolError(message: error.message), reason: error.message)
    }

    private mutating func closeWith(_ message: HostMessage, reason: String) {
        queue(message)
        if case .dropped = phase { return }
        phase = .closing(reason: reason)
    }

    /// Adds a message to the output, or drops the client when it would pass the bound: a client that does not read
    /// must not hold the host's memory.
    private mutating func queue(_ message: HostMessage) {
        if case .dropped = phase { return }
        queue(encoded: Result { () throws(ProtocolError) in try MessageCodec.encode(message) })
    }

    private mutating func queue(encoded frame: Result<[UInt8], ProtocolError>) {
        if case .dropped = phase { return }
        let bytes: [UInt8]
        switch frame {
        case .success(let value):
            bytes = value
        case .failure(let error):
            // Only a view can be this large; a client that cannot be shown the room is better told by a reconnect loop
            // than left on a stale screen.
            phase = .dropped(reason: error.message)
            clearOutput()
            return
        }
        guard pendingOutput.count + bytes.count <= outgoingLimit else {
            phase = .dropped(reason: "not reading: more than \(outgoingLimit) bytes waiting")
            clearOutput()
            return
        }
        outgoing += bytes
        unsentView = nil
    }

    private mutating func clearOutput() {
        outgoing = []
        written = 0
        unsentView = nil
    }

    private static func typeName(_ input: ScreenInput) -> String {
        switch input {
        case .key: "key"
        case .resize: "resize"
        }
    }

    private static func typeName(_ request: ClientRequest) -> String {
        switch request {
        case .castBallot: "cast"
        case .group: "group"
        case .moderator: "command"
        case .qa: "qa"
        }
    }
}
