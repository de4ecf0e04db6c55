import Foundation
import Glibc
import Testing

/// The curses driver, seen through the real `plenary run` (built-in demo) in tmux: terminal types,
/// refusal of unusable terminals, clean exits on signals, resize, NO_COLOR.
/// Each pane starts in its own temporary folder, so the demo's journal and results land there.
@Suite(.serialized)
struct CursesDriverEndToEndTests {
    /// Text the moderator screen shows once drawn (update if the screen's wording changes).
    static let drawnMarker = "AGENDA"

    static func demo(
        term: String = "tmux-256color", columns: Int = 100, rows: Int = 30, environment: [String: String] = [:]
    ) throws -> TmuxPane {
        var environment = environment
        environment["TERM"] = term
        return try TmuxPane(
            command: [try TmuxPane.plenaryExecutable.path, "run"], columns: columns, rows: rows,
            environment: environment)
    }

    /// After the program ended: the shell's screen is back (no alternate screen) with a visible cursor.
    static func expectTerminalRestored(_ pane: TmuxPane, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try pane.display("#{alternate_on}") == "0", "alternate screen still on", sourceLocation: sourceLocation)
        #expect(try pane.display("#{cursor_flag}") == "1", "cursor still hidden", sourceLocation: sourceLocation)
    }

    @Test(arguments: ["xterm-256color", "screen", "tmux-256color", "linux", "vt100"])
    func drawsUnderCommonTerminalTypes(term: String) throws {
        let pane = try Self.demo(term: term)
        defer { pane.close() }
        // The whole first frame, not only its top: under load tmux can be read between two chunks of it.
        try pane.waitFor("the first frame down to the bottom row") { screen in
            screen.contains(Self.drawnMarker) && screen.split(separator: "\n", omittingEmptySubsequences: false).count >= 30
                && screen.split(separator: "\n", omittingEmptySubsequences: false)[29].contains("help")
        }
        let lines = try pane.captureLines()
        #expect(lines.count == 30)
        #expect(lines.last?.isEmpty == false, "the bottom row is drawn")
        try pane.kill(signal: SIGTERM)
        #expect(try pane.waitForExit() == 128 + SIGTERM)
        try Self.expectTerminalRestored(pane)
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP, SIGQUIT])
    func exitSignalsRestoreTheTerminalAndExit128PlusSignal(signal: Int32) throws {
        let pane = try Self.demo()
        defer { pane.close() }
        try pane.waitFor(Self.drawnMarker)
        try pane.kill(signal: signal)
        #expect(try pane.waitForExit() == 128 + signal)
        try Self.expectTerminalRestored(pane)
        // Printed after restore(), so it shows on the normal screen.
        #expect(try pane.capture().contains("Results:"))
    }

    /// A terminal can vanish without a SIGHUP reaching Plenary: under a wrapper that is the session's leader and
    /// survives the hang-up (strace did), or, as here, in a session of its own (`setsid`). Reading the terminal then
    /// fails at once, every time; Plenary used to take that for a timeout and spin at full CPU forever. Now it ends
    /// the way a hang-up does: the step typed before is in the journal and the results file is written.
    @Test func aTerminalGoneWithoutSIGHUPEndsTheWorkshopLikeAHangUp() throws {
        let setsid = try #require(Subprocess.executablePath(for: "setsid"), "needs setsid (util-linux)")
        let pane = try TmuxPane(command: [setsid, try TmuxPane.plenaryExecutable.path, "run"], columns: 100, rows: 30)
        defer { pane.close() }
        try pane.waitFor(Self.drawnMarker)
        let pid = try pane.programPID()
        try pane.sendText("n")
        try pane.waitFor("1 action recorded")
        try pane.tmuxCommand(["kill-pane", "-t", "t"])
        let deadline = ContinuousClock.now + .seconds(10)
        while let state = try? Self.processState(pid), state != "Z" {
            guard ContinuousClock.now < deadline else {
                // Outside tmux's session, closing the pane would not end it.
                Glibc.kill(pid, SIGKILL)
                Issue.record("plenary still running (state \(state)) 10 s after its terminal went away")
                return
            }
            usleep(20_000)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: pane.directory)
        let journal = try #require(files.first { $0.hasSuffix(".journal.jsonl") }, "no journal among \(files)")
        let results = try #require(files.first { $0.hasSuffix(".results.json") }, "no results among \(files)")
        #expect(try String(contentsOfFile: pane.directory + "/" + journal, encoding: .utf8).contains("\"next\""))
        let data = try Data(contentsOf: URL(fileURLWithPath: pane.directory + "/" + results))
        #expect(try JSONSerialization.jsonObject(with: data) is [String: Any])
    }

    @Test func ctrlCIsSIGINTOnTheModeratorScreen() throws {
        let pane = try Self.demo()
        defer { pane.close() }
        try pane.waitFor(Self.drawnMarker)
        try pane.sendKeys("C-c")
        #expect(try pane.waitForExit() == 128 + SIGINT)
        try Self.expectTerminalRestored(pane)
    }

    /// ncurses 6.4 flushes after every cursor movement until its screen has been left once with `endwin`: a key's
    /// frame went out as a dozen writes of a few bytes. The driver takes the screen back once at start (decision 95),
    /// so each frame after a key is one write. And nothing reaches the terminal between the key and the end of its
    /// record's sync (decision 56). strace shows both: the writes to the terminal (fd 1) by the main thread after the
    /// key's journal sync returned (on whichever thread), up to the loop's next wait, and none before it.
    @Test func eachFrameAfterAKeyIsOneWriteAndComesAfterTheSync() throws {
        let strace = Subprocess.executablePath(for: "strace")
        try #require(strace != nil, "needs strace: apt-get install strace (scripts/lib/prerequisites.sh installs it)")
        let pane = try TmuxPane(
            command: [strace!, "-f", "-qq", "-e", "trace=read,write,fdatasync,poll", "-o", "strace.txt",
                      try TmuxPane.plenaryExecutable.path, "run"],
            columns: 100, rows: 30, environment: ["TERM": "xterm-256color"])
        defer { pane.close() }
        try pane.waitFor(Self.drawnMarker)
        try pane.sendText(" ")
        try pane.waitFor("1 action recorded")
        try pane.sendText("+")
        try pane.waitFor("2 actions recorded")
        #expect(try pane.quitPlenary() == 0)

        let trace = try String(contentsOfFile: pane.directory + "/strace.txt", encoding: .utf8)
        let lines = trace.split(separator: "\n")
        let mainThread = try #require(lines.first?.split(separator: " ").first)
        var framesAfterKeys: [Int] = []
        var writes: Int?
        var writesBeforeTheirSync = 0
        // The journal is created (and synced) before the screen opens: only a sync after a key read counts. A key
        // that records nothing (`q`) is answered before the loop's next wait, with no sync in between.
        var keyRead = false
        var writesSinceKey = 0
        for line in lines {
            let onMainThread = line.split(separator: " ").first == mainThread
            if onMainThread && line.contains("read(0, ") {
                keyRead = true
                writesSinceKey = 0
            } else if line.contains("fdatasync"), line.hasSuffix("= 0"), keyRead {
                writesBeforeTheirSync += writesSinceKey
                keyRead = false
                writes = 0
            } else if onMainThread && line.contains("poll(") {
                if let count = writes { framesAfterKeys.append(count) }
                writes = nil
                keyRead = false
            } else if onMainThread && line.contains("write(1, ") {
                writesSinceKey += 1
                if let count = writes { writes = count + 1 }
            }
        }
        // Both keys were journaled (start, +1 min); each answer is one write, after the sync.
        #expect(framesAfterKeys.count >= 2, "\(trace.suffix(3000))")
        #expect(framesAfterKeys.allSatisfy { $0 == 1 }, "writes per frame after a key: \(framesAfterKeys)")
        #expect(writesBeforeTheirSync == 0, "\(trace.suffix(3000))")
    }

    @Test func redrawsEverythingAfterAResize() throws {
        let pane = try Self.demo(columns: 100, rows: 30)
        defer { pane.close() }
        try pane.waitFor(Self.drawnMarker)
        // Growing leaves rows 30-39 blank unless the program redraws for the new size.
        try pane.resize(columns: 120, rows: 40)
        try pane.waitFor("a full redraw at 120x40") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 40 && !lines[39].isEmpty && screen.contains(Self.drawnMarker)
        }
        try pane.resize(columns: 60, rows: 20)
        try pane.waitFor("a full redraw at 60x20") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 20 && !lines[19].isEmpty && lines.allSatisfy { $0.count <= 60 }
        }
        try pane.kill(signal: SIGTERM)
        #expect(try pane.waitForExit() == 128 + SIGTERM)
    }

    /// The process state letter from /proc (R running, S sleeping, T stopped).
    static func processState(_ pid: pid_t) throws -> Character {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        // "pid (comm) S ...": the state follows the last ")".
        let afterName = try #require(stat.lastIndex(of: ")"))
        return try #require(stat[stat.index(afterName, offsetBy: 2)...].first)
    }

    static func waitForProcessState(_ pid: pid_t, _ expected: Character) throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while try processState(pid) != expected {
            guard ContinuousClock.now < deadline else {
                throw HarnessError("process \(pid) never reached state \(expected) (is \(try processState(pid)))")
            }
            usleep(20_000)
        }
    }

    /// Types `plenary ARGUMENTS` into an interactive shell (job control on, so the program has a process group of its
    /// own, as in a real terminal); returns the pane and the program's pid once `marker` shows.
    static func startInShell(_ arguments: [String], showing marker: String) throws -> (TmuxPane, pid_t) {
        let pane = try TmuxPane(command: ["/bin/sh", "-i"], columns: 100, rows: 30, environment: ["PS1": "shell> "])
        do {
            try pane.waitFor("shell>")
            try pane.sendText(([try TmuxPane.plenaryExecutable.path] + arguments).map(TmuxPane.shellQuoted).joined(separator: " "))
            try pane.sendKeys("Enter")
            try pane.waitFor(marker)
            let shell = try pane.programPID()
            let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
            return (pane, try #require(pid_t(children.split(separator: " ").first ?? "")))
        } catch {
            pane.close()
            throw error
        }
    }

    /// Ctrl-Z and `fg` as a person types them, in an interactive shell with job control: a program started
    /// straight by tmux is in an orphaned process group, where the kernel discards stop signals.
    @Test func ctrlZGivesTheTerminalBackAndFgRedrawsEverything() throws {
        let (pane, pid) = try Self.startInShell(["run"], showing: Self.drawnMarker)
        defer { pane.close() }
        try pane.sendKeys("C-z")
        try Self.waitForProcessState(pid, "T")
        try pane.waitFor("the shell's prompt while stopped") { !$0.contains(Self.drawnMarker) && $0.contains("shell>") }
        #expect(try pane.display("#{alternate_on}") == "0")
        #expect(try pane.display("#{cursor_flag}") == "1", "the cursor is visible while stopped")
        // While stopped, the window changes size; the redraw must use the new one.
        try pane.resize(columns: 90, rows: 28)
        try pane.sendText("fg")
        try pane.sendKeys("Enter")
        try pane.waitFor("a full redraw at 90x28 after fg") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return screen.contains(Self.drawnMarker) && lines.count >= 28 && !lines[27].isEmpty
                && lines.allSatisfy { $0.count <= 90 }
        }
        #expect(try pane.display("#{alternate_on}") == "1")
        try pane.sendText("?")
        try pane.waitFor("End this slot and start the next one")
        Glibc.kill(pid, SIGTERM)
        try pane.waitFor("Results:")
    }

    @Test func theVoterScreenIgnoresSuspend() throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("demo.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plenary = try TmuxPane.plenaryExecutable.path
        let hash = try Subprocess.run([plenary, "pin"], input: "975319\n").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines).dropFirst("voter_pin: \"".count).dropLast()
        let (pane, pid) = try Self.startInShell(["run", file, "--voter", "--pin-hash", String(hash)], showing: "Press Enter to vote")
        defer { pane.close() }
        try pane.sendKeys("C-z")
        Glibc.kill(pid, SIGTSTP)
        // Give a stop every chance to happen: the loop wakes at least once a second.
        Thread.sleep(forTimeInterval: 1.5)
        #expect(try Self.processState(pid) != "T", "a voter terminal must not be stoppable")
        #expect(try pane.display("#{alternate_on}") == "1")
        #expect(try pane.capture().contains("VOTING"))
        Glibc.kill(pid, SIGTERM)
        try pane.waitFor("Results:")
    }

    @Test(arguments: [("dumb", "needs a terminal with cursor addressing (TERM=dumb)"),
                      ("no-such-terminal", "does not know the terminal type \"no-such-terminal\""),
                      ("", "TERM is not set")])
    func refusesUnusableTerminals(term: String, message: String) throws {
        let pane = try Self.demo(term: term, columns: 200)
        defer { pane.close() }
        #expect(try pane.waitForExit() == 1)
        #expect(try pane.capture().contains(message))
    }

    /// A refused start used to create the journal and the results file first.
    @Test(arguments: ["dumb", "no-such-terminal", ""])
    func aRefusedStartWritesNoFile(term: String) throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("demo.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pane = try TmuxPane(command: [try TmuxPane.plenaryExecutable.path, "run", file], columns: 200, rows: 30,
                                environment: ["TERM": term])
        defer { pane.close() }
        #expect(try pane.waitForExit() == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["demo.yaml"])
    }

    @Test func refusesToRunWithoutATerminal() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plenary-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Subprocess.run(
            [try TmuxPane.plenaryExecutable.path, "run"],
            environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"],
            workingDirectory: folder.path, timeout: .seconds(20))
        #expect(result.status == 1)
        #expect(result.stderr.contains("needs an interactive terminal"), "\(result)")
    }

    @Test func colourByDefaultAndNoneUnderNoColor() throws {
        let colourSGR = /\x1B\[(?:[0-9;]*;)?[34][0-7]m/
        let coloured = try Self.demo()
        defer { coloured.close() }
        try coloured.waitFor(Self.drawnMarker)
        #expect(try coloured.captureWithEscapes().firstMatch(of: colourSGR) != nil)

        let plain = try Self.demo(environment: ["NO_COLOR": "1"])
        defer { plain.close() }
        try plain.waitFor(Self.drawnMarker)
        let escapes = try plain.captureWithEscapes()
        #expect(escapes.firstMatch(of: colourSGR) == nil, "\(escapes.debugDescription)")
    }
}
