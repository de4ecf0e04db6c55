/// One key for the moderator screen, from the host's own terminal or from an attached moderator screen: the key map
/// reads it at the size of the screen it was typed on, so a co-moderator's page keys page what they see.
public struct ModeratorInput: Sendable, Equatable {
    /// Which moderator screen typed it.
    public enum Source: Sendable, Equatable, Hashable {
        /// The terminal `plenary run` was started in.
        case local
        /// An attached moderator screen, by the host's id for its connection.
        case attached(Int32)
    }

    public var key: KeyEvent
    public var source: Source
    public var size: TerminalSize

    public init(key: KeyEvent, source: Source, size: TerminalSize) {
        self.key = key
        self.source = source
        self.size = size
    }
}
