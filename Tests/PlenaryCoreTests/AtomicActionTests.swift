import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

/// An action is recorded whole or not at all: its records go in one write and one fdatasync, the state is adopted
/// after it, the results file is saved once, and a journal torn inside an action is cut back to the action before.
@Suite struct AtomicActionTests {
    let files = WorkshopFiles(sessionPath: "/w/sevilla.yaml")
    let session = GroupMergeTests.session()

    /// A moderator on group wg1 with two entries marked for a poll, over memory files.
    func shortlisted(_ fileSystem: MemoryFileSystem, _ clock: ManualClock) throws -> WorkshopRunner {
        let runner = try #require(Fixtures.runner(session, fileSystem: fileSystem, files: files, clock: clock))
        runner.send(.group(.openList))
        runner.send(.group(.show("wg1")))
        for theme in ["Recycling hub", "Joint demonstrator"] {
            runner.send(.group(.addEntry(templateIndex: 0)))
            runner.send(.group(.editField(.insert(theme))))
            runner.send(.group(.closeEntry))
        }
        for selection in [0, 1] {
            runner.send(.group(.moveEntrySelection(by: selection == 0 ? -5 : 1)))
            runner.send(.group(.toggleShortlist))
        }
        return runner
    }

    func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    func resultsFile(of state: WorkshopState) -> [UInt8] {
        ResultsSnapshot(state: state, sessionFile: files.sessionPath, generator: "test").encoded()
    }

    @Test func aPollMadeFromEntriesIsItsCommandsReplayedPlusTheScreen() throws {
        let fileSystem = MemoryFileSystem()
        let runner = try shortlisted(fileSystem, ManualClock(Fixtures.at(12, 50)))
        var store = ReducerTestStore(runner.state)
        let now = Fixtures.at(12, 52)
        var definition = PollDefinition(id: "shortlist-1", question: "Rank these actions, most important first", type: .ranking,
                                        options: ["Recycling hub", "Joint demonstrator"])
        definition.entryIDs = ["wg1-1", "wg1-2"]
        let proposal = ShortlistPollDraft(groupID: "wg1", selection: 1, proposal: {
            var proposal = definition
            proposal.question = ""
            return proposal
        }())
        store.send(.group(.pollFromShortlist(.ranking)), at: now, effects: []) {
            $0.now = now
            $0.screen = .shortlistPoll(proposal)
        }
        store.send(.group(.openShortlistPoll), at: now, effects: [
            .appendJournal(.poll(.create(definition))), .saveResults, .appendJournal(.poll(.open(poll: "shortlist-1"))), .saveResults,
            .appendJournal(.shortlist(entries: [])), .saveResults,
        ]) {
            #expect(WorkshopReducer.apply(.poll(.create(definition)), to: &$0, at: now) == nil)
            #expect(WorkshopReducer.apply(.poll(.open(poll: "shortlist-1")), to: &$0, at: now) == nil)
            $0.recordedCommands += 3
            $0.shortlist = []
            $0.screen = .poll(id: "shortlist-1")
            $0.notice = Notice(text: "Poll made from 2 entries and opened: v hands it to the room.", level: .success,
                               until: now.adding(seconds: 6))
        }
    }

    @Test func anActionsRecordsGoInOneWriteAndTheResultsAreSavedFromTheAdoptedState() throws {
        let fileSystem = MemoryFileSystem()
        let runner = try shortlisted(fileSystem, ManualClock(Fixtures.at(12, 50)))
        let appendsBefore = fileSystem.appends[files.journalPath]?.count ?? 0
        // A disk that fails the second append: with one append per record, the poll would be created and not opened.
        fileSystem.failAppend(after: 1, reason: "Input/output error")
        runner.send(.group(.pollFromShortlist(.ranking)))
        runner.send(.group(.openShortlistPoll))

        let appends = try #require(fileSystem.appends[files.journalPath])
        #expect(appends.count == appendsBefore + 1, "one write for the action")
        let written = lines(try #require(appends.last))
        let first = runner.state.recordedCommands - 1
        #expect(written.count == 3)
        #expect(written.allSatisfy { $0.contains(#""actionEnd":\#(first + 1)"#) })
        #expect(runner.state.polls.last?.status == .open)
        #expect(runner.state.storageFailure == nil)
        runner.saveResults()
        #expect(fileSystem.files[files.resultsPath] == resultsFile(of: runner.state), "the results show the state adopted")

        runner.close()
        let reopened = try #require(Fixtures.open(session, fileSystem: fileSystem, files: files, at: Fixtures.at(13, 0)))
        #expect(reopened.state.polls == runner.state.polls)
        #expect(reopened.state.recordedCommands == runner.state.recordedCommands)
    }

    @Test func aFailedAppendLeavesStateJournalAndResultsAsTheyWere() throws {
        let fileSystem = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 50))
        let runner = try shortlisted(fileSystem, clock)
        runner.send(.group(.pollFromShortlist(.ranking)))
        let before = runner.state
        let journalBefore = fileSystem.files[files.journalPath]
        let resultsBefore = fileSystem.files[files.resultsPath]
        fileSystem.failAppend(after: 0, reason: "Input/output error")
        runner.send(.group(.openShortlistPoll))

        var expected = before
        expected.storageFailure = StorageFailure(
            kind: .journal, message: "NOT RECORDED: Input/output error writing the journal. Read-only: fix the disk, then restart.")
        ReducerTestStore.expectSame(runner.state, expected)
        #expect(fileSystem.files[files.journalPath] == journalBefore)
        #expect(fileSystem.files[files.resultsPath] == resultsBefore)
    }

    @Test func effectsQueuedBehindAFollowUpStillRunAndTheFollowUpSeesTheirState() throws {
        let fileSystem = MemoryFileSystem()
        fileSystem.write("/w/laptop.results.json", "{}")
        let clock = ManualClock(Fixtures.at(12, 0))
        let opened = try #require(Fixtures.open(session, fileSystem: fileSystem, files: files, at: clock.now()))
        // No action yet lists files and records a command at once; a wrapped reducer makes `i` do both, in that order.
        let runner = WorkshopRunner(state: opened.state, journal: opened.journal, fileSystem: fileSystem, files: files, clock: clock,
                                    generator: "test", randomBytes: { Array(repeating: 1, count: $0) }, homeDirectory: nil) { state, action, now in
            var effects = WorkshopReducer.reduce(&state, action, now: now)
            if case .importing(.open) = action {
                effects += WorkshopReducer.record(.adjust(slot: 0, seconds: 60), in: &state).effects + [.discardInput]
            }
            return effects
        }
        runner.send(.importing(.open))

        #expect(effects(in: fileSystem.appends[files.journalPath] ?? []) == [.adjust(slot: 0, seconds: 60)])
        #expect(runner.state.progress[0].adjustmentSeconds == 60)
        #expect(runner.state.recordedCommands == 1)
        #expect(runner.takeDiscardRequest())
        guard case .importPicker(let picker) = runner.state.screen else { Issue.record("no picker: \(runner.state.screen)"); return }
        #expect(picker.candidates == ["laptop.results.json"], "the listing came after the action's own effects")
        runner.saveResults()
        #expect(fileSystem.files[files.resultsPath] == resultsFile(of: runner.state))
    }

    /// The commands of every record appended, in order.
    func effects(in appends: [[UInt8]]) -> [WorkshopCommand] {
        appends.flatMap { lines($0) }.compactMap { line in
            guard case .command(_, _, let command, _)? = JournalCodec.decode(ArraySlice(line.utf8)) else { return nil }
            return command
        }
    }

    // MARK: Reading a journal torn inside an action

    let header = JournalHeader(title: "T", slots: ["a", "b"], createdAt: Instant(milliseconds: 5))

    @Test func aWriteTornAnywhereInsideAnActionIsCutBackToTheActionBefore() throws {
        let definition = PollDefinition(id: "p", question: "Q?", type: .single, options: ["A", "B"])
        let before = JournalCodec.encode(.header(header)) + JournalCodec.encode(action: [.start], firstSeq: 1, at: Instant(milliseconds: 9))
        let action = JournalCodec.encode(action: [.poll(.create(definition)), .poll(.open(poll: "p")), .next], firstSeq: 2,
                                         at: Instant(milliseconds: 10))
        let full = try JournalReader.read(before + action).get()
        #expect(full.commands.map(\.command) == [.start, .poll(.create(definition)), .poll(.open(poll: "p")), .next])
        #expect(full.damagedTailLength == 0)
        var boundaries = 0
        for length in 0..<action.count {
            let contents = try JournalReader.read(before + action.prefix(length)).get()
            #expect(contents.commands.map(\.command) == [.start], "torn after \(length) bytes of the action")
            #expect(contents.intactLength == before.count)
            #expect(contents.damagedTailLength == length)
            if length > 0 && action[length - 1] == UInt8(ascii: "\n") {
                // Whole lines only: nothing looks torn, but the action is not all there.
                boundaries += 1
                #expect(contents.incompleteActionRecords == boundaries)
            }
        }
        #expect(boundaries == 2)
    }

    @Test func aSingleRecordIsWrittenAsBeforeBatchesExisted() {
        let line = String(decoding: JournalCodec.encode(action: [.jump(slot: 3)], firstSeq: 1, at: Instant(milliseconds: 42)), as: UTF8.self)
        #expect(line == String(decoding: JournalCodec.encode(.command(seq: 1, at: Instant(milliseconds: 42), command: .jump(slot: 3))), as: UTF8.self))
        #expect(!line.contains("actionEnd"))
    }

    @Test func aRecordBreakingIntoAnActionMidFileIsDamage() {
        let action = JournalCodec.encode(action: [.start, .next], firstSeq: 1, at: Instant(milliseconds: 10))
        let firstLine = Array(action[...action.firstIndex(of: UInt8(ascii: "\n"))!])
        let bytes = JournalCodec.encode(.header(header)) + firstLine + JournalCodec.encode(.command(seq: 2, at: Instant(milliseconds: 11), command: .next))
            + JournalCodec.encode(.command(seq: 3, at: Instant(milliseconds: 12), command: .next))
        guard case .failure(let damage) = JournalReader.read(bytes) else { Issue.record("accepted"); return }
        #expect(damage.line == 3)
        #expect(damage.reason == "record 2 breaks into an action that runs to record 2")
    }

    @Test func aStartAfterATornActionSaysItWasCutOffWhole() throws {
        let fileSystem = MemoryFileSystem()
        let runner = try shortlisted(fileSystem, ManualClock(Fixtures.at(12, 50)))
        let before = try #require(fileSystem.files[files.journalPath])
        let recordedBefore = runner.state.recordedCommands
        let pollsBefore = runner.state.polls
        runner.send(.group(.pollFromShortlist(.ranking)))
        runner.send(.group(.openShortlistPoll))
        runner.close()
        // A power cut after the first of the action's two lines reached the disk.
        let written = try #require(fileSystem.files[files.journalPath])
        let firstLineEnd = try #require(written[before.count...].firstIndex(of: UInt8(ascii: "\n")))
        fileSystem.files[files.journalPath] = Array(written[...firstLineEnd])

        let reopened = try #require(Fixtures.open(session, fileSystem: fileSystem, files: files, at: Fixtures.at(13, 0)))
        #expect(reopened.state.polls == pollsBefore)
        #expect(reopened.state.recordedCommands == recordedBefore)
        #expect(fileSystem.files[files.journalPath] == before)
        let cut = firstLineEnd + 1 - before.count
        #expect(reopened.messages.first == "Recovered \(CountedNoun.phrase(recordedBefore, "record")); the last action, written only in part (\(cut) bytes, never acknowledged), was cut off whole. The original journal is kept as \(files.journalPath).broken-S.")
    }
}
