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
        abstract: "Attach a voter kiosk, the projector's view, a moderator or a facilitator screen to a running workshop.",
        discussion: """
            Connects to the `plenary run FILE` of the same session through its socket (<session>.sock beside \
            the results file, or --socket PATH). --voter shows the locked voter screen. Ballots are recorded by the \
            host; a ballot shows as recorded only once the host has written it to its journal. If the host \
            stops, the kiosk shows "Reconnecting…" and comes back by itself. Ctrl-X and the moderator PIN leave.

            --audience shows the projector's view: the slot on now, its countdown (on this machine's clock), the \
            open poll's ballot count and revealed results; never notes, ballots or unrevealed results. It is not \
            locked: q or Ctrl-C leaves. It reconnects by itself like the kiosk.

            --moderator asks for the moderator PIN (checked by the host) and shows the full moderator screen, run by \
            the host at this terminal's size: every moderator screen shows the same workshop and acts on it, as tmux \
            clients share a session. D detaches it (the workshop keeps running; attach again to come back); q asks, \
            then ends the run for everyone, as on the host's own terminal.

            --group ID shows that working group's facilitator screen, run by the host: entries typed there are \
            recorded by the host at once (no results file to merge); the host refuses any change to another \
            group. q (asking first) leaves it; a field being typed is saved.

            Examples:
              plenary attach sevilla.yaml --voter
              plenary attach sevilla.yaml --audience
              plenary attach sevilla.yaml --moderator
              plenary attach sevilla.yaml --group wg1
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

    @Option(name: .long, help: ArgumentHelp("A facilitator's screen for this working group (its id in the session file): its entries are recorded by the host at once.", valueName: "id"))
    var group: String?

    @Option(name: .long, help: ArgumentHelp("The host's socket (default: <session>.sock beside the session file).", valueName: "path"),
            completion: .file())
    var socket: String?

    @Option(name: .customLong("pin-hash"), help: ArgumentHelp("The moderator PIN's hash, as `plenary pin` prints it (overrides voter_pin).", valueName: "hash"))
    var pinHash: String?

    @Flag(name: .long, help: "Draw with ASCII only (for terminals without Unicode fonts).")
    var ascii = false

    func run() throws {
        let screens = [voter ? "--voter" : nil, audience ? "--audience" : nil, moderator ? "--moderator" : nil,
                       group == nil ? nil : "--group"].compactMap { $0 }
        if screens.count > 1 {
            throw UsageError.report("\(screens.joined(separator: " and ")) cannot be combined: attach one screen per terminal", for: Self.self)
        }
        guard !screens.isEmpty else {
            throw UsageError.report("say which screen to attach: --voter, --audience, --moderator or --group ID", for: Self.self)
        }
        SignalTrap.install(suspend: .ignore)
        let (session, sessionPath) = try SessionLoading.load(file)
        let path = socket ?? ListeningSocket.defaultPath(forResults: WorkshopFiles(sessionPath: sessionPath).resultsPath)
        if audience { return try runAudience(socketPath: path) }
        if moderator { return try runHostedScreen(socketPath: path, role: .moderator) }
        if let group {
            guard session.groups.contains(where: { $0.id == group }) else {
                let known = session.groups.map(\.id).joined(separator: ", ")
                throw UsageError.report("no working group \"\(group)\" in this session\(known.isEmpty ? "" : " (groups: \(known))")", for: Self.self)
            }
            return try runHostedScreen(socketPath: path, role: .group(group))
        }
        let given = try pinHash.map { try PINHashOption.parse($0, for: Self.self).hash }
        guard let pin = given ?? session.voterPIN.flatMap({ try? SecretHash.parse($0).get() }) else {
            throw UsageError.report("--voter needs the moderator PIN to leave the kiosk: add voter_pin to the session file or pass --pin-hash (make one with `plenary pin`)", for: Self.self)
        }
        let terminal = try ScreenOpening.terminal(rawMode: true)
        let kiosk = AttachedKiosk(socketPath: path, terminal: terminal, inputDescriptor: STDIN_FILENO, clock: SystemClock(),
                                  glyphs: ScreenOpening.glyphs(ascii: ascii), checkPIN: { pin.matches($0) })
        let signal = kiosk.run(pendingSignal: SignalTrap.pendingSignal)
        terminal.restore()
        if let signal { throw ExitCode(SignalTrap.exitCode(for: signal)) }
    }

    /// A moderator screen (the host checks the PIN) or a facilitator's group screen: the host runs and draws it; this
    /// terminal shows it and sends its keys.
    private func runHostedScreen(socketPath path: String, role: ClientRole) throws {
        let terminal = try ScreenOpening.terminal(rawMode: true)
        let screen = AttachedHostScreen(socketPath: path, role: role, terminal: terminal, inputDescriptor: STDIN_FILENO,
                                        clock: SystemClock(), glyphs: ScreenOpening.glyphs(ascii: ascii))
        let exit = screen.run(pendingSignal: SignalTrap.pendingSignal)
        terminal.restore()
        switch exit {
        case .left(let message): if let message { print(message) }
        case .refused(let message):
            StandardError.write("plenary: \(message)")
            throw ExitCode(1)
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
