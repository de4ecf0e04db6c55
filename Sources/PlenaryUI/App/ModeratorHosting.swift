/// What `ModeratorApp` needs from the room's host (`RoomHost`): keys from every moderator screen, attached ones
/// included, and detaching. Kept as a protocol so the app loop stays free of sockets and its tests use a
/// `MemoryTerminal` alone.
public protocol ModeratorHosting: AnyObject {
    /// The command that attaches a moderator screen to this workshop, for the notices that say how to come back.
    var attachCommand: String { get }
    /// Waits up to `timeoutMilliseconds` for a key from `terminal` (nil once the local screen is detached) or from an
    /// attached moderator screen, serving every client meanwhile. Nil on timeout, on a signal, and after a client
    /// changed the workshop (so every screen is redrawn with it).
    func waitForInput(terminal: (any TerminalDriver)?, timeoutMilliseconds: Int, pendingSignal: () -> Int32?) -> ModeratorInput?
    /// Ends one attached moderator screen's connection, telling it why.
    func detach(_ connection: Int32, reason: String)
    /// The host's own terminal was given back (a detach key, a hang-up): says so where it can and stops reading it.
    func localScreenDetached(reason: String)
    /// True when `signal` should detach the local screen rather than end the run: a hang-up of the moderator's
    /// terminal while terminals are attached (or once it is already detached).
    func keepsRunning(after signal: Int32, localScreenAttached: Bool) -> Bool
    /// Forgets the pending signal the host decided to survive.
    func clearSignal()
}
