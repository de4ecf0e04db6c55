import Testing
import PlenaryCore
@testable import PlenaryUI

/// Raw input (Ctrl-Z, Ctrl-C as keys) only where the screen needs it: the voter screen and the entry form.
@Suite struct RawInputTests {
    @Test func theEntryFormAndTheVoterScreenTakeRawInputAndNothingElse() {
        var state = TextInputKeyMapTests.formState()
        #expect(ModeratorApp.wantsRawInput(state))
        TextInputKeyMapTests.reduce(&state, .closeEntry)
        #expect(!ModeratorApp.wantsRawInput(state))
        TextInputKeyMapTests.reduce(&state, .dismissOverlay)
        #expect(!ModeratorApp.wantsRawInput(state))
        TextInputKeyMapTests.reduce(&state, .command(.poll(.open(poll: "word"))))
        TextInputKeyMapTests.reduce(&state, .resumeVoterMode)
        #expect(ModeratorApp.wantsRawInput(state))
    }

    @Test func theLoopSwitchesRawInputOnForTheFormAndOffAfterIt() {
        let clock = TestClock(Instant(seconds: 0))
        let fs = MemoryFileSystem()
        let files = WorkshopFiles(sessionPath: "input.yaml")
        let session = TextInputKeyMapTests.session
        guard case .success(let plan) = PlannedAgenda.plan(session),
              case .success(let opened) = WorkshopStore.open(session: session, plan: plan, files: files, fileSystem: fs,
                                                              now: clock.now(), stamp: "S", fresh: false, newRecordID: "record-1")
        else { Issue.record("fixture failed to open"); return }
        let runner = WorkshopRunner(state: opened.state, journal: opened.journal, fileSystem: fs, files: files,
                                    clock: clock, generator: "test")
        runner.send(.showGroup("wg"))
        let terminal = MemoryTerminal(size: TerminalSize(columns: 80, rows: 24))
        // Add an entry, type, undo it with Ctrl-Z; then leave the form with Ctrl-C.
        terminal.pendingKeys = [.character("1"), .character("a"), .control("z")]
        var seen: [(raw: Bool, text: String?)] = []
        var stop = false
        terminal.onIdle = {
            seen.append((terminal.isRaw, TextInputKeyMapTests.fieldText(runner.state)))
            if seen.count == 1 {
                terminal.pendingKeys = [.control("c")]
            } else {
                stop = true
            }
        }
        let app = ModeratorApp(runner: runner, terminal: terminal, clock: clock, glyphs: .unicode, pendingSignal: { stop ? 15 : nil })
        #expect(app.run() == .signal(15))
        #expect(seen.map(\.raw) == [true, false])
        #expect(seen.first?.text == "")
        // Ctrl-C closed the form and nothing else: still on the group, the entry kept.
        guard case .group = runner.state.screen else { Issue.record("Ctrl-C left the group screen"); return }
        #expect(runner.state.group("wg")?.entries.count == 1)
    }
}
