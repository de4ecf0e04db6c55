import ArgumentParser
import PlenaryEngine
import PlenaryStorage

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Bring working-group entries from facilitator laptops into the workshop's results.",
        discussion: """
            Each GROUP-RESULTS file comes from a laptop that ran `plenary run SESSION --group ID`. Its entries \
            are recorded in the main journal (so they survive like everything else) and appear in MAIN-RESULTS. \
            Merging the same file again changes nothing; merging a later copy of it updates the entries in \
            place. Files from another session are refused. While the workshop is running on this computer, \
            press i on the moderator screen instead.

            Example: plenary merge sessions/workshop.results.json usb/group-b.results.json
            """
    )

    @Argument(help: "The workshop's results file (its journal must be next to it).", completion: .file(extensions: ["json"]))
    var mainResults: String

    @Argument(help: "Results files written by facilitator laptops.", completion: .file(extensions: ["json"]))
    var groupResults: [String]

    @Option(name: .long, help: "The session file, when it is no longer where MAIN-RESULTS says it was run from.",
            completion: .file(extensions: ["yaml", "yml"]))
    var session: String?

    func run() throws {
        let fileSystem = PosixFileSystem()
        let main = try ResultsInput.load(mainResults)
        let (session, sessionPath) = try SessionLoading.load(self.session ?? Self.locate(main.sessionFile, besides: mainResults, fileSystem: fileSystem))
        if let fingerprint = main.workshop.fingerprint, fingerprint != session.fingerprint {
            StandardError.write("plenary: \(sessionPath) is not the session \(mainResults) was recorded with (\u{201C}\(main.workshop.title)\u{201D}); name the right one with --session FILE")
            throw ExitCode(1)
        }
        guard case .success(let plan) = PlannedAgenda.plan(session) else {
            throw ValidationError("the agenda's times are inconsistent: run `plenary validate` on it")
        }
        let files = WorkshopFiles(sessionPath: sessionPath, resultsPath: mainResults)
        guard fileSystem.exists(files.journalPath) else {
            StandardError.write("plenary: no journal next to \(mainResults) (expected \(files.journalPath)); merging records into the workshop's journal, so it needs it")
            throw ExitCode(1)
        }
        let clock = SystemClock()
        let opened: WorkshopStore.Opened
        switch WorkshopStore.open(session: session, plan: plan, files: files, fileSystem: fileSystem, now: clock.now(),
                                  stamp: WorkshopLaunch.stamp(clock.now()), fresh: false, newRecordID: "unused") {
        case .success(let value): opened = value
        case .failure(.inUse):
            StandardError.write("plenary: the workshop is running on this computer (\(files.journalPath) is in use). Press i on its moderator screen to merge there, or quit it first.")
            throw ExitCode(1)
        case .failure(let error):
            StandardError.write("plenary: \(error)")
            throw ExitCode(1)
        }
        if let skipped = opened.skippedSummary(listing: .max) { StandardError.write("plenary: warning: \(skipped)") }
        let runner = WorkshopRunner(state: opened.state, journal: opened.journal, fileSystem: fileSystem, files: files,
                                    clock: clock, generator: "plenary \(Plenary.version)")
        // A rehearsal's record takes only rehearsal laptops' entries (GroupImport refuses the mix either way).
        if main.workshop.rehearsal == true { runner.send(.app(.markRehearsal(speed: 1))) }
        defer { runner.close() }
        var refused = 0
        for path in groupResults {
            let name = WorkshopFiles.fileName(of: path)
            let bytes: [UInt8]
            do {
                guard let contents = try fileSystem.contents(of: path, rule: .results) else {
                    StandardError.write("plenary: \(path): no such file; nothing was merged from it")
                    refused += 1
                    continue
                }
                bytes = contents
            } catch {
                StandardError.write("plenary: \(error)")
                refused += 1
                continue
            }
            switch GroupImport.plan(bytes: bytes, fileName: name, into: runner.state) {
            case .failure(let refusal):
                StandardError.write("plenary: \(refusal)")
                refused += 1
            case .success(let plan):
                guard let command = plan.command else {
                    print("\(path): nothing new: \(plan.summary).")
                    continue
                }
                runner.send(.command(command))
                if let failure = runner.state.storageFailure {
                    StandardError.write("plenary: \(failure.message)")
                    throw ExitCode(1)
                }
                print("\(path): \(plan.summary) (\(plan.groups.joined(separator: ", "))) → \(mainResults)")
            }
        }
        if refused > 0 { throw ExitCode(1) }
    }

    /// The session path as recorded (relative to where `run` was started), or, when that is not found from
    /// here, the file of that name beside the results.
    static func locate(_ recorded: String, besides results: String, fileSystem: PosixFileSystem) -> String {
        guard !fileSystem.exists(recorded), let slash = results.lastIndex(of: "/") else { return recorded }
        let beside = String(results[...slash]) + WorkshopFiles.fileName(of: recorded)
        return fileSystem.exists(beside) ? beside : recorded
    }
}
