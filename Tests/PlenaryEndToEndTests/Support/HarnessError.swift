/// A failure of the end-to-end harness (tmux missing, a timeout, a process that would not start),
/// with everything needed to understand it in the message (for a timeout: the last screen).
struct HarnessError: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}
