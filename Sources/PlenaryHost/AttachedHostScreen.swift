#if canImport(Glibc)
import Glibc
#endif
import PlenaryEngine
import PlenaryStorage
import PlenaryProtocol
import PlenaryUI

/// The loop of `plenary attach --moderator` and `--group ID` (decisions 66 and 67): a screen the host runs and draws
/// for this terminal. It shows the frames the host sends and sends it every key and resize; the host runs the
/// moderator screen (the same `ModeratorApp` and key map as its own terminal) or the facilitator's group screen, so
/// this loop holds no workshop state. A moderator screen first asks for the PIN; `HostLink` reconnects with it, and
/// a refused PIN asks again.
public final class AttachedHostScreen {
    public enum Exit: Equatable {
        /// Left: Esc at the PIN, q while the host is away, or the host's word (detached, workshop ended).
        case left(message: String?)
        /// The host will not have this screen (no such group, not this account): asking again would not change it.
        case refused(message: String)
        case signal(Int32)
    }

    private let socketPath: String
    private let role: ClientRole
    private let terminal: any TerminalDriver
    private let inputDescriptor: Int32
    private let clock: any Clock
    private let glyphs: Glyphs
    private var link: HostLink?
    private var typedPIN = ""
    private var refusal: String?
    private var frame: ScreenFrame?
    /// Why the link is down; nil while welcomed.
    private var lostReason: String?
    private var welcomed = false
    private var exit: Exit?

    /// - Parameter role: `.moderator` (asks for the PIN first) or `.group(id)`.
    public init(socketPath: String, role: ClientRole, terminal: any TerminalDriver, inputDescriptor: Int32, clock: any Clock, glyphs: Glyphs) {
        self.socketPath = socketPath
        self.role = role
        self.terminal = terminal
        self.inputDescriptor = inputDescriptor
        self.clock = clock
        self.glyphs = glyphs
    }

    public func run(pendingSignal: () -> Int32?) -> Exit {
        // Every key goes to the host's moderator screen, Ctrl-C and Ctrl-Z included (raw mode), as on its own terminal
        // in the entry form; D detaches, q asks to end the run.
        terminal.setRawInput(true)
        defer { link?.close() }
        if role != .moderator { connect(pin: nil) }
        while true {
            if let link { apply(link.tick()) }
            if let exit { return exit }
            draw()
            if let signal = pendingSignal() { return .signal(signal) }
            if let key = terminal.readKey(timeoutMilliseconds: 0) {
                handle(key)
                if let exit { return exit }
                continue
            }
            // The terminal's wake pipe: a resize or signal just before poll still wakes it.
            var descriptors = [pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: terminal.wakeDescriptor, events: Int16(POLLIN), revents: 0)]
            if let entry = link?.pollEntry { descriptors.append(entry) }
            let timeout = link?.pollTimeout(limit: 1000) ?? 1000
            guard poll(&descriptors, nfds_t(descriptors.count), Int32(timeout)) > 0 else { continue }
            if descriptors.count > 2, descriptors[2].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0, let link {
                apply(link.readFromHost())
            }
        }
    }

    private var screenSize: ScreenSize {
        ScreenSize(columns: terminal.size.columns, rows: terminal.size.rows)
    }

    private func draw() {
        if link == nil {
            terminal.draw(ModeratorPINPrompt.render(typedCount: typedPIN.count, refusal: refusal, size: terminal.size, glyphs: glyphs))
        } else if welcomed, lostReason == nil, let frame, let grid = ScreenFrameCoding.grid(from: frame, size: terminal.size) {
            terminal.draw(grid)
        } else {
            terminal.draw(AudienceLinkScreen.render(reconnecting: lostReason, size: terminal.size, glyphs: glyphs))
        }
    }

    private func handle(_ key: KeyEvent) {
        guard let link else { return typePIN(key) }
        if key == .resize {
            link.screenSize = screenSize
            if welcomed { apply(link.send(.screen(.resize(screenSize)))) }
            return
        }
        if welcomed, lostReason == nil {
            apply(link.send(.screen(.key(RemoteKey.encode(key)))))
        } else if key == .character("q") || key == .control("c") || key == .escape {
            // The host is away: this screen can only wait, or leave.
            exit = .left(message: nil)
        }
    }

    private func typePIN(_ key: KeyEvent) {
        switch key {
        case .character(let character) where typedPIN.count < SecretHash.pinMaximumLength:
            typedPIN.append(character)
        case .backspace:
            if !typedPIN.isEmpty { typedPIN.removeLast() }
        case .enter where !typedPIN.isEmpty:
            connect(pin: typedPIN)
            typedPIN = ""
        case .escape, .control("c"), .control("d"):
            exit = .left(message: nil)
        default:
            break
        }
    }

    private func connect(pin: String?) {
        refusal = nil
        welcomed = false
        lostReason = nil
        frame = nil
        link = HostLink(socketPath: socketPath, role: role, clock: clock, pin: pin, screenSize: screenSize, ascii: glyphs == .ascii)
    }

    private func apply(_ events: [HostLink.Event]) {
        for event in events {
            switch event {
            case .connected:
                welcomed = false
            case .lost(let reason):
                welcomed = false
                lostReason = reason
            case .refused(let reason):
                link?.close()
                frame = nil
                guard role == .moderator, !ClientAdmission.finalRefusals.contains(reason) else {
                    // An unknown group or another account: asking again would not change the answer.
                    exit = .refused(message: reason)
                    break
                }
                // A wrong PIN is not retried by itself: ask again.
                link = nil
                refusal = reason
            case .message(.welcome):
                welcomed = true
                lostReason = nil
            case .message(.screen(let fresh)):
                frame = fresh
            case .message(.stopping(let reason, let reconnect)):
                if reconnect {
                    welcomed = false
                    lostReason = reason
                } else {
                    exit = .left(message: reason)
                }
            case .message:
                break
            }
        }
    }
}
