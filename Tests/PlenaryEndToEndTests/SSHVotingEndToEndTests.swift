import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 14, "Participants' own laptops over SSH": a private sshd on 127.0.0.1 whose `Match User` block is the one
/// `plenary ssh-setup` prints, 20 ssh clients with a terminal each voting at once through the forced
/// `plenary attach --voter`, and no way from a client to a shell. Its prerequisites missing is a failure that says
/// what to install, never a silent skip (CI installs them: scripts/lib/prerequisites.sh).
@Suite(.serialized) struct SSHVotingEndToEndTests {
    static let voters = 20

    /// The demo session with a moderator PIN, in a folder the host's group may enter (for `--allow-group`); paths
    /// with links resolved, as `plenary ssh-setup` writes them.
    func workshop() throws -> (folder: String, file: String, plenary: String, group: String) {
        let (folder, file, plenary) = try AttachEndToEndTests().sessionWithPIN()
        chmod(folder, 0o710)
        chmod(file, 0o640)
        let group = try #require(Self.groupName(getegid()))
        let real = { (path: String) in URL(fileURLWithPath: path).resolvingSymlinksInPath().path }
        return (real(folder), real(file), real(plenary), group)
    }

    /// The `Match User` block of `plenary ssh-setup FILE --user <this user> --group <group>`.
    func matchBlock(plenary: String, file: String, user: String, group: String) throws -> [String] {
        let setup = try Subprocess.run([plenary, "ssh-setup", file, "--user", user, "--group", group])
        #expect(setup.status == 0, "\(setup.stderr)")
        let lines = setup.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "Match User \(user)"), "no Match block in:\n\(setup.stdout)")
        let block = Array(lines[start...].prefix { !$0.isEmpty })
        #expect(block.contains { $0.hasPrefix("    ForceCommand \(plenary) attach \(file) --voter --socket ") })
        return block
    }

    @Test func twentyLaptopsVoteOverSSHAtOnceAndEveryBallotIsInTheResults() throws {
        if let missing = PrivateSSHD.prepare() { Issue.record("\(missing)"); return }
        let (folder, file, plenary, group) = try workshop()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let host = try TmuxPane(command: [plenary, "run", file, "--allow-group", group])
        defer { host.close() }
        try host.waitFor("AGENDA")
        var socket = stat()
        #expect(lstat(folder + "/demo.sock", &socket) == 0 && socket.st_mode & 0o777 == 0o660, "the socket is the group's")

        let user = try #require(getpwuid(geteuid()).flatMap { $0.pointee.pw_name }.map { String(cString: $0) })
        let sshd = try PrivateSSHD(extraConfig: try matchBlock(plenary: plenary, file: file, user: user, group: group))
        defer { sshd.stop() }

        try host.openPoll(at: 0)
        let started = ContinuousClock.now
        let laptops = try (0..<Self.voters).map { _ in try TmuxPane(command: sshd.client(["-tt"]), columns: 90, rows: 28) }
        defer { laptops.forEach { $0.close() } }
        for laptop in laptops { try laptop.waitFor("Press Enter to vote", timeout: .seconds(30)) }
        let loggedIn = ContinuousClock.now
        for laptop in laptops { try laptop.sendKeys("Enter") }
        for (number, laptop) in laptops.enumerated() {
            try laptop.waitFor("Which workshop format")
            try laptop.sendText(String(number % 3 + 1))
            try laptop.sendKeys("Enter")
        }
        for laptop in laptops { try laptop.waitFor("Your vote is recorded.") }
        try host.waitFor("\(Self.voters) ballots")
        // A figure for the report, not a limit: tmux's polling (20 ms a screen) is part of it.
        let seconds = { (duration: Duration) in String(format: "%.2f s", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18) }
        print("ssh voting: \(Self.voters) logins to the voter screen in \(seconds(loggedIn - started)), their ballots acknowledged \(seconds(ContinuousClock.now - loggedIn)) later")

        try host.sendText("r")
        try host.sendKeys("Escape")
        try host.waitFor("AGENDA")
        #expect(try host.quitPlenary() == 0)
        let results = try ModeratorEndToEndTests.results(folder + "/demo.results.json")
        let polls = try #require(results["polls"] as? [[String: Any]])
        let round = try #require((polls[0]["rounds"] as? [[String: Any]])?.first)
        #expect(round["ballotCount"] as? Int == Self.voters, "sshd log:\n\(sshd.log)")
    }

    /// Ctrl-C, Ctrl-Z, Ctrl-\, Ctrl-D, typed commands and escape sequences are the kiosk's keys (raw mode): ignored.
    /// Ctrl-X asks for the PIN, a wrong one is refused, the right one ends the session. The ssh escape `~.` only
    /// disconnects, and the kiosk on the laptop goes with it. A command given to ssh, a subsystem and forwarding all meet the forced kiosk or a
    /// refusal: no shell runs.
    @Test func aLaptopCannotReachAShell() throws {
        if let missing = PrivateSSHD.prepare() { Issue.record("\(missing)"); return }
        let (folder, file, plenary, group) = try workshop()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let host = try TmuxPane(command: [plenary, "run", file, "--allow-group", group])
        defer { host.close() }
        try host.waitFor("AGENDA")
        let user = try #require(getpwuid(geteuid()).flatMap { $0.pointee.pw_name }.map { String(cString: $0) })
        let sshd = try PrivateSSHD(extraConfig: try matchBlock(plenary: plenary, file: file, user: user, group: group))
        defer { sshd.stop() }
        let shellSigns = ["uid=", "EXIT:", "\(user)@", "$ ", "sh-", "bash"]

        let laptop = try TmuxPane(command: sshd.client(["-tt"]))
        defer { laptop.close() }
        try laptop.waitFor("Press Enter to vote", timeout: .seconds(20))
        try laptop.sendKeys("C-c", "C-z", "C-\\", "C-d")
        try laptop.sendText("id; exec /bin/sh -i")
        try laptop.sendBytes([0x1b, 0x5b, 0x39, 0x39, 0x39, 0x3b, 0x39, 0x39, 0x39, 0x52, 0xff, 0xfe, 0x00, 0x04])
        // Keys arrive in order: once Ctrl-X's PIN prompt shows, every key before it has reached the kiosk.
        try laptop.sendKeys("C-x")
        try laptop.waitFor("Moderator PIN")
        try laptop.sendText("000000")
        try laptop.sendKeys("Enter")
        let refused = try laptop.waitFor("Wrong PIN.")
        for sign in shellSigns { #expect(!refused.contains(sign), "the laptop shows \(sign):\n\(refused)") }
        #expect(laptop.exitStatus == nil, "the ssh session is still the kiosk")

        // ssh's escape: the client disconnects (status 255), the kiosk it ran ends, and nothing else appears.
        try laptop.sendKeys("Enter")
        try laptop.sendText("~.")
        #expect(try laptop.waitForExit() == 255)
        let after = try laptop.capture()
        for sign in ["uid=", "\(user)@", "sh-"] { #expect(!after.contains(sign), "after ~. the laptop shows \(sign):\n\(after)") }
        try waitUntilNoKioskRuns(for: file)

        // Leaving the kiosk with the right PIN ends the ssh session: there is no shell behind it to land in.
        let left = try TmuxPane(command: sshd.client(["-tt"]))
        defer { left.close() }
        try left.waitFor("Press Enter to vote", timeout: .seconds(20))
        try left.sendKeys("C-x")
        try left.waitFor("Moderator PIN")
        try left.sendText(AttachEndToEndTests.pin)
        try left.sendKeys("Enter")
        #expect(try left.waitForExit() == 0)
        let closed = try left.capture()
        for sign in ["uid=", "\(user)@", "sh-"] { #expect(!closed.contains(sign), "after leaving, the laptop shows \(sign):\n\(closed)") }

        // A command asked of ssh runs the forced kiosk instead, which refuses to start without a terminal.
        let command = try Subprocess.run(sshd.client() + ["id; /bin/sh -c id"], timeout: .seconds(20))
        #expect(command.status != 0)
        #expect(!command.stdout.contains("uid=") && !command.stderr.contains("uid="), "\(command.stdout)\(command.stderr)")
        let subsystem = try Subprocess.run(sshd.client(["-s"]) + ["sftp"], timeout: .seconds(20))
        #expect(subsystem.status != 0)
        // Forwarding of any kind is refused by DisableForwarding.
        let forwarding = try Subprocess.run(sshd.client(["-W", "127.0.0.1:\(sshd.port)"]), timeout: .seconds(20))
        #expect(forwarding.status != 0)
        #expect(!forwarding.stdout.contains("SSH-2.0"), "a forwarded connection reached sshd again")
        #expect(try host.quitPlenary() == 0)
    }

    /// Waits (with the harness's deadline) until no `plenary attach` of this session runs: a kiosk left behind by a
    /// dropped ssh session would keep a connection to the host open.
    func waitUntilNoKioskRuns(for file: String) throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while Self.kioskProcesses(for: file) > 0 {
            guard ContinuousClock.now < deadline else {
                Issue.record("a plenary attach of \(file) still runs after the ssh client left")
                return
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// How many processes run `plenary attach <file>` (read from /proc).
    static func kioskProcesses(for file: String) -> Int {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { entry in
            guard entry.allSatisfy(\.isNumber),
                  let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return false }
            let words = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return words.contains("attach") && words.contains(file)
        }.count
    }

    static func groupName(_ id: gid_t) -> String? {
        guard let entry = getgrgid(id), let name = entry.pointee.gr_name else { return nil }
        return String(cString: name)
    }
}
