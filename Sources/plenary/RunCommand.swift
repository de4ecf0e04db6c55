import ArgumentParser
import PlenaryEngine
import PlenaryStorage
import PlenaryHost

struct RunCommand: ParsableCommand {
    /// `_superCommandName` (ArgumentParser's, experimental) marks `run` as a command of `plenary`'s when it is
    /// parsed alone (`Plenary.main`'s fast path): ArgumentParser then skips its check for a completion-script
    /// request, which reflected two more commands on every start (decision 105). A request for one fails `run`'s
    /// parse and goes through the whole tree, which answers it. In the tree the root's name is the one used.
    static let configuration = CommandConfiguration(
        commandName: "run",
        _superCommandName: "plenary",
        abstract: "Run a workshop on the moderator screen.",
        discussion: """
            Without a file, runs the built-in demo session. Results go to <session>.results.json next to \
            the session file and every action to <session>.journal.jsonl; running the same command again \
            resumes exactly where it stopped, after a quit or a crash.

            Examples:
              plenary run                          # the built-in demo
              plenary run sevilla.yaml             # the moderator screen
              plenary run sevilla.yaml --group wg1 # a facilitator's laptop
              plenary run sevilla.yaml --voter     # a locked voter terminal
              plenary run sevilla.yaml --fresh     # start over, keep the old record
              plenary run sevilla.yaml --results /media/usb/sevilla.results.json
              plenary run sevilla.yaml --rehearse  # a rehearsal, from the planned start
              plenary run sevilla.yaml --rehearse 14:00 --speed 10

            A rehearsal (--rehearse) runs the agenda on its own clock, from the agenda's planned start today (or \
            HH:MM), at real speed or up to 60 times faster (--speed). Its files are <session>.rehearsal.results.json \
            and .rehearsal.journal.jsonl: the real record is never touched. Running it again with --rehearse \
            continues the rehearsal; --rehearse --fresh starts it over. A rehearsal hosts no attached terminals.

            The moderator screen is also the room's host: voter kiosks attach to it with \
            `plenary attach FILE --voter` through a Unix socket beside the results file \
            (<session>.sock, or --socket PATH). The socket is yours alone (mode 0600); --allow-group NAME \
            lets the members of group NAME attach too (mode 0660), for participants who vote over SSH through a \
            `vote` account (see `plenary ssh-setup`).
            """
    )

    @Argument(help: "Session file (YAML). Omit to run the built-in demo.", completion: .file(extensions: ["yaml", "yml"]))
    var file: String?

    @Argument(help: ArgumentHelp("With --rehearse: the time of day (HH:MM, today) the rehearsal's clock starts at, instead of the agenda's planned start.", valueName: "HH:MM"))
    var rehearsalStart: String?

    @Flag(name: .long, help: "Rehearse: run the agenda on a clock that starts at its planned start today, with files of its own (<session>.rehearsal.*) that never touch the real record.")
    var rehearse = false

    @Option(name: .long, help: ArgumentHelp("With --rehearse: rehearsal minutes per real minute, 1 to 60 (default 1).", valueName: "N"))
    var speed: Int?

    @Option(name: .long, help: ArgumentHelp("Where to write the results JSON (the journal goes next to it).", valueName: "path"),
            completion: .file(extensions: ["json"]))
    var results: String?

    @Flag(name: .long, help: "Start over: keep the previous journal, results and exported report and CSV files under a dated name (local time).")
    var fresh = false

    @Flag(name: .customLong("no-color"), help: "No colours (also when NO_COLOR is set).")
    var noColor = false

    @Flag(name: .long, help: "Draw with ASCII only (for terminals without Unicode fonts).")
    var ascii = false

    @Flag(name: .long, help: "Start on the locked voter screen (needs a PIN: voter_pin in the session file, or --pin-hash).")
    var voter = false

    @Option(name: .long, help: ArgumentHelp("Start as this working group's facilitator terminal (its id in the session file). Its files are <session>.<group>.results.json and .journal.jsonl unless --results says otherwise.", valueName: "id"))
    var group: String?

    @Option(name: .customLong("pin-hash"), help: ArgumentHelp("The moderator PIN's hash, as `plenary pin` prints it (overrides voter_pin).", valueName: "hash"))
    var pinHash: String?

    @Option(name: .long, help: ArgumentHelp("Where the host listens for attached terminals (default: <session>.sock beside the results file). Not with --voter or --group.", valueName: "path"),
            completion: .file())
    var socket: String?

    @Option(name: .long, help: ArgumentHelp("Serve the phones' voting page on the local network at [ADDRESS:]PORT (e.g. 8080, or 127.0.0.1:8080 for this machine only). The screen shows its address, room code and QR code.", valueName: "[address:]port"))
    var web: String?

    @Option(name: .customLong("allow-group"), help: ArgumentHelp("Let members of this group attach too (the socket becomes mode 0660, group NAME), e.g. the account participants log into with ssh. You must be a member; the socket's folder must let the group in but not write. See `plenary ssh-setup`.", valueName: "name"))
    var allowGroup: String?

    mutating func validate() throws {
        // `plenary run --rehearse 08:30` runs the demo: the time lands where the file would.
        if rehearse, rehearsalStart == nil, let file, RehearsalClock.minuteOfDay(file) != nil {
            rehearsalStart = file
            self.file = nil
        }
        if let rehearsalStart {
            guard rehearse else {
                throw ValidationError("\(rehearsalStart): a second argument is only a rehearsal's start time (plenary run FILE --rehearse HH:MM)")
            }
            guard RehearsalClock.minuteOfDay(rehearsalStart) != nil else {
                throw ValidationError("--rehearse: \(rehearsalStart) is not a time of day; give it as HH:MM, e.g. 08:30")
            }
        }
        if let speed {
            guard rehearse else { throw ValidationError("--speed is only for a rehearsal: add --rehearse") }
            guard RehearsalClock.speeds.contains(speed) else {
                throw ValidationError("--speed must be a whole number from \(RehearsalClock.speeds.lowerBound) to \(RehearsalClock.speeds.upperBound), not \(speed)")
            }
        }
        if !rehearse, let results, WorkshopFiles.rehearsalName(results) == results {
            throw ValidationError("--results \(results) is a rehearsal's file: add --rehearse, so the real workshop is never recorded in it")
        }
        if let web {
            if case .failure(let problem) = WebListenAddress.parse(web) { throw ValidationError("--web \(problem)") }
            if voter || group != nil || rehearse {
                throw ValidationError("--web is for the moderator's host: not with --voter, --group or --rehearse")
            }
        }
        if rehearse, socket != nil || allowGroup != nil {
            throw ValidationError("--\(socket != nil ? "socket" : "allow-group") is not for a rehearsal: a rehearsal hosts no attached terminals")
        }
    }

    /// The workshop these arguments ask for.
    var launch: WorkshopLaunch {
        WorkshopLaunch(file: file, rehearsalStart: rehearsalStart, rehearse: rehearse, speed: speed, results: results,
                       fresh: fresh, noColor: noColor, ascii: ascii, voter: voter, group: group, pinHash: pinHash,
                       socket: socket, web: web, allowGroup: allowGroup)
    }

    func run() throws {
        try launch.run()
    }
}
