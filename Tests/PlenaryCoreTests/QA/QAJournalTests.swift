import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

/// A board through the journal: resumed exactly, with no participant kept; an action the journal refused leaves no
/// trace; upvotes change items in place, so their cost does not grow with the board (decision 84).
@Suite struct QAJournalTests {
    let files = WorkshopFiles(sessionPath: "/w/sevilla.yaml")

    func runner(_ fileSystem: MemoryFileSystem) throws -> WorkshopRunner {
        try #require(Fixtures.runner(QAFixtures.session(), fileSystem: fileSystem, files: files, clock: ManualClock(Fixtures.at(12, 5))))
    }

    func fill(_ runner: WorkshopRunner) {
        for text in ["Shared testbed", "A shared test bed", "Skills pact"] {
            runner.send(.qa(.participate(.moderator, .submit(board: "groups", text: text, name: nil))))
        }
        for voter in [1, 2, 3] { runner.send(.qa(.participate(.connection(voter), .upvote(board: "groups", item: 1)))) }
        for voter in [3, 4] { runner.send(.qa(.participate(.connection(voter), .upvote(board: "groups", item: 2)))) }
        runner.send(.command(.qa(.merge(board: "groups", duplicate: 2, into: 1,
                                        overlap: QAParticipation.overlap(of: 2, and: 1, in: runner.state.qa[1])))))
        runner.send(.command(.qa(.highlight(board: "groups", item: 1))))
        runner.send(.command(.qa(.hide(board: "groups", item: 3))))
    }

    @Test func aResumedBoardHasTheSameItemsAndCountsAndRemembersNoParticipant() throws {
        let fileSystem = MemoryFileSystem()
        let first = try runner(fileSystem)
        fill(first)
        #expect(first.state.qa[1].items[0].votes == 4)
        let resumed = try #require(Fixtures.open(QAFixtures.session(), fileSystem: fileSystem, files: files, at: Fixtures.at(12, 30)))
        #expect(resumed.state.qa[1].items == first.state.qa[1].items)
        #expect(resumed.state.qa[1].counts == first.state.qa[1].counts)
        #expect(resumed.state.qa[1].hiddenOrder == [3])
        #expect(resumed.state.qa[1].upvotedBy.isEmpty)
        #expect(resumed.state.qa[1].submittedBy.isEmpty)
        // The journal's records name the board and the item, never who.
        let journal = try #require(fileSystem.text(files.journalPath))
        #expect(journal.contains(#""upvote":{"board":"groups","item":1}"#))
        #expect(!journal.contains("connection"))
        #expect(!journal.contains("kiosk"))
    }

    static let attempts: [WorkshopAction] = [
            .qa(.participate(.connection(9), .submit(board: "groups", text: "Late idea", name: nil))),
            .qa(.participate(.connection(9), .upvote(board: "groups", item: 1))),
            .qa(.participate(.connection(1), .withdraw(board: "groups", item: 1))),
            .command(.qa(.unhide(board: "groups", item: 3))),
            .command(.qa(.edit(board: "groups", item: 1, text: "Shared test-bed"))),
            .command(.qa(.merge(board: "groups", duplicate: 3, into: 1, overlap: 0))),
    ]

    @Test(arguments: 0..<attempts.count)
    func anActionTheJournalRefusedLeavesNoTrace(_ index: Int) throws {
        let action = Self.attempts[index]
        let fileSystem = MemoryFileSystem()
        let runner = try runner(fileSystem)
        fill(runner)
        let boards = runner.state.qa
        var trial = runner.state
        _ = WorkshopReducer.reduce(&trial, action, now: Fixtures.at(12, 5))
        #expect(trial.qa != boards, "\(action) changes the board when recorded")
        fileSystem.failAppend(after: 0, reason: "Input/output error")
        runner.send(action)
        #expect(runner.state.storageFailure != nil, "\(action)")
        #expect(runner.state.qa == boards, "\(action)")
        #expect(runner.state.qa.allSatisfy { $0.pendingChanges == nil }, "\(action)")
    }

    /// Where the board's items live in memory: the same address after an upvote means no copy was made.
    func itemsAddress(_ state: WorkshopState) -> UnsafeRawPointer? {
        state.qa[1].items.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func anUpvoteChangesTheItemInPlace() throws {
        let runner = try runner(MemoryFileSystem())
        fill(runner)
        let before = itemsAddress(runner.state)
        runner.send(.qa(.participate(.connection(8), .upvote(board: "groups", item: 1))))
        #expect(runner.state.qa[1].items[0].votes == 5)
        #expect(itemsAddress(runner.state) == before)
    }
}
