import Testing
import PlenaryEngine
import PlenaryStorage
@testable import PlenaryUI
import PlenaryTestSupport

/// The whole loop with a memory terminal, memory files and a hand-moved clock.
@Suite struct ModeratorAppTests {
    /// The loop stops (as if SIGTERM arrived) once the terminal's keys run out, unless the test replaces `onIdle`.
    func makeApp(keys: [KeyEvent?], size: TerminalSize = TerminalSize(columns: 80, rows: 24), session: Session = Fixtures.sevillaDay)
        throws -> (ModeratorApp, MemoryTerminal, WorkshopRunner, MemoryFileSystem, ManualClock) {
        let clock = ManualClock(Fixtures.at(12, 0))
        let fs = MemoryFileSystem()
        let files = WorkshopFiles(sessionPath: "sevilla.yaml")
        guard case .success(let plan) = PlannedAgenda.plan(session),
              case .success(let opened) = WorkshopStore.open(session: session, plan: plan, files: files, fileSystem: fs,
                                                              now: clock.now(), stamp: "S", fresh: false, newRecordID: "record-1")
        else { throw FixtureError("the fixture session does not open") }
        let runner = WorkshopRunner(state: opened.state, journal: opened.journal, fileSystem: fs, files: files,
                                    clock: clock, generator: "test")
        let terminal = MemoryTerminal(size: size)
        terminal.pendingKeys = keys
        var stop = false
        terminal.onIdle = { stop = true }
        let app = ModeratorApp(runner: runner, terminal: terminal, clock: clock, glyphs: .unicode,
                               pendingSignal: { stop ? 15 : nil })
        return (app, terminal, runner, fs, clock)
    }

    @Test func keysDriveTheAgendaAndEveryStepIsJournaled() throws {
        let (app, terminal, runner, fs, _) = try makeApp(keys: [.character(" "), .character("n"), .character("+"), .character("?")])
        #expect(app.run() == .signal(15))
        #expect(runner.state.currentIndex == 1)
        #expect(runner.state.screen == .help(over: .agenda))
        let journal = fs.text("sevilla.journal.jsonl") ?? ""
        #expect(journal.split(separator: "\n").count == 4)
        #expect(terminal.lastFrame?.lines.contains { $0.contains("Keys") } == true)
        // The signal came within 200 ms of the last key: the results file waits, and the runner's close writes it
        // (as the program does on SIGTERM, SIGINT and SIGHUP).
        #expect(fs.text("sevilla.results.json")?.contains(#""recordedActions":3"#) != true)
        runner.close()
        #expect(fs.text("sevilla.results.json")?.contains(#""recordedActions":3"#) == true)
    }

    /// Keys are acknowledged without a results write; once the room is quiet, the loop's next turn writes one
    /// snapshot holding all of them.
    @Test func theResultsAreWrittenOnceWhenTheRoomGoesQuiet() throws {
        let (app, terminal, runner, fs, clock) = try makeApp(keys: [.character(" "), .character("n"), .character("+")])
        var quietTurns = 0
        terminal.onIdle = {
            quietTurns += 1
            if quietTurns == 1 { clock.current = clock.current.adding(milliseconds: ResultsSchedule.idleMilliseconds) }
        }
        let app2 = ModeratorApp(runner: runner, terminal: terminal, clock: clock, glyphs: .unicode,
                                pendingSignal: { quietTurns >= 2 ? 15 : nil })
        _ = app
        #expect(app2.run() == .signal(15))
        #expect(fs.replacements["sevilla.results.json"] == 1)
        #expect(fs.text("sevilla.results.json")?.contains(#""recordedActions":3"#) == true)
        #expect(!runner.resultsSchedule.hasUnsavedChanges)
    }

    /// A recorded key's frame is drawn into memory while the journal syncs its record (decision 105), and what
    /// reaches the terminal is what drawing the state afterwards gives.
    @Test func aFrameDrawnWhileTheJournalSyncsIsTheFrameOfTheRecordedState() throws {
        let (app, terminal, runner, fs, _) = try makeApp(keys: [.character(" "), .character("n"), .character("+")])
        #expect(app.run() == .signal(15))
        #expect(fs.appends["sevilla.journal.jsonl"]?.count == 4, "the header and three records")
        #expect(runner.state.currentIndex == 1)
        #expect(terminal.lastFrame == ModeratorScreen.render(runner.state, size: terminal.size, glyphs: .unicode))
        #expect(runner.whileJournalSyncs == nil, "the loop lets go of the runner when it ends")
    }

    /// When the sync fails after the frame was drawn, that frame is thrown away: the screen shows the state as it
    /// was before the key, saying the action was not recorded.
    @Test func aFrameDrawnWhileAFailingSyncRanIsNeverShown() throws {
        let (app, terminal, runner, fs, _) = try makeApp(keys: [.character(" "), .character("n")])
        fs.failAppend(after: 1, reason: "Input/output error", operation: "fsync")
        #expect(app.run() == .signal(15))
        #expect(fs.appends["sevilla.journal.jsonl"]?.count == 2, "the header and the start; not the step")
        #expect(runner.state.currentIndex == 0)
        let shown = try #require(terminal.lastFrame)
        #expect(shown == ModeratorScreen.render(runner.state, size: terminal.size, glyphs: .unicode))
        #expect(shown.lines.contains { $0.contains("NOT RECORDED") })
    }

    /// The warm-up after the first frame (decision 95) tries `n` and `+` on a copy: nothing is journaled, shown or
    /// changed, and the real keys after it act once each.
    @Test func theWarmUpChangesNothingAndDrawsNothing() throws {
        let (app, terminal, runner, fs, _) = try makeApp(keys: [nil])
        let before = runner.state
        let journal = fs.text("sevilla.journal.jsonl")
        #expect(app.run() == .signal(15))
        #expect(runner.state.recordedCommands == 0)
        #expect(runner.state.currentIndex == before.currentIndex)
        #expect(runner.state.plan == before.plan)
        #expect(runner.state.screen == .agenda)
        #expect(fs.text("sevilla.journal.jsonl") == journal)
        // One frame per turn of the loop (the first, then the tick's): the warm-up's frames are never drawn.
        #expect(terminal.frames.count == 2)
        #expect(terminal.frames[0] == terminal.frames[1])

        let reached = runner.warmUp([.command(.start), .agenda(.requestMove(.next))])
        #expect(reached.count == 2)
        #expect(reached[0].hasStarted && reached[1].currentIndex == 1)
        #expect(!runner.state.hasStarted && runner.state.currentIndex == 0)
        #expect(fs.text("sevilla.journal.jsonl") == journal)
        #expect(!runner.resultsSchedule.hasUnsavedChanges)
    }

    @Test func quittingNeedsConfirmation() throws {
        let (app, _, runner, _, _) = try makeApp(keys: [.character("q"), .escape, .character("q"), .character("y")])
        #expect(app.run() == .quit)
        #expect(runner.wantsToQuit)
    }

    @Test func aResizeRedrawsAtTheNewSizeAndKeysWaitWhileTooSmall() throws {
        let (app, terminal, runner, _, _) = try makeApp(keys: [])
        var step = 0
        terminal.onIdle = {
            step += 1
            switch step {
            case 1:
                terminal.size = TerminalSize(columns: 40, rows: 10)
                terminal.pendingKeys = [.resize, .character("q"), .character("y")]
            case 2:
                terminal.size = TerminalSize(columns: 80, rows: 24)
                terminal.pendingKeys = [.resize, .character("q"), .character("y")]
            default:
                break
            }
        }
        #expect(app.run() == .quit)
        #expect(terminal.frames.contains { $0.size == TerminalSize(columns: 40, rows: 10) && $0.lines.joined().contains("Please enlarge the window") })
        // The q and y typed while the window was too small did nothing: the quit came only after the resize back.
        #expect(step == 2)
        #expect(runner.wantsToQuit)
    }

    @Test func thePINIsCheckedAfterTheScreenSaysSoAndKeysTypedMeanwhileAreDropped() throws {
        var session = Fixtures.sevillaDay
        session.polls = [PollDefinition(id: "format", question: "Format?", type: .single, options: ["Physical", "Online"])]
        session.voterPIN = Fixtures.pinHash
        // "w" typed right after Enter, while the PIN is being checked, would open the working groups.
        let keys: [KeyEvent?] = [.control("x")] + "246810".map { .character($0) } + [.enter, .character("w")]
        let (app, terminal, runner, _, _) = try makeApp(keys: [], session: session)
        runner.send(.command(.poll(.open(poll: "format"))))
        runner.send(.voterMode(.resume))
        // Starting voter mode drops keys typed before it; these come after.
        _ = runner.takeDiscardRequest()
        terminal.pendingKeys = keys
        #expect(runner.state.voter != nil)
        #expect(app.run() == .signal(15))
        #expect(runner.state.voter == nil)
        #expect(runner.state.notice?.text == "Left voter mode after 0 voters.")
        #expect(runner.state.screen == .agenda)
        // Exactly one frame said so, drawn before the check ran, and the next frame is the moderator's.
        let checking = terminal.frames.indices.filter { terminal.frames[$0].lines.joined().contains("Checking, one moment") }
        #expect(checking.count == 1)
        if let index = checking.first, index + 1 < terminal.frames.count {
            #expect(terminal.frames[index + 1].lines.joined().contains("AGENDA"))
        }
    }
}
