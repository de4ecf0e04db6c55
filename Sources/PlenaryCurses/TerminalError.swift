/// Why the terminal could not be opened, as one line a person can act on.
public struct TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
