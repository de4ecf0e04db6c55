import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

/// Marks for a shortlist poll (`s`) are journaled: a moderator who quits after marking finds the marks again.
@Suite struct ShortlistJournalTests {
    let files = WorkshopFiles(sessionPath: "/w/sevilla.yaml")
    let session = GroupMergeTests.session()

    /// The moderator on group wg1 with two entries typed and none marked.
    func twoEntries() throws -> WorkshopState {
        var state = try GroupTests().state()
        state.screen = .group(id: "wg1", selection: 0)
        for theme in ["Recycling hub", "Joint demonstrator"] {
            _ = WorkshopReducer.reduce(&state, .group(.addEntry(templateIndex: 0)), now: Fixtures.at(12, 50))
            _ = WorkshopReducer.reduce(&state, .group(.editField(.insert(theme))), now: Fixtures.at(12, 50))
            _ = WorkshopReducer.reduce(&state, .group(.closeEntry), now: Fixtures.at(12, 50))
        }
        state.notice = nil
        return state
    }

    @Test func markingAndUnmarkingRecordTheWholeList() throws {
        var store = ReducerTestStore(try twoEntries())
        let now = Fixtures.at(12, 51)
        store.send(.group(.moveEntrySelection(by: 1)), at: now, effects: []) {
            $0.now = now
            $0.screen = .group(id: "wg1", selection: 1)
        }
        store.send(.group(.toggleShortlist), at: now, effects: [.appendJournal(.shortlist(entries: ["wg1-2"])), .saveResults]) {
            $0.shortlist = ["wg1-2"]
            $0.recordedCommands += 1
        }
        store.send(.group(.moveEntrySelection(by: -1)), at: now, effects: []) {
            $0.screen = .group(id: "wg1", selection: 0)
        }
        store.send(.group(.toggleShortlist), at: now, effects: [.appendJournal(.shortlist(entries: ["wg1-2", "wg1-1"])), .saveResults]) {
            $0.shortlist = ["wg1-2", "wg1-1"]
            $0.recordedCommands += 1
        }
        store.send(.group(.toggleShortlist), at: now, effects: [.appendJournal(.shortlist(entries: ["wg1-2"])), .saveResults]) {
            $0.shortlist = ["wg1-2"]
            $0.recordedCommands += 1
        }
    }

    @Test func aDeletedEntryLeavesTheShortlistInTheRecordToo() throws {
        var state = try twoEntries()
        #expect(WorkshopReducer.apply(.shortlist(entries: ["wg1-1", "wg1-2"]), to: &state, at: Fixtures.at(12, 51)) == nil)
        #expect(WorkshopReducer.apply(.group(.delete(group: "wg1", entry: "wg1-1")), to: &state, at: Fixtures.at(12, 52)) == nil)
        #expect(state.shortlist == ["wg1-2"])
        #expect(WorkshopReducer.apply(.shortlist(entries: ["wg1-9"]), to: &state, at: Fixtures.at(12, 52))
            == "There is no entry wg1-9 to mark.")
        #expect(WorkshopReducer.apply(.shortlist(entries: ["wg1-2", "wg1-2"]), to: &state, at: Fixtures.at(12, 52))
            == "An entry is marked twice.")
        #expect(state.shortlist == ["wg1-2"])
    }

    @Test func resumingKeepsTheMarks() throws {
        let fileSystem = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 50))
        let runner = try #require(Fixtures.runner(session, fileSystem: fileSystem, files: files, clock: clock))
        runner.send(.group(.openList))
        runner.send(.group(.show("wg1")))
        for theme in ["Recycling hub", "Joint demonstrator", "Skills"] {
            runner.send(.group(.addEntry(templateIndex: 0)))
            runner.send(.group(.editField(.insert(theme))))
            runner.send(.group(.closeEntry))
        }
        runner.send(.group(.toggleShortlist))
        runner.send(.group(.moveEntrySelection(by: -2)))
        runner.send(.group(.toggleShortlist))
        #expect(runner.state.shortlist == ["wg1-3", "wg1-1"])
        runner.close()

        let reopened = try #require(Fixtures.open(session, fileSystem: fileSystem, files: files, at: Fixtures.at(13, 0)))
        #expect(reopened.state.shortlist == ["wg1-3", "wg1-1"])
    }

    /// A journal written before marks were journaled has no `shortlist` record: it replays with no marks.
    @Test func anOlderJournalWithoutMarksStillReplays() throws {
        let fileSystem = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 50))
        let runner = try #require(Fixtures.runner(session, fileSystem: fileSystem, files: files, clock: clock))
        runner.send(.command(.group(.add(group: "wg1", template: "action-concept", author: "moderator"))))
        runner.send(.command(.group(.setField(group: "wg1", entry: "wg1-1", field: "theme", text: "Skills"))))
        runner.close()
        let reopened = try #require(Fixtures.open(session, fileSystem: fileSystem, files: files, at: Fixtures.at(13, 0)))
        #expect(reopened.state.shortlist.isEmpty)
        #expect(reopened.state.group("wg1")?.entries.count == 1)
    }
}
