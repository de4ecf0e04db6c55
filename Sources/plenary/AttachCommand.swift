import ArgumentParser
import Glibc
import PlenaryEngine
import PlenaryStorage
import PlenaryCurses
import PlenaryHost
import PlenaryUI

struct AttachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach",
        abstract: "Attach a voter kiosk, the projector's audience view or a moderator screen to a running workshop.",
        discussion: """
            Connects to the `plenary run FILE` of the same session through its socket (<session>.sock beside \
            the results file, or --socket PATH). --voter shows the locked voter screen. Ballots are recorded by the \
            host; a ballot shows as recorded only once the host has written it to its journal. If the host \
            stops, the kiosk shows "Reconnecting…" and comes back by itself. Ctrl-X and the moderator PIN leave.

            --audience shows the projector's view: the slot on now, its countdown (on this machine's clock), the \
            open poll's ballot count and revealed results; never notes, ballots or unrevealed results. It is not \
            locked: q or Ctrl-C leaves. It reconnects by itself like the kiosk.

            Examples:
              plenary attach sevilla.yaml --voter
              plenary attach sevilla.yaml --audience
              plenary attach sevilla.yaml --moderator
              plenary attach sevilla.yaml --voter --socket /run/plenary/sevilla.sock
            """
    )

    @Argument(help: "Session file (YAML) of the running workshop.", completion: .file(extensions: ["yaml", "yml"]))
    var file: String

    @Flag(name: .long, help: "A locked voter kiosk.")
    var voter = false

    @Flag(name: .long, help: "The projector's audience view (not locked: q leaves).")
    var audience = false

    @Flag(name: .long, help: "A moderator screen (asks for the moderator PIN; D detaches it).")
    var moderator = false

    @Option(name: .long, help: ArgumentHelp("The host's socket (default: <session>.sock beside the session file).", valueName: "path"),
            completion: .file())
    var socket: String?

    @Option(name: .customLong("pin-hash"), help: ArgumentHelp("The moderator PIN's hash, as `plenary pin` prints it (overrides voter_pin).", valueName: "hash"))
    var pinHash: String?

    @Flag(name: .long, help: "Draw with ASCII only (for terminals without Unicode fonts).")
    var ascii = false

    func run() throws {
        let screens = [voter ? "--voter" : nil, audience ? "--audience" : nil, moderator ? "--moderator" : nil].compactMap { $0 }
        if screens.count > 1 {
            throw UsageError.report("\(screens.joined(separator: " and ")) cannot be combined: attach one screen per terminal", for: Self.self)
        }
        guard !screens.isEmpty else { throw UsageError.report("say which screen to attach: --voter, --audience or --moderator", for: Self.self) }
        SignalTrap.install(suspend: .ignore)
        let (session, sessionPath) = try SessionLoading.load(file)
        let path = socket ?? ListeningSocket.defaultPath(forResults: WorkshopFiles(sessionPath: sessionPath).resultsPath)
        if audience { return try runAudience(socketPath: path) }
        if moderator { return try runModerator(socketPath: path) }
        guard let pinText = pinHash ?? session.voterPIN, case .success(let pin) = SecretHash.parse(pinText) else {
            throw UsageError.report("--voter needs the moderator PIN to leave the kiosk: add voter_pin to the session file or pass --pin-hash (make one with `plenary pin`)", for: Self.self)
        }
        let terminal = try ScreenOpening.terminal(rawMode: true)
        let kiosk = AttachedKiosk(socketPath: path, terminal: terminal, inputDescriptor: STDIN_FILENO, clock: SystemClock(),
                                  glyphs: ScreenOpening.glyphs(ascii: ascii), checkPIN: { pin.matches($0) })
        let signal = kiosk.run(pendingSignal: SignalTrap.pendingSignal)
        terminal.restore()
        if let signal { throw ExitCode(SignalTrap.exitCode(for: signal)) }
    }

    /// A moderator screen: the host checks the PIN and draws the screen; this terminal shows it and sends its keys.
    private func runModerator(socketPath path: String) throws {
        let terminal = try ScreenOpening.terminal(rawMode: true)
        let screen = AttachedModerator(socketPath: path, terminal: terminal, inputDescriptor: STDIN_FILENO, clock: SystemClock(),
                                       glyphs: ScreenOpening.glyphs(ascii: ascii))
        let exit = screen.run(pendingSignal: SignalTrap.pendingSignal)
        terminal.restore()
        switch exit {
        case .left(let message): if let message { print(message) }
        case .signal(let signal): throw ExitCode(SignalTrap.exitCode(for: signal))
        }
    }

    /// The audience view: no PIN, no raw mode, so Ctrl-C arrives as a signal and leaves like q.
    private func runAudience(socketPath path: String) throws {
        let terminal = try ScreenOpening.terminal(rawMode: false)
        let screen = AttachedAudience(socketPath: path, terminal: terminal, inputDescriptor: STDIN_FILENO, clock: SystemClock(),
                                      glyphs: ScreenOpening.glyphs(ascii: ascii))
        let signal = screen.run(pendingSignal: SignalTrap.pendingSignal)
        terminal.restore()
        if let signal, signal != SIGINT { throw ExitCode(SignalTrap.exitCode(for: signal)) }
    }
}
