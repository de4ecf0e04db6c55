import ArgumentParser
import PlenaryCurses
import PlenaryUI

/// How every screen of the command line starts: NO_COLOR, the locale's glyphs and the wording of a terminal that
/// cannot be used, in one place for `run` and `attach`.
enum ScreenOpening {
    /// ASCII when asked for, or when the locale cannot show Unicode.
    static func glyphs(ascii: Bool) -> Glyphs {
        ascii || !Environment.localeIsUTF8 ? .ascii : .unicode
    }

    /// The curses screen, or the reason it cannot open and exit status 1. `beforeExit` lets the caller close what it
    /// opened first (the moderator's journal).
    static func terminal(noColor: Bool = false, rawMode: Bool, beforeExit: () -> Void = {}) throws -> CursesTerminal {
        do {
            return try CursesTerminal.open(
                noColor: noColor || CursesTerminal.noColorRequested(environment: Environment.current), rawMode: rawMode)
        } catch {
            beforeExit()
            // Terminal errors already read "plenary needs ..." as a full sentence.
            StandardError.write("\(error)")
            throw ExitCode(1)
        }
    }
}
