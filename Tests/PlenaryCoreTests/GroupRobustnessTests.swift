import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

/// What QA found on the working-group screens: each fixed, each kept fixed here.
@Suite struct GroupRobustnessTests {
    let files = WorkshopFiles(sessionPath: "/w/sevilla.yaml")

    /// The plenary's screen on group wg1 (two groups, action concepts and challenges).
    func moderator() throws -> WorkshopState {
        var state = try GroupMergeTests.laptop("plenary")
        state.screen = .group(id: "wg1", selection: 0)
        return state
    }

    func typeEntry(_ state: inout WorkshopState, _ theme: String, at time: Instant) {
        _ = WorkshopReducer.reduce(&state, .group(.addEntry(templateIndex: 0)), now: time)
        _ = WorkshopReducer.reduce(&state, .group(.editField(.insert(theme))), now: time)
        _ = WorkshopReducer.reduce(&state, .group(.closeEntry), now: time)
    }

    @Test func aPollMadeFromEntriesLeavesAJournalThatResumes() throws {
        let fileSystem = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 50))
        let session = GroupMergeTests.session()
        // Two entries on wg1, both marked: the same set-up the atomic-action tests use (and the same files).
        let runner = try AtomicActionTests().shortlisted(fileSystem, clock)
        runner.send(.group(.pollFromShortlist(.ranking)))
        runner.send(.group(.openShortlistPoll))
        #expect(runner.state.polls.last?.status == .open)
        runner.close()
        // The poll's create and open records are numbered one after the other, so the journal replays.
        let reopened = try #require(Fixtures.open(session, fileSystem: fileSystem, files: files, at: Fixtures.at(13, 0)))
        #expect(reopened.state.polls == runner.state.polls)
        #expect(reopened.state.recordedCommands == runner.state.recordedCommands)
    }

    @Test func typingWithoutAPauseIsSavedEveryTwoSeconds() throws {
        var state = try moderator()
        _ = WorkshopReducer.reduce(&state, .group(.addEntry(templateIndex: 0)), now: Fixtures.at(12, 50))
        var saved: [String] = []
        // Four keys a second for six seconds, never pausing.
        for key in 0..<24 {
            let effects = WorkshopReducer.reduce(&state, .group(.editField(.insert("x"))), now: Fixtures.at(12, 50).adding(milliseconds: Int64(key) * 250))
            for case .appendJournal(.group(.setField(_, _, _, let text))) in effects { saved.append(text) }
        }
        // Saved 2 s after the first unsaved key: keys 0–8, then keys 9–17.
        #expect(saved.map(\.count) == [9, 18])
        // A signal, or quitting, records what is typed at once.
        let flushed = WorkshopReducer.reduce(&state, .group(.flushDraft), now: Fixtures.at(12, 50, 6))
        #expect(flushed.first == .appendJournal(.group(.setField(group: "wg1", entry: "wg1-1", field: "theme", text: String(repeating: "x", count: 24)))))
    }

    @Test func undoSaysWhatItUndidAndTakesAStretchOfTypingAsOneEdit() throws {
        var state = try moderator()
        typeEntry(&state, "Hydrogen", at: Fixtures.at(12, 50))
        _ = WorkshopReducer.reduce(&state, .group(.openEntry), now: Fixtures.at(12, 51))
        for (second, text) in [(0, " valleys"), (3, " in Lapland")] {
            _ = WorkshopReducer.reduce(&state, .group(.editField(.end)), now: Fixtures.at(12, 51, second))
            _ = WorkshopReducer.reduce(&state, .group(.editField(.insert(text))), now: Fixtures.at(12, 51, second))
            _ = WorkshopReducer.reduce(&state, .tick, now: Fixtures.at(12, 51, second + 2))
        }
        _ = WorkshopReducer.reduce(&state, .group(.closeEntry), now: Fixtures.at(12, 52))
        #expect(state.group("wg1")?.entries[0].fields["theme"] == "Hydrogen valleys in Lapland")
        _ = WorkshopReducer.reduce(&state, .group(.undo), now: Fixtures.at(12, 53))
        #expect(state.group("wg1")?.entries[0].fields["theme"] == "Hydrogen")
        #expect(state.notice?.text == "Undone: the last edit of \u{201C}Theme / value-chain segment\u{201D} in entry 1 (Hydrogen valleys in Lapland).")
    }

    @Test func emptyEntriesAreDiscardedAndMissingRequiredFieldsAreFlagged() throws {
        var state = try moderator()
        _ = WorkshopReducer.reduce(&state, .group(.addEntry(templateIndex: 0)), now: Fixtures.at(12, 50))
        let effects = WorkshopReducer.reduce(&state, .group(.closeEntry), now: Fixtures.at(12, 50))
        #expect(effects.contains(.appendJournal(.group(.delete(group: "wg1", entry: "wg1-1")))))
        #expect(state.group("wg1")?.entries.isEmpty == true)
        #expect(state.notice?.text == "Empty entry discarded.")

        _ = WorkshopReducer.reduce(&state, .group(.addEntry(templateIndex: 0)), now: Fixtures.at(12, 51))
        _ = WorkshopReducer.reduce(&state, .group(.changeField(by: 1)), now: Fixtures.at(12, 51))
        _ = WorkshopReducer.reduce(&state, .group(.editField(.insert("Kainuu"))), now: Fixtures.at(12, 51))
        _ = WorkshopReducer.reduce(&state, .group(.closeEntry), now: Fixtures.at(12, 51))
        #expect(state.group("wg1")?.entries.count == 1)
        #expect(state.notice?.text == "Theme / value-chain segment is still empty (required): Enter to fill it in.")
        _ = WorkshopReducer.reduce(&state, .group(.addEntry(templateIndex: 5)), now: Fixtures.at(12, 52))
        #expect(state.notice?.text == "No template 6 here: this group uses 1 Action concept, 2 Challenge.")
    }

    @Test func aFacilitatorTerminalAlwaysComesBackToItsGroup() throws {
        var state = try GroupMergeTests.laptop("laptop")
        _ = WorkshopReducer.reduce(&state, .group(.becomeFacilitator(group: "wg2")), now: Fixtures.at(12, 50))
        _ = WorkshopReducer.reduce(&state, .group(.showHelp), now: Fixtures.at(12, 50))
        #expect(state.screen == .groupHelp(id: "wg2", selection: 0))
        _ = WorkshopReducer.reduce(&state, .app(.dismissOverlay), now: Fixtures.at(12, 50))
        #expect(state.screen == .group(id: "wg2", selection: 0))
        state.screen = .help(over: .agenda)
        _ = WorkshopReducer.reduce(&state, .app(.dismissOverlay), now: Fixtures.at(12, 50))
        #expect(state.screen == .group(id: "wg2", selection: 0))
        typeEntry(&state, "A", at: Fixtures.at(12, 51))
        typeEntry(&state, "B", at: Fixtures.at(12, 51))
        _ = WorkshopReducer.reduce(&state, .group(.toggleShortlist), now: Fixtures.at(12, 52))
        #expect(WorkshopReducer.reduce(&state, .group(.pollFromShortlist(.ranking)), now: Fixtures.at(12, 52)).isEmpty)
        #expect(state.polls.isEmpty && state.shortlist.isEmpty)
        #expect(state.notice?.text.hasPrefix("Entries are prioritised on the plenary's screen") == true)
    }

    @Test func aDeletedMergedEntryStaysDeletedAndAnOlderCopyChangesNothing() throws {
        var laptop = try GroupMergeTests.laptop("laptop-b")
        try GroupMergeTests.add(&laptop, group: "wg2", ["title": "Fragmented funding"], at: Fixtures.at(12, 50))
        try GroupMergeTests.add(&laptop, group: "wg2", ["title": "Skills"], at: Fixtures.at(12, 50))
        let older = GroupMergeTests.results(laptop)
        try Fixtures.run(&laptop, [(Fixtures.at(12, 55), .group(.setField(group: "wg2", entry: "wg2-1", field: "title", text: "Fragmented funding calls")))])
        var main = try GroupMergeTests.laptop("plenary")
        try GroupMergeTests.merge(GroupMergeTests.results(laptop), into: &main)

        let stale = try GroupMergeTests.merge(older, into: &main)
        #expect((stale.added, stale.updated, stale.older, stale.unchanged) == (0, 0, 1, 1))
        #expect(stale.command == nil)
        #expect(main.group("wg2")?.entries[0].fields["title"] == "Fragmented funding calls")

        main.screen = .group(id: "wg2", selection: 1)
        _ = WorkshopReducer.reduce(&main, .group(.deleteEntry), now: Fixtures.at(13, 10))
        let again = try GroupMergeTests.merge(GroupMergeTests.results(laptop), into: &main)
        #expect((again.added, again.deletedHere) == (0, 1))
        #expect(again.summary == "1 entry already there, 1 entry deleted here, not brought back")
        #expect(main.group("wg2")?.entries.count == 1)
        // Undoing the delete brings it back, and then it is merged as usual again.
        _ = WorkshopReducer.reduce(&main, .group(.undo), now: Fixtures.at(13, 11))
        #expect(main.group("wg2")?.deletedOrigins.isEmpty == true)
        #expect(try GroupMergeTests.merge(GroupMergeTests.results(laptop), into: &main).unchanged == 2)
    }

    @Test func aLaterCopyTakesOnlyTheFieldsTheLaptopChangedAndKeepsEditsMadeHere() throws {
        var laptop = try GroupMergeTests.laptop("laptop-b")
        try GroupMergeTests.add(&laptop, group: "wg2", ["title": "Funding", "partners": "Lapland"], at: Fixtures.at(12, 50))
        var main = try GroupMergeTests.laptop("plenary")
        try GroupMergeTests.merge(GroupMergeTests.results(laptop), into: &main)
        // The plenary corrects the title; the laptop then adds a partner and, separately, rewrites the category.
        try Fixtures.run(&main, [(Fixtures.at(13, 0), .group(.setField(group: "wg2", entry: "wg2-1", field: "title", text: "Funding [plenary]")))])
        try Fixtures.run(&laptop, [
            (Fixtures.at(13, 5), .group(.setField(group: "wg2", entry: "wg2-1", field: "partners", text: "Lapland\nKainuu"))),
            (Fixtures.at(13, 5), .group(.setField(group: "wg2", entry: "wg2-1", field: "category", text: "Funding"))),
        ])
        let plan = try GroupMergeTests.merge(GroupMergeTests.results(laptop), into: &main)
        #expect((plan.updated, plan.keptHere) == (1, 0))
        #expect(main.group("wg2")?.entries[0].fields == ["title": "Funding [plenary]", "partners": "Lapland\nKainuu", "category": "Funding"])
        // Both sides change the title: the plenary's edit stays, and the merge says so.
        try Fixtures.run(&laptop, [(Fixtures.at(13, 10), .group(.setField(group: "wg2", entry: "wg2-1", field: "title", text: "Funding calls")))])
        let conflict = try GroupMergeTests.merge(GroupMergeTests.results(laptop), into: &main)
        #expect(conflict.keptHere == 1)
        #expect(conflict.summary == "0 entries added, 1 updated, 1 field edited on both sides kept as edited here")
        #expect(main.group("wg2")?.entries[0].fields["title"] == "Funding [plenary]")
        #expect(try GroupMergeTests.merge(GroupMergeTests.results(laptop), into: &main).command == nil)
    }

    @Test func aResultsFileWithoutItsJournalIsKeptAside() throws {
        let fileSystem = MemoryFileSystem()
        fileSystem.write(files.resultsPath, "{\"copied\": \"from a group laptop\"}")
        let opened = try #require(Fixtures.open(GroupMergeTests.session(), fileSystem: fileSystem, files: files, at: Fixtures.at(12, 0)))
        #expect(fileSystem.text("/w/sevilla.S.results.json") == "{\"copied\": \"from a group laptop\"}")
        #expect(opened.messages == ["/w/sevilla.results.json had no journal beside it; it was kept as /w/sevilla.S.results.json."])
    }

    @Test func unfinishedResultsWritesLeftByAKillAreRemovedOnResume() throws {
        let fileSystem = MemoryFileSystem()
        _ = try #require(Fixtures.open(GroupMergeTests.session(), fileSystem: fileSystem, files: files, at: Fixtures.at(12, 0)))
        fileSystem.write("/w/sevilla.results.json.tmp-4242", "{\"half")
        fileSystem.write("/w/other.results.json.tmp-4242", "not ours")
        let resumed = try #require(Fixtures.open(GroupMergeTests.session(), fileSystem: fileSystem, files: files, at: Fixtures.at(12, 5)))
        #expect(!fileSystem.exists("/w/sevilla.results.json.tmp-4242"))
        #expect(fileSystem.exists("/w/other.results.json.tmp-4242"))
        #expect(resumed.messages.first?.hasPrefix("Removed 1 unfinished results write left by an interrupted run") == true)
    }

    @Test func pastedPathsAreCleanedUp() throws {
        #expect(ImportPicker.normalized("  '/media/usb/group 2.results.json' ") == "/media/usb/group 2.results.json")
        #expect(ImportPicker.normalized("/media/usb/group\\ 2.results.json\n") == "/media/usb/group 2.results.json")
        #expect(ImportPicker.normalized("\"~/wg1.results.json\"") == "~/wg1.results.json")
        #expect(ImportPicker.normalized("   ") == "")
    }

    /// A kill while the entry form is open, before anything is typed (or within the autosave's two seconds),
    /// used to leave an entry with every field empty for ever.
    @Test func anEntryLeftEmptyByAKillIsDiscardedOnTheNextStart() throws {
        let fileSystem = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 50))
        let session = GroupMergeTests.session()
        let killed = try #require(Fixtures.runner(session, fileSystem: fileSystem, files: files, clock: clock))
        killed.send(.group(.openList))
        killed.send(.group(.show("wg1")))
        killed.send(.group(.addEntry(templateIndex: 0)))
        killed.send(.group(.editField(.insert("Recycling hub"))))
        killed.send(.group(.closeEntry))
        killed.send(.group(.addEntry(templateIndex: 1)))
        killed.send(.group(.editField(.insert("typed, never saved"))))
        // kill -9: no flush, no close.
        clock.advance(seconds: 1)

        let resumed = try #require(Fixtures.open(session, fileSystem: fileSystem, files: files, at: clock.now()))
        let entries = try #require(resumed.state.group("wg1")?.entries)
        #expect(entries.map(\.id) == ["wg1-1"], "only the entry with content")
        #expect(resumed.messages.contains("Discarded an empty entry (wg1-2) left open when the last run stopped."), "\(resumed.messages)")
        #expect(resumed.state.recordedActions == 4, "two adds, a text, and the discard")

        // The discard is journaled: the next start replays it and has nothing more to discard.
        let again = try #require(Fixtures.open(session, fileSystem: fileSystem, files: files, at: clock.now()))
        #expect(again.state.group("wg1")?.entries.map(\.id) == ["wg1-1"])
        #expect(!again.messages.contains { $0.hasPrefix("Discarded") })
        #expect(again.state.recordedCommands == resumed.state.recordedCommands)
    }
}
