import ArgumentParser
import PlenaryEngine
import PlenarySessionFile
import PlenaryStorage

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check session files without starting the screen.",
        discussion: """
            Prints every problem as FILE:LINE:COL: key.path: message and exits non-zero if there is any; a file \
            without problems gets one summary line. The format is described in docs/session-format.md.

            Examples:
              plenary validate sessions/*.yaml
              plenary validate sevilla.yaml && plenary run sevilla.yaml
            """
    )

    @Argument(help: "Session files (YAML) to check.", completion: .file(extensions: ["yaml", "yml"]))
    var files: [String]

    func run() throws {
        var failed = 0
        for file in files {
            switch SessionFile.load(path: file) {
            case .success(let session):
                print("\(file): ok (\(Self.count(session.agenda.count, "slot")), \(Self.count(session.polls.count, "poll")), \(Self.count(session.groups.count, "working group")))")
            case .failure(let errors):
                failed += 1
                for error in errors.errors { StandardError.write(error.description) }
            }
        }
        if failed > 0 {
            StandardError.write("\(failed) of \(files.count) file\(files.count == 1 ? "" : "s") \(failed == 1 ? "has" : "have") problems")
            throw ExitCode(1)
        }
    }

    static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }
}
