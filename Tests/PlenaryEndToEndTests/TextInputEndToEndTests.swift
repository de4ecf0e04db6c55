import Foundation
import Glibc
import Testing

/// Keyboard input for text fields through a real terminal (tmux): bracketed pastes, Alt keys, Ctrl-arrows and
/// Ctrl-Z in the entry form; and the terminal's paste mode given back on every way out.
@Suite(.serialized)
struct TextInputEndToEndTests {
    /// A pasted text with everything that used to act as keys: line breaks (tmux sends them as CR), list keys
    /// (`d` deletes, `a` adds), a tab, a screen-clearing escape sequence and control characters (Ctrl-C, Ctrl-Z,
    /// Ctrl-D, BEL).
    static let pastedTheme = "Hydrogen valleys\nd\ta \u{1B}[2J\u{3}\u{1A}\u{4}\u{7}done"
    static let pastedPartners = "Andalucía\nd\n\n\tKainuu\u{1B}[2J\nq"

    static func facilitator(_ file: String, term: String = "tmux-256color") throws -> TmuxPane {
        try TmuxPane(command: [try TmuxPane.plenaryExecutable.path, "run", file, "--group", "wg1"], environment: ["TERM": term])
    }

    /// Runs the program as a shell with job control runs a job: in a process group of its own, in the
    /// terminal's foreground. In a pane's own process group (orphaned: its leader's parent is the tmux server)
    /// the kernel discards a keyboard SIGTSTP's stop, so Ctrl-Z could not be seen to suspend anything.
    static let foregroundJob = """
        import os, signal, sys
        os.setpgid(0, 0)
        signal.signal(signal.SIGTTOU, signal.SIG_IGN)
        os.tcsetpgrp(0, os.getpgrp())
        signal.signal(signal.SIGTTOU, signal.SIG_DFL)
        os.execvp(sys.argv[1], sys.argv[1:])
        """

    /// The program's scheduler state from /proc (R, S, T for stopped…).
    static func processState(_ pane: TmuxPane) throws -> Character? {
        let stat = try String(contentsOfFile: "/proc/\(try pane.programPID())/stat", encoding: .utf8)
        // "pid (comm) S ...": the state follows the command name's closing parenthesis.
        guard let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].first { $0 != " " }
    }

    @Test func aPasteIsTextInTheFieldAndNeverKeys() throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("widex-irm-hub-sevilla.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pane = try Self.facilitator(file)
        defer { pane.close() }
        try pane.waitFor("Add: 1 Action concept")
        try pane.sendText("1")
        try pane.waitFor("ACTION CONCEPT")
        try pane.sendText("Batteries")
        try pane.sendKeys("Escape")
        try pane.waitFor("1. [Action concept] Batteries")

        try pane.sendText("1")
        try pane.waitFor("ACTION CONCEPT")
        try pane.paste(Self.pastedTheme)
        try pane.waitFor("Hydrogen valleys d a done")
        // The form is still open and the screen was not cleared: the escape sequence never reached the terminal.
        var screen = try pane.capture()
        #expect(screen.contains("ACTION CONCEPT") && screen.contains("From S3 Benchmarking"), "\(screen)")
        try pane.sendKeys("Tab")
        try pane.waitFor("Potential partners")
        try pane.paste(Self.pastedPartners)
        try pane.waitFor(" Kainuu")
        // Ten thousand characters into the long field: one event, shown at once.
        try pane.sendKeys("Tab")
        try pane.waitFor("Expected outcome")
        let long = String((0..<1000).map { _ in "outcome42 " }.joined().dropLast()) + "!"
        let started = ContinuousClock.now
        try pane.paste(long)
        try pane.waitFor("outcome42!", timeout: .seconds(20))
        print("10,000 characters pasted into the long field showed after \(ContinuousClock.now - started)")
        try pane.sendKeys("Escape")
        try pane.waitFor("2. [Action concept] Hydrogen valleys d a done")

        // Alt-d on the list is not Esc then d (which deleted the entry): nothing happens. The help that "?"
        // behind it opens shows when both were read.
        try pane.sendKeys("M-d")
        try pane.sendText("?")
        try pane.waitFor("Working-group keys")
        try pane.sendKeys("Escape")
        screen = try pane.waitForAbsence(of: "Working-group keys")
        #expect(screen.contains("1. [Action concept] Batteries") && screen.contains("2. [Action concept] Hydrogen"), "\(screen)")
        // A paste on the list is not typed either.
        try pane.paste("d\nd\n")
        try pane.sendText("?")
        try pane.waitFor("Working-group keys")
        try pane.sendKeys("Escape")
        #expect(try pane.waitForAbsence(of: "Working-group keys").contains("2. [Action concept] Hydrogen"))
        #expect(try pane.quitPlenary() == 0)

        let results = try ModeratorEndToEndTests.results(folder + "/widex-irm-hub-sevilla.wg1.results.json")
        let entries = try #require((results["groups"] as? [[String: Any]])?.first?["entries"] as? [[String: Any]])
        #expect(entries.count == 2)
        let fields = try #require(entries.last?["fields"] as? [[String: Any]])
        #expect(fields[0]["text"] as? String == "Hydrogen valleys d a done")
        #expect(fields[1]["items"] as? [String] == ["Andalucía", "d", " Kainuu", "q"])
        #expect(fields[2]["text"] as? String == long)
    }

    /// Bytes that are not UTF-8: a stray 0xff or 0x80, a lead byte without its continuation, an overlong "/",
    /// an encoded surrogate. Each used to make ncurses wait for the rest of a character and swallow the keys after it.
    static let badBytes: [[UInt8]] = [[0xFF], [0x80], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80]]

    @Test(arguments: ["C.UTF-8", "C"])
    func keysAfterABadByteStillAct(locale: String) throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("widex-irm-hub-sevilla.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pane = try TmuxPane(command: [try TmuxPane.plenaryExecutable.path, "run", file], environment: ["LANG": locale])
        defer { pane.close() }
        try pane.waitFor("AGENDA")
        for bytes in Self.badBytes {
            // The bad bytes and "q" in one write, as a terminal sends what is typed quickly.
            try pane.sendBytes(bytes + [UInt8(ascii: "q")])
            try pane.waitFor("Quit Plenary?", timeout: .seconds(3))
            try pane.sendKeys("Escape")
            try pane.waitForAbsence(of: "Quit Plenary?", timeout: .seconds(3))
        }
        // What a tester once saw swallowed: a bad byte, then Esc q y.
        try pane.sendBytes([0xFF])
        try pane.sendKeys("Escape")
        try pane.sendText("q")
        try pane.waitFor("Quit Plenary?", timeout: .seconds(3))
        try pane.sendText("y")
        #expect(try pane.waitForExit() == 0)
    }

    /// UTF-8 typed in a terminal whose locale is C is decoded anyway (the results file is UTF-8): "Café" is
    /// never stored as "Caf". A byte that is not UTF-8 becomes U+FFFD, and the text after it is kept.
    @Test(arguments: ["C.UTF-8", "C"])
    func typedAccentsAreKeptInAnyLocale(locale: String) throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("widex-irm-hub-sevilla.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pane = try TmuxPane(command: [try TmuxPane.plenaryExecutable.path, "run", file, "--group", "wg1"],
                                environment: ["LANG": locale])
        defer { pane.close() }
        try pane.waitFor("Add: 1 Action concept")
        try pane.sendText("1")
        try pane.waitFor("ACTION CONCEPT")
        try pane.sendText("Caf")
        try pane.sendBytes([0xC3, 0xA9, 0x20, 0xFF, 0x21])
        try pane.sendText(" ok")
        try pane.waitFor(" ok", timeout: .seconds(3))
        try pane.sendKeys("Escape")
        try pane.waitFor("1. [Action concept]")
        #expect(try pane.quitPlenary() == 0)
        let results = try ModeratorEndToEndTests.results(folder + "/widex-irm-hub-sevilla.wg1.results.json")
        let entry = try #require(((results["groups"] as? [[String: Any]])?.first?["entries"] as? [[String: Any]])?.first)
        let fields = try #require(entry["fields"] as? [[String: Any]])
        #expect(fields[0]["text"] as? String == "Café \u{FFFD}! ok")
    }

    @Test func ctrlZUndoesInTheFormAndSuspendsOutsideIt() throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("widex-irm-hub-sevilla.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plenary = try TmuxPane.plenaryExecutable.path
        let pane = try TmuxPane(command: ["python3", "-c", Self.foregroundJob, plenary, "run", file, "--group", "wg1"])
        defer { pane.close() }
        try pane.waitFor("Add: 1 Action concept")
        // Everything the program writes from here on (paste mode is already on), to see it switched off and on.
        let output = pane.directory + "/output"
        try pane.tmuxCommand(["pipe-pane", "-o", "-t", "t", "cat >> " + TmuxPane.shellQuoted(output)])
        try pane.sendText("1")
        try pane.waitFor("ACTION CONCEPT")
        #expect(try VoterEndToEndTests().ttyFlags(pane).contains("-isig"), "the form needs raw input for Ctrl-Z")
        try pane.sendText("Batteries")
        // A motion ends the typing step, so the undo takes back only what follows.
        try pane.sendKeys("Left", "Right")
        try pane.sendText(" and more")
        try pane.waitFor("Batteries and more")
        try pane.sendKeys("C-z")
        try pane.waitForAbsence(of: "and more")
        try pane.waitFor("Batteries")
        #expect(try Self.processState(pane) != "T", "Ctrl-Z in the form stopped the program")
        #expect(!(try String(contentsOfFile: output, encoding: .isoLatin1)).contains("\u{1B}[?2004l"), "Ctrl-Z in the form suspended")
        try pane.sendKeys("C-y")
        try pane.waitFor("Batteries and more")
        // Ctrl-C leaves the form, saving, like Esc.
        try pane.sendKeys("C-c")
        try pane.waitFor("1. [Action concept] Batteries and more")
        #expect(try VoterEndToEndTests().ttyFlags(pane).contains("isig"))

        // On the list Ctrl-Z suspends as in any terminal program, and the shell gets its paste mode back.
        try pane.sendKeys("C-z")
        try pane.waitFor("the program stopped") { _ in try Self.processState(pane) == "T" }
        try pane.waitForAbsence(of: "Batteries and more")
        try pane.kill(signal: SIGCONT)
        try pane.waitFor("1. [Action concept] Batteries and more")
        try pane.sendKeys("C-c")
        #expect(try pane.waitForExit() == 128 + SIGINT)
        try CursesDriverEndToEndTests.expectTerminalRestored(pane)

        // tmux hands the output to the pipe's command as it comes: wait for the exit's part to arrive.
        var modes: [String] = []
        let deadline = ContinuousClock.now + .seconds(5)
        repeat {
            let written = (try? String(contentsOfFile: output, encoding: .isoLatin1)) ?? ""
            modes = written.matches(of: /\x1B\[\?2004([hl])/).map { String($0.output.1) }
            if modes.count >= 3 { break }
            usleep(20_000)
        } while ContinuousClock.now < deadline
        #expect(modes == ["l", "h", "l"], "paste mode off on suspend, on after it, off at the exit")
        let results = try ModeratorEndToEndTests.results(folder + "/widex-irm-hub-sevilla.wg1.results.json")
        let entry = try #require(((results["groups"] as? [[String: Any]])?.first?["entries"] as? [[String: Any]])?.first)
        #expect((entry["fields"] as? [[String: Any]])?.first?["text"] as? String == "Batteries and more")
    }

    /// Under tmux-256color and xterm-256color ncurses knows Ctrl-← from terminfo (kLFT5); vt100 does not, so
    /// the sequence tmux sends (CSI 1;5D) is read by the program itself.
    @Test(arguments: ["tmux-256color", "xterm-256color", "vt100"])
    func ctrlArrowsAndAltKeysMoveByWord(term: String) throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("widex-irm-hub-sevilla.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pane = try Self.facilitator(file, term: term)
        defer { pane.close() }
        try pane.waitFor("Add: 1 Action concept")
        try pane.sendText("1")
        try pane.waitFor("ACTION CONCEPT")
        try pane.sendText("alpha beta gamma")
        let steps = [(["C-Left"], "X", "alpha beta Xgamma"), (["C-Left", "C-Left"], "Y", "alpha Ybeta Xgamma"),
                     (["C-Right"], "Z", "alpha YbetaZ Xgamma")]
        for (keys, letter, shown) in steps {
            try pane.sendKeys(keys)
            try pane.sendText(letter)
            try pane.waitFor(shown)
        }
        // Alt-b back a word, Alt-d deletes the next one, Alt-Backspace the one before: the form stays open.
        try pane.sendKeys("M-b", "M-d")
        try pane.waitFor("alpha  Xgamma")
        try pane.sendKeys("M-BSpace")
        try pane.waitForAbsence(of: "alpha")
        #expect(try pane.capture().contains("ACTION CONCEPT"))
        try pane.sendKeys("Escape")
        try pane.waitFor("1. [Action concept]")
        #expect(try pane.quitPlenary() == 0)
        let results = try ModeratorEndToEndTests.results(folder + "/widex-irm-hub-sevilla.wg1.results.json")
        let entry = try #require(((results["groups"] as? [[String: Any]])?.first?["entries"] as? [[String: Any]])?.first)
        #expect((entry["fields"] as? [[String: Any]])?.first?["text"] as? String == " Xgamma")
    }
}
