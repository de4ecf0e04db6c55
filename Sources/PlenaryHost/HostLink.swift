#if canImport(Glibc)
import Glibc
#endif
import PlenaryEngine
import PlenaryProtocol

/// One client's connection to the host, shared by every attached screen (kiosk, audience): connects, says hello in
/// its role, frames messages, and reconnects with a growing pause (0.25 s doubling to 2 s, never a busy loop)
/// whenever the host goes away, so each screen only turns messages into state.
public final class HostLink {
    public enum Event {
        /// A new connection (the hello is already queued).
        case connected
        case message(HostMessage)
        /// The connection is gone (or never came); a retry is scheduled unless the host said not to come back.
        case lost(reason: String)
        /// The host refused the hello (a wrong PIN, an unknown group); a retry is scheduled as after `lost`, which a
        /// screen that asked for a PIN stops with `close`.
        case refused(reason: String)
    }

    private let socketPath: String
    private let role: ClientRole
    private let pin: String?
    /// A moderator screen's size, said again in the hello of every reconnection.
    public var screenSize: ScreenSize?
    private let clock: any Clock
    private var descriptor: Int32 = -1
    private var decoder = FrameDecoder(limit: ProtocolLimits.hostMessageLimit)
    private var outgoing: [UInt8] = []
    private var lastHeard: Instant
    private var nextAttempt: Instant
    private var pauseMilliseconds: Int64 = 250
    /// A host silent this long is gone (it sends a view at least every 15 s).
    static let silenceSeconds: Int64 = 45

    private let ascii: Bool

    public init(socketPath: String, role: ClientRole, clock: any Clock, pin: String? = nil, screenSize: ScreenSize? = nil,
                ascii: Bool = false) {
        self.ascii = ascii
        self.socketPath = socketPath
        self.role = role
        self.pin = pin
        self.screenSize = screenSize
        self.clock = clock
        lastHeard = clock.now()
        nextAttempt = clock.now()
        signal(SIGPIPE, SIG_IGN)
    }

    /// Connects when a retry is due, drops a silent host and sends what is queued.
    public func tick() -> [Event] {
        var events: [Event] = []
        let now = clock.now()
        if descriptor < 0, now >= nextAttempt { events += connect() }
        if descriptor >= 0, now.seconds(since: lastHeard) >= Self.silenceSeconds {
            events += disconnect(reason: "The host has not answered for \(Self.silenceSeconds) seconds.")
        }
        events += flush()
        return events
    }

    /// The host's descriptor to wait on, if connected.
    public var pollEntry: pollfd? {
        guard descriptor >= 0 else { return nil }
        return pollfd(fd: descriptor, events: Int16(POLLIN) | (outgoing.isEmpty ? 0 : Int16(POLLOUT)), revents: 0)
    }

    /// How long a poll may wait, at most `limit`: not past the next reconnect attempt.
    public func pollTimeout(limit: Int64) -> Int64 {
        guard descriptor < 0 else { return limit }
        return max(0, min(limit, nextAttempt.milliseconds - clock.now().milliseconds))
    }

    public func send(_ message: ClientMessage) -> [Event] {
        guard descriptor >= 0, let bytes = try? MessageCodec.encode(message) else { return [] }
        outgoing += bytes
        return flush()
    }

    private func connect() -> [Event] {
        let connection = UnixAddress.connect(to: socketPath)
        guard case .connected(let made) = connection else {
            scheduleRetry()
            if case .failed(let error) = connection {
                return [.lost(reason: error == ENOENT || error == ECONNREFUSED
                    ? "The host is not running." : "Cannot reach the host: \(String(cString: strerror(error))).")]
            }
            return []
        }
        UnixAddress.makeNonBlocking(made)
        descriptor = made
        decoder = FrameDecoder(limit: ProtocolLimits.hostMessageLimit)
        outgoing = []
        lastHeard = clock.now()
        return [.connected] + send(.hello(ClientHello(version: ProtocolLimits.version, role: role, pin: pin, screen: screenSize, ascii: ascii)))
    }

    private func flush() -> [Event] {
        while descriptor >= 0, !outgoing.isEmpty {
            let sent = outgoing.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
            if sent > 0 {
                outgoing.removeFirst(sent)
            } else {
                if sent < 0, errno != EAGAIN, errno != EWOULDBLOCK, errno != EINTR { return disconnect(reason: "The host went away.") }
                return []
            }
        }
        return []
    }

    /// Reads what the host sent; call when poll reports the descriptor readable (or hung up).
    public func readFromHost() -> [Event] {
        guard descriptor >= 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        if count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            return disconnect(reason: "The host went away.")
        }
        guard count > 0 else { return [] }
        lastHeard = clock.now()
        var events: [Event] = []
        for frame in decoder.feed(buffer[..<count]) {
            guard let message = try? MessageCodec.decodeHostMessage(frame) else {
                return events + disconnect(reason: "The host sent something this screen cannot read.")
            }
            switch message {
            case .welcome:
                pauseMilliseconds = 250
                events.append(.message(message))
            case .stopping(_, let reconnect):
                events.append(.message(message))
                closeSocket()
                if reconnect { scheduleRetry() } else { nextAttempt = Instant(milliseconds: .max) }
                return events
            case .refused(let reason):
                let lost = disconnect(reason: reason)
                return events + (lost.isEmpty ? [] : [.refused(reason: reason)])
            case .protocolError(let reason):
                return events + disconnect(reason: reason)
            default:
                events.append(.message(message))
            }
        }
        if decoder.failure != nil { events += disconnect(reason: "The host sent something this screen cannot read.") }
        return events
    }

    /// True while connected (the hello may still be unanswered).
    public var isConnected: Bool { descriptor >= 0 }

    /// Closes the connection for good (the screen is leaving).
    public func close() {
        closeSocket()
        nextAttempt = Instant(milliseconds: .max)
    }

    private func disconnect(reason: String) -> [Event] {
        guard descriptor >= 0 else { return [] }
        closeSocket()
        scheduleRetry()
        return [.lost(reason: reason)]
    }

    private func closeSocket() {
        guard descriptor >= 0 else { return }
        Glibc.close(descriptor)
        descriptor = -1
        outgoing = []
    }

    private func scheduleRetry() {
        nextAttempt = clock.now().adding(milliseconds: pauseMilliseconds)
        pauseMilliseconds = min(2000, pauseMilliseconds * 2)
    }
}
