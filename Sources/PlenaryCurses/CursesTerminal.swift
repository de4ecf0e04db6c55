import CNCurses
import PlenaryEngine
import PlenaryStorage
import PlenaryUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal, through ncursesw. Use it from one thread (the app loop's).
///
/// `open` → `draw`/`readKey` … → `restore`. Every method is a no-op after `restore`.
public final class CursesTerminal: TerminalDriver {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let palette: CursesPalette
    /// `curs_set`'s answer when the cursor was hidden (ERR: the terminal cannot hide it).
    private let previousCursor: Int32
    private var isOpen = true
    private var isSuspended = false
    private var previous: CellGrid?
    private var repaintFromScratch = false
    private var lastSize: TerminalSize
    private var characters = [wchar_t](repeating: 0, count: 8)
    private var decoder = InputDecoder()
    /// Codes ncurses gave Ctrl- and Alt-arrows (see `CursesKeyDecoder.modifiedArrowKeyCodes`).
    private let modifiedArrows: [Int32: KeyEvent]

    /// The signal wake pipe's read end (`plenary_open_signal_wake`); readKey empties it.
    public let wakeDescriptor: Int32 = plenary_open_signal_wake()

    /// True when colours are in use (a colour terminal and `noColor` false).
    public var usesColor: Bool { palette.usesColor }
    /// The terminal type ncurses was opened with.
    public let terminalName: String
    /// True in raw mode: Ctrl-C, Ctrl-Z and Ctrl-\ arrive as `.control` keys instead of signals.
    public var isRaw: Bool { rawInput }
    private var rawInput: Bool

    /// Opens the controlling terminal (stdin/stdout) and installs `SignalTrap` first.
    /// - Parameters:
    ///   - noColor: emphasis by bold/reverse/dim/underline only (pass true when NO_COLOR is set;
    ///     see `noColorRequested(environment:)`).
    ///   - rawMode: voter mode; Ctrl-C/Z/\ arrive as keys and SIGTSTP is ignored.
    /// - Throws: `TerminalError` with a one-line message when there is no usable terminal.
    public static func open(noColor: Bool, rawMode: Bool) throws -> CursesTerminal {
        // Before newterm: ncurses only installs its own SIGINT/SIGTERM handlers when none exists.
        SignalTrap.install(suspend: rawMode ? .ignore : .stop)
        // Only the character type: ncurses needs it for wide characters. The other categories (numbers, dates,
        // messages) are never used, and loading each is a dozen file look-ups at every start.
        _ = setlocale(LC_CTYPE, "")

        let term = try checkUsable()
        guard let screen = newterm(nil, plenary_stdout(), plenary_stdin()) else {
            throw TerminalError("plenary does not know the terminal type \"\(term)\" (not in the terminfo database); try TERM=xterm-256color")
        }
        guard plenary_has_string_capability("cup") != 0, let window = plenary_stdscr() else {
            endwin()
            delscreen(screen)
            throw TerminalError("plenary needs a terminal with cursor addressing (TERM=\(term))")
        }
        sendFramesWhole()

        noecho()
        if rawMode { raw() } else { cbreak() }
        nonl()
        intrflush(window, false)
        keypad(window, true)
        let modifiedArrows = CursesKeyDecoder.modifiedArrowKeyCodes()
        meta(window, true)
        scrollok(window, false)
        idlok(window, false)
        leaveok(window, true)
        _ = set_escdelay(25)
        // Draw whole frames even while keys are queued (votes arrive quickly).
        _ = typeahead(-1)
        let previousCursor = curs_set(0)

        var palette = CursesPalette.monochrome()
        if !noColor, has_colors() {
            _ = start_color()
            if plenary_colors() >= 8 {
                let defaultColors = use_default_colors() == OK
                palette = CursesPalette.colored(defaultColors: defaultColors)
            }
        }
        setBracketedPaste(true)
        return CursesTerminal(
            screen: screen, window: window, palette: palette, previousCursor: previousCursor,
            terminalName: term, isRaw: rawMode, modifiedArrows: modifiedArrows)
    }

    /// ncurses 6.4 flushes its output after every cursor movement until the screen has once been left with `endwin`
    /// and taken back (`_nc_mvcur` while `_endwin == ewInitial`): a frame went out as ~15 `write`s of a few bytes,
    /// each a system call and a wake-up of whatever reads the terminal. Leaving and taking the screen back once,
    /// before anything is drawn, makes every later frame one write (decision 95). What the terminal sees is the
    /// alternate screen entered, left and entered again in the first two writes, with nothing drawn between.
    private static func sendFramesWhole() {
        endwin()
        doupdate()
    }

    /// Refuses, with the message `open` would give, a run that could not show its screen: no terminal on
    /// stdin/stdout, no TERM, or a type without cursor addressing or unknown to terminfo. Touches neither the
    /// screen nor any file, so a program can check before it creates its files. Returns the terminal type.
    @discardableResult
    public static func checkUsable() throws -> String {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError("plenary needs an interactive terminal: standard input and output must both be a terminal")
        }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !term.isEmpty else {
            throw TerminalError("plenary needs a terminal type: TERM is not set")
        }
        guard term != "dumb", term != "unknown" else {
            throw TerminalError("plenary needs a terminal with cursor addressing (TERM=\(term))")
        }
        switch plenary_probe_terminal(term) {
        case 1: throw TerminalError("plenary does not know the terminal type \"\(term)\" (not in the terminfo database); try TERM=xterm-256color")
        case 2: throw TerminalError("plenary needs a terminal with cursor addressing (TERM=\(term))")
        default: return term
        }
    }

    /// True when `environment` asks for no colour (NO_COLOR present and not empty, see no-color.org).
    public static func noColorRequested(environment: [String: String]) -> Bool {
        if let value = environment["NO_COLOR"], !value.isEmpty { return true }
        return false
    }

    private init(
        screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, palette: CursesPalette,
        previousCursor: Int32, terminalName: String, isRaw: Bool, modifiedArrows: [Int32: KeyEvent]
    ) {
        self.modifiedArrows = modifiedArrows
        self.screen = screen
        self.window = window
        self.palette = palette
        self.previousCursor = previousCursor
        self.terminalName = terminalName
        self.rawInput = isRaw
        var rows: Int32 = 0, columns: Int32 = 0
        plenary_getmaxyx(window, &rows, &columns)
        self.lastSize = TerminalSize(columns: Int(columns), rows: Int(rows))
    }

    deinit {
        restore()
    }

    // MARK: TerminalDriver

    public var size: TerminalSize {
        guard isOpen, !isSuspended else { return lastSize }
        var rows: Int32 = 0, columns: Int32 = 0
        plenary_getmaxyx(window, &rows, &columns)
        lastSize = TerminalSize(columns: Int(columns), rows: Int(rows))
        return lastSize
    }

    public func draw(_ grid: CellGrid) {
        guard isOpen, !isSuspended else { return }
        let screenSize = size
        let old = (repaintFromScratch || previous?.size != grid.size) ? nil : previous
        if old == nil {
            werase(window)
            if repaintFromScratch {
                // The terminal's contents are unknown (resize, back from Ctrl-Z): repaint every cell.
                clearok(window, true)
            }
            repaintFromScratch = false
        }
        let rows = min(grid.height, screenSize.rows)
        let columns = min(grid.width, screenSize.columns)
        for y in 0..<rows {
            // Most rows of a frame are as they were: one comparison of the row, not one per cell.
            if let old {
                let row = y * grid.width..<(y + 1) * grid.width
                if old.cells[row] == grid.cells[row] { continue }
            }
            for x in 0..<columns {
                let cell = grid[x, y]
                if cell.isContinuation { continue }
                let wide = x + 1 < columns && grid[x + 1, y].isContinuation
                if let old, old[x, y] == cell, !wide || old[x + 1, y] == grid[x + 1, y] {
                    continue
                }
                put(cell, x: x, y: y, columns: wide ? 2 : 1)
            }
        }
        previous = grid
        wnoutrefresh(window)
        doupdate()
    }

    /// How long the rest of an escape sequence may take to arrive once its first bytes have.
    static let sequenceMilliseconds = 25
    /// A paste whose end marker has not come after this pause is taken as ended (the rest, if it
    /// comes later, arrives as typing).
    static let pastePauseMilliseconds = 1000
    /// The longest a paste may take in all: the end marker may never come while someone keeps typing,
    /// and the screen must not stay frozen.
    static let pasteTimeLimit: Duration = .seconds(10)

    public func readKey(timeoutMilliseconds: Int) -> KeyEvent? {
        guard isOpen else { return nil }
        // Emptied before looking: a signal after this point writes again and wakes the next poll.
        plenary_drain_signal_wake()
        if SignalTrap.pendingSignal() != nil { return nil }
        if takeSuspendRequest() { return .resize }
        var pasteDeadline: ContinuousClock.Instant?
        let key = decoder.nextKey { wait in
            switch wait {
            case .key: return read(timeoutMilliseconds: timeoutMilliseconds)
            case .buffered: return read(timeoutMilliseconds: 0)
            case .sequence: return read(timeoutMilliseconds: Self.sequenceMilliseconds)
            case .paste:
                let now = ContinuousClock.now
                let deadline = pasteDeadline ?? now + Self.pasteTimeLimit
                pasteDeadline = deadline
                guard now < deadline, SignalTrap.pendingSignal() == nil else { return .nothing }
                let left = Int(((deadline - now) / .milliseconds(1)).rounded(.up))
                return read(timeoutMilliseconds: min(Self.pastePauseMilliseconds, left))
            }
        }
        guard let key else {
            // Timeout, or a signal interrupted the wait.
            return takeSuspendRequest() ? .resize : nil
        }
        return key
    }

    /// One `wgetch`, waiting at most `timeoutMilliseconds` (0: only what is already buffered).
    /// Bytes, not `wget_wch`'s characters: on a byte that is not part of a character in the locale,
    /// `wget_wch` keeps reading to complete it and swallows the keys typed after it; `InputDecoder`
    /// puts UTF-8 together itself and replaces only the bad bytes.
    private func read(timeoutMilliseconds: Int) -> InputDecoder.Input {
        wtimeout(window, Int32(clamping: timeoutMilliseconds))
        let value = wgetch(window)
        let input = CursesKeyDecoder.input(getch: value, extendedKeys: modifiedArrows)
        if input == .key(.resize) {
            repaintFromScratch = true
        } else if value == ERR, Self.terminalHungUp() {
            plenary_record_terminal_hangup()
        }
        return input
    }

    /// True when the terminal is gone (its window closed, the SSH link dropped) but no SIGHUP came: `wgetch` then
    /// returns at once, every time, and a loop that took that for a timeout would spin at full CPU forever.
    private static func terminalHungUp() -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) == 1 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    public func discardPendingInput() {
        guard isOpen, !isSuspended else { return }
        flushinp()
        decoder.discardPending()
    }

    /// Raw input for the voter screen: Ctrl-C, Ctrl-Z, Ctrl-\ and flow control arrive as keys, never as signals.
    public func setRawInput(_ raw: Bool) {
        guard isOpen else { return }
        if raw {
            CNCurses.raw()
        } else {
            noraw()
            cbreak()
        }
        rawInput = raw
    }

    /// Leaves curses mode for good: shows the cursor, `endwin`, frees the screen. Safe to call twice.
    public func restore() {
        guard isOpen else { return }
        isOpen = false
        if isSuspended {
            // endwin already ran; briefly resume so the cursor and modes are restored consistently.
            isSuspended = false
            doupdate()
        }
        if previousCursor != ERR {
            _ = curs_set(previousCursor > 0 ? previousCursor : 1)
        }
        endwin()
        Self.setBracketedPaste(false)
        delscreen(screen)
    }

    /// Asks the terminal to mark pastes (`CSI 200~` … `CSI 201~`, see `InputDecoder`) or to stop.
    /// Written straight to the terminal, not through curses: the mode must also be switched off after
    /// `endwin`, when the shell gets the terminal back. Terminals without the mode ignore the request.
    private static func setBracketedPaste(_ on: Bool) {
        // A terminal that takes nothing loses only the marking of pastes, so a failure is not reported.
        try? WholeWrite.write(Array((on ? "\u{1B}[?2004h" : "\u{1B}[?2004l").utf8), to: STDOUT_FILENO)
    }

    // MARK: Job control

    /// Gives the terminal back to the shell (Ctrl-Z). Drawing is ignored until `resumeAfterSuspend`.
    public func suspend() {
        guard isOpen, !isSuspended else { return }
        if previousCursor != ERR {
            _ = curs_set(previousCursor > 0 ? previousCursor : 1)
        }
        endwin()
        Self.setBracketedPaste(false)
        isSuspended = true
    }

    /// Takes the terminal back after `suspend`, picks up a size change made meanwhile and
    /// repaints the last frame from scratch; the next `draw` repaints every cell.
    public func resumeAfterSuspend() {
        guard isOpen, isSuspended else { return }
        isSuspended = false
        Self.setBracketedPaste(true)
        var rows: Int32 = 0, columns: Int32 = 0
        if plenary_terminal_size(STDOUT_FILENO, &rows, &columns) == 0, is_term_resized(rows, columns) {
            _ = resize_term(rows, columns)
        }
        if previousCursor != ERR {
            _ = curs_set(0)
        }
        clearok(plenary_curscr(), true)
        wnoutrefresh(window)
        doupdate()
        repaintFromScratch = true
    }

    /// Handles a SIGTSTP recorded by `SignalTrap`: suspend, stop, and resume after SIGCONT.
    private func takeSuspendRequest() -> Bool {
        guard SignalTrap.takeSuspendRequest() else { return false }
        guard !isRaw else { return false }
        suspend()
        SignalTrap.stopUntilContinued()
        resumeAfterSuspend()
        return true
    }

    // MARK: Cells

    /// Puts one grapheme covering `columns` cells (1, or 2 for a wide character).
    /// When libc's idea of the glyph's width (wcwidth) disagrees with the grid's, the glyph is
    /// simplified so that every row keeps exactly the grid's columns.
    private func put(_ cell: Cell, x: Int, y: Int, columns: Int) {
        let style = palette.style(for: cell.style)
        // Most cells are one printable ASCII byte: nothing to ask libc's width of and nothing to combine (a first
        // frame is some 1,900 cells, and this was the larger part of drawing it).
        if columns == 1, let byte = Self.printableASCII(cell.text) {
            characters[0] = wchar_t(byte)
            characters[1] = 0
            putCharacters(x: x, y: y, style: style)
            return
        }
        let scalars = cell.text.unicodeScalars
        var count = 0
        var padWithSpace = false
        if let first = scalars.first {
            let width = plenary_wcwidth(wchar_t(bitPattern: first.value))
            if Int(width) == columns {
                // The base character plus its combining marks (setcchar stops at the next spacing one).
                for scalar in scalars.prefix(characters.count - 1) {
                    characters[count] = wchar_t(bitPattern: scalar.value)
                    count += 1
                }
            } else if width == 1 && columns == 2 {
                // e.g. "☀️": the grid counts the emoji presentation as 2 columns, libc as 1.
                // Draw the plain character and blank the second column.
                characters[0] = wchar_t(bitPattern: first.value)
                count = 1
                padWithSpace = true
            } else if width < 0, columns == 1, let base = Self.asciiBase(of: cell.text) {
                // A letter this locale cannot show (the C locale): its base letter keeps a name readable.
                characters[0] = wchar_t(bitPattern: base.value)
                count = 1
            } else {
                // Unprintable in this locale, or too wide for the space the grid gave it.
                characters[0] = wchar_t(UInt8(ascii: "?"))
                count = 1
                padWithSpace = columns == 2
            }
        } else {
            characters[0] = wchar_t(UInt8(ascii: " "))
            count = 1
        }
        characters[count] = 0
        putCharacters(x: x, y: y, style: style)
        if padWithSpace {
            characters[0] = wchar_t(UInt8(ascii: " "))
            characters[1] = 0
            putCharacters(x: x + 1, y: y, style: style)
        }
    }

    /// The byte of a cell that is one printable ASCII character (space to `~`), else nil.
    static func printableASCII(_ text: String) -> UInt8? {
        let bytes = text.utf8
        guard bytes.count == 1, let byte = bytes.first, byte >= 0x20, byte < 0x7F else { return nil }
        return byte
    }

    /// "é" → "e", "Ñ" → "N" (the first scalar of the canonical decomposition, when it is printable ASCII);
    /// nil for characters with no ASCII base ("東", "ß", "Ł").
    static func asciiBase(of text: String) -> Unicode.Scalar? {
        guard let base = text.decomposedStringWithCanonicalMapping.unicodeScalars.first,
              base.isASCII, base.value >= 0x20, base.value != 0x7F else { return nil }
        return base
    }

    private func putCharacters(x: Int, y: Int, style: CursesPalette.Style) {
        var glyph = cchar_t()
        let made = characters.withUnsafeBufferPointer { buffer in
            setcchar(&glyph, buffer.baseAddress, style.attributes, style.pair, nil)
        }
        if made == ERR {
            var fallback: [wchar_t] = [wchar_t(UInt8(ascii: "?")), 0]
            _ = setcchar(&glyph, &fallback, style.attributes, style.pair, nil)
        }
        // At the bottom-right cell this returns ERR (the cursor cannot advance without scrolling)
        // but the cell is stored, and ncurses paints it without scrolling the terminal.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &glyph)
    }
}
