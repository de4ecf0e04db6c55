import ArgumentParser
import Glibc
import PlenaryEngine
import PlenaryStorage

@main
struct Plenary: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "plenary",
        abstract: "Run live workshops from one laptop, offline: agenda, timer, polls and working groups.",
        discussion: """
            Every action is written to a journal on disk before it shows on screen, and a results \
            file (JSON) is kept up to date next to the session file.

            A workshop from start to finish:
              plenary new sevilla.yaml --title "Regional workshop" --start 12:00
              plenary validate sevilla.yaml
              plenary run sevilla.yaml          # ? on the screen lists every key
              plenary report sevilla.results.json --format html --output sevilla.html
              plenary export sevilla.results.json --csv sevilla-csv

            Without a file, `plenary run` starts a four-minute demo of every feature. Formats: \
            docs/session-format.md (session files), docs/results.schema.json (results files).
            """,
        version: version,
        subcommands: [RunCommand.self, AttachCommand.self, SSHSetupCommand.self, ValidateCommand.self, MergeCommand.self, CodesCommand.self, PinCommand.self, NewCommand.self,
                      ReportCommand.self, ExportCommand.self],
        defaultSubcommand: nil
    )

    static func main() {
        // Local times come from the system's zone files, not ICU (decision 104).
        let database = SystemZoneDatabase(folder: SystemZoneDatabase.folder(tzdir: getenv("TZDIR").map { String(cString: $0) }))
        ZoneRules.useDatabase(database.read)
        let arguments = Array(CommandLine.arguments.dropFirst())
        // `plenary run FILE` alone, how a workshop starts, needs no parsing: nothing to check, every option at its
        // default (decision 105). Any other `plenary run …` is parsed by its own command: the root's tree costs about
        // half a millisecond of a start (decision 104). Anything `run` alone does not accept (help, a mistake, an
        // option of the root) goes through the whole tree, which gives the usual answer.
        // `??` reads its right side only when the left is nil: the plain start never meets ArgumentParser.
        if let launch = WorkshopLaunch.plain(arguments)
            ?? (arguments.first == "run" ? (try? RunCommand.parse(Array(arguments.dropFirst())))?.launch : nil) {
            do {
                try launch.run()
            } catch {
                exit(withError: error)
            }
            return
        }
        main(nil)
    }
}
