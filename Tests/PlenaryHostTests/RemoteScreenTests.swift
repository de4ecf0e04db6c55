import Testing
import PlenaryProtocol
import PlenaryUI
@testable import PlenaryHost

/// The pieces an attached moderator screen travels in: keys as short texts, screens as frames.
@Suite struct RemoteScreenTests {
    static let keys: [KeyEvent] = [
        .character("n"), .character("é"), .character(":"), .control("c"), .enter, .escape, .tab, .backTab, .backspace,
        .delete, .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .function(1), .function(12), .alt("d"),
        .altBackspace, .controlArrow(.left), .altArrow(.up), .paste("two\nlines: c:x"), .resize, .unknown,
    ]

    @Test(arguments: keys) func everyKeySurvivesTheWire(key: KeyEvent) {
        #expect(RemoteKey.decode(RemoteKey.encode(key)) == key)
    }

    /// A key this build does not know, or a control character posing as a character, does nothing.
    @Test func anUnknownOrForgedKeyReadsAsNothing() {
        for text in ["", "teleport", "c:", "c:ab", "c:\u{1b}", "ctrl:ñ", "f:0", "f:99", "ctrl-arrow:sideways", "x:y"] {
            #expect(RemoteKey.decode(text) == nil, "\(text)")
        }
    }

    @Test func aScreenSurvivesTheWireWithItsStylesAndWideCharacters() {
        var grid = CellGrid(size: TerminalSize(columns: 12, rows: 3))
        grid.put("AGENDA", x: 0, y: 0, style: .title)
        grid.put("会议 ok", x: 1, y: 1, style: .alert)
        grid.put("n next", x: 0, y: 2, style: .bar)
        let frame = ScreenFrameCoding.frame(of: grid)
        #expect(frame.isConsistent)
        #expect(ScreenFrameCoding.grid(from: frame, size: grid.size) == grid)
    }

    /// The terminal changed size before the host's next frame: the frame is clipped or padded, never misplaced.
    @Test func aFrameIsClippedOrPaddedToTheTerminal() throws {
        var grid = CellGrid(size: TerminalSize(columns: 4, rows: 2))
        grid.put("abcd", x: 0, y: 0)
        grid.put("efgh", x: 0, y: 1)
        let frame = ScreenFrameCoding.frame(of: grid)
        let smaller = try #require(ScreenFrameCoding.grid(from: frame, size: TerminalSize(columns: 2, rows: 1)))
        #expect(smaller.lines == ["ab"])
        let larger = try #require(ScreenFrameCoding.grid(from: frame, size: TerminalSize(columns: 6, rows: 3)))
        #expect(larger.lines == ["abcd", "efgh", ""])
        #expect(larger.size == TerminalSize(columns: 6, rows: 3))
    }

    /// A frame is drawn with the terminal's own cursor: a control character in it must not reach the terminal.
    @Test func aFrameCannotSmuggleControlCharactersOrOddStyles() throws {
        let frame = ScreenFrame(columns: 3, rows: 1, cells: [["\u{1b}[2J", "x", "\u{9b}"]], styles: ["a~a"])
        let grid = try #require(ScreenFrameCoding.grid(from: frame, size: TerminalSize(columns: 3, rows: 1)))
        #expect(grid.lines == ["\u{FFFD}x\u{FFFD}"])
        #expect(grid[1, 0].style == .normal)
        #expect(ScreenFrameCoding.grid(from: ScreenFrame(columns: 2, rows: 1, cells: [["a"]], styles: ["aa"]), size: TerminalSize(columns: 2, rows: 1)) == nil)
    }
}
