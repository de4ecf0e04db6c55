import Foundation
import Testing
import PlenaryTestSupport

/// Mistakes in how a command is called, found once its files are read: each names the subcommand's own usage,
/// not the root command's "plenary <subcommand>", and exits 64 like argument-parser's own usage errors.
@Suite(.serialized)
struct CommandErrorsEndToEndTests {
    static let demo = SessionFiles.path("demo.yaml")

    @Test func anUnknownGroupShowsTheRunCommandsUsage() throws {
        let result = try AfterTheWorkshopEndToEndTests.plenary("run", Self.demo, "--group", "nope")
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("Error: no working group \"nope\" in this session"), "\(result)")
        // With --rehearse and its start time, argument-parser shortens the options to [<options>].
        #expect(result.stderr.contains("Usage: plenary run [<options>] [<file>]"), "\(result)")
        #expect(result.stderr.contains("See 'plenary run --help'"), "\(result)")
        #expect(!result.stderr.contains("<subcommand>"), "\(result)")
    }

    @Test func aShortPINShowsThePinCommandsUsage() throws {
        let result = try AfterTheWorkshopEndToEndTests.plenary("pin", input: "abc\n")
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("Error: a PIN needs at least 6 characters"), "\(result)")
        #expect(result.stderr.contains("Usage: plenary pin"), "\(result)")
        #expect(!result.stderr.contains("<subcommand>"), "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
    }

    @Test func aBadOptionOfNewShowsItsUsage() throws {
        let folder = try AfterTheWorkshopEndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try AfterTheWorkshopEndToEndTests.plenary("new", folder + "/x.yaml", "--title", "T", "--slots", "0")
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("Usage: plenary new"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.yaml"))
    }

    /// A mistyped --pin-hash says what is wrong with it, on `run` and `attach` alike, before any screen opens.
    @Test func aBadPINHashSaysWhatIsWrongWithIt() throws {
        for command in [["run", Self.demo, "--voter"], ["attach", Self.demo, "--voter"]] {
            let result = try AfterTheWorkshopEndToEndTests.plenary(command + ["--pin-hash", "nonsense"])
            #expect(result.status == 64, "\(result)")
            #expect(result.stderr.contains("Error: --pin-hash: "), "\(result)")
            #expect(!result.stderr.contains("needs the moderator PIN"), "\(result)")
        }
    }

    /// What `plenary pin` prints (`voter_pin: "…"`) is taken as it is: the kiosk opens and waits for its host.
    @Test func thePinCommandsLineIsAPINHash() throws {
        let line = try AfterTheWorkshopEndToEndTests.plenary("pin", input: "482913\n").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.hasPrefix("voter_pin: \""), "\(line)")
        let folder = try AfterTheWorkshopEndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Self.demo, toPath: folder + "/demo.yaml")
        let kiosk = try TmuxPane(command: [try TmuxPane.plenaryExecutable.path, "attach", folder + "/demo.yaml", "--voter",
                                           "--pin-hash", line])
        defer { kiosk.close() }
        try kiosk.waitFor("Reconnecting")
    }
}
