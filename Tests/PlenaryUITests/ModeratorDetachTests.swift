import Testing
import PlenaryEngine
import PlenaryStorage
@testable import PlenaryUI
import PlenaryTestSupport

/// `D` and the hang-up, with a scripted host in place of `RoomHost`: which screen lets go, what the others are told.
@Suite struct ModeratorDetachTests {
    /// Hands the app a scripted list of inputs (nil: a timeout) and records what the app asked of it.
    final class ScriptedHost: ModeratorHosting {
        var inputs: [ModeratorInput?]
        var signal: Int32?
        var detached: [(Int32, String)] = []
        var localReasons: [String] = []
        var attachedClients = true
        var readTerminalAfterDetach = false
        let attachCommand = "plenary attach sevilla.yaml --moderator"

        init(_ inputs: [ModeratorInput?]) { self.inputs = inputs }

        func waitForInput(terminal: (any TerminalDriver)?, timeoutMilliseconds: Int, pendingSignal: () -> Int32?) -> ModeratorInput? {
            if terminal != nil, !localReasons.isEmpty { readTerminalAfterDetach = true }
            guard !inputs.isEmpty else {
                signal = 15
                return nil
            }
            let next = inputs.removeFirst()
            if next?.key == .unknown {
                signal = 1  // SIGHUP, scripted
                return nil
            }
            return next
        }
        func detach(_ connection: Int32, reason: String) { detached.append((connection, reason)) }
        func localScreenDetached(reason: String) { localReasons.append(reason) }
        func keepsRunning(after signal: Int32, localScreenAttached: Bool) -> Bool {
            signal == 1 && (!localScreenAttached || attachedClients)
        }
        func clearSignal() { signal = nil }
    }

    static let size = TerminalSize(columns: 80, rows: 24)

    func makeApp(_ host: ScriptedHost?, keys: [KeyEvent?] = []) throws -> (ModeratorApp, MemoryTerminal, WorkshopRunner) {
        let clock = ManualClock(Fixtures.at(12, 0))
        let fs = MemoryFileSystem()
        let files = WorkshopFiles(sessionPath: "sevilla.yaml")
        let session = Fixtures.sevillaDay
        guard case .success(let plan) = PlannedAgenda.plan(session),
              case .success(let opened) = WorkshopStore.open(session: session, plan: plan, files: files, fileSystem: fs,
                                                              now: clock.now(), stamp: "S", fresh: false, newRecordID: "record-1")
        else { throw FixtureError("the fixture session does not open") }
        let runner = WorkshopRunner(state: opened.state, journal: opened.journal, fileSystem: fs, files: files, clock: clock, generator: "test")
        let terminal = MemoryTerminal(size: Self.size)
        terminal.pendingKeys = keys
        var idle = false
        terminal.onIdle = { idle = true }
        let app = ModeratorApp(runner: runner, terminal: terminal, clock: clock, glyphs: .unicode,
                               pendingSignal: { host.map { $0.signal } ?? (idle ? 15 : nil) }, host: host)
        return (app, terminal, runner)
    }

    func attached(_ key: KeyEvent, _ connection: Int32 = 7) -> ModeratorInput {
        ModeratorInput(key: key, source: .attached(connection), size: TerminalSize(columns: 100, rows: 30))
    }

    func local(_ key: KeyEvent) -> ModeratorInput { ModeratorInput(key: key, source: .local, size: Self.size) }

    /// Keys from an attached screen act on the one workshop, as the host's own keys do.
    @Test func anAttachedScreensKeysStepTheWorkshop() throws {
        let host = ScriptedHost([attached(.character(" ")), attached(.character("n")), local(.character("n"))])
        let (app, _, runner) = try makeApp(host)
        #expect(app.run() == .signal(15))
        #expect(runner.state.currentIndex == 2)
    }

    @Test func dOnAnAttachedScreenDetachesThatScreenAndTellsTheOthers() throws {
        let host = ScriptedHost([attached(.character("D"), 9)])
        let (app, terminal, runner) = try makeApp(host)
        #expect(app.run() == .signal(15))
        #expect(host.detached.map(\.0) == [9])
        #expect(host.detached.first?.1 == "Detached; the workshop keeps running. Back with: plenary attach sevilla.yaml --moderator")
        #expect(app.isLocalScreenAttached)
        #expect(!terminal.restored)
        #expect(runner.state.notice?.text.hasPrefix("A moderator screen detached; the workshop keeps running.") == true)
        #expect(terminal.lastFrame?.lines.contains { $0.contains("A moderator screen detached") } == true)
    }

    /// The host's own `D`: the terminal is given back, nothing more is drawn on it or read from it, and the
    /// workshop goes on for the attached screens (their keys still act).
    @Test func dOnTheHostsTerminalGivesItBackAndTheWorkshopGoesOn() throws {
        let host = ScriptedHost([local(.character("D")), attached(.character(" "))])
        let (app, terminal, runner) = try makeApp(host)
        #expect(app.run() == .signal(15))
        #expect(terminal.restored)
        #expect(!app.isLocalScreenAttached)
        #expect(host.localReasons == ["A moderator screen detached; the workshop keeps running. Back with: plenary attach sevilla.yaml --moderator"])
        #expect(!host.readTerminalAfterDetach)
        #expect(runner.state.hasStarted)
        let framesAtDetach = terminal.frames.count
        #expect(terminal.frames.count == framesAtDetach)
    }

    /// A hang-up with terminals attached detaches instead of ending; without any it ends as before.
    @Test func aHangUpDetachesWhileTerminalsAreAttachedAndEndsOtherwise() throws {
        let hangUp = ModeratorInput(key: .unknown, source: .local, size: Self.size)
        let host = ScriptedHost([hangUp, attached(.character(" "))])
        let (app, terminal, runner) = try makeApp(host)
        #expect(app.run() == .signal(15))
        #expect(terminal.restored)
        #expect(host.localReasons.first?.hasPrefix("The moderator's terminal closed: its screen is detached") == true)
        #expect(runner.state.hasStarted, "the attached screen's key still acted after the hang-up")

        let alone = ScriptedHost([hangUp])
        alone.attachedClients = false
        let (lonelyApp, _, _) = try makeApp(alone)
        #expect(lonelyApp.run() == .signal(1))
    }

    /// Without a host nothing could attach again: D does not strand the workshop without a screen.
    @Test func dWithoutAHostStaysAndSaysHowToLeave() throws {
        let (app, terminal, runner) = try makeApp(nil, keys: [.character("D")])
        #expect(app.run() == .signal(15))
        #expect(!terminal.restored)
        #expect(runner.state.notice?.text.contains("cannot detach") == true)
    }
}
