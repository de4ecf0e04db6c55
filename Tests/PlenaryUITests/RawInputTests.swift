import Testing
import PlenaryEngine
@testable import PlenaryUI

/// Raw input (Ctrl-Z, Ctrl-C as keys) only where the screen needs it: the voter screen and the entry form.
@Suite struct RawInputTests {
    @Test func theEntryFormAndTheVoterScreenTakeRawInputAndNothingElse() throws {
        var state = try TextInputKeyMapTests.formState()
        #expect(ModeratorApp.wantsRawInput(state))
        TextInputKeyMapTests.reduce(&state, .group(.closeEntry))
        #expect(!ModeratorApp.wantsRawInput(state))
        TextInputKeyMapTests.reduce(&state, .app(.dismissOverlay))
        #expect(!ModeratorApp.wantsRawInput(state))
        TextInputKeyMapTests.reduce(&state, .command(.poll(.open(poll: "word"))))
        TextInputKeyMapTests.reduce(&state, .voterMode(.resume))
        #expect(ModeratorApp.wantsRawInput(state))
    }

    @Test func theLoopSwitchesRawInputOnForTheFormAndOffAfterIt() throws {
        // Add an entry, type, undo it with Ctrl-Z; then leave the form with Ctrl-C.
        let (app, terminal, runner, _, _) = try ModeratorAppTests().makeApp(
            keys: [.character("1"), .character("a"), .control("z")], session: TextInputKeyMapTests.session)
        runner.send(.group(.show("wg")))
        let stop = terminal.onIdle
        var seen: [(raw: Bool, text: String?)] = []
        terminal.onIdle = {
            seen.append((terminal.isRaw, TextInputKeyMapTests.fieldText(runner.state)))
            if seen.count == 1 {
                terminal.pendingKeys = [.control("c")]
            } else {
                stop?()
            }
        }
        #expect(app.run() == .signal(15))
        #expect(seen.map(\.raw) == [true, false])
        #expect(seen.first?.text == "")
        // Ctrl-C closed the form and nothing else: still on the group; the entry, left empty, is discarded as Esc would.
        guard case .group = runner.state.screen else { Issue.record("Ctrl-C left the group screen"); return }
        #expect(runner.state.group("wg")?.entries.count == 0)
        #expect(runner.state.notice?.text == "Empty entry discarded.")
    }
}
