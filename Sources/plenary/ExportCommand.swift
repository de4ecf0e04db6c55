import ArgumentParser
import Glibc
import PlenaryReports

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a results file's polls and working-group entries as CSV tables for a spreadsheet.",
        discussion: """
            Writes into the folder (made if missing; files of the same names are replaced):
              polls.csv            a row per poll round: question, type, ballots, hands...
              poll-<id>.csv        a row per option (or scale value), columns per round;
                                   open text: a row per answer
              poll-<id>-words.csv  open text's word list, a count per round
              template-<id>.csv    a row per working-group entry: group, entry, order,
                                   author, created, edited, then each field (list
                                   items on separate lines in one cell)

            Files are UTF-8 with a byte-order mark and CR LF line ends (RFC 4180), so Excel and LibreOffice \
            open them with accents intact. Cells that a spreadsheet would run as a formula start with an \
            apostrophe.

            Example:
              plenary export sevilla.results.json --csv sevilla-csv
            """
    )

    @Argument(help: "The results file (<session>.results.json).", completion: .file(extensions: ["json"]))
    var results: String

    @Option(name: .long, help: ArgumentHelp("Folder to write the CSV files into.", valueName: "folder"), completion: .directory)
    var csv: String

    func run() throws {
        let snapshot = try ResultsInput.load(results)
        if mkdir(csv, 0o755) != 0 && errno != EEXIST {
            StandardError.write("plenary: cannot make the folder \(csv): \(String(cString: strerror(errno)))")
            throw ExitCode(1)
        }
        let tables = ResultsCSV.tables(for: snapshot)
        for (name, table) in tables {
            try ResultsInput.write(table.encoded(), to: csv + "/" + name)
        }
        print("\(tables.count) CSV file\(tables.count == 1 ? "" : "s") written to \(csv)/:")
        for (name, table) in tables { print("  \(name) (\(table.rows.count) row\(table.rows.count == 1 ? "" : "s"))") }
    }
}
