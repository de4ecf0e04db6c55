import Foundation
import Testing

/// Issue 14's moderator screens: `plenary attach --moderator` shows the host's moderator screen and drives it, `D`
/// detaches a screen (the host's own included), and closing the host's terminal while terminals are attached
/// detaches instead of ending the workshop.
@Suite(.enabled(if: TmuxPane.isAvailable), .serialized) struct ModeratorAttachEndToEndTests {
    static let pin = AttachEndToEndTests.pin

    /// Attaches a moderator screen and types the PIN; returns once it shows `screen`.
    func attachModerator(_ plenary: String, _ file: String, columns: Int = 90, rows: Int = 28, showing screen: String = "AGENDA") throws -> TmuxPane {
        let pane = try TmuxPane(command: [plenary, "attach", file, "--moderator"], columns: columns, rows: rows)
        try pane.waitFor("Moderator PIN:")
        try pane.sendText(Self.pin)
        try pane.sendKeys("Enter")
        try pane.waitFor(screen)
        return pane
    }

    @Test func anAttachedModeratorStepsTheSlotAndTheHostFollowsThenDDetachesIt() throws {
        let (folder, file, plenary) = try AttachEndToEndTests().sessionWithPIN()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let host = try TmuxPane(command: [plenary, "run", file])
        defer { host.close() }
        try host.waitFor("AGENDA")

        let moderator = try TmuxPane(command: [plenary, "attach", file, "--moderator"], columns: 90, rows: 28)
        defer { moderator.close() }
        try moderator.waitFor("Moderator PIN:")
        try moderator.sendText("000000")
        try moderator.sendKeys("Enter")
        try moderator.waitFor("Wrong moderator PIN.")
        try moderator.sendText(Self.pin)
        try moderator.sendKeys("Enter")
        try moderator.waitFor("AGENDA")
        try moderator.waitFor("slot 1/4")

        try moderator.sendText(" ")
        try host.waitFor("NOW ·")
        try moderator.sendText("n")
        try host.waitFor("slot 2/4")
        // Both screens are one workshop: the host's key shows on the attached screen, drawn at its own width.
        try host.sendText("n")
        let attached = try moderator.waitFor("slot 3/4")
        #expect(attached.split(separator: "\n").allSatisfy { $0.count <= 90 })
        // A resize of the attached terminal: the host draws it again at the new size.
        try moderator.resize(columns: 64, rows: 20)
        try moderator.waitFor("slot 3/4")
        try moderator.waitFor("the screen drawn at 64×20") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count <= 21 && lines.contains { $0.hasPrefix(" Space start/pause") } && lines.allSatisfy { $0.count <= 64 }
        }

        try moderator.sendText("D")
        try moderator.waitFor("Detached; the workshop keeps running.")
        #expect(try moderator.waitForExit() == 0)
        try host.waitFor("A moderator screen detached")
        #expect(try host.quitPlenary() == 0)
    }

    /// `D` on the host's own terminal gives it back; the workshop runs on and `attach --moderator` brings the screen
    /// back; `q` there ends the run as on the host (asking first) and the attached screen leaves with the reason.
    @Test func theHostsScreenDetachesAndAttachBringsItBack() throws {
        let (folder, file, plenary) = try AttachEndToEndTests().sessionWithPIN()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let host = try TmuxPane(command: [plenary, "run", file])
        defer { host.close() }
        try host.waitFor("AGENDA")
        try host.sendText(" ")
        try host.waitFor("NOW ·")

        try host.sendText("D")
        try host.waitFor("This window may be closed")
        try host.waitForAbsence(of: "AGENDA")
        #expect(FileManager.default.fileExists(atPath: folder + "/demo.sock"), "the host still serves")

        let moderator = try attachModerator(plenary, file)
        defer { moderator.close() }
        try moderator.waitFor("A moderator screen detached")
        try moderator.sendText("n")
        try moderator.waitFor("slot 2/4")

        try moderator.sendText("q")
        try moderator.waitFor("Quit Plenary?")
        try moderator.sendText("y")
        try moderator.waitFor("The host stopped.")
        #expect(try moderator.waitForExit() == 0)
        try host.waitFor("Resume with:")
        #expect(try host.waitForExit() == 0)
        #expect(!FileManager.default.fileExists(atPath: folder + "/demo.sock"))
    }

    /// Closing the moderator's terminal by mistake (SIGHUP) while a kiosk is attached: the host keeps serving (the
    /// voter still votes) and `attach --moderator` brings the screen back, with the ballot counted.
    @Test func aHangUpWithAVoterAttachedKeepsTheHostServing() throws {
        let (folder, file, plenary) = try AttachEndToEndTests().sessionWithPIN()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let host = try TmuxPane(command: [plenary, "run", file])
        defer { host.close() }
        try host.waitFor("AGENDA")
        let hostPID = try host.programPID()
        // Whatever happens below, the host (no longer in any pane) does not outlive the test.
        defer { kill(hostPID, SIGTERM) }
        let kiosk = try TmuxPane(command: [plenary, "attach", file, "--voter"])
        defer { kiosk.close() }
        try kiosk.waitFor("Press Enter to vote")
        try host.openPoll(at: 0)

        host.close()
        try kiosk.waitFor("The moderator's screen is detached; the workshop goes on.")
        #expect(kill(hostPID, 0) == 0, "the host survived the hang-up")
        try kiosk.sendKeys("Enter")
        try kiosk.waitFor("Which workshop format")
        try kiosk.sendText("1")
        try kiosk.sendKeys("Enter")
        try kiosk.waitFor("Your vote is recorded.")

        // The screens share one workshop: it comes back on the poll the host had open, with the ballot counted.
        let moderator = try attachModerator(plenary, file, columns: 100, rows: 30, showing: "POLL ·")
        defer { moderator.close() }
        try moderator.waitFor("The moderator's terminal closed")
        try moderator.waitFor("1 ballot")
        try moderator.sendKeys("Escape")
        try moderator.waitFor("AGENDA")
        // A moderator acts again: the room is no longer told the screen is away.
        try kiosk.waitForAbsence(of: "screen is detached")
        try moderator.sendText("q")
        try moderator.waitFor("Quit Plenary?")
        try moderator.sendText("y")
        #expect(try moderator.waitForExit() == 0)

        let results = try ModeratorEndToEndTests.results(folder + "/demo.results.json")
        let polls = try #require(results["polls"] as? [[String: Any]])
        let round = try #require((polls[0]["rounds"] as? [[String: Any]])?.first)
        #expect(round["ballotCount"] as? Int == 1)
    }

    /// With nothing attached, a hang-up ends the run as before: results saved, socket removed, 128 + SIGHUP.
    @Test func aHangUpWithNothingAttachedEndsTheRun() throws {
        let (folder, file, plenary) = try AttachEndToEndTests().sessionWithPIN()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let host = try TmuxPane(command: [plenary, "run", file])
        defer { host.close() }
        try host.waitFor("AGENDA")
        try host.kill(signal: SIGHUP)
        #expect(try host.waitForExit() == 129)
        #expect(!FileManager.default.fileExists(atPath: folder + "/demo.sock"))
    }

    /// A facilitator attached live: its entry is recorded by the host at once and shows on the host's working-group
    /// screen (no merge step); an unknown group is a usage error.
    @Test func aFacilitatorsEntryAppearsOnTheHost() throws {
        let (folder, file, plenary) = try AttachEndToEndTests().sessionWithPIN()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let host = try TmuxPane(command: [plenary, "run", file])
        defer { host.close() }
        try host.waitFor("AGENDA")
        let facilitator = try TmuxPane(command: [plenary, "attach", file, "--group", "wg-policy"], columns: 90, rows: 28)
        defer { facilitator.close() }
        try facilitator.waitFor("Add: 1 Action concept")
        try facilitator.sendText("1")
        try facilitator.waitFor("ACTION CONCEPT")
        try facilitator.sendText("Puertos verdes")
        try facilitator.sendKeys("Escape")
        try facilitator.waitFor("1. [Action concept] Puertos verdes")

        try host.sendText("w")
        try host.waitFor("Policy and investment alignment")
        try host.sendKeys("Enter")
        try host.waitFor("1. [Action concept] Puertos verdes")

        try facilitator.sendText("q")
        try facilitator.waitFor("Quit Plenary?")
        try facilitator.sendText("y")
        try facilitator.waitFor("Detached; your group's entries are on the host.")
        #expect(try facilitator.waitForExit() == 0)
        try host.sendKeys("Escape")
        try host.sendKeys("Escape")
        try host.waitFor("AGENDA")
        #expect(try host.quitPlenary() == 0)
        let results = try ModeratorEndToEndTests.results(folder + "/demo.results.json")
        let groups = try #require(results["groups"] as? [[String: Any]])
        let entry = try #require((groups.first { $0["id"] as? String == "wg-policy" }?["entries"] as? [[String: Any]])?.first)
        #expect(entry["author"] as? String == "Zoë Kowalczyk")

        let unknown = try Subprocess.run([plenary, "attach", file, "--group", "wg9"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no working group \"wg9\""))
    }
}
