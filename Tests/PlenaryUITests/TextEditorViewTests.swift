import Testing
import PlenaryTestSupport
import PlenaryEngine
@testable import PlenaryUI

@Suite struct TextEditorViewTests {
    typealias Position = TextEditor.Position

    static let mixed = "Région Île-de-France · 東京 partners 👩‍🔬"

    static func editor(_ text: String, at line: Int, _ column: Int) -> TextEditor {
        var editor = TextEditor(text)
        editor.moveCursor(to: Position(line: line, column: column))
        return editor
    }

    /// Draws into a grid exactly the size of the box; returns the grid and the scroll to keep.
    static func render(_ editor: TextEditor, width: Int, height: Int, focused: Bool = true, scroll: Int = 0) -> (CellGrid, Int) {
        var grid = CellGrid(size: TerminalSize(columns: width, rows: height))
        let kept = TextEditorView.draw(editor, into: &grid, x: 0, y: 0, width: width, height: height, focused: focused, scroll: scroll)
        return (grid, kept)
    }

    // MARK: - Wrapping

    @Test func wrapsMixedWidthTextAtSpaces() {
        let (grid, scroll) = Self.render(TextEditor(Self.mixed), width: 14, height: 5)
        expectLines(grid, [
            "Région",
            "Île-de-France",
            "· 東京",
            "partners 👩🔬",
            "",
        ])
        // The cursor after the last character: a selected space in the column kept for it.
        #expect(grid.styleLines == [
            "..............",
            "..............",
            "..............",
            ".............S",
            "..............",
        ])
        #expect(scroll == 0)
        #expect(gridAlignmentProblem(grid) == nil)
    }

    @Test func breaksAWordLongerThanTheRowBetweenCharacters() {
        let (grid, _) = Self.render(TextEditor(Self.mixed), width: 12, height: 5)
        expectLines(grid, [
            "Région",
            "Île-de-Fran",
            "ce · 東京",
            "partners",
            "👩🔬",
        ])
        #expect(grid.styleLines[4] == "....S.......")
    }

    @Test func aWideCharacterNeverStraddlesTwoRows() {
        // Only column 7 is left after "abcdefg": "東" goes whole to the next row.
        let (grid, _) = Self.render(Self.editor("abcdefg東京xy", at: 0, 0), width: 8, height: 3)
        expectLines(grid, [
            "abcdefg",
            "東京xy",
            "",
        ])
        #expect(gridAlignmentProblem(grid) == nil)
    }

    @Test func theBreakingSpaceAndTheLineEndHaveCellsOfTheirOwn() {
        let (spaceGrid, _) = Self.render(Self.editor("hello world", at: 0, 5), width: 6, height: 2)
        expectLines(spaceGrid, ["hello", "world"])
        #expect(spaceGrid.styleLines == [".....S", "......"])

        // A space that fills the row pushes the end of the line (and the cursor there) to a row of its own.
        let (endGrid, _) = Self.render(TextEditor("abcde "), width: 6, height: 2)
        expectLines(endGrid, ["abcde", ""])
        #expect(endGrid.styleLines == ["......", "S....."])
    }

    @Test func logicalLinesAndEmptyLinesEachStartARow() {
        let (grid, _) = Self.render(Self.editor("Strengths\n\nlocal partners", at: 1, 0), width: 10, height: 4)
        expectLines(grid, [
            "Strengths",
            "",
            "local",
            "partners",
        ])
        #expect(grid.styleLines[1] == "S.........")
    }

    @Test func characterWiderThanTheBoxShowsAsAnEllipsis() {
        let (narrow, _) = Self.render(TextEditor("東a"), width: 1, height: 3)
        expectLines(narrow, ["…", "a", ""])
        #expect(narrow.styleLines == [".", ".", "S"])
        // Alone on its row, a two-column character may use both columns of a two-column box.
        let (two, _) = Self.render(Self.editor("東", at: 0, 0), width: 2, height: 2)
        expectLines(two, ["東", ""])
        #expect(two.styleLines == ["SS", ".."])
    }

    // MARK: - Cursor

    @Test func theCursorCoversAWholeWideCharacter() {
        let (grid, _) = Self.render(Self.editor("東京 partners", at: 0, 1), width: 16, height: 1)
        expectLines(grid, ["東京 partners"])
        #expect(grid.styleLines == ["..SS............"])
        let (emoji, _) = Self.render(Self.editor("a👩‍🔬b", at: 0, 1), width: 8, height: 1)
        #expect(emoji.styleLines == [".SSSS..."])
    }

    @Test func anUnfocusedBoxShowsNoCursor() {
        let (grid, _) = Self.render(TextEditor(Self.mixed), width: 14, height: 5, focused: false)
        #expect(grid.styleLines.allSatisfy { !$0.contains("S") })
    }

    @Test func drawsOnlyInsideItsRectangleAndClearsIt() {
        var grid = CellGrid(size: TerminalSize(columns: 16, rows: 4), fill: Cell("#"))
        let scroll = TextEditorView.draw(TextEditor(Self.mixed), into: &grid, x: 1, y: 1, width: 14, height: 2,
                                         focused: true, scroll: 0)
        expectLines(grid, [
            "################",
            "#· 東京        #",
            "#partners 👩🔬 #",
            "################",
        ])
        #expect(grid.styleLines[2] == "..............S.")
        #expect(scroll == 2)
    }

    // MARK: - Scrolling

    static let tenLines = (1...10).map { "line \($0)" }.joined(separator: "\n")

    @Test func scrollsJustEnoughToShowTheCursor() {
        let (end, endScroll) = Self.render(TextEditor(Self.tenLines), width: 10, height: 3)
        #expect(endScroll == 7)
        expectLines(end, ["line 8", "line 9", "line 10"])

        let (up, upScroll) = Self.render(Self.editor(Self.tenLines, at: 5, 0), width: 10, height: 3, scroll: endScroll)
        #expect(upScroll == 5)
        expectLines(up, ["line 6", "line 7", "line 8"])
        #expect(up.styleLines[0] == "S.........")

        // Still visible: the view does not move.
        let (_, stay) = Self.render(Self.editor(Self.tenLines, at: 7, 0), width: 10, height: 3, scroll: upScroll)
        #expect(stay == 5)

        let (_, top) = Self.render(Self.editor(Self.tenLines, at: 0, 3), width: 10, height: 3, focused: false, scroll: 5)
        #expect(top == 0)
    }

    @Test func scrollsByWrappedRowsAndNeverPastTheText() {
        // 4 rows of 5 columns; the cursor on the last shows rows 2 and 3.
        let text = "aaaa bbbb cccc dddd"
        let (grid, scroll) = Self.render(TextEditor(text), width: 6, height: 2)
        #expect(scroll == 2)
        expectLines(grid, ["cccc", "dddd"])
        // Text that got shorter does not leave the box half empty.
        let (short, shortScroll) = Self.render(Self.editor("a\nb", at: 0, 0), width: 6, height: 3, scroll: 7)
        #expect(shortScroll == 0)
        expectLines(short, ["a", "b", ""])
    }

    // MARK: - Visual movement

    @Test func upAndDownFollowWrappedRows() {
        // Rows: "aaaa ", "bbbb ", "cccc" (with the line's end).
        var editor = TextEditor("aaaa bbbb cccc")
        editor = TextEditorView.visualMove(editor, up: true, width: 6)
        #expect(editor.cursor == Position(line: 0, column: 9))
        editor = TextEditorView.visualMove(editor, up: true, width: 6)
        #expect(editor.cursor == Position(line: 0, column: 4))
        #expect(TextEditorView.visualMove(editor, up: true, width: 6) == editor)
        editor = TextEditorView.visualMove(editor, up: false, width: 6)
        editor = TextEditorView.visualMove(editor, up: false, width: 6)
        #expect(editor.cursor == Position(line: 0, column: 14))
        #expect(TextEditorView.visualMove(editor, up: false, width: 6) == editor)
    }

    @Test func upAndDownKeepTheDisplayColumnAcrossWideCharacters() {
        // Column 3 falls inside "京" (columns 2 and 3): the cursor goes onto it, and comes back to "d".
        var editor = Self.editor("東京ab\nabcdef", at: 1, 3)
        editor = TextEditorView.visualMove(editor, up: true, width: 10)
        #expect(editor.cursor == Position(line: 0, column: 1))
        #expect(editor.preferredDisplayColumn == 3)
        editor = TextEditorView.visualMove(editor, up: false, width: 10)
        #expect(editor.cursor == Position(line: 1, column: 3))

        // From "f" (column 5) up to "b", also at column 5 after the two wide characters.
        let fromB = TextEditorView.visualMove(Self.editor("東京ab\nabcdefg", at: 1, 5), up: true, width: 10)
        #expect(fromB.cursor == Position(line: 0, column: 3))
    }

    @Test func upAndDownAimForTheStartingColumnAcrossShortRows() {
        var editor = Self.editor("abcdefgh\nab\nabcdefgh", at: 0, 6)
        editor = TextEditorView.visualMove(editor, up: false, width: 20)
        #expect(editor.cursor == Position(line: 1, column: 2))
        editor = TextEditorView.visualMove(editor, up: false, width: 20)
        #expect(editor.cursor == Position(line: 2, column: 6))
        // Typing forgets the goal.
        editor = TextEditorView.visualMove(editor, up: true, width: 20)
        editor.apply(.insert("x"))
        editor = TextEditorView.visualMove(editor, up: false, width: 20)
        #expect(editor.cursor == Position(line: 2, column: 3))
    }

    @Test func visualRowsInsideOneLineAndAcrossLinesMix() {
        // Rows: "Île-de-F", "rance" | "東京 ", "partners" (width 9: 8 columns of text, words break at spaces only).
        var editor = Self.editor("Île-de-France\n東京 partners", at: 0, 2)
        let steps: [Position] = [
            Position(line: 0, column: 10), Position(line: 1, column: 1), Position(line: 1, column: 5),
        ]
        for step in steps {
            editor = TextEditorView.visualMove(editor, up: false, width: 9)
            #expect(editor.cursor == step)
        }
        #expect(TextEditorView.rowCount(editor, width: 9) == 4)
    }

    @Test func withoutAWidthMovesByLogicalLine() {
        let editor = TextEditorView.visualMove(Self.editor("abc\nde", at: 0, 3), up: false, width: 0)
        #expect(editor.cursor == Position(line: 1, column: 2))
    }

    // MARK: - Property

    @Test func neverDrawsOutsideTheRectangle() {
        let text = "Région Île-de-France · 東京 partners 👩‍🔬\n\n\u{301}first step:\tcall 👍🏽 the 🇪🇺 office\u{200B}!  ok \n東東東東東"
        var generator = SeededGenerator(seed: 11)
        let base = TextEditor(text)
        let positions = [base.start, Position(line: 0, column: 24), Position(line: 2, column: 30), base.end]
        let origins = [(x: 3, y: 2), (x: -1, y: -1), (x: 30, y: 8)]
        let blank = CellGrid(size: TerminalSize(columns: 50, rows: 14), fill: Cell("#"))
        for width in 0...40 {
            for height in 0...10 {
                for origin in origins {
                    var editor = base
                    editor.moveCursor(to: positions.randomElement(using: &generator)!)
                    let focused = Bool.random(using: &generator)
                    let scroll = [0, 3, 100].randomElement(using: &generator)!
                    var grid = blank
                    let kept = TextEditorView.draw(editor, into: &grid, x: origin.x, y: origin.y, width: width,
                                                   height: height, focused: focused, scroll: scroll)
                    let context = "\(width)×\(height) at \(origin) cursor \(editor.cursor) scroll \(scroll)"
                    #expect(kept >= 0, "\(context)")
                    #expect(gridAlignmentProblem(grid) == nil, "\(context)")
                    var selected = 0
                    for row in 0..<grid.height {
                        for column in 0..<grid.width {
                            let inside = column >= origin.x && column < origin.x + width && row >= origin.y && row < origin.y + height
                            if !inside {
                                #expect(grid[column, row] == blank[column, row], "\(context): wrote (\(column), \(row))")
                            }
                            if grid[column, row].style == .selected { selected += 1 }
                        }
                    }
                    if !focused || width == 0 || height == 0 { #expect(selected == 0, "\(context)") }
                    if focused && width > 0 && height > 0 && origin.x == 3 { #expect(selected >= 1, "\(context)") }
                    if width > 0 && height > 0 {
                        let rows = TextEditorView.rowCount(editor, width: width)
                        #expect(kept <= max(0, rows - 1), "\(context)")
                    }
                }
            }
        }
    }
}
