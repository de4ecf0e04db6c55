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
        abstract: "Attach a voter kiosk to a running workshop.",
        discussion: """
            Connects to the `plenary run FILE` of the same session through its socket (<session>.sock beside \
            the results file, or --socket PATH) and shows the locked voter screen. Ballots are recorded by the \
            host; a ballot shows as recorded only once the host has written it to its journal. If the host \
            stops, the kiosk shows "Reconnecting…" and comes back by itself. Ctrl-X and the moderator PIN leave.

            Examples:
              plenary attach sevilla.yaml --voter
              plenary attach sevilla.yaml --voter --socket /run/plenary/sevilla.sock
            """
    )

    @Argument(help: "Session file (YAML) of the running workshop.", completion: .file(extensions: ["yaml", "yml"]))
    var file: String

    @Flag(name: .long, help: "A voter kiosk (the only role so far).")
    var voter = false

    @Option(name: .long, help: ArgumentHelp("The host's socket (default: <session>.sock beside the session file).", valueName: "path"),
            completion: .file())
    var socket: String?

    @Option(name: .customLong("pin-hash"), help: ArgumentHelp("The moderator PIN's hash, as `plenary pin` prints it (overrides voter_pin).", valueName: "hash"))
    var pinHash: String?

    @Flag(name: .long, help: "Draw with ASCII only (for terminals without Unicode fonts).")
    var ascii = false

    func run() throws {
        guard voter else { throw UsageError.report("say which screen to attach: --voter", for: Self.self) }
        SignalTrap.install(suspend: .ignore)
        let (session, sessionPath) = try SessionLoading.load(file)
        guard let pinText = pinHash ?? session.voterPIN, case .success(let pin) = SecretHash.parse(pinText) else {
            throw UsageError.report("--voter needs the moderator PIN to leave the kiosk: add voter_pin to the session file or pass --pin-hash (make one with `plenary pin`)", for: Self.self)
        }
        let path = socket ?? ListeningSocket.defaultPath(forResults: WorkshopFiles(sessionPath: sessionPath).resultsPath)
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.open(noColor: CursesTerminal.noColorRequested(environment: Environment.current), rawMode: true)
        } catch {
            StandardError.write("\(error)")
            throw ExitCode(1)
        }
        let glyphs: Glyphs = ascii || !Environment.localeIsUTF8 ? .ascii : .unicode
        let kiosk = AttachedKiosk(socketPath: path, terminal: terminal, inputDescriptor: STDIN_FILENO, clock: SystemClock(),
                                  glyphs: glyphs, checkPIN: { pin.matches($0) })
        let signal = kiosk.run(pendingSignal: SignalTrap.pendingSignal)
        terminal.restore()
        if let signal { throw ExitCode(SignalTrap.exitCode(for: signal)) }
    }
}
