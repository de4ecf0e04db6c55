import Testing
import PlenaryEngine
@testable import PlenaryUI
import PlenaryTestSupport

@Suite struct ModeratorKeyMapTests {
    func action(_ key: KeyEvent, _ state: WorkshopState) -> WorkshopAction? { ModeratorKeyMap.action(for: key, in: state) }

    @Test func spaceStartsThenPausesThenResumes() throws {
        var state = try Fixtures.dayState(now: Fixtures.at(12, 0))
        #expect(action(.character(" "), state) == .command(.start))
        _ = WorkshopReducer.reduce(&state, .command(.start), now: Fixtures.at(12, 0))
        #expect(action(.character(" "), state) == .command(.pause))
        _ = WorkshopReducer.reduce(&state, .command(.pause), now: Fixtures.at(12, 1))
        #expect(action(.character(" "), state) == .command(.resume))
    }

    @Test func lettersAndArrowsMoveThroughTheAgenda() throws {
        let state = try Fixtures.runningLate
        #expect(action(.character("n"), state) == .agenda(.requestMove(.next)))
        #expect(action(.right, state) == .agenda(.requestMove(.next)))
        #expect(action(.character("p"), state) == .agenda(.requestMove(.previous)))
        #expect(action(.left, state) == .agenda(.requestMove(.previous)))
        #expect(action(.character("+"), state) == .command(.adjust(slot: 2, seconds: 60)))
        #expect(action(.character("-"), state) == .command(.adjust(slot: 2, seconds: -60)))
        #expect(action(.character("g"), state) == .agenda(.openJumpPicker))
        #expect(action(.character("?"), state) == .app(.showHelp))
        #expect(action(.character("q"), state) == .app(.requestQuit))
        #expect(action(.character("E"), state) == .agenda(.requestEnd))
        #expect(action(.character("e"), state) == .app(.export))
        #expect(action(.character("x"), state) == nil)
        #expect(action(.control("c"), state) == nil)
        #expect(action(.unknown, state) == nil)
    }

    @Test func everyKeyInTheHelpDoesWhatItSays() throws {
        // Each binding listed in the help must map to an action on the agenda screen.
        let state = try Fixtures.runningLate
        let keys: [KeyEvent] = [.character(" "), .character("n"), .right, .character("p"), .left, .character("+"),
                                .character("-"), .character("g"), .character("E"), .character("?"), .function(1), .character("q")]
        for key in keys { #expect(action(key, state) != nil, "\(key) does nothing") }
    }

    @Test func dialogsTakeYesNoAndEscape() throws {
        var state = try Fixtures.runningLate
        _ = WorkshopReducer.reduce(&state, .app(.requestQuit), now: state.now)
        #expect(action(.character("y"), state) == .app(.confirmQuit))
        #expect(action(.escape, state) == .app(.dismissOverlay))
        #expect(action(.character("n"), state) == .app(.dismissOverlay))
        #expect(action(.character(" "), state) == nil)
        _ = WorkshopReducer.reduce(&state, .agenda(.requestEnd), now: state.now)
        #expect(action(.character("y"), state) == .command(.end))
        state.screen = .confirmEarlyStart(slot: 6, move: .jump(slot: 6))
        #expect(action(.character("y"), state) == .command(.jump(slot: 6)))
        #expect(action(.character("Y"), state) == .command(.jump(slot: 6)))
        #expect(action(.character("n"), state) == .app(.dismissOverlay))
        #expect(action(.escape, state) == .app(.dismissOverlay))
        #expect(action(.enter, state) == nil)
    }

    @Test func thePickerChoosesWithArrowsDigitsAndEnter() throws {
        var state = try Fixtures.runningLate
        _ = WorkshopReducer.reduce(&state, .agenda(.openJumpPicker), now: state.now)
        #expect(action(.down, state) == .agenda(.moveJumpSelection(by: 1)))
        #expect(action(.up, state) == .agenda(.moveJumpSelection(by: -1)))
        #expect(action(.character("5"), state) == .agenda(.setJumpSelection(4)))
        #expect(action(.enter, state) == .app(.dismissOverlay))
        _ = WorkshopReducer.reduce(&state, .agenda(.setJumpSelection(4)), now: state.now)
        #expect(action(.enter, state) == .agenda(.requestMove(.jump(slot: 4))))
        #expect(action(.escape, state) == .app(.dismissOverlay))
    }
}
