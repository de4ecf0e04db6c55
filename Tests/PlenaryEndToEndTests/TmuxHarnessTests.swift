import Foundation
import Testing

/// Checks the harness itself with /bin/sh, so a failing end-to-end test means plenary, not tmux plumbing.
@Suite(.serialized)
struct TmuxHarnessTests {
    @Test func showsUnicodeTakesTypedTextAndReportsTheExitStatus() throws {
        let pane = try TmuxPane(command: ["/bin/sh", "-c", "printf 'héllo 世界\\n'; read x; echo got:$x; exit 3"])
        defer { pane.close() }
        try pane.waitFor("héllo 世界")
        try pane.sendText("abc é")
        try pane.sendKeys("Enter")
        let screen = try pane.waitFor("got:abc é")
        #expect(screen.contains("héllo 世界"))
        #expect(try pane.waitForExit() == 3)
        #expect(try pane.waitFor("EXIT:3").contains("EXIT:3"))
    }

    @Test func startsAtTheRequestedSizeAndResizes() throws {
        let pane = try TmuxPane(
            command: ["/bin/sh", "-c", "stty size; read x; stty size; read y"], columns: 100, rows: 30)
        defer { pane.close() }
        try pane.waitFor("30 100")
        #expect(try pane.captureLines().count == 30)
        try pane.resize(columns: 60, rows: 10)
        try pane.sendKeys("Enter")
        try pane.waitFor("10 60")
        let lines = try pane.captureLines()
        #expect(lines.count == 10)
        #expect(lines.allSatisfy { $0.count <= 60 })
        try pane.sendKeys("Enter")
        #expect(try pane.waitForExit() == 0)
    }

    @Test func passesEnvironmentAndAUTF8LocaleWithATTY() throws {
        let pane = try TmuxPane(
            command: ["/bin/sh", "-c", "echo \"term=$TERM lang=$LANG x=$PLENARY_X nc=${NO_COLOR-unset}\"; tty; sleep 30"],
            environment: ["PLENARY_X": "it's ok"])
        defer { pane.close() }
        let screen = try pane.waitFor("/dev/")
        #expect(screen.contains("term=tmux-256color lang=C.UTF-8 x=it's ok nc=unset"))
        #expect(screen.contains(try pane.paneTTY))
    }

    @Test func killsTheProgramNotTheShell() throws {
        let pane = try TmuxPane(command: ["/bin/sh", "-c", "echo ready; exec sleep 30"])
        defer { pane.close() }
        try pane.waitFor("ready")
        #expect(try pane.programPID() != pane.panePID)
        try pane.kill(signal: SIGTERM)
        #expect(try pane.waitForExit() == 128 + SIGTERM)
    }

    @Test func programsStartWithNoBlockedSignals() throws {
        // Swift Testing threads block SIGWINCH/SIGTERM/SIGHUP; the harness must not pass that on.
        let pane = try TmuxPane(command: ["/bin/sh", "-c", "grep -E '^Sig(Blk|Ign)' /proc/self/status; sleep 30"])
        defer { pane.close() }
        let screen = try pane.waitFor("SigIgn")
        let blocked = screen.split(separator: "\n").first { $0.hasPrefix("SigBlk:") }
        #expect(blocked?.dropFirst("SigBlk:".count).trimmingCharacters(in: .whitespaces) == "0000000000000000", "\(screen)")
    }

    @Test func timeoutsReportTheLastScreen() throws {
        let pane = try TmuxPane(command: ["/bin/sh", "-c", "echo something else; sleep 30"])
        defer { pane.close() }
        try pane.waitFor("something else")
        let error = #expect(throws: HarnessError.self) {
            try pane.waitFor("never shown", timeout: .milliseconds(200))
        }
        #expect(error?.message.contains("something else") == true)
    }

    @Test func runCollectsLargeStdoutAndStderrWithoutDeadlock() throws {
        let result = try Subprocess.run(
            ["/bin/sh", "-c", "head -c 300000 /dev/zero | tr '\\0' o; head -c 300000 /dev/zero | tr '\\0' e >&2; cat; exit 4"],
            input: "from stdin")
        #expect(result.status == 4)
        #expect(result.stdout.count == 300000 + "from stdin".count)
        #expect(result.stdout.hasSuffix("from stdin"))
        #expect(result.stderr.count == 300000)
    }

    @Test func runTimesOut() throws {
        let error = #expect(throws: HarnessError.self) {
            try Subprocess.run(["/bin/sh", "-c", "exec sleep 30"], timeout: .milliseconds(300))
        }
        #expect(error?.message.contains("timed out") == true)
    }

    @Test func findsThePlenaryBinary() throws {
        let url = try TmuxPane.plenaryExecutable
        #expect(FileManager.default.isExecutableFile(atPath: url.path))
    }
}
