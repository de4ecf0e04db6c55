import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

/// A group action whose journal record fails is taken back exactly, and one that is recorded changes the group's
/// entries in place: the runner's rollback holds no copy of them (issue 13).
@Suite struct GroupRollbackTests {
    let files = WorkshopFiles(sessionPath: "/w/sevilla.yaml")

    /// Group wg1 with three entries (one merged from a laptop, so deleting it leaves a tombstone), one deleted and
    /// brought back, one edited: every kind of undo step is on its stack.
    func runner(_ fileSystem: MemoryFileSystem, clock: ManualClock) throws -> WorkshopRunner {
        let runner = try #require(Fixtures.runner(GroupMergeTests.session(), fileSystem: fileSystem, files: files, clock: clock))
        for title in ["Recycling hub", "Joint demonstrator"] {
            runner.send(.command(.group(.add(group: "wg1", template: "challenge", author: "moderator"))))
            let id = try #require(runner.state.group("wg1")?.entries.last?.id)
            runner.send(.command(.group(.setField(group: "wg1", entry: id, field: "title", text: title))))
        }
        runner.send(.command(.merge(entries: [ImportedEntry(
            group: "wg1", origin: EntryOrigin(record: "laptop-b", entry: "wg1-1", file: "b.results.json"), template: "challenge",
            fields: ["title": "Skills pact"], author: "facilitator", createdAt: Fixtures.at(12, 1), editedAt: Fixtures.at(12, 1))])))
        runner.send(.command(.group(.move(group: "wg1", entry: "wg1-2", by: -1))))
        runner.send(.command(.group(.delete(group: "wg1", entry: "wg1-1"))))
        runner.send(.command(.group(.undo(group: "wg1"))))
        try #require(runner.state.storageFailure == nil)
        try #require(runner.state.group("wg1")?.entries.count == 3)
        return runner
    }

    static let actions: [(String, WorkshopCommand)] = [
        ("add", .group(.add(group: "wg1", template: "challenge", author: "moderator"))),
        ("edit", .group(.setField(group: "wg1", entry: "wg1-2", field: "title", text: "Joint pilot"))),
        ("delete a merged entry", .group(.delete(group: "wg1", entry: "wg1-3"))),
        ("move", .group(.move(group: "wg1", entry: "wg1-1", by: 2))),
        ("undo", .group(.undo(group: "wg1"))),
        ("merge", .merge(entries: [ImportedEntry(
            group: "wg1", origin: EntryOrigin(record: "laptop-b", entry: "wg1-1", file: "b.results.json"), template: "challenge",
            fields: ["title": "Skills pact 2"], author: "facilitator", createdAt: Fixtures.at(12, 1), editedAt: Fixtures.at(12, 3))])),
    ]

    @Test(arguments: 0..<actions.count)
    func aGroupActionTheJournalRefusedLeavesNoTrace(_ index: Int) throws {
        let (name, command) = Self.actions[index]
        let fileSystem = MemoryFileSystem()
        let runner = try runner(fileSystem, clock: ManualClock(Fixtures.at(12, 5)))
        let groups = runner.state.groups
        let recorded = runner.state.recordedCommands

        // The same command recorded on a copy of the state does change the group: the rollback has work to do.
        var changed = runner.state
        #expect(WorkshopReducer.apply(command, to: &changed, at: Fixtures.at(12, 5)) == nil, "\(name)")
        #expect(changed.groups != groups, "\(name)")

        fileSystem.failAppend(after: 0, reason: "Input/output error")
        runner.send(.command(command))
        #expect(runner.state.storageFailure != nil, "\(name)")
        #expect(runner.state.groups == groups, "\(name)")
        #expect(runner.state.groups.allSatisfy { $0.pendingChanges == nil }, "\(name)")
        #expect(runner.state.recordedCommands == recorded, "\(name)")
    }

    @Test func aRecordedGroupActionIsKeptAndWritesNothingDown() throws {
        let runner = try runner(MemoryFileSystem(), clock: ManualClock(Fixtures.at(12, 5)))
        // The merge first: after the merged entry is deleted here, merging it again rightly changes nothing.
        for (name, command) in [5, 0, 1, 3, 4, 2].map({ Self.actions[$0] }) {
            var expected = runner.state
            #expect(WorkshopReducer.apply(command, to: &expected, at: Fixtures.at(12, 5)) == nil, "\(name)")
            runner.send(.command(command))
            #expect(runner.state.groups == expected.groups, "\(name)")
            #expect(runner.state.groups.allSatisfy { $0.pendingChanges == nil }, "\(name)")
        }
    }

    /// Where wg1's entries live in memory: the same address after an edit means no copy was made.
    func entriesAddress(_ state: WorkshopState) -> UnsafeRawPointer? {
        state.groups[0].entries.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func aRecordedEditChangesTheEntriesInPlace() throws {
        let runner = try runner(MemoryFileSystem(), clock: ManualClock(Fixtures.at(12, 5)))
        let before = entriesAddress(runner.state)
        runner.send(.command(.group(.setField(group: "wg1", entry: "wg1-2", field: "title", text: "Joint pilot"))))
        runner.send(.command(.group(.move(group: "wg1", entry: "wg1-1", by: 1))))
        runner.send(.command(.group(.undo(group: "wg1"))))
        #expect(runner.state.group("wg1")?.entries.first { $0.id == "wg1-2" }?.fields["title"] == "Joint pilot")
        #expect(entriesAddress(runner.state) == before, "the entries were copied to change one")
    }
}
