/// The host's answer to a phone's request.
public enum WebOutcome: Sendable, Equatable {
    /// In the journal, on disk.
    case recorded
    case refused(String)
    /// Refused because of the voting code: the page asks for the code again.
    case refusedCode(String)
}
