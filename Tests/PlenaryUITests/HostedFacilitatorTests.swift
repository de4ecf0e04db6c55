import Testing
import PlenaryEngine
import PlenaryStorage
@testable import PlenaryUI
import PlenaryTestSupport

/// A facilitator's screen run by the host: its keys record on the host's one workshop (journal first), with its own
/// screen beside the moderator's, and only ever its own group's entries.
@Suite struct HostedFacilitatorTests {
    static let size = TerminalSize(columns: 90, rows: 28)

    func makeRunner() throws -> (WorkshopRunner, MemoryFileSystem) {
        let clock = ManualClock(Fixtures.at(12, 0))
        let fs = MemoryFileSystem()
        let files = WorkshopFiles(sessionPath: "sevilla.yaml")
        let session = KeyHelpCoverageTests.session
        guard case .success(let plan) = PlannedAgenda.plan(session),
              case .success(let opened) = WorkshopStore.open(session: session, plan: plan, files: files, fileSystem: fs,
                                                              now: clock.now(), stamp: "S", fresh: false, newRecordID: "record-1")
        else { throw FixtureError("the fixture session does not open") }
        return (WorkshopRunner(state: opened.state, journal: opened.journal, fileSystem: fs, files: files, clock: clock, generator: "test"), fs)
    }

    func type(_ keys: [KeyEvent], into facilitator: inout HostedFacilitator, runner: WorkshopRunner) -> [HostedFacilitator.Outcome] {
        keys.map { facilitator.handle($0, size: Self.size, runner: runner) }
    }

    @Test func anEntryTypedThereIsRecordedOnTheHostAsTheFacilitators() throws {
        let (runner, fs) = try makeRunner()
        var facilitator = HostedFacilitator(group: "wg2")
        let before = fs.text("sevilla.journal.jsonl")?.split(separator: "\n").count ?? 0
        let outcomes = type([.character("1")] + "Ports".map { .character($0) } + [.escape], into: &facilitator, runner: runner)
        #expect(outcomes.contains(.changed(recorded: true)))
        let entries = runner.state.group("wg2")?.entries ?? []
        #expect(entries.map { $0.fields["title"] } == ["Ports"])
        #expect(entries.first?.author == "facilitator")
        #expect(runner.state.group("wg1")?.entries.isEmpty == true)
        #expect((fs.text("sevilla.journal.jsonl")?.split(separator: "\n").count ?? 0) > before, "journaled before shown")
        // Its own screen: the host's moderator screen stayed on the agenda.
        #expect(runner.state.screen == .agenda)
        #expect(runner.state.role == .moderator)
        let lines = facilitator.render(runner.state, size: Self.size, glyphs: .unicode).lines
        #expect(lines.contains { $0.contains("1. [Challenge] Ports") })
    }

    /// The facilitator's screen never reaches another group: Esc stays on its group, and `q` then `y` leaves.
    @Test func itStaysOnItsOwnGroupAndQuitLeaves() throws {
        let (runner, _) = try makeRunner()
        var facilitator = HostedFacilitator(group: "wg1")
        _ = type([.escape, .escape], into: &facilitator, runner: runner)
        #expect(facilitator.screen == .group(id: "wg1", selection: 0))
        #expect(type([.character("q"), .character("y")], into: &facilitator, runner: runner).last == .leave)
        #expect(runner.state.recordedCommands == 0)
    }

    /// Something refused by the host shows on the facilitator's screen, not the moderator's.
    @Test func aRefusalShowsOnTheFacilitatorsScreen() throws {
        let (runner, _) = try makeRunner()
        var facilitator = HostedFacilitator(group: "wg1")
        _ = type([.character("1"), .character("A"), .escape], into: &facilitator, runner: runner)
        // The group is gone from under it (a session edited and resumed): the gate refuses, the screen says why.
        var other = HostedFacilitator(group: "wg9")
        #expect(other.handle(.character("1"), size: Self.size, runner: runner) != .changed(recorded: true))
        #expect(runner.state.group("wg1")?.entries.count == 1)
        #expect(runner.state.notice == nil || runner.state.notice?.level != .error)
    }
}
