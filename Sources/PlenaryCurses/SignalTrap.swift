import CNCurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the signals that end or pause a workshop into flags the app loop polls.
///
/// The handler (C, in `shim.h`) only records the signal number in a `volatile sig_atomic_t`;
/// everything else (flushing the journal, `restore()`, exiting) happens in the app loop:
///
/// ```swift
/// SignalTrap.install(suspend: .stop)            // before CursesTerminal.open (which also calls it)
/// while true {
///     let key = terminal.readKey(timeoutMilliseconds: 250)
///     if let signal = SignalTrap.pendingSignal() {
///         journal.flush(); terminal.restore(); exit(SignalTrap.exitCode(for: signal))
///     }
///     …
/// }
/// ```
///
/// Handlers are installed without `SA_RESTART`, so a `readKey` blocked on the thread that receives
/// the signal returns at once; if another thread receives it, `readKey` returns at its timeout.
/// Installing before `newterm` matters: ncurses only installs its own SIGINT/SIGTERM handlers
/// (which exit without running our cleanup) when none is installed.
public enum SignalTrap {
    /// What SIGTSTP (Ctrl-Z, `kill -TSTP`) does.
    public enum SuspendPolicy: Sendable {
        /// Record it; `CursesTerminal.readKey` then gives the terminal back, stops the process and,
        /// after SIGCONT, redraws everything and returns `.resize`.
        case stop
        /// Ignore it (voter kiosk: nobody may leave the ballot screen).
        case ignore
    }

    /// The signals that end the program cleanly: SIGINT, SIGTERM, SIGHUP, SIGQUIT.
    public static let exitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Unblocks every signal on the calling thread and installs the recording handlers.
    /// Call it from the main thread at program start; calling it again only changes the SIGTSTP policy.
    /// SIGWINCH is left to ncurses (it becomes `KeyEvent.resize`).
    public static func install(suspend: SuspendPolicy = .stop) {
        // A process spawned from a Swift concurrency thread inherits a mask that blocks SIGWINCH,
        // SIGTERM and SIGHUP; without this, resizes and kills would never arrive.
        _ = plenary_unblock_all_signals()
        for signal in exitSignals {
            _ = plenary_trap_signal(signal)
        }
        switch suspend {
        case .stop: _ = plenary_trap_signal(SIGTSTP)
        case .ignore: _ = plenary_set_signal_default(SIGTSTP, 1)
        }
    }

    /// The first exit signal received since `install`, or nil. Stays set until `clearPendingSignal()`.
    public static func pendingSignal() -> Int32? {
        let signal = plenary_pending_exit_signal()
        return signal == 0 ? nil : signal
    }

    /// Forgets a pending exit signal (for tests, or an app that decides to carry on).
    public static func clearPendingSignal() {
        plenary_clear_exit_signal()
    }

    /// The conventional exit status for a program ended by `signal`: 128 + signal (SIGTERM → 143).
    public static func exitCode(for signal: Int32) -> Int32 {
        128 + signal
    }

    /// True once per SIGTSTP received under `.stop`.
    static func takeSuspendRequest() -> Bool {
        plenary_take_suspend_request() != 0
    }

    /// Stops the process as SIGTSTP's default action would, and returns after SIGCONT with the
    /// recording handler back in place. The caller must have given the terminal back first.
    static func stopUntilContinued() {
        _ = plenary_set_signal_default(SIGTSTP, 0)
        _ = raise(SIGTSTP)
        // Execution resumes here after SIGCONT.
        _ = plenary_trap_signal(SIGTSTP)
        _ = takeSuspendRequest()
    }
}
