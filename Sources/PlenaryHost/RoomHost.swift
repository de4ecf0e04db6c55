#if canImport(Glibc)
import Glibc
#endif
import PlenaryEngine
import PlenaryStorage
import PlenaryProtocol
import PlenaryUI

/// The host's side of the room (issue 14): one `poll(2)` over the keyboard, the listening socket and every client.
/// `ModeratorApp` calls `waitForKey` where it used to block in the terminal; clients are served while it waits, each
/// request goes through the runner (which returns after the journal's fdatasync) before it is acknowledged, and after
/// any change every client gets its role's fresh view, at most one per loop turn.
///
/// Single-threaded by design: the runner, the state and every connection belong to the loop's thread.
public final class RoomHost {
    private let listener: ListeningSocket
    private let runner: WorkshopRunner
    private let clock: any Clock
    private var clients: [Int32: HostConnection] = [:]
    /// The last view each role was sent, so an unchanged room sends nothing.
    private var lastViews: [ClientRole: RoomView] = [:]
    private var lastHeartbeat: Instant
    /// Beyond this, a new connection is told so and closed at once: each costs a descriptor and up to 8 MiB of queue.
    public static let defaultMaximumClients = 1000
    let maximumClients: Int
    /// Set when `accept` failed for want of descriptors: the listener is left out of `poll` until then, since a
    /// connection the kernel keeps queued would otherwise wake the loop at once, forever (a busy loop that steals the
    /// moderator's core).
    private var acceptPausedUntil: Instant?
    static let acceptPauseMilliseconds: Int64 = 100
    /// What one client's turn reads: a ballot is about 100 bytes, so a client that floods requests gets at most about
    /// 80 of them (each an fdatasync) performed before the loop looks at the keyboard again.
    static let readChunk = 8 * 1024

    public init(listener: ListeningSocket, runner: WorkshopRunner, clock: any Clock,
                maximumClients: Int = RoomHost.defaultMaximumClients) {
        self.listener = listener
        self.runner = runner
        self.clock = clock
        self.maximumClients = maximumClients
        lastHeartbeat = clock.now()
        // A client that goes away mid-write must not end the host: writes use MSG_NOSIGNAL, and this covers the rest.
        signal(SIGPIPE, SIG_IGN)
        Self.raiseDescriptorLimit(toServe: maximumClients)
    }

    /// A shell's usual soft limit (1,024 descriptors) is about the host's client limit plus its own files: raise the
    /// soft limit as far as the hard one allows, so the limit a client meets is the host's, with a clear refusal.
    static func raiseDescriptorLimit(toServe clients: Int) {
        var limit = rlimit()
        let wanted = rlim_t(clients + 64)
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < wanted else { return }
        limit.rlim_cur = min(wanted, limit.rlim_max)
        setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
    }

    public var clientCount: Int { clients.count }

    /// Waits up to `timeoutMilliseconds` for a key, serving clients meanwhile. Returns nil on timeout, on a signal,
    /// and after a client changed the workshop (so the moderator's screen is redrawn with it).
    public func waitForKey(terminal: any TerminalDriver, inputDescriptor: Int32, timeoutMilliseconds: Int,
                           pendingSignal: () -> Int32?) -> KeyEvent? {
        let deadline = clock.now().adding(milliseconds: Int64(timeoutMilliseconds))
        while true {
            publishViews()
            flushOutput()
            // Keys the driver already holds (a paste, an escape sequence) are not visible to poll.
            if let key = terminal.readKey(timeoutMilliseconds: 0) { return key }
            if pendingSignal() != nil { return nil }
            let remaining = deadline.milliseconds - clock.now().milliseconds
            guard remaining > 0 else { return nil }

            if let paused = acceptPausedUntil, clock.now() >= paused { acceptPausedUntil = nil }
            // While accepting is paused the listener stays in the list with no events: the indices stay put.
            let listening = acceptPausedUntil == nil ? Int16(POLLIN) : 0
            var descriptors = [pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: listener.descriptor, events: listening, revents: 0)]
            for (descriptor, connection) in clients {
                var events = Int16(POLLIN)
                if !connection.pendingOutput.isEmpty { events |= Int16(POLLOUT) }
                descriptors.append(pollfd(fd: descriptor, events: events, revents: 0))
            }
            let wait = acceptPausedUntil == nil ? remaining : min(remaining, Self.acceptPauseMilliseconds)
            let ready = poll(&descriptors, nfds_t(descriptors.count), Int32(clamping: wait))
            // EINTR: a signal (handled above) or a resize (the driver returns it as a key).
            guard ready > 0 else { continue }
            if descriptors[1].revents != 0 { acceptWaiting() }
            var changed = false
            for entry in descriptors.dropFirst(2) where entry.revents != 0 {
                changed = serve(entry.fd, readable: entry.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0) || changed
                // Each recorded request costs an fdatasync: once a key waits, the moderator goes first. Clients not
                // served yet are still readable at the next poll (level-triggered), so nothing is lost, only later.
                if changed, Self.hasInput(inputDescriptor) { break }
            }
            if changed {
                publishViews()
                flushOutput()
                return nil
            }
        }
    }

    static func hasInput(_ descriptor: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) > 0
    }

    /// Tells every client the host is going away, gives each what the socket takes at once (never waiting), and
    /// closes everything, the socket file included.
    public func stop(reason: String, reconnect: Bool) {
        for descriptor in Array(clients.keys) {
            clients[descriptor]?.stop(reason: reason, reconnect: reconnect)
        }
        flushOutput()
        for descriptor in Array(clients.keys) { drop(descriptor) }
        listener.close()
    }

    // MARK: - Clients

    private func acceptWaiting() {
        while true {
            switch listener.accept() {
            case .accepted(let descriptor):
                guard clients.count < maximumClients else {
                    // A fresh socket's buffer takes one small frame at once; the client is told why, then closed.
                    _ = Self.capacityRefusal.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
                    close(descriptor)
                    continue
                }
                clients[descriptor] = HostConnection(connectedAt: clock.now())
            case .noneWaiting:
                return
            case .outOfDescriptors:
                acceptPausedUntil = clock.now().adding(milliseconds: Self.acceptPauseMilliseconds)
                return
            }
        }
    }

    /// The answer to a connection past `maximumClients`, encoded once.
    static let capacityRefusal: [UInt8] = (try? MessageCodec.encode(HostMessage.refused(
        reason: "The host is serving as many screens as it can. Try again in a moment, or tell the moderator."))) ?? []

    /// Reads what the client sent and runs its requests. True when the workshop changed.
    private func serve(_ descriptor: Int32, readable: Bool) -> Bool {
        guard var connection = clients[descriptor] else { return false }
        var changed = false
        if readable {
            var buffer = [UInt8](repeating: 0, count: Self.readChunk)
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if count > 0 {
                let events = connection.received(buffer[..<count], state: runner.state)
                for event in events {
                    switch event {
                    case .perform(let id, let action):
                        // Returns once the journal holding it is fdatasynced: only then is it acknowledged.
                        if runner.send(action).isRecorded {
                            connection.acknowledge(id)
                            changed = true
                        } else {
                            connection.refuse(id, message: Self.refusalMessage(after: action, in: runner.state))
                        }
                    case .checkPIN(let pin):
                        // Not yet off the loop: no client role here asks for it (a moderator screen comes later).
                        connection.pinChecked(matches: runner.state.voterPIN?.matches(pin) ?? false, state: runner.state)
                    }
                }
            } else if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                connection.peerClosed()
            }
        }
        clients[descriptor] = connection
        return changed
    }

    /// Why an admitted request changed nothing: the state moved between the gate and the reducer.
    static func refusalMessage(after action: WorkshopAction, in state: WorkshopState) -> String {
        if state.isReadOnly { return "Your vote could not be recorded. Please tell the moderator." }
        if case .remote(.cast(let pollID, _, _)) = action, state.poll(pollID)?.status != .open {
            return "This poll has closed; your answer was not counted."
        }
        return "Not recorded. Please tell the moderator."
    }

    /// Sends each role's view when it differs from the last one sent (ignoring the countdown's seconds, which the
    /// client runs itself), and everyone's at least every heartbeat.
    private func publishViews() {
        let now = clock.now()
        let heartbeat = now.seconds(since: lastHeartbeat) >= ProtocolLimits.heartbeatSeconds
        if heartbeat { lastHeartbeat = now }
        // Per role: nil when its view is unchanged, else the view encoded once for all of that role's clients.
        var toSend: [ClientRole: EncodedView?] = [:]
        for descriptor in Array(clients.keys) {
            guard var connection = clients[descriptor] else { continue }
            connection.tick(now: now)
            if let role = connection.grant?.role {
                if toSend[role] == nil {
                    let view = RoomView(of: runner.state, for: role)
                    let comparable = Self.comparable(view)
                    let isFresh = lastViews[role] != comparable
                    lastViews[role] = comparable
                    toSend[role] = .some(isFresh || heartbeat ? EncodedView(view, role: role) : nil)
                }
                if case .some(.some(let encoded)) = toSend[role] { connection.sendView(encoded) }
            }
            clients[descriptor] = connection
        }
    }

    private static func comparable(_ view: RoomView) -> RoomView {
        var view = view
        if view.slot.endsAtMilliseconds != nil { view.slot.remainingSeconds = 0 }
        return view
    }

    /// Writes what each socket takes now, never waiting; closes the connections that are done.
    private func flushOutput() {
        for descriptor in Array(clients.keys) {
            guard var connection = clients[descriptor] else { continue }
            while !connection.pendingOutput.isEmpty {
                let pending = connection.pendingOutput
                let sent = pending.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
                if sent > 0 {
                    connection.didWrite(sent)
                } else {
                    if sent < 0, errno != EAGAIN, errno != EWOULDBLOCK, errno != EINTR { connection.peerClosed() }
                    break
                }
            }
            clients[descriptor] = connection
            if connection.shouldClose { drop(descriptor) }
        }
    }

    private func drop(_ descriptor: Int32) {
        clients[descriptor] = nil
        close(descriptor)
    }
}
