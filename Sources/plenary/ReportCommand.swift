import ArgumentParser
import PlenaryReports

extension ReportFormat: ExpressibleByArgument {}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Turn a results file into a report: agenda timing, every poll, every working group's entries.",
        discussion: """
            The report has the workshop's header; the agenda with planned and actual times and overruns; every \
            poll with its question, type, ballots and results as bar charts (every round; word lists for open \
            text, average scores for rankings, points for allocations, mean, median and distribution for \
            scales); every working group's entries by template; the shortlist from prioritisation polls, with \
            each entry's group; and a timing summary.

            Reads results files of every version Plenary has written.

            Examples:
              plenary report sevilla.results.json                # Markdown
              plenary report sevilla.results.json --format text  # for the terminal
              plenary report sevilla.results.json --format html --output sevilla.html
            """
    )

    @Argument(help: "The results file (<session>.results.json).", completion: .file(extensions: ["json"]))
    var results: String

    @Option(name: .long, help: "markdown, text (plain, for a terminal) or html (one self-contained page).")
    var format: ReportFormat = .markdown

    @Option(name: .long, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "path"),
            completion: .file())
    var output: String?

    @Option(name: .long, help: "Columns for --format text (default: the terminal's width, or 80).")
    var width: Int?

    func validate() throws {
        if let width, width < PlainTextReport.minimumWidth {
            throw ValidationError("--width must be at least \(PlainTextReport.minimumWidth)")
        }
    }

    func run() throws {
        let snapshot = try ResultsInput.load(results)
        let text = format.render(snapshot, width: width ?? (output == nil ? ResultsInput.terminalColumns : 80))
        if let output {
            try ResultsInput.write(Array(text.utf8), to: output)
            StandardError.write("Report written to \(output)")
        } else {
            print(text, terminator: "")
        }
    }
}
