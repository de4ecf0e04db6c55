import ArgumentParser
import Glibc
import PlenaryEngine
import PlenarySessionFile
import PlenaryStorage

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new, commented session file to fill in.",
        discussion: """
            The file has a valid agenda of --slots slots (welcome first, wrap-up last, a working-groups slot \
            when templates are chosen), a sample scale and open-text poll, two working groups using the chosen \
            capture templates, and comments on every key. It always passes `plenary validate`. An existing file \
            is never overwritten.

            Run in a terminal without --title, it asks a few questions instead (Enter keeps the default shown).

            Templates: action-concept, swot, challenge, key-message, free-notes.

            Examples:
              plenary new sevilla.yaml --title "Cluster-Led Action" --date 2025-03-11 \\
                --timezone Europe/Madrid --start 12:00 --slots 6 \\
                --template action-concept --template swot
              plenary new rehearsal.yaml      # asks for title, date, start...
            """
    )

    @Argument(help: "Where to write the session file (.yaml). Must not exist yet.", completion: .file(extensions: ["yaml", "yml"]))
    var path: String

    @Option(name: .long, help: "The workshop's title (one line).")
    var title: String?

    @Option(name: .long, help: ArgumentHelp("The day the agenda is for.", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("IANA time zone the agenda times are in, e.g. Europe/Madrid.", valueName: "zone"))
    var timezone = "UTC"

    @Option(name: .long, help: "Where it takes place (one line).")
    var venue: String?

    @Option(name: .long, help: ArgumentHelp("Start time of the first slot; without it the agenda floats.", valueName: "HH:MM"))
    var start: String?

    @Option(name: .long, help: "Number of agenda slots (1 to 40).")
    var slots = 4

    @Option(name: .customLong("slot-minutes"), help: "Length of each slot in minutes.")
    var slotMinutes = 30

    @Option(name: .customLong("template"), parsing: .singleValue,
            help: ArgumentHelp("A capture template for working groups (repeat for several).", valueName: "id"),
            completion: .list(SessionScaffold.templateIDs))
    var templates: [String] = []

    @Flag(name: .customLong("no-poll"), help: "Leave out the sample polls.")
    var noPoll = false

    func run() throws {
        var scaffold = SessionScaffold(title: title ?? "New workshop", date: date, timeZone: timezone, venue: venue, start: start,
                                       slots: slots, slotMinutes: slotMinutes, templates: templates, samplePoll: !noPoll)
        if title == nil && isatty(0) == 1 && isatty(1) == 1 { interview(&scaffold) }
        let problems = scaffold.problems
        guard problems.isEmpty else { throw UsageError.report(problems.joined(separator: "; "), for: Self.self) }
        let text = scaffold.yaml()
        // The file must be one `plenary validate` accepts: a bad date, time or zone is reported against the options.
        let session: Session
        switch SessionFile.parse(yaml: text, file: path) {
        case .success(let value): session = value
        case .failure(let errors):
            for error in errors.errors { StandardError.write("plenary: \(error.path.isEmpty ? "" : error.path + ": ")\(error.message)") }
            StandardError.write("Nothing was written.")
            throw ExitCode(1)
        }
        try Self.create(path, with: Array(text.utf8))
        print("Wrote \(path): \(ValidateCommand.count(session.agenda.count, "slot")), "
            + "\(ValidateCommand.count(session.polls.count, "poll")), \(ValidateCommand.count(session.groups.count, "working group")).")
        print("Fill it in, check it with `plenary validate \(path)`, then `plenary run \(path)`.")
    }

    /// Asks for what the flags did not say; Enter keeps the default in brackets.
    func interview(_ scaffold: inout SessionScaffold) {
        func ask(_ question: String, _ current: String) -> String {
            print("\(question) [\(current)]: ", terminator: "")
            let answer = readLine()?.trimmingCharacters(in: " \t") ?? ""
            return answer.isEmpty ? current : answer
        }
        scaffold.title = ask("Title", scaffold.title)
        let date = ask("Date (YYYY-MM-DD, - for none)", scaffold.date ?? "-")
        scaffold.date = date == "-" ? nil : date
        scaffold.timeZone = ask("Time zone", scaffold.timeZone)
        let start = ask("Start time (HH:MM, - for a floating agenda)", scaffold.start ?? "-")
        scaffold.start = start == "-" ? nil : start
        scaffold.slots = Int(ask("Number of slots", "\(scaffold.slots)")) ?? scaffold.slots
        scaffold.slotMinutes = Int(ask("Minutes per slot", "\(scaffold.slotMinutes)")) ?? scaffold.slotMinutes
        let templates = ask("Templates (\(SessionScaffold.templateIDs.joined(separator: ", ")); - for none)",
                            scaffold.templates.isEmpty ? "-" : scaffold.templates.joined(separator: ","))
        scaffold.templates = templates == "-" ? [] : templates.split(separator: ",").map { String($0).trimmingCharacters(in: " ") }
    }

    /// Creates `path` only if it does not exist (O_EXCL), writes it and flushes it to disk.
    static func create(_ path: String, with bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let reason = errno == EEXIST ? "it already exists (plenary new never overwrites a file)" : String(cString: strerror(errno))
            StandardError.write("plenary: cannot write \(path): \(reason)")
            throw ExitCode(1)
        }
        var failure: Int32?
        do { try WholeWrite.write(bytes, to: fd) } catch { failure = error.errno }
        if failure == nil, fsync(fd) != 0 { failure = errno }
        close(fd)
        if let failure {
            StandardError.write("plenary: cannot write \(path): \(String(cString: strerror(failure)))")
            throw ExitCode(1)
        }
    }
}

extension String {
    /// Without the given characters at either end.
    func trimmingCharacters(in set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return String(text)
    }
}
