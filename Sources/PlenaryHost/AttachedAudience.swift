#if canImport(Glibc)
import Glibc
#endif
import PlenaryEngine
import PlenaryStorage
import PlenaryProtocol
import PlenaryUI

/// The loop of `plenary attach --audience`: draws `AudienceScreen` from the audience's `RoomView`, at least once a
/// second (the countdown runs on this machine's clock) and on resize; `HostLink` connects and reconnects.
/// Not locked: q or Ctrl-C leaves.
public final class AttachedAudience {
    private let terminal: any TerminalDriver
    private let inputDescriptor: Int32
    private let clock: any Clock
    private let glyphs: Glyphs
    private let link: HostLink
    private var view: RoomView?
    /// Why the link is down; nil while connected (or before the first attempt).
    private var lostReason: String?

    public init(socketPath: String, terminal: any TerminalDriver, inputDescriptor: Int32, clock: any Clock, glyphs: Glyphs) {
        self.terminal = terminal
        self.inputDescriptor = inputDescriptor
        self.clock = clock
        self.glyphs = glyphs
        link = HostLink(socketPath: socketPath, role: .audience, clock: clock)
    }

    /// Runs until q or Ctrl-C (nil) or a terminating signal arrives (the signal).
    public func run(pendingSignal: () -> Int32?) -> Int32? {
        defer { link.close() }
        while true {
            apply(link.tick())
            let now = clock.now()
            if lostReason == nil, let view {
                terminal.draw(AudienceScreen.render(view, now: now, size: terminal.size, glyphs: glyphs))
            } else {
                terminal.draw(AudienceLinkScreen.render(reconnecting: lostReason, size: terminal.size, glyphs: glyphs))
            }
            if let signal = pendingSignal() { return signal }
            if let key = terminal.readKey(timeoutMilliseconds: 0) {
                if key == .character("q") || key == .character("Q") || key == .control("c") { return nil }
                continue
            }
            // Wake at the next whole second so the countdown ticks evenly.
            let untilNextSecond = 1000 - (now.milliseconds % 1000 + 1000) % 1000
            // The terminal's wake pipe: a resize or signal just before poll still wakes it.
            var descriptors = [pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: terminal.wakeDescriptor, events: Int16(POLLIN), revents: 0)]
            if let entry = link.pollEntry { descriptors.append(entry) }
            guard poll(&descriptors, nfds_t(descriptors.count), Int32(link.pollTimeout(limit: untilNextSecond))) > 0 else { continue }
            if descriptors.count > 2, descriptors[2].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 { apply(link.readFromHost()) }
        }
    }

    private func apply(_ events: [HostLink.Event]) {
        for event in events {
            switch event {
            case .connected: break
            case .lost(let reason), .refused(let reason): lostReason = reason
            case .message(.welcome): lostReason = nil
            case .message(.view(let fresh)):
                view = fresh
                lostReason = nil
            case .message(.stopping(let reason, _)): lostReason = reason
            case .message: break
            }
        }
    }
}
