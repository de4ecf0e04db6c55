import Foundation
import Testing
import PlenaryTestSupport

/// The committed completion scripts and man page come from the command line's own definitions and are regenerated
/// with scripts/generate-cli-docs; these tests fail when a command, option or help text changed without that.
/// Every command's help has an example.
@Suite(.serialized)
struct CommandLineDocsEndToEndTests {
    static let subcommands = ["run", "validate", "merge", "codes", "pin", "new", "report", "export"]

    static func read(_ relativePath: String) throws -> String {
        try String(contentsOf: SessionFiles.repositoryRoot.appendingPathComponent(relativePath), encoding: .utf8)
    }

    @Test(arguments: [("bash", "completions/plenary.bash"), ("zsh", "completions/_plenary"), ("fish", "completions/plenary.fish")])
    func completionScriptsAreCurrent(shell: String, file: String) throws {
        let generated = try AfterTheWorkshopEndToEndTests.plenary("--generate-completion-script", shell)
        #expect(generated.status == 0, "\(generated)")
        #expect(generated.stdout == (try Self.read(file)), "\(file) is out of date: run scripts/generate-cli-docs")
    }

    /// The man page names every command and option with its help text as the binary describes them.
    @Test func manPageIsCurrent() throws {
        let manual = try Self.read("docs/man/plenary.1")
        let dump = try AfterTheWorkshopEndToEndTests.plenary("--experimental-dump-help")
        #expect(dump.status == 0, "\(dump)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var commands = [try #require(root["command"] as? [String: Any])]
        var checked = 0
        while let command = commands.popLast() {
            commands += command["subcommands"] as? [[String: Any]] ?? []
            let name = command["commandName"] as? String ?? "?"
            if let abstract = command["abstract"] as? String {
                #expect(manual.contains(abstract), "the man page lacks \(name)'s abstract: run scripts/generate-cli-docs")
            }
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                guard let help = (argument["abstract"] as? String), !help.isEmpty else { continue }
                #expect(manual.contains(help), "the man page lacks \(name)'s \"\(help)\": run scripts/generate-cli-docs")
                checked += 1
            }
        }
        #expect(checked > 30)
    }

    @Test(arguments: subcommands)
    func everyCommandsHelpHasAnExample(_ command: String) throws {
        let help = try AfterTheWorkshopEndToEndTests.plenary(command, "--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("OVERVIEW: ") && help.stdout.contains("USAGE: plenary \(command)"))
        #expect(help.stdout.contains("\nExample"), "\(command) --help has no example:\n\(help.stdout)")
        // An example cut by the 80-column wrap would start a line with neither a space nor a heading.
        let lines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        if let start = lines.firstIndex(where: { $0.hasPrefix("Example") }) {
            let example = lines[(start + 1)...].prefix { !$0.isEmpty }
            #expect(example.allSatisfy { $0.hasPrefix("  ") }, "an example line was wrapped:\n\(example.joined(separator: "\n"))")
        }
    }

    @Test func versionAndOverview() throws {
        let version = try AfterTheWorkshopEndToEndTests.plenary("--version")
        #expect(version.status == 0 && version.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(version)")
        let help = try AfterTheWorkshopEndToEndTests.plenary("--help")
        for command in Self.subcommands { #expect(help.stdout.contains("\n  \(command) "), "\(command) missing from --help") }
    }
}
