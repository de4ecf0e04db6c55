import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `plenary run --allow-group NAME` refuses, before creating any file, whatever would leave the group's kiosks
/// unable to attach or let the group replace the socket; it needs tmux only (no sshd).
@Suite(.serialized) struct AllowGroupEndToEndTests {
    func refusal(_ arguments: [String], folderMode: mode_t = 0o710, fileMode: mode_t = 0o640) throws -> (screen: String, status: Int32, leftovers: [String]) {
        let (folder, file, plenary) = try AttachEndToEndTests().sessionWithPIN()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        chmod(folder, folderMode)
        chmod(file, fileMode)
        let pane = try TmuxPane(command: [plenary, "run", file] + arguments)
        defer { pane.close() }
        let status = try pane.waitForExit()
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0 != "demo.yaml" }
        return (try pane.capture(), status, leftovers)
    }

    var ownGroup: String {
        get throws { try #require(SSHVotingEndToEndTests.groupName(getegid())) }
    }

    @Test func anUnknownGroupIsRefused() throws {
        let result = try refusal(["--allow-group", "plenary-no-such-group"])
        #expect(result.status == 1)
        #expect(result.screen.contains("there is no group plenary-no-such-group"))
        #expect(result.leftovers.isEmpty, "files were created: \(result.leftovers)")
    }

    @Test func aFolderTheGroupCannotEnterIsRefusedNotRunWithoutTheSocket() throws {
        let group = try ownGroup
        let result = try refusal(["--allow-group", group], folderMode: 0o700)
        #expect(result.status == 1)
        #expect(result.screen.contains("members of group \(group) cannot enter"))
        #expect(result.leftovers.isEmpty, "files were created: \(result.leftovers)")
    }

    @Test func aSessionFileTheGroupCannotReadIsRefused() throws {
        let group = try ownGroup
        let result = try refusal(["--allow-group", group], fileMode: 0o600)
        #expect(result.status == 1)
        #expect(result.screen.contains("members of group \(group) cannot read"))
        #expect(result.screen.contains("chmod g+r"))
    }

    @Test func aVoterTerminalCannotAllowAGroup() throws {
        let result = try refusal(["--voter", "--allow-group", try ownGroup])
        #expect(result.status == 64)
        #expect(result.screen.contains("--allow-group is for the moderator screen"))
    }

    /// The point of the flag: another account in the group attaches and votes, one outside it is kept out by the
    /// socket's mode. The accounts are made without touching /etc: setpriv runs the kiosk as uid 65534 (nobody),
    /// with or without this process's group. The folder and session file are open to everyone here, so only the
    /// socket decides.
    @Test func anotherAccountInTheGroupVotesAndOneOutsideItCannotConnect() throws {
        guard geteuid() == 0 else {
            Issue.record("running a kiosk as another account needs root (CI runs as root): run the end-to-end tests as root")
            return
        }
        let setpriv = try #require(Subprocess.executablePath(for: "setpriv"), "setpriv is missing: apt-get install util-linux")
        let (folder, file, plenary) = try AttachEndToEndTests().sessionWithPIN()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        chmod(folder, 0o711)
        chmod(file, 0o644)
        let host = try TmuxPane(command: [plenary, "run", file, "--allow-group", try ownGroup])
        defer { host.close() }
        try host.waitFor("AGENDA")
        let asNobody = [setpriv, "--reuid=65534", "--regid=65534"]

        let member = try TmuxPane(command: asNobody + ["--groups=\(getegid())", plenary, "attach", file, "--voter"])
        defer { member.close() }
        try member.waitFor("Press Enter to vote")
        try host.openPoll(at: 0)
        try member.sendKeys("Enter")
        try member.waitFor("Which workshop format")
        try member.sendText("2")
        try member.sendKeys("Enter")
        try member.waitFor("Your vote is recorded.")
        try host.waitFor("1 ballot")

        // The kernel names the account behind the connection: another account votes, it does not facilitate.
        let facilitator = try TmuxPane(command: asNobody + ["--groups=\(getegid())", plenary, "attach", file, "--group", "wg-policy"])
        defer { facilitator.close() }
        try facilitator.waitFor("Only the account running the workshop")
        #expect(try facilitator.waitForExit() == 1)
        // Nor does it moderate, even with the right PIN (that would otherwise make the PIN all that stands between
        // every SSH voter and the moderator's screen).
        let moderator = try TmuxPane(command: asNobody + ["--groups=\(getegid())", plenary, "attach", file, "--moderator"])
        defer { moderator.close() }
        try moderator.waitFor("Moderator PIN:")
        try moderator.sendText(AttachEndToEndTests.pin)
        try moderator.sendKeys("Enter")
        try moderator.waitFor("Only the account running the workshop")
        #expect(try moderator.waitForExit() == 1)

        let outsider = try TmuxPane(command: asNobody + ["--clear-groups", plenary, "attach", file, "--voter"])
        defer { outsider.close() }
        try outsider.waitFor("Permission denied")
        try host.sendKeys("Escape")
        try host.waitFor("AGENDA")
        #expect(try host.quitPlenary() == 0)
        // The hint to resume keeps the group (the line wraps at the pane's width).
        let after = try host.waitFor("Resume with:").replacingOccurrences(of: "\n", with: "")
        #expect(after.contains("\(file) --allow-group \(try ownGroup)"), "\(after)")
    }
}
