#if canImport(Glibc)
import Glibc
#endif
import PlenaryEngine
import PlenaryStorage
import PlenaryProtocol
import PlenaryUI

/// The loop of `plenary attach --voter`: one `poll(2)` over the keyboard and the host's socket; `HostLink` connects
/// and reconnects.
public final class AttachedKiosk {
    private let terminal: any TerminalDriver
    private let inputDescriptor: Int32
    private let glyphs: Glyphs
    private let checkPIN: (String) -> Bool
    private var kiosk = KioskState()
    private let link: HostLink

    public init(socketPath: String, terminal: any TerminalDriver, inputDescriptor: Int32, clock: any Clock,
                glyphs: Glyphs, checkPIN: @escaping (String) -> Bool) {
        self.terminal = terminal
        self.inputDescriptor = inputDescriptor
        self.glyphs = glyphs
        self.checkPIN = checkPIN
        link = HostLink(socketPath: socketPath, role: .voter, clock: clock)
    }

    /// Runs until the moderator PIN is typed (nil) or a terminating signal arrives (the signal).
    public func run(pendingSignal: () -> Int32?) -> Int32? {
        terminal.setRawInput(true)
        defer { link.close() }
        while true {
            apply(link.tick())
            terminal.draw(KioskScreen.render(kiosk, size: terminal.size, glyphs: glyphs))
            if let signal = pendingSignal() { return signal }
            if let key = terminal.readKey(timeoutMilliseconds: 0) {
                if handle(key) { return nil }
                continue
            }
            // The terminal's wake pipe: a resize or signal just before poll still wakes it.
            var descriptors = [pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: terminal.wakeDescriptor, events: Int16(POLLIN), revents: 0)]
            if let entry = link.pollEntry { descriptors.append(entry) }
            guard poll(&descriptors, nfds_t(descriptors.count), Int32(link.pollTimeout(limit: 1000))) > 0 else { continue }
            if descriptors.count > 2, descriptors[2].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 { apply(link.readFromHost()) }
        }
    }

    /// True when the kiosk should close.
    private func handle(_ key: KeyEvent) -> Bool {
        kiosk.boardPageRows = KioskScreen.boardPageRows(for: terminal.size)
        var outputs = kiosk.handle(key)
        while !outputs.isEmpty {
            switch outputs.removeFirst() {
            case .send(let id, let request): apply(link.send(.request(id: id, request)))
            case .nextParticipant(let id): apply(link.send(.nextParticipant(id: id)))
            case .checkPIN(let pin):
                terminal.draw(KioskScreen.render(kiosk, size: terminal.size, glyphs: glyphs))
                outputs += kiosk.pinChecked(matches: checkPIN(pin))
                terminal.discardPendingInput()
            case .leave: return true
            }
        }
        return false
    }

    private func apply(_ events: [HostLink.Event]) {
        for event in events {
            switch event {
            case .connected: kiosk.connected()
            case .lost(let reason), .refused(let reason): kiosk.disconnected(reason: reason)
            case .message(let message):
                switch message {
                case .welcome(let welcome): kiosk.received(.welcome(recordID: welcome.recordID))
                case .view(let view): kiosk.received(.view(view))
                case .acknowledged(let id): kiosk.received(.acknowledged(id: id))
                case .refusal(let id, let text): kiosk.received(.refusal(id: id, message: text))
                case .codeRefusal(let id, let text): kiosk.received(.codeRefusal(id: id, message: text))
                case .stopping(let reason, let reconnect): kiosk.received(.stopping(reason: reason, reconnect: reconnect))
                case .refused, .protocolError, .screen: break
                }
            }
        }
    }
}
