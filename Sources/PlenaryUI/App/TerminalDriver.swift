/// The only way the app reaches a terminal. `CursesTerminal` drives ncurses; `MemoryTerminal` serves tests.
public protocol TerminalDriver: AnyObject {
    /// Current size in cells.
    var size: TerminalSize { get }
    /// Shows `grid` (same size as `size`); drivers send only what changed since the last frame.
    func draw(_ grid: CellGrid)
    /// Waits up to `timeoutMilliseconds` for a key; nil on timeout or when a signal interrupted the wait.
    func readKey(timeoutMilliseconds: Int) -> KeyEvent?
    /// Drops keys typed ahead (between two voters, after a confirmation).
    func discardPendingInput()
    /// Raw input (voter screen): terminal signal keys arrive as keys. Off: Ctrl-C interrupts as usual.
    func setRawInput(_ raw: Bool)
    /// Gives the terminal back as it was found. Safe to call twice.
    func restore()
    /// Readable when a signal or a resize may be waiting for `readKey`: an event loop that polls other descriptors
    /// polls this one too, or a resize arriving just before its poll waits for the next timeout. -1 if none.
    var wakeDescriptor: Int32 { get }
}

extension TerminalDriver {
    public var wakeDescriptor: Int32 { -1 }
}
