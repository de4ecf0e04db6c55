/// What a finished non-interactive command left behind.
struct SubprocessResult: Sendable, Equatable, CustomStringConvertible {
    /// The exit status, or 128 + signal number when a signal ended the process.
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String {
        "status \(status)\n--- stdout ---\n\(stdout)\n--- stderr ---\n\(stderr)"
    }
}
