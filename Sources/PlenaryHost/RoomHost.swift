#if canImport(Glibc)
import Glibc
#endif
import PlenaryEngine
import PlenaryStorage
import PlenaryProtocol
import PlenaryUI

/// The host's side of the room (issue 14): one `poll(2)` over the keyboard, the listening socket and every client.
/// `ModeratorApp` calls `waitForInput` where it used to block in the terminal; clients are served while it waits, each
/// request goes through the runner (which returns after the journal's fdatasync) before it is acknowledged, and after
/// any change every client gets its role's fresh view, at most one per loop turn.
///
/// Attached moderator screens (decision 69) are the moderator screen run for another terminal: their keys come back
/// to `ModeratorApp` as `ModeratorInput`s, and each gets `ModeratorScreen` drawn at its own size whenever it changed.
///
/// Single-threaded by design: the runner, the state and every connection belong to the loop's thread.
public final class RoomHost: ModeratorHosting {
    private let listener: ListeningSocket
    private let runner: WorkshopRunner
    private let clock: any Clock
    private let glyphs: Glyphs
    private let inputDescriptor: Int32
    private let forgetSignal: () -> Void
    public let attachCommand: String
    private var clients: [Int32: HostConnection] = [:]
    /// Keys from attached moderator screens not yet handed to the app loop (one read may carry several).
    private var queuedInputs: [ModeratorInput] = []
    /// The last frame each screen the host runs (moderator, facilitator) was sent, so an unchanged one sends nothing.
    private var lastScreens: [Int32: CellGrid] = [:]
    /// Bumped whenever the workshop or a screen may have changed (a key handed out or handled, a client's change):
    /// with the clock's second and the screen's size, it tells whether a screen needs drawing again at all.
    private var generation: UInt64 = 0
    private var lastDrawn: [Int32: ScreenStamp] = [:]
    private struct ScreenStamp: Equatable {
        var generation: UInt64
        var second: Int64
        var size: ScreenSize
    }
    /// The facilitator screens run here (`plenary attach --group ID`), by connection (decision 70).
    private var facilitators: [Int32: HostedFacilitator] = [:]
    /// Moderator PINs are checked off this loop (nil: no pipe could be made; then on the loop).
    private let pinChecker = PINChecker()
    /// Ballots from the phones' web page (issue 17), when `--web` is on.
    private let webInbox: WebInbox?
    /// Requests read in one turn share one journal write and fdatasync (decision 92); off, each has its own (the
    /// "before" figures of the web load proof).
    private let groupCommit: Bool
    /// The generation and second of the view last published to the web pages.
    private var lastWebStamp: (generation: UInt64, second: Int64)?
    /// Each connection's ticket, so a PIN's answer reaches the connection that asked and no later one.
    private var tickets: [Int32: UInt64] = [:]
    private var nextTicket: UInt64 = 0
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
    /// 80 of them into a turn's group before the loop looks at the keyboard again.
    static let readChunk = 8 * 1024

    /// - Parameters:
    ///   - glyphs: how attached screens are drawn (the host's choice; a client that asks for ASCII gets ASCII).
    ///   - attachCommand: the command that brings a moderator screen back, for the detach notices.
    ///   - clearSignal: forgets the pending signal when a hang-up detaches instead of ending the run.
    ///   - maximumClients: beyond this many connections a new one is refused (the proofs lower it).
    ///   - groupCommit: one fdatasync for all the requests read in a turn (off only to measure without it).
    public init(listener: ListeningSocket, runner: WorkshopRunner, clock: any Clock, glyphs: Glyphs = .unicode,
                inputDescriptor: Int32 = STDIN_FILENO, attachCommand: String = "plenary attach FILE --moderator",
                maximumClients: Int = RoomHost.defaultMaximumClients, webInbox: WebInbox? = nil,
                groupCommit: Bool = true, clearSignal: @escaping () -> Void = {}) {
        self.listener = listener
        self.runner = runner
        self.clock = clock
        self.glyphs = glyphs
        self.inputDescriptor = inputDescriptor
        self.attachCommand = attachCommand
        self.maximumClients = maximumClients
        self.webInbox = webInbox
        self.groupCommit = groupCommit
        forgetSignal = clearSignal
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

    public func waitForInput(terminal: (any TerminalDriver)?, timeoutMilliseconds: Int,
                             pendingSignal: () -> Int32?) -> ModeratorInput? {
        let deadline = clock.now().adding(milliseconds: Int64(timeoutMilliseconds))
        while true {
            if !queuedInputs.isEmpty {
                generation += 1
                return queuedInputs.removeFirst()
            }
            publishViews()
            flushOutput()
            // Keys the driver already holds (a paste, an escape sequence) are not visible to poll.
            if let terminal, let key = terminal.readKey(timeoutMilliseconds: 0) {
                generation += 1
                return ModeratorInput(key: key, source: .local, size: terminal.size)
            }
            if pendingSignal() != nil { return nil }
            let remaining = deadline.milliseconds - clock.now().milliseconds
            guard remaining > 0 else { return nil }

            if let paused = acceptPausedUntil, clock.now() >= paused { acceptPausedUntil = nil }
            // While accepting is paused the listener stays in the list with no events: the indices stay put.
            let listening = acceptPausedUntil == nil ? Int16(POLLIN) : 0
            // A detached terminal is not read: it may be closed (it would report a hang-up at every poll).
            var descriptors = [pollfd(fd: terminal == nil ? -1 : inputDescriptor, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: listener.descriptor, events: listening, revents: 0),
                               pollfd(fd: pinChecker?.wakeDescriptor ?? -1, events: Int16(POLLIN), revents: 0),
                               // A resize or signal just before this poll: the next turn's readKey reports it.
                               pollfd(fd: terminal?.wakeDescriptor ?? -1, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: webInbox?.wakeDescriptor ?? -1, events: Int16(POLLIN), revents: 0)]
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
            if descriptors[2].revents != 0 { admitCheckedPINs() }
            var changed = false
            // Every request that arrived together (the phones' ballots, what the ready sockets sent) is read first,
            // then run one by one and answered after one journal sync (decision 92).
            var waiting: [WaitingRequest] = []
            if descriptors[4].revents != 0, let webInbox {
                waiting += webInbox.takePending().map(WaitingRequest.web)
                // The voting page's process died, came back or gave up (WebGateway): the moderator is told.
                for notice in webInbox.takeNotices() {
                    runner.send(.app(.notify(notice.text, notice.level)))
                    changed = true
                }
            }
            for entry in descriptors.dropFirst(5) where entry.revents != 0 {
                changed = serve(entry.fd, readable: entry.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0,
                                waiting: &waiting) || changed
                // Once a key waits, the moderator goes first: the group read so far is run, the rest waits. Clients
                // not served yet are still readable at the next poll (level-triggered), so nothing is lost, only later.
                if changed || !waiting.isEmpty, terminal != nil, Self.hasInput(inputDescriptor) { break }
            }
            changed = performWaiting(waiting) || changed
            if changed {
                generation += 1
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

    public func detach(_ connection: Int32, reason: String) {
        if var facilitator = facilitators.removeValue(forKey: connection) { _ = facilitator.flushDraft(runner: runner) }
        clients[connection]?.stop(reason: reason, reconnect: false)
        lastScreens[connection] = nil
        flushOutput()
    }

    public func localScreenDetached(reason: String) {
        // The terminal is back to its shell's state (or gone, after a hang-up: then this write fails, unseen).
        let text = "plenary: \(reason)\nThis window may be closed; Ctrl-C here ends the run (everything is saved).\n"
        _ = text.utf8CString.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count - 1) }
    }

    public func keepsRunning(after signal: Int32, localScreenAttached: Bool) -> Bool {
        guard signal == SIGHUP else { return false }
        return !localScreenAttached || clients.values.contains { $0.grant != nil }
    }

    public func clearSignal() { forgetSignal() }

    /// Tells every client the host is going away, gives each what the socket takes at once (never waiting), and
    /// closes everything, the socket file included.
    public func stop(reason: String, reconnect: Bool) {
        // A facilitator's half-typed field is saved before the journal closes, as on a --group terminal.
        for descriptor in Array(facilitators.keys) {
            _ = facilitators[descriptor]?.flushDraft(runner: runner)
        }
        facilitators = [:]
        for descriptor in Array(clients.keys) {
            // A moderator screen does not wait for a restart: restarting is the moderator's own act (plenary run),
            // after which they attach again. It leaves with the reason.
            if clients[descriptor]?.grant?.role == .moderator {
                clients[descriptor]?.stop(reason: reconnect ? "\(reason) Everything is saved; run it again, then attach." : reason,
                                          reconnect: false)
            } else {
                clients[descriptor]?.stop(reason: reason, reconnect: reconnect)
            }
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
                clients[descriptor] = HostConnection(connectedAt: clock.now(), peer: PeerCredentials.account(of: descriptor),
                                                     number: Int(truncatingIfNeeded: nextTicket + 1))
                nextTicket += 1
                tickets[descriptor] = nextTicket
            case .noneWaiting:
                return
            case .outOfDescriptors:
                acceptPausedUntil = clock.now().adding(milliseconds: Self.acceptPauseMilliseconds)
                return
            }
        }
    }

    /// The PIN checker's answers, each to the connection that asked if it is still there.
    private func admitCheckedPINs() {
        guard let pinChecker else { return }
        for answer in pinChecker.takeAnswers() {
            guard let descriptor = tickets.first(where: { $0.value == answer.ticket })?.key,
                  var connection = clients[descriptor] else { continue }
            connection.pinChecked(matches: answer.matches, state: runner.state)
            clients[descriptor] = connection
        }
    }

    /// The answer to a connection past `maximumClients`, encoded once.
    static let capacityRefusal: [UInt8] = (try? MessageCodec.encode(HostMessage.refused(
        reason: "The host is serving as many screens as it can. Try again in a moment, or tell the moderator."))) ?? []

    /// Reads what the client sent: its requests join `waiting` (run by `performWaiting`), its keys are handled.
    /// True when the workshop changed.
    private func serve(_ descriptor: Int32, readable: Bool, waiting: inout [WaitingRequest]) -> Bool {
        guard var connection = clients[descriptor] else { return false }
        var changed = false
        var leaving = false
        if readable {
            var buffer = [UInt8](repeating: 0, count: Self.readChunk)
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if count > 0 {
                let events = connection.received(buffer[..<count], state: runner.state)
                for event in events {
                    switch event {
                    case .perform(let id, let action):
                        waiting.append(.socket(descriptor: descriptor, id: id, action: action))
                    case .checkPIN(let pin):
                        if let pinChecker, let ticket = tickets[descriptor] {
                            pinChecker.check(pin, against: runner.state.voterPIN, ticket: ticket)
                        } else {
                            connection.pinChecked(matches: runner.state.voterPIN?.matches(pin) ?? false, state: runner.state)
                        }
                    case .key(let text):
                        generation += 1
                        guard let key = RemoteKey.decode(text), let size = connection.screenSize else { break }
                        let terminalSize = TerminalSize(columns: size.columns, rows: size.rows)
                        if case .group(let group)? = connection.grant?.role {
                            var facilitator = facilitators[descriptor] ?? HostedFacilitator(group: group)
                            switch facilitator.handle(key, size: terminalSize, runner: runner) {
                            case .leave: leaving = true
                            case .changed(let recorded): changed = recorded || changed
                            case .unchanged: break
                            }
                            facilitators[descriptor] = facilitator
                        } else {
                            queuedInputs.append(ModeratorInput(key: key, source: .attached(descriptor), size: terminalSize))
                        }
                    }
                }
            } else if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                connection.peerClosed()
            }
        }
        clients[descriptor] = connection
        if leaving, case .group(let group)? = connection.grant?.role {
            let again = attachCommand.replacingOccurrences(of: " --moderator", with: " --group \(group)")
            detach(descriptor, reason: "Detached; your group's entries are on the host. Back with: \(again)")
            changed = true
        }
        return changed
    }

    /// Runs the requests read in this turn one by one, in order, and answers each only once the journal holding it
    /// is fdatasynced: with group commit, one write and one sync for all of them (`WorkshopRunner.sendTogether`).
    /// A socket request passed `RoleGate` when it was read; a phone's ballot passes it here, against the state the
    /// requests before it left, after the one-ballot-per-phone-per-round check. True when the workshop changed.
    private func performWaiting(_ waiting: [WaitingRequest]) -> Bool {
        guard !waiting.isEmpty else { return false }
        var ballots = WebBallotJudge(inbox: webInbox)
        let admit = { (index: Int, state: WorkshopState) -> WorkshopAction? in
            switch waiting[index] {
            case .socket(_, _, let action): action
            case .web(let pending): ballots.admit(pending.request, at: index, in: state)
            }
        }
        let outcomes = groupCommit
            ? runner.sendTogether(waiting.count, admit: admit)
            : waiting.indices.map { index in admit(index, runner.state).map { runner.send($0) } }
        let changed = outcomes.contains { $0?.isRecorded ?? false }
        // A phone's answer page is drawn from the published view: publish first, so it shows what it just did.
        if changed, waiting.contains(where: \.isWeb) { publishWebViewNow() }
        for (index, request) in waiting.enumerated() {
            let recorded = outcomes[index]?.isRecorded ?? false
            switch request {
            case .socket(let descriptor, let id, let action):
                guard var connection = clients[descriptor] else { continue }
                if recorded {
                    connection.acknowledge(id)
                } else {
                    connection.refuse(id, message: Self.refusalMessage(after: action, in: runner.state))
                }
                clients[descriptor] = connection
            case .web(let pending):
                pending.reply(ballots.answer(at: index, recorded: recorded, in: runner.state))
            }
        }
        return changed
    }

    /// What the web pages show, published when the workshop or the clock's second moved.
    private func publishWebView(now: Instant) {
        guard webInbox != nil else { return }
        let second = now.milliseconds / 1000
        if let last = lastWebStamp, last.generation == generation, last.second == second { return }
        lastWebStamp = (generation, second)
        publishWebViewNow()
    }

    private func publishWebViewNow() {
        guard let webInbox else { return }
        let state = runner.state
        var rounds: [String: Int] = [:]
        for poll in state.polls where poll.status == .open { rounds[poll.id] = poll.rounds.count }
        webInbox.publish(view: Self.comparable(RoomView(of: state, for: .voter)), rounds: rounds)
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
        publishWebView(now: now)
        // Per role: nil when its view is unchanged, else the view encoded once for all of that role's clients.
        var toSend: [ClientRole: EncodedView?] = [:]
        for descriptor in Array(clients.keys) {
            guard var connection = clients[descriptor] else { continue }
            connection.tick(now: now)
            if let grant = connection.grant, RoleGate.screenInputRefusal(for: grant) == nil, let size = connection.screenSize {
                // Drawing costs milliseconds per screen: only when something may have changed, the clock's second
                // moved (the clock, countdowns, notices that expire, the form's autosave) or the heartbeat is due.
                let stamp = ScreenStamp(generation: generation, second: now.milliseconds / 1000, size: size)
                guard heartbeat || lastDrawn[descriptor] != stamp else {
                    clients[descriptor] = connection
                    continue
                }
                lastDrawn[descriptor] = stamp
                let terminalSize = TerminalSize(columns: size.columns, rows: size.rows)
                let grid: CellGrid
                if case .group(let group) = grant.role {
                    var facilitator = facilitators[descriptor] ?? HostedFacilitator(group: group)
                    // The form's autosave runs on the clock, as on a --group terminal.
                    _ = facilitator.tick(runner: runner)
                    facilitators[descriptor] = facilitator
                    grid = facilitator.render(runner.state, size: terminalSize, glyphs: connection.wantsASCII ? .ascii : glyphs)
                } else {
                    grid = ModeratorScreen.render(runner.state, size: terminalSize, glyphs: connection.wantsASCII ? .ascii : glyphs)
                }
                if heartbeat || lastScreens[descriptor] != grid {
                    lastScreens[descriptor] = grid
                    connection.sendScreen(ScreenFrameCoding.frame(of: grid))
                }
            } else if let role = connection.grant?.role {
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
        // A facilitator gone mid-typing (closed terminal, lost link): what it typed is saved.
        if var facilitator = facilitators.removeValue(forKey: descriptor) { _ = facilitator.flushDraft(runner: runner) }
        clients[descriptor] = nil
        tickets[descriptor] = nil
        lastDrawn[descriptor] = nil
        lastScreens[descriptor] = nil
        queuedInputs.removeAll { $0.source == .attached(descriptor) }
        close(descriptor)
    }
}
