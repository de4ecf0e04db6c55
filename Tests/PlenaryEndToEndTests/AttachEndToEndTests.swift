import Foundation
import Testing

/// Issue 14's first transport slice: `plenary run` hosts the room on a Unix socket, `plenary attach --voter` kiosks
/// vote through it, and a kiosk survives the host's crash and restart by itself.
@Suite(.enabled(if: TmuxPane.isAvailable), .serialized) struct AttachEndToEndTests {
    static let pin = "975319"

    /// The demo session with a moderator PIN (a kiosk needs one to be left).
    func sessionWithPIN() throws -> (folder: String, file: String, plenary: String) {
        let (folder, file) = try ModeratorEndToEndTests.copySession("demo.yaml")
        let plenary = try TmuxPane.plenaryExecutable.path
        let hash = try Subprocess.run([plenary, "pin"], input: Self.pin + "\n")
        #expect(hash.status == 0, "\(hash.stderr)")
        let session = try String(contentsOfFile: file, encoding: .utf8)
        try (hash.stdout + session).write(toFile: file, atomically: true, encoding: .utf8)
        return (folder, file, plenary)
    }

    @Test func twoKiosksVoteThroughTheHostAndTheBallotsAreInTheResults() throws {
        let (folder, file, plenary) = try sessionWithPIN()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let host = try TmuxPane(command: [plenary, "run", file])
        defer { host.close() }
        try host.waitFor("AGENDA")
        #expect(FileManager.default.fileExists(atPath: folder + "/demo.sock"))
        let kiosks = try (0..<2).map { _ in try TmuxPane(command: [plenary, "attach", file, "--voter"]) }
        defer { kiosks.forEach { $0.close() } }
        for kiosk in kiosks { try kiosk.waitFor("Press Enter to vote") }

        try host.openPoll(at: 0)
        for (kiosk, option) in zip(kiosks, ["1", "3"]) {
            try kiosk.sendKeys("Enter")
            try kiosk.waitFor("Which workshop format")
            try kiosk.sendText(option)
            try kiosk.sendKeys("Enter")
            try kiosk.waitFor("Your vote is recorded.")
        }
        try host.waitFor("2 ballots")
        try host.sendText("r")
        try host.sendKeys("Escape")
        try host.waitFor("AGENDA")
        #expect(try host.quitPlenary() == 0)
        #expect(!FileManager.default.fileExists(atPath: folder + "/demo.sock"), "the socket is removed on quit")
        for kiosk in kiosks { try kiosk.waitFor("Reconnecting…") }

        let results = try ModeratorEndToEndTests.results(folder + "/demo.results.json")
        let polls = try #require(results["polls"] as? [[String: Any]])
        let round = try #require((polls[0]["rounds"] as? [[String: Any]])?.first)
        #expect(round["ballotCount"] as? Int == 2)
    }

    /// A folder others can write (/tmp, a shared stick) cannot hold the socket safely: the workshop still runs, without
    /// attached terminals, and says so; asking for a socket there with --socket is refused.
    @Test func aWorkshopInAFolderOthersCanWriteRunsWithoutTheSocketAndSaysWhy() throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("demo.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plenary = try TmuxPane.plenaryExecutable.path
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder)
        let host = try TmuxPane(command: [plenary, "run", file])
        defer { host.close() }
        try host.waitFor("AGENDA")
        try host.waitFor("No terminals can attach")
        #expect(!FileManager.default.fileExists(atPath: folder + "/demo.sock"))
        #expect(try host.quitPlenary() == 0)

        let asked = try TmuxPane(command: [plenary, "run", file, "--socket", folder + "/room.sock"])
        defer { asked.close() }
        try asked.waitFor("can be written by other users")
        #expect(try asked.waitForExit() == 1)
    }

    @Test func aKioskReconnectsByItselfAfterTheHostIsKilledAndRestarted() throws {
        let (folder, file, plenary) = try sessionWithPIN()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let host = try TmuxPane(command: [plenary, "run", file])
        defer { host.close() }
        try host.waitFor("AGENDA")
        let kiosk = try TmuxPane(command: [plenary, "attach", file, "--voter"])
        defer { kiosk.close() }
        try kiosk.waitFor("Press Enter to vote")

        try host.kill(signal: SIGKILL)
        try kiosk.waitFor("Reconnecting…")
        // kill -9 leaves the socket file behind: the next host must see it is stale and replace it.
        let again = try TmuxPane(command: [plenary, "run", file])
        // The kiosk leaves first: a host whose terminal hangs up while a screen is attached keeps serving without
        // it (ModeratorAttachEndToEndTests), and would outlive the test.
        defer { kiosk.close(); again.close() }
        try again.waitFor("AGENDA")
        try kiosk.waitFor("Press Enter to vote")
        try kiosk.waitForAbsence(of: "Reconnecting…")

        // A second host of the same workshop is refused while this one answers.
        let second = try TmuxPane(command: [plenary, "run", file])
        defer { second.close() }
        try second.waitFor("already running")
        #expect(try second.waitForExit() == 1)
        try kiosk.waitFor("Press Enter to vote")
    }

    /// The projector's view follows the room through the host (question, live count, revealed chart) and never
    /// shows the moderator's slot note; it reconnects like a kiosk and q leaves it (no PIN).
    @Test func theAudienceViewFollowsThePollAndNeverShowsTheSlotNote() throws {
        let (folder, file, plenary) = try sessionWithPIN()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let note = "PLANTED-SLOT-NOTE"
        let session = try String(contentsOfFile: file, encoding: .utf8)
        // The format poll without live results, so its chart reaches the projector only with the reveal.
        let planted = session.replacingOccurrences(of: "Press space to start the clock", with: note + " press space")
            .replacingOccurrences(of: "options: [Physical, Online, Hybrid]\n    live_results: true",
                                  with: "options: [Physical, Online, Hybrid]")
        #expect(planted.contains(note) && !planted.contains("Hybrid]\n    live_results"), "the demo session changed: plant again")
        try planted.write(toFile: file, atomically: true, encoding: .utf8)
        let host = try TmuxPane(command: [plenary, "run", file])
        defer { host.close() }
        try host.waitFor("AGENDA")
        let kiosk = try TmuxPane(command: [plenary, "attach", file, "--voter"])
        defer { kiosk.close() }
        let audience = try TmuxPane(command: [plenary, "attach", file, "--audience"])
        defer { audience.close() }
        var seen: [String] = []
        seen.append(try audience.waitFor("Welcome and quick polls"))
        try kiosk.waitFor("Press Enter to vote")

        try host.openPoll(at: 0)
        seen.append(try audience.waitFor("Which workshop format"))
        seen.append(try audience.waitFor("0 ballots so far"))
        try kiosk.sendKeys("Enter")
        try kiosk.waitFor("Which workshop format")
        try kiosk.sendText("1")
        try kiosk.sendKeys("Enter")
        try kiosk.waitFor("Your vote is recorded.")
        let counted = try audience.waitFor("1 ballot so far")
        #expect(!counted.contains("100%"), "no chart before the reveal:\n\(counted)")
        seen.append(counted)

        try host.sendText("r")
        seen.append(try audience.waitFor("100%"))
        try host.sendKeys("Escape")
        try host.waitFor("AGENDA")
        #expect(try host.quitPlenary() == 0)
        seen.append(try audience.waitFor("Reconnecting…"))
        for screen in seen { #expect(!screen.contains(note), "the audience showed the slot note:\n\(screen)") }

        try audience.sendText("q")
        #expect(try audience.waitForExit() == 0)
    }

    /// Without a host the projector says so and keeps trying; it follows a resize and Ctrl-C leaves it (no PIN).
    @Test func theAudienceViewWaitsForTheHostFollowsAResizeAndLeavesOnCtrlC() throws {
        let (folder, file, plenary) = try sessionWithPIN()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let audience = try TmuxPane(command: [plenary, "attach", file, "--audience"])
        defer { audience.close() }
        try audience.waitFor("The host is not running.")
        let host = try TmuxPane(command: [plenary, "run", file])
        defer { host.close() }
        try audience.waitFor("Welcome and quick polls")
        try audience.resize(columns: 50, rows: 12)
        try audience.waitFor("enlarge")
        try audience.resize(columns: 100, rows: 30)
        try audience.waitFor("Welcome and quick polls")
        try audience.sendKeys("C-c")
        #expect(try audience.waitForExit() == 0)
    }

    @Test func voterAndAudienceTogetherAreAUsageError() throws {
        let plenary = try TmuxPane.plenaryExecutable.path
        let result = try Subprocess.run([plenary, "attach", "x.yaml", "--voter", "--audience"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--voter and --audience cannot be combined"))
    }
}
