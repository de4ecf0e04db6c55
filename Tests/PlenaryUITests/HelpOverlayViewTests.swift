import Testing
import PlenaryEngine
@testable import PlenaryUI

/// `?` draws the keys of the screen it covers, from that screen's bindings: the agenda's now lists `v` and the
/// aliases that always worked; the poll screen has a help at all. Labels longer than the key column keep their text
/// beside them; rows that do not fit say so.
@Suite struct HelpOverlayViewTests {
    static func helped(_ mode: String) throws -> WorkshopState {
        var state = try KeyHelpCoverageTests.modes().first { $0.0 == mode }!.1
        _ = WorkshopReducer.reduce(&state, .app(.showHelp), now: state.now)
        return state
    }

    @Test func theAgendasHelpListsEveryKeyAt80By24() throws {
        expectLines(ModeratorScreen.render(try Self.helped("agenda"), size: TerminalSize(columns: 80, rows: 24)), [
            " From S3 Benchmarking to Cluster-Led Action          12:41:07   ▼ 3 min behind",
            " W┌─ Keys ──────────────────────────────────────────────────────────────────┐",
            "──│                                                                         │───",
            " A│ Space    Start the workshop; then pause or resume the slot timer        │/7",
            " ✓│ n →      End this slot and start the next one (asks if fixed and early) │c",
            " ✓│ p ←      Back one slot (within 30 s of a move: undo it)                 │",
            " ▶│ ? h F1   Show this help                                                 │",
            "  │ q        Quit (asks first; everything is already saved)                 │",
            "  │ + - = _  Lengthen (+ =) or shorten (- _) the slot by one minute         │",
            "  │ g Enter  Jump to any slot (↑ ↓ or a digit, Enter; asks as n does)       │",
            "  │ E        End the workshop, or take the end back (asks first)            │",
            "  │ c        Change the plan of the slots still to come                     │",
            "  │ P        Polls: the current slot's first; Enter shows one               │",
            "  │ a        Write an ad-hoc poll                                           │",
            "  │ v        Hand the terminal to voters (Ctrl-X then the PIN comes back)   │",
            "  │ w        Working groups: capture and edit entries                       │",
            "  │ Q        Q&A and ideas: the queue of the current slot's board           │:…",
            "  │ R        Report-back: show the groups' entries to the room              │P)",
            "  │ i        Merge a group laptop's results file                            │",
            "  │ e        Export the report and CSV files next to the results            │t…",
            "  │ D        Detach this screen; the workshop runs on (attach to come back) │",
            "──│ Esc Enter Space ? q F1  Close this help                                 │───",
            " 3└─────────────────────────────────────────────────────────────────────────┘",
            " Space start/pause  n/→ next  p/← back  ? help  q quit  +/- 1 min  g jump  E end",
        ])
    }

    @Test func thePollScreenHasItsOwnHelpOverIt() throws {
        expectLines(ModeratorScreen.render(try Self.helped("poll"), size: TerminalSize(columns: 60, rows: 18)), [
            " From S3 Benchmarking to Clust…  12:41:07   ▼ 3 min behind",
            " ┌─ Keys ─────────────────────────────────────────────────┐",
            "─│                                                        │─",
            " │ o     Open the poll for ballots (or reopen it)         │",
            " │ c     Close the poll                                   │",
            " │ r     Show or hide the results                         │",
            " │ N     Start a new round (earlier rounds are kept)      │",
            " │ b     Type in one ballot                               │",
            " │ h     Type in counts from a show of hands              │",
            " │ v     Hand the terminal to voters (Ctrl-X then the PI… │",
            " │ P     All polls                                        │",
            " │ Esc q Backspace  Back to the agenda                    │",
            " │ ? F1  Show this help                                   │",
            " │ W     Where phones vote: address, room code, QR code … │",
            " │ Esc Enter Space ? q F1  Close this help                │",
            "─│                                                        │─",
            " └────────────────────────────────────────────────────────┘",
            " o open  c close  r reveal  N new round  b ballot  h hands",
        ])
    }

    @Test func atTheMinimumSizeTheHelpSaysHowManyRowsDidNotFit() throws {
        expectLines(ModeratorScreen.render(try Self.helped("agenda"), size: ModeratorScreen.minimumSize), [
            " From S3 Benchmarking to Clust…  12:41:07   ▼ 3 min behind",
            " ┌─ Keys ─────────────────────────────────────────────────┐",
            "─│                                                        │─",
            " │ Space    Start the workshop; then pause or resume the… │",
            " │ n →      End this slot and start the next one (asks i… │",
            " │ p ←      Back one slot (within 30 s of a move: undo i… │",
            " │ ? h F1   Show this help                                │",
            " │ q        Quit (asks first; everything is already save… │",
            " │ + - = _  Lengthen (+ =) or shorten (- _) the slot by … │",
            " │ g Enter  Jump to any slot (↑ ↓ or a digit, Enter; ask… │",
            " │ E        End the workshop, or take the end back (asks… │",
            " │ c        Change the plan of the slots still to come    │",
            " │ P        Polls: the current slot's first; Enter shows… │",
            "─│ … 9 more in a taller window                            │─",
            " └────────────────────────────────────────────────────────┘",
            " Space start/pause  n/→ next  p/← back  ? help  q quit",
        ])
    }
}
