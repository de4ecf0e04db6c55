import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs programs with `posix_spawn`, never Foundation's `Process` (a tmux server inherits Process's
/// descriptors and `waitUntilExit` hangs; see /work/shared/terminal-notes.md).
///
/// Every child starts with an empty signal mask and default handlers for the job-control and
/// termination signals (a Swift Testing thread blocks SIGWINCH/SIGTERM/SIGHUP, and children inherit
/// that), and with every descriptor above 2 closed, so no child keeps another test's pipe open.
enum Subprocess {
    /// Runs `arguments` (the first is a path, or a name looked up in PATH) to completion, feeding
    /// `input` to stdin (or /dev/null) and collecting stdout and stderr without risk of deadlock.
    /// - Parameters:
    ///   - environment: the child's whole environment; nil inherits this process's.
    ///   - workingDirectory: where the child starts (nil: here). Use a temporary folder for anything
    ///     that writes files next to itself, so tests leave nothing in the repository.
    /// - Throws: `HarnessError` if the program cannot start or runs longer than `timeout` (it is then killed).
    static func run(
        _ arguments: [String],
        environment: [String: String]? = nil,
        workingDirectory: String? = nil,
        input: String? = nil,
        timeout: Duration = .seconds(60)
    ) throws -> SubprocessResult {
        precondition(!arguments.isEmpty, "Subprocess.run needs a program")
        var arguments = arguments
        if let workingDirectory {
            // posix_spawn cannot chdir portably; a shell that cds and execs keeps the same pid.
            guard let program = executablePath(for: arguments[0]) else {
                throw HarnessError("cannot run \(arguments[0]): not found in PATH")
            }
            arguments = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", workingDirectory, program] + arguments.dropFirst()
        }
        let stdoutPipe = try makePipe()
        let stderrPipe = try makePipe()
        let stdinPipe = input == nil ? nil : try makePipe()
        var parentEnds = [stdoutPipe.read, stderrPipe.read]
        if let stdinPipe { parentEnds.append(stdinPipe.write) }

        let pid: pid_t
        do {
            pid = try spawn(
                arguments, environment: environment,
                stdin: stdinPipe.map { .descriptor($0.read) } ?? .devNull,
                stdout: .descriptor(stdoutPipe.write),
                stderr: .descriptor(stderrPipe.write))
        } catch {
            for fd in parentEnds + [stdoutPipe.write, stderrPipe.write] { close(fd) }
            if let stdinPipe { close(stdinPipe.read) }
            throw error
        }
        close(stdoutPipe.write)
        close(stderrPipe.write)
        if let stdinPipe { close(stdinPipe.read) }

        var output = [UInt8](), errors = [UInt8]()
        let pending = Array((input ?? "").utf8)
        var written = 0
        var readers: [Int32] = [stdoutPipe.read, stderrPipe.read]
        var writer: Int32 = stdinPipe?.write ?? -1
        if writer >= 0 {
            // A child that exits without reading all its input must not kill the test run with SIGPIPE.
            _ = signal(SIGPIPE, SIG_IGN)
            _ = fcntl(writer, F_SETFL, fcntl(writer, F_GETFL) | O_NONBLOCK)
            if pending.isEmpty { close(writer); writer = -1 }
        }
        let deadline = ContinuousClock.now + timeout
        var timedOut = false
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !readers.isEmpty {
            var fds = readers.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if writer >= 0 { fds.append(pollfd(fd: writer, events: Int16(POLLOUT), revents: 0)) }
            let remaining = deadline - ContinuousClock.now
            if remaining <= .zero {
                timedOut = true
                break
            }
            let ready = poll(&fds, nfds_t(fds.count), Int32(clamping: remaining.milliseconds + 1))
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for entry in fds where entry.revents != 0 {
                if entry.fd == writer {
                    let count = pending[written...].withUnsafeBytes { write(writer, $0.baseAddress, $0.count) }
                    if count > 0 { written += count }
                    if (count < 0 && errno != EAGAIN && errno != EINTR) || written == pending.count {
                        close(writer)
                        writer = -1
                    }
                    continue
                }
                let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    if entry.fd == stdoutPipe.read {
                        output.append(contentsOf: buffer[0..<count])
                    } else {
                        errors.append(contentsOf: buffer[0..<count])
                    }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(entry.fd)
                    readers.removeAll { $0 == entry.fd }
                }
            }
        }
        if writer >= 0 { close(writer) }
        for fd in readers { close(fd) }
        if timedOut { _ = kill(pid, SIGKILL) }
        let status = waitForExit(pid)
        let result = SubprocessResult(
            status: status,
            stdout: String(decoding: output, as: UTF8.self),
            stderr: String(decoding: errors, as: UTF8.self))
        if timedOut {
            throw HarnessError("timed out after \(timeout): \(arguments.joined(separator: " "))\n\(result)")
        }
        return result
    }

    /// Where a child's standard descriptor comes from.
    enum Source {
        case devNull
        case descriptor(Int32)
        /// A file opened for appending (created if needed), e.g. to keep a tool's error messages.
        case file(String)
    }

    /// Starts `arguments` and returns its pid; the caller must reap it (`waitForExit`).
    static func spawn(
        _ arguments: [String],
        environment: [String: String]? = nil,
        stdin: Source = .devNull,
        stdout: Source = .devNull,
        stderr: Source = .devNull
    ) throws -> pid_t {
        guard let program = arguments.first.flatMap(executablePath(for:)) else {
            throw HarnessError("cannot run \(arguments.first ?? "?"): not found in PATH=\(ProcessInfo.processInfo.environment["PATH"] ?? "")")
        }

        #if os(Linux)
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #else
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }

        for (target, source) in [(Int32(0), stdin), (1, stdout), (2, stderr)] {
            switch source {
            case .devNull:
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0)
            case .descriptor(let fd):
                posix_spawn_file_actions_adddup2(&actions, fd, target)
            case .file(let path):
                posix_spawn_file_actions_addopen(&actions, target, path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            }
        }
        #if os(Linux)
        if let closeFrom = LinuxExtras.addCloseFrom {
            _ = closeFrom(&actions, 3)
        }
        #endif

        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGWINCH, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let environmentStrings = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environmentStrings.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw HarnessError("cannot run \(program): \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// Reaps `pid`; returns its exit status, or 128 + signal when a signal ended it.
    @discardableResult
    static func waitForExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return -1 }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// `name` itself when it contains a slash, else its first executable match in PATH.
    static func executablePath(for name: String) -> String? {
        if name.contains("/") {
            return access(name, X_OK) == 0 ? name : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// A pipe whose ends are closed on exec, so children spawned by other tests never hold them.
    private static func makePipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        #if os(Linux)
        // Atomic close-on-exec when glibc has pipe2 (Swift's Glibc module hides the _GNU_SOURCE API).
        let made = LinuxExtras.pipe2.map { $0(&fds, O_CLOEXEC) } ?? pipe(&fds)
        #else
        let made = pipe(&fds)
        #endif
        guard made == 0 else {
            throw HarnessError("cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }
}

#if os(Linux)
/// glibc functions declared only under _GNU_SOURCE/_DEFAULT_SOURCE variants that Swift's Glibc module
/// does not import; looked up at run time, nil on an older glibc.
private enum LinuxExtras {
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32

    static let addCloseFrom: AddCloseFrom? = symbol("posix_spawn_file_actions_addclosefrom_np")
    static let pipe2: Pipe2? = symbol("pipe2")

    private static func symbol<T>(_ name: String) -> T? {
        guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, name) else { return nil }
        return unsafeBitCast(address, to: T.self)
    }
}
#endif

extension Duration {
    /// Whole milliseconds, rounded down.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
