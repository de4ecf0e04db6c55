import PlenaryEngine
import PlenaryStorage

/// The moderator's main loop: draw, wait for a key or the next second, turn keys into actions.
public final class ModeratorApp {
    public enum Exit: Equatable {
        case quit
        /// A terminating signal arrived; the process should exit with 128 + signal.
        case signal(Int32)
    }

    private let runner: WorkshopRunner
    private let terminal: any TerminalDriver
    private let clock: any Clock
    private let glyphs: Glyphs
    private let pendingSignal: () -> Int32?
    /// How the loop waits for a key (argument: the timeout in milliseconds). By default the terminal alone; a host
    /// serving attached terminals waits on them too (`RoomHost`), and returns nil after a client changed something.
    private let waitForKey: ((Int) -> KeyEvent?)?

    public init(runner: WorkshopRunner, terminal: any TerminalDriver, clock: any Clock, glyphs: Glyphs,
                pendingSignal: @escaping () -> Int32?, waitForKey: ((Int) -> KeyEvent?)? = nil) {
        self.waitForKey = waitForKey
        self.runner = runner
        self.terminal = terminal
        self.clock = clock
        self.glyphs = glyphs
        self.pendingSignal = pendingSignal
    }

    public func run() -> Exit {
        runner.send(.tick)
        var isRawInput = false
        while true {
            // A finished results write's outcome, and the next one if due (built and written off this thread).
            runner.flushResultsIfDue()
            if Self.wantsRawInput(runner.state) != isRawInput {
                isRawInput.toggle()
                terminal.setRawInput(isRawInput)
            }
            if runner.takeDiscardRequest() {
                terminal.discardPendingInput()
            }
            terminal.draw(ModeratorScreen.render(runner.state, size: terminal.size, glyphs: glyphs))
            // Slow work (checking a PIN) runs once its "Checking" screen is up; keys typed meanwhile wait, and
            // the result drops them.
            if runner.hasDeferredWork {
                runner.performDeferredWork()
                continue
            }
            // Sleep until just after the next whole second so the clock ticks on time without polling, or until the
            // results snapshot is due, if sooner.
            let now = clock.now()
            var timeout = 1000 - Int(now.milliseconds % 1000) + 5
            if let wake = runner.resultsWakeAt {
                timeout = max(0, min(timeout, Int(wake.milliseconds - now.milliseconds)))
            }
            let key = if let waitForKey { waitForKey(timeout) } else { terminal.readKey(timeoutMilliseconds: timeout) }
            if let signal = pendingSignal() {
                return .signal(signal)
            }
            guard let key else {
                runner.send(.tick)
                continue
            }
            if key == .resize { continue }
            // Below the minimum size the screen shows only "enlarge": a key must not act unseen.
            let size = terminal.size
            if size.columns < ModeratorScreen.minimumSize.columns || size.rows < ModeratorScreen.minimumSize.rows {
                runner.send(.tick)
                continue
            }
            if let action = ModeratorKeyMap.action(for: key, in: runner.state, size: size) {
                runner.send(action)
            } else {
                runner.send(.tick)
            }
            if runner.wantsToQuit { return .quit }
        }
    }

    /// Raw input (terminal signal keys arrive as keys) on the voter screen, where no key may stop or end the
    /// program, and in the entry form, whose footer promises Ctrl-Z for undo (the key map makes Ctrl-C
    /// close the form there). Everywhere else Ctrl-Z suspends and Ctrl-C quits, as in any terminal program.
    static func wantsRawInput(_ state: WorkshopState) -> Bool {
        if state.voter != nil { return true }
        if case .entry = state.screen { return true }
        return false
    }
}
