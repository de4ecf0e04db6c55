/// A terminal in memory: tests queue keys and read back the last frame, exactly as the curses driver would show it.
public final class MemoryTerminal: TerminalDriver {
    public var size: TerminalSize
    public private(set) var frames: [CellGrid] = []
    public private(set) var restored = false
    /// Keys still to be delivered; `nil` entries stand for a timeout (a tick).
    public var pendingKeys: [KeyEvent?] = []
    /// Called when the key queue runs dry, so a test can stop the loop (e.g. by raising a fake signal).
    public var onIdle: (() -> Void)?
    public private(set) var discardCount = 0

    public init(size: TerminalSize) {
        self.size = size
    }

    public var lastFrame: CellGrid? { frames.last }

    public func draw(_ grid: CellGrid) {
        frames.append(grid)
    }

    public func readKey(timeoutMilliseconds: Int) -> KeyEvent? {
        guard !pendingKeys.isEmpty else {
            onIdle?()
            return nil
        }
        return pendingKeys.removeFirst()
    }

    public func discardPendingInput() {
        discardCount += 1
        pendingKeys.removeAll()
    }

    public private(set) var isRaw = false

    public func setRawInput(_ raw: Bool) {
        isRaw = raw
    }

    public func restore() {
        restored = true
    }
}
