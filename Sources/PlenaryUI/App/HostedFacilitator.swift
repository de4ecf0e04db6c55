import PlenaryEngine
import PlenaryStorage

/// A facilitator's screen run by the host for `plenary attach FILE --group ID` (decision 70): the `--group` terminal's
/// own screens and key map, on the host's one workshop. Only the screen (which entry is selected, the form being
/// typed) and the notice are the facilitator's; entries are the host's. Each key is tried on a copy of the host's
/// state with this screen in place; a change it would record goes through `RoleGate` as a facilitator's request and
/// the runner (journal first), so the host enforces the role, and the facilitator's screen moves on only with the
/// host's state. Single-threaded like the host: ids of new entries are the host's own next ones.
public struct HostedFacilitator: Sendable {
    public let group: String
    public private(set) var screen: WorkshopState.Screen
    public private(set) var notice: Notice?

    public init(group: String) {
        self.group = group
        screen = .group(id: group, selection: 0)
    }

    /// The host's state as this facilitator's terminal sees it.
    public func state(from shared: WorkshopState) -> WorkshopState {
        var state = shared
        state.role = .facilitator
        state.facilitatorGroup = group
        state.screen = screen
        state.notice = notice
        state.voter = nil
        return state
    }

    public func render(_ shared: WorkshopState, size: TerminalSize, glyphs: Glyphs) -> CellGrid {
        ModeratorScreen.render(state(from: shared), size: size, glyphs: glyphs)
    }

    /// What a key or a tick did.
    public enum Outcome: Sendable, Equatable {
        case unchanged
        /// The screen moved, or an entry was recorded (the host's state changed when `recorded`).
        case changed(recorded: Bool)
        /// The facilitator asked to leave (`q` then `y`, or `D`): the host detaches this screen.
        case leave
    }

    public mutating func handle(_ key: KeyEvent, size: TerminalSize, runner: WorkshopRunner) -> Outcome {
        guard size.columns >= ModeratorScreen.minimumSize.columns, size.rows >= ModeratorScreen.minimumSize.rows,
              let action = ModeratorKeyMap.action(for: key, in: state(from: runner.state), size: size) else { return .unchanged }
        if action == .app(.detach) { return .leave }
        return perform(action, runner: runner)
    }

    /// The clock moved: the form's autosave (two seconds after the last keystroke) comes from here.
    public mutating func tick(runner: WorkshopRunner) -> Outcome {
        perform(.tick, runner: runner)
    }

    /// The screen goes away (detached, connection lost): a half-typed field is saved, as on a `--group` terminal.
    public mutating func flushDraft(runner: WorkshopRunner) -> Outcome {
        perform(.group(.flushDraft), runner: runner)
    }

    private mutating func perform(_ action: WorkshopAction, runner: WorkshopRunner) -> Outcome {
        var trial = state(from: runner.state)
        let before = (screen, notice)
        let effects = WorkshopReducer.reduce(&trial, action, now: runner.state.now)
        var recorded = false
        var refusal: String?
        var leave = false
        for effect in effects {
            switch effect {
            case .appendJournal(.group(let command)):
                switch RoleGate.admit(.group(command), from: ClientGrant(role: .group(group)), in: runner.state) {
                case .perform(let remote):
                    // Returns after the journal's fdatasync: only then does the screen show it.
                    if runner.send(remote).isRecorded { recorded = true } else { refusal = "Not recorded. Please tell the moderator." }
                case .refused(let message), .refusedCode(let message):
                    refusal = message
                }
            case .quit:
                leave = true
            default:
                // Nothing else a facilitator's screen does reaches the host: no exports, imports or other commands.
                break
            }
        }
        if leave { return .leave }
        if refusal == nil {
            screen = trial.screen
            notice = trial.notice
        } else {
            notice = Notice(text: refusal ?? "", level: .error, until: nil)
        }
        return recorded ? .changed(recorded: true) : (before.0 != screen || before.1 != notice ? .changed(recorded: false) : .unchanged)
    }
}
