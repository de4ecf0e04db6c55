#if canImport(Glibc)
import Glibc
#endif
import PlenaryEngine
import PlenaryStorage
import PlenaryProtocol
import PlenaryUI

/// The loop of `plenary attach --voter`: one `poll(2)` over the keyboard and the host's socket; reconnects with a
/// growing pause (0.25 s doubling to 2 s, never a busy loop) whenever the host goes away.
public final class AttachedKiosk {
    private let socketPath: String
    private let terminal: any TerminalDriver
    private let inputDescriptor: Int32
    private let clock: any Clock
    private let glyphs: Glyphs
    private let checkPIN: (String) -> Bool
    private var kiosk = KioskState()
    private var descriptor: Int32 = -1
    private var decoder = FrameDecoder(limit: ProtocolLimits.hostMessageLimit)
    private var outgoing: [UInt8] = []
    private var lastHeard: Instant
    private var nextAttempt: Instant
    private var pauseMilliseconds: Int64 = 250
    /// A host silent this long is gone (it sends a view at least every 15 s).
    static let silenceSeconds: Int64 = 45

    public init(socketPath: String, terminal: any TerminalDriver, inputDescriptor: Int32, clock: any Clock,
                glyphs: Glyphs, checkPIN: @escaping (String) -> Bool) {
        self.socketPath = socketPath
        self.terminal = terminal
        self.inputDescriptor = inputDescriptor
        self.clock = clock
        self.glyphs = glyphs
        self.checkPIN = checkPIN
        lastHeard = clock.now()
        nextAttempt = clock.now()
        signal(SIGPIPE, SIG_IGN)
    }

    /// Runs until the moderator PIN is typed (nil) or a terminating signal arrives (the signal).
    public func run(pendingSignal: () -> Int32?) -> Int32? {
        terminal.setRawInput(true)
        defer { disconnect(reason: "closed") }
        while true {
            let now = clock.now()
            if descriptor < 0, now >= nextAttempt { connect() }
            if descriptor >= 0, now.seconds(since: lastHeard) >= Self.silenceSeconds {
                disconnect(reason: "The host has not answered for \(Self.silenceSeconds) seconds.")
            }
            flush()
            terminal.draw(KioskScreen.render(kiosk, size: terminal.size, glyphs: glyphs))
            if let signal = pendingSignal() { return signal }
            if let key = terminal.readKey(timeoutMilliseconds: 0) {
                if handle(key) { return nil }
                continue
            }
            var timeout: Int64 = 1000
            if descriptor < 0 { timeout = max(0, min(timeout, nextAttempt.milliseconds - clock.now().milliseconds)) }
            var descriptors = [pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0)]
            if descriptor >= 0 {
                descriptors.append(pollfd(fd: descriptor, events: Int16(POLLIN) | (outgoing.isEmpty ? 0 : Int16(POLLOUT)), revents: 0))
            }
            guard poll(&descriptors, nfds_t(descriptors.count), Int32(timeout)) > 0 else { continue }
            if descriptors.count > 1, descriptors[1].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 { readFromHost() }
        }
    }

    /// True when the kiosk should close.
    private func handle(_ key: KeyEvent) -> Bool {
        var outputs = kiosk.handle(key)
        while !outputs.isEmpty {
            switch outputs.removeFirst() {
            case .send(let id, let request): send(.request(id: id, request))
            case .checkPIN(let pin):
                terminal.draw(KioskScreen.render(kiosk, size: terminal.size, glyphs: glyphs))
                outputs += kiosk.pinChecked(matches: checkPIN(pin))
                terminal.discardPendingInput()
            case .leave: return true
            }
        }
        return false
    }

    private func connect() {
        let connection = UnixAddress.connect(to: socketPath)
        guard case .connected(let made) = connection else {
            if case .failed(let error) = connection {
                kiosk.disconnected(reason: error == ENOENT || error == ECONNREFUSED
                    ? "The host is not running." : "Cannot reach the host: \(String(cString: strerror(error))).")
            }
            scheduleRetry()
            return
        }
        UnixAddress.makeNonBlocking(made)
        descriptor = made
        decoder = FrameDecoder(limit: ProtocolLimits.hostMessageLimit)
        outgoing = []
        lastHeard = clock.now()
        kiosk.connected()
        send(.hello(ClientHello(version: ProtocolLimits.version, role: .voter, pin: nil)))
    }

    private func send(_ message: ClientMessage) {
        guard descriptor >= 0, let bytes = try? MessageCodec.encode(message) else { return }
        outgoing += bytes
        flush()
    }

    private func flush() {
        while descriptor >= 0, !outgoing.isEmpty {
            let sent = outgoing.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
            if sent > 0 {
                outgoing.removeFirst(sent)
            } else {
                if sent < 0, errno != EAGAIN, errno != EWOULDBLOCK, errno != EINTR { disconnect(reason: "The host went away.") }
                return
            }
        }
    }

    private func readFromHost() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        if count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            disconnect(reason: "The host went away.")
            return
        }
        guard count > 0 else { return }
        lastHeard = clock.now()
        for frame in decoder.feed(buffer[..<count]) {
            guard let message = try? MessageCodec.decodeHostMessage(frame) else {
                disconnect(reason: "The host sent something this kiosk cannot read.")
                return
            }
            switch message {
            case .welcome(let welcome):
                pauseMilliseconds = 250
                kiosk.received(.welcome(recordID: welcome.recordID))
            case .view(let view): kiosk.received(.view(view))
            case .acknowledged(let id): kiosk.received(.acknowledged(id: id))
            case .refusal(let id, let text): kiosk.received(.refusal(id: id, message: text))
            case .stopping(let reason, let reconnect):
                kiosk.received(.stopping(reason: reason, reconnect: reconnect))
                closeSocket()
                if reconnect { scheduleRetry() } else { nextAttempt = Instant(milliseconds: .max) }
                return
            case .refused(let reason), .protocolError(let reason):
                disconnect(reason: reason)
                return
            }
        }
        if decoder.failure != nil { disconnect(reason: "The host sent something this kiosk cannot read.") }
    }

    private func disconnect(reason: String) {
        guard descriptor >= 0 else { return }
        closeSocket()
        kiosk.disconnected(reason: reason)
        scheduleRetry()
    }

    private func closeSocket() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        outgoing = []
    }

    private func scheduleRetry() {
        nextAttempt = clock.now().adding(milliseconds: pauseMilliseconds)
        pauseMilliseconds = min(2000, pauseMilliseconds * 2)
    }
}
