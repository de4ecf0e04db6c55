import Testing
import PlenaryEngine
@testable import PlenaryUI
import PlenaryTestSupport

/// ↑/↓ and PgUp/PgDn in a long field move by the rows the form shows, at the screen's width: the key map and
/// the view agree on where the text wraps.
@Suite struct EntryFieldNavigationTests {
    static let size = ModeratorScreen.minimumSize
    /// Sixty nine-letter words, five to a row of the 56-column box: twelve rows, then "End." on a line of its own.
    static let text = (1...60).map { "segment" + ($0 < 10 ? "0" : "") + String($0) }.joined(separator: " ") + "\nEnd."

    static func formState() throws -> WorkshopState {
        let template = CaptureTemplate(id: "notes", name: "Notes", fields: [TemplateField(id: "notes", label: "Notes", kind: .long)])
        let session = Session(
            title: "Wrapping", timeZone: "UTC",
            agenda: [Slot(id: "groups", title: "Groups", kind: .workingGroups, start: TimeOfDay(hour: 9, minute: 0), durationMinutes: 30)],
            templates: [template], groups: [WorkingGroup(id: "wg", name: "Clusters", templates: ["notes"])])
        var state = try Fixtures.dayState(session, now: Instant(seconds: 0))
        _ = WorkshopReducer.reduce(&state, .group(.show("wg")), now: state.now)
        _ = WorkshopReducer.reduce(&state, .group(.addEntry(templateIndex: 0)), now: state.now)
        _ = WorkshopReducer.reduce(&state, .group(.editField(.paste(text))), now: state.now)
        return state
    }

    /// Presses `key` as the app loop would: through the key map at `size`, into the reducer.
    static func press(_ key: KeyEvent, _ state: inout WorkshopState) {
        guard let action = ModeratorKeyMap.action(for: key, in: state, size: size) else { return }
        _ = WorkshopReducer.reduce(&state, action, now: state.now)
    }

    static func cursor(_ state: WorkshopState) -> TextEditor.Position? {
        guard case .entry(let draft) = state.screen else { return nil }
        return draft.editor.cursor
    }

    /// The form's field rows as drawn on the whole screen, and where the cursor cell is (x, y on screen).
    static func box(_ state: WorkshopState) -> (lines: [String], cursor: (Int, Int)?) {
        let grid = ModeratorScreen.render(state, size: size)
        let rows = Array(6..<12)
        let cursor = rows.lazy.compactMap { y in grid.styleLines[y].firstIndex(of: "S").map { (grid.styleLines[y].distance(from: grid.styleLines[y].startIndex, to: $0), y) } }.first
        return (rows.map { grid.lines[$0] }, cursor)
    }

    static func row(_ first: Int) -> String {
        "   " + (first..<first + 5).map { "segment" + ($0 < 10 ? "0" : "") + String($0) }.joined(separator: " ")
    }

    @Test func upAndDownMoveByWrappedRowAndPagesBySixRows() throws {
        var state = try Self.formState()
        #expect(Self.box(state).lines == [Self.row(36), Self.row(41), Self.row(46), Self.row(51), Self.row(56), "   End."])

        // ↑ from the end of "End." lands on the wrapped row above, four columns in: before the "e" of segment56.
        Self.press(.up, &state)
        #expect(Self.cursor(state) == TextEditor.Position(line: 0, column: 55 * 10 + 4))
        // PgUp: the six rows the box shows, keeping the column.
        Self.press(.pageUp, &state)
        #expect(Self.cursor(state) == TextEditor.Position(line: 0, column: 25 * 10 + 4))
        var box = Self.box(state)
        #expect(box.lines == [Self.row(1), Self.row(6), Self.row(11), Self.row(16), Self.row(21), Self.row(26)])
        #expect(box.cursor.map { [$0.0, $0.1] } == [3 + 4, 11])

        Self.press(.down, &state)
        #expect(Self.cursor(state) == TextEditor.Position(line: 0, column: 30 * 10 + 4))
        // PgDn stops at the last row, as far as the column allows: after "End.".
        Self.press(.pageDown, &state)
        #expect(Self.cursor(state) == TextEditor.Position(line: 1, column: 4))
        box = Self.box(state)
        #expect(box.lines.last == "   End.")
        #expect(box.cursor.map { [$0.0, $0.1] } == [3 + 4, 11])
        // Nothing below the last row, so ↓ does nothing (and is not turned into a no-op edit).
        #expect(ModeratorKeyMap.action(for: .down, in: state, size: Self.size) == nil)

        // Ctrl-↑ moves by line of text: to the same character column of the paragraph above, its first row.
        Self.press(.controlArrow(.up), &state)
        #expect(Self.cursor(state) == TextEditor.Position(line: 0, column: 4))
        #expect(ModeratorKeyMap.action(for: .up, in: state, size: Self.size) == nil)
    }

    @Test func aWiderScreenWrapsTheFieldWiderAndDownFollowsIt() throws {
        var state = try Self.formState()
        Self.press(.controlArrow(.up), &state)
        // At 60 columns the box is 56 wide (five words a row); at 80 it is 76 (seven words a row).
        let narrow = ModeratorKeyMap.action(for: .down, in: state, size: Self.size)
        let wide = ModeratorKeyMap.action(for: .down, in: state, size: TerminalSize(columns: 80, rows: 16))
        #expect(narrow == .group(.editField(.moveTo(TextEditor.Position(line: 0, column: 50 + 4), preferredDisplayColumn: 4))))
        #expect(wide == .group(.editField(.moveTo(TextEditor.Position(line: 0, column: 70 + 4), preferredDisplayColumn: 4))))
    }
}
