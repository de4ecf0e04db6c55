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
    /// The room's host when terminals can attach: keys come from every moderator screen through it, and `D` detaches.
    /// Without one the loop reads the terminal alone (`MemoryTerminal` tests, a workshop whose socket could not open).
    private let host: (any ModeratorHosting)?
    /// False once the moderator detached the host's own terminal (or it hung up): nothing is drawn on it or read
    /// from it, and the workshop goes on for the attached screens.
    public private(set) var isLocalScreenAttached = true

    public init(runner: WorkshopRunner, terminal: any TerminalDriver, clock: any Clock, glyphs: Glyphs,
                pendingSignal: @escaping () -> Int32?, host: (any ModeratorHosting)? = nil) {
        self.host = host
        self.runner = runner
        self.terminal = terminal
        self.clock = clock
        self.glyphs = glyphs
        self.pendingSignal = pendingSignal
    }

    /// Said on every moderator screen when one detaches; `attach` is the command that brings a screen back.
    public static func detachedNotice(hangUp: Bool, attach: String) -> String {
        (hangUp ? "The moderator's terminal closed: its screen is detached" : "A moderator screen detached")
            + "; the workshop keeps running. Back with: \(attach)"
    }

    /// The frame drawn while the journal synced the last recorded action (decision 105), with the runner's revision
    /// and the size it was drawn for: shown instead of drawing again when both still hold.
    private var preparedFrame: (revision: Int, size: TerminalSize, grid: CellGrid)?

    public func run() -> Exit {
        runner.whileJournalSyncs = { [unowned self] state in
            guard isLocalScreenAttached else { return }
            let size = terminal.size
            preparedFrame = (runner.revision, size, ModeratorScreen.render(state, size: size, glyphs: glyphs))
        }
        defer { runner.whileJournalSyncs = nil }
        runner.send(.tick)
        var isRawInput = false
        while true {
            // A finished results write's outcome, and the next one if due (built and written off this thread).
            runner.flushResultsIfDue()
            if isLocalScreenAttached {
                if Self.wantsRawInput(runner.state) != isRawInput {
                    isRawInput.toggle()
                    terminal.setRawInput(isRawInput)
                }
                if runner.takeDiscardRequest() {
                    terminal.discardPendingInput()
                }
                let size = terminal.size
                if let prepared = preparedFrame.take(), prepared.revision == runner.revision, prepared.size == size {
                    terminal.draw(prepared.grid)
                } else {
                    terminal.draw(ModeratorScreen.render(runner.state, size: size, glyphs: glyphs))
                }
                if !isWarm {
                    // A new journal's header reaches the disk now that the screen is up (decision 104).
                    runner.settleJournal()
                    warmUp(size: terminal.size)
                }
            } else {
                _ = runner.takeDiscardRequest()
            }
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
            let input: ModeratorInput?
            if let host {
                input = host.waitForInput(terminal: isLocalScreenAttached ? terminal : nil, timeoutMilliseconds: timeout,
                                          pendingSignal: pendingSignal)
            } else {
                input = terminal.readKey(timeoutMilliseconds: timeout).map { ModeratorInput(key: $0, source: .local, size: terminal.size) }
            }
            if let signal = pendingSignal() {
                guard let host, host.keepsRunning(after: signal, localScreenAttached: isLocalScreenAttached) else {
                    return .signal(signal)
                }
                host.clearSignal()
                if isLocalScreenAttached { detachLocalScreen(hangUp: true) }
                continue
            }
            guard let input else {
                runner.send(.tick)
                continue
            }
            if input.key == .resize { continue }
            // Below the minimum size the screen shows only "enlarge": a key must not act unseen.
            let size = input.size
            if size.columns < ModeratorScreen.minimumSize.columns || size.rows < ModeratorScreen.minimumSize.rows {
                runner.send(.tick)
                continue
            }
            // Someone moderates again: the room no longer needs telling that the moderator's screen is away.
            if runner.state.roomNotice != nil { runner.send(.app(.setRoomNotice(nil))) }
            let action = ModeratorKeyMap.action(for: input.key, in: runner.state, size: size)
            if action == .app(.detach) {
                detach(input.source)
            } else if let action {
                runner.send(action)
            } else {
                runner.send(.tick)
            }
            if runner.wantsToQuit { return .quit }
        }
    }

    /// The keys pressed most (the agenda's step and `+`): tried once off screen, after the first frame, so that the
    /// first real press costs what every later one does (decision 95).
    static let warmUpKeys: [KeyEvent] = [.character("n"), .character("+")]
    private var isWarm = false

    /// Runs the warm-up keys' actions on a copy of the state (nothing journaled or changed) and draws what they lead
    /// to into grids nobody sees.
    private func warmUp(size: TerminalSize) {
        isWarm = true
        let actions = Self.warmUpKeys.compactMap { ModeratorKeyMap.action(for: $0, in: runner.state, size: size) }
        for reached in runner.warmUp(actions.filter { $0 != .app(.detach) }) {
            _ = ModeratorScreen.render(reached, size: size, glyphs: glyphs)
        }
    }

    /// `D`: the screen it was typed on lets go; the others are told. Without a host nothing could attach again, so
    /// the screen stays and says how to leave instead.
    private func detach(_ source: ModeratorInput.Source) {
        guard let host else {
            runner.send(.app(.notify("No terminal can attach to this workshop, so this screen cannot detach: q quits (everything is saved).", .warning)))
            return
        }
        switch source {
        case .local: detachLocalScreen(hangUp: false)
        case .attached(let connection):
            host.detach(connection, reason: "Detached; the workshop keeps running. Back with: \(host.attachCommand)")
            runner.send(.app(.notify(Self.detachedNotice(hangUp: false, attach: host.attachCommand), .info)))
        }
    }

    /// What kiosks and the projector say while the host's own screen is detached.
    public static let roomNotice = "The moderator's screen is detached; the workshop goes on."

    private func detachLocalScreen(hangUp: Bool) {
        isLocalScreenAttached = false
        terminal.restore()
        guard let host else { return }
        let notice = Self.detachedNotice(hangUp: hangUp, attach: host.attachCommand)
        host.localScreenDetached(reason: notice)
        runner.send(.app(.notify(notice, .info)))
        runner.send(.app(.setRoomNotice(Self.roomNotice)))
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
