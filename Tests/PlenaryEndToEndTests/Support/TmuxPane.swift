import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One program running in a private tmux server, for end-to-end tests:
///
/// ```swift
/// let pane = try TmuxPane(command: [try TmuxPane.plenaryExecutable.path, "run", file])
/// try pane.waitFor("Agenda")
/// try pane.sendKeys("Down", "Enter")
/// try pane.sendText("q")
/// #expect(try pane.waitForExit() == 0)
/// ```
///
/// The pane runs `env LANG=C.UTF-8 TERM=tmux-256color <environment> <command>` (LC_ALL, LC_CTYPE,
/// NO_COLOR and TMUX removed unless `environment` sets them), then prints `EXIT:<status>` and sleeps,
/// so the last screen stays readable. Each pane has its own server and temporary folder, both
/// removed by `close()` (or `deinit`).
final class TmuxPane {
    /// The folder holding the server socket, the program's pid and its exit status.
    let directory: String
    let columns: Int
    let rows: Int
    private let tmux: String
    private var isClosed = false

    /// Poll interval of the `waitFor…` methods.
    static let pollInterval: Duration = .milliseconds(20)

    /// True when a `tmux` executable is on PATH (for `.enabled(if: TmuxPane.isAvailable)`).
    static var isAvailable: Bool { Subprocess.executablePath(for: "tmux") != nil }

    /// The `plenary` built next to this test bundle (see `BuiltProducts`).
    static var plenaryExecutable: URL {
        get throws { try BuiltProducts.executable(named: "plenary") }
    }

    /// Starts `command` (program and arguments, no shell) in a new `columns`×`rows` pane.
    /// - Parameter workingDirectory: where the program starts; by default the pane's own temporary
    ///   folder (`directory`), so files a program writes next to itself never land in the repository.
    /// - Throws: `HarnessError` when tmux is not installed or the session cannot start.
    init(
        command: [String], columns: Int = 100, rows: Int = 30, environment: [String: String] = [:],
        workingDirectory: String? = nil
    ) throws {
        precondition(!command.isEmpty, "TmuxPane needs a command")
        guard let tmux = Subprocess.executablePath(for: "tmux") else {
            throw HarnessError("tmux is not installed (not found in PATH); the end-to-end tests need it: apt-get install tmux")
        }
        self.tmux = tmux
        self.columns = columns
        self.rows = rows
        // Short and under /tmp: a Unix socket path must stay under ~100 bytes.
        var template = Array("/tmp/plenary-e2e-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw HarnessError("cannot create a temporary folder: \(String(cString: strerror(errno)))")
        }
        directory = String(cString: made)

        var variables = ["LANG": "C.UTF-8", "TERM": "tmux-256color"]
        variables.merge(environment) { _, new in new }
        let unset = ["LC_ALL", "LC_CTYPE", "NO_COLOR", "TMUX", "TMUX_PANE"].filter { environment[$0] == nil }
        let program = (["exec", "env"] + unset.flatMap { ["-u", $0] }
            + variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            + command).map(Self.shellQuoted).joined(separator: " ")
        // The inner shell records its pid and execs env, which execs the program: same pid throughout.
        let inner = "echo $$ > \(Self.shellQuoted(directory + "/pid")) && \(program)"
        // Ctrl-C / Ctrl-\ typed in the pane signal the whole foreground group, wrapper included: the
        // wrapper catches them (a no-op trap, which the program does not inherit, unlike "ignore")
        // so it survives to report the status.
        let paneCommand = "trap : INT QUIT; /bin/sh -c \(Self.shellQuoted(inner)); s=$?; echo EXIT:$s; "
            + "echo $s > \(Self.shellQuoted(directory + "/exit-status")); sleep 600"

        let config = directory + "/tmux.conf"
        // `window-size manual` (so resize-window takes) is set after new-session: in a config file
        // tmux 3.3a's server dies creating the first session ("server exited unexpectedly").
        let options = """
            set -g status off
            set -g history-limit 0
            set -g remain-on-exit off
            set -s escape-time 0

            """
        do {
            try options.write(toFile: config, atomically: false, encoding: .utf8)
        } catch {
            removeDirectory()
            throw HarnessError("cannot write \(config): \(error)")
        }
        let log = directory + "/tmux-errors.log"
        do {
            // The client exits once the detached session exists; the server daemonises with its
            // descriptors on /dev/null, so nothing here waits on it.
            let pid = try Subprocess.spawn(
                [tmux, "-u", "-S", directory + "/sock", "-f", config,
                 "new-session", "-d", "-s", "t", "-x", String(columns), "-y", String(rows),
                 "-c", workingDirectory ?? directory, paneCommand,
                 ";", "set-option", "-g", "window-size", "manual"],
                environment: Self.tmuxEnvironment, stdout: .devNull, stderr: .file(log))
            let status = Subprocess.waitForExit(pid)
            guard status == 0 else {
                let errors = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                throw HarnessError("tmux new-session failed with status \(status): \(errors)")
            }
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    /// Kills the tmux server (and with it the program) and removes the folder. Safe to call twice.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        _ = try? tmuxCommand(["kill-server"])
        removeDirectory()
    }

    // MARK: Reading the screen

    /// The visible screen as text, one line per row, trailing blanks removed by tmux.
    func capture() throws -> String {
        try tmuxCommand(["capture-pane", "-p", "-t", "t"]).stdout
    }

    /// The visible screen, one string per row.
    func captureLines() throws -> [String] {
        var lines = try capture().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The visible screen with SGR escape sequences (bold, reverse, colours), to check emphasis.
    func captureWithEscapes() throws -> String {
        try tmuxCommand(["capture-pane", "-p", "-e", "-t", "t"]).stdout
    }

    /// Polls until the screen contains `text`; returns that screen.
    /// - Throws: `HarnessError` with the last screen when `timeout` passes first.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(10)) throws -> String {
        try waitFor("the screen to show \"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Polls until the screen no longer contains `text`; returns that screen.
    @discardableResult
    func waitForAbsence(of text: String, timeout: Duration = .seconds(10)) throws -> String {
        try waitFor("\"\(text)\" to disappear", timeout: timeout) { !$0.contains(text) }
    }

    /// Polls until `condition` holds for the screen; returns that screen.
    @discardableResult
    func waitFor(
        _ description: String, timeout: Duration = .seconds(10), until condition: (String) throws -> Bool
    ) throws -> String {
        let deadline = ContinuousClock.now + timeout
        var screen = ""
        while true {
            screen = try capture()
            if try condition(screen) { return screen }
            if ContinuousClock.now >= deadline { break }
            Self.sleep(Self.pollInterval)
        }
        throw HarnessError("timed out after \(timeout) waiting for \(description); last screen:\n\(Self.framed(screen))")
    }

    /// Waits for the program to end; returns its exit status (128 + n when signal n ended it).
    func waitForExit(timeout: Duration = .seconds(10)) throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let status = exitStatus { return status }
            if ContinuousClock.now >= deadline { break }
            Self.sleep(Self.pollInterval)
        }
        let screen = (try? capture()) ?? "(capture failed)"
        throw HarnessError("timed out after \(timeout) waiting for the program to exit; last screen:\n\(Self.framed(screen))")
    }

    /// The exit status once the program has ended, else nil.
    var exitStatus: Int32? {
        guard let text = try? String(contentsOfFile: directory + "/exit-status", encoding: .utf8),
              text.hasSuffix("\n") else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    // MARK: Input

    /// Types `text` literally (tmux `send-keys -l`): "q", "héllo", "Enter" as five letters.
    func sendText(_ text: String) throws {
        try tmuxCommand(["send-keys", "-t", "t", "-l", "--", text])
    }

    /// Sends raw bytes (tmux `send-keys -H`), such as a stray 0xff or half a UTF-8 character, as a terminal would.
    func sendBytes(_ bytes: [UInt8]) throws {
        try tmuxCommand(["send-keys", "-t", "t", "-H"] + bytes.map { String($0, radix: 16) })
    }

    /// Presses tmux key names in order: "Enter", "Space", "Escape", "Tab", "BTab", "BSpace", "DC",
    /// "Up", "Down", "Left", "Right", "Home", "End", "PPage", "NPage", "F1", "C-c", "M-x".
    func sendKeys(_ keys: String...) throws {
        try sendKeys(keys)
    }

    func sendKeys(_ keys: [String]) throws {
        try tmuxCommand(["send-keys", "-t", "t"] + keys)
        if keys.last == "Escape" { try letEscapeStandAlone() }
    }

    /// A key that reaches Plenary within its Esc delay (25 ms) after an Esc is Alt plus that key, as in any
    /// terminal program; a person's next key comes much later. So after an Esc, wait until the program has
    /// read it (the pane terminal's input queue is empty), then longer than that delay.
    private func letEscapeStandAlone() throws {
        Self.sleep(.milliseconds(30))
        let tty = try paneTTY
        let descriptor = open(tty, O_RDONLY | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { throw HarnessError("cannot open \(tty): \(String(cString: strerror(errno)))") }
        defer {
            #if canImport(Glibc)
            _ = Glibc.close(descriptor)
            #else
            _ = Darwin.close(descriptor)
            #endif
        }
        let deadline = ContinuousClock.now + .seconds(5)
        var unread: Int32 = 1
        while ioctl(descriptor, UInt(FIONREAD), &unread) == 0, unread > 0, ContinuousClock.now < deadline {
            Self.sleep(.milliseconds(5))
        }
        Self.sleep(.milliseconds(60))
    }

    /// Resizes the window (the program gets SIGWINCH) and waits until tmux reports the new size.
    /// Resizes sent back to back are coalesced: wait for each one's effect before the next.
    func resize(columns: Int, rows: Int) throws {
        try tmuxCommand(["resize-window", "-t", "t", "-x", String(columns), "-y", String(rows)])
        let expected = "\(columns)x\(rows)"
        let deadline = ContinuousClock.now + .seconds(5)
        var actual = ""
        while ContinuousClock.now < deadline {
            actual = try display("#{pane_width}x#{pane_height}")
            if actual == expected { return }
            Self.sleep(Self.pollInterval)
        }
        throw HarnessError("tmux did not resize the pane to \(expected) (still \(actual))")
    }

    // MARK: Processes

    /// The pane's terminal device, e.g. /dev/pts/7.
    var paneTTY: String {
        get throws { try display("#{pane_tty}") }
    }

    /// The pid of the pane's shell (which waits for the program, then prints EXIT:n).
    var panePID: pid_t {
        get throws {
            let text = try display("#{pane_pid}")
            guard let pid = pid_t(text) else { throw HarnessError("tmux gave no pane pid (\"\(text)\")") }
            return pid
        }
    }

    /// The program's own pid (recorded by the wrapper shell just before it execs the program).
    func programPID(timeout: Duration = .seconds(5)) throws -> pid_t {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let text = try? String(contentsOfFile: directory + "/pid", encoding: .utf8),
               text.hasSuffix("\n"), let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return pid
            }
            if ContinuousClock.now >= deadline { break }
            Self.sleep(Self.pollInterval)
        }
        throw HarnessError("the program's pid was not recorded within \(timeout)")
    }

    /// Sends `signal` to the program (not to the pane's shell).
    func kill(signal: Int32) throws {
        let pid = try programPID()
        #if canImport(Glibc)
        let result = Glibc.kill(pid, signal)
        #else
        let result = Darwin.kill(pid, signal)
        #endif
        guard result == 0 else {
            throw HarnessError("kill(\(pid), \(signal)) failed: \(String(cString: strerror(errno)))")
        }
    }

    // MARK: Plumbing

    /// Runs a tmux command against this pane's server and returns its result.
    @discardableResult
    func tmuxCommand(_ arguments: [String]) throws -> SubprocessResult {
        let result = try Subprocess.run(
            [tmux, "-u", "-S", directory + "/sock"] + arguments,
            environment: Self.tmuxEnvironment, timeout: .seconds(10))
        guard result.status == 0 else {
            throw HarnessError("tmux \(arguments.joined(separator: " ")) failed: \(result)")
        }
        return result
    }

    /// tmux's `display -p` for a format, without the trailing newline.
    func display(_ format: String) throws -> String {
        try tmuxCommand(["display-message", "-p", "-t", "t", format]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func removeDirectory() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// This process's environment for tmux itself: UTF-8, /bin/sh as the pane shell, not nested.
    private static var tmuxEnvironment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        environment["TMUX_PANE"] = nil
        environment["LC_ALL"] = "C.UTF-8"
        environment["LANG"] = "C.UTF-8"
        environment["SHELL"] = "/bin/sh"
        return environment
    }

    /// `text` as one POSIX shell word.
    static func shellQuoted(_ text: String) -> String {
        if !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0)) }) {
            return text
        }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The screen between rulers, with row numbers, for failure messages.
    static func framed(_ screen: String) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let body = lines.enumerated().map { String(format: "%2d|", $0.offset) + $0.element }.joined(separator: "\n")
        return "  +" + String(repeating: "-", count: 40) + "\n" + body + "\n  +" + String(repeating: "-", count: 40)
    }

    private static func sleep(_ duration: Duration) {
        _ = usleep(useconds_t(max(1, duration.milliseconds) * 1000))
    }
}
