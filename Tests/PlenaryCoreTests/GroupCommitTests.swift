import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

/// Group commit (decision 92): requests run together are judged and reduced one by one, share one journal write (one
/// fdatasync), and are recorded only if it succeeds; a failed write takes the whole group back.
@Suite struct GroupCommitTests {
    let files = WorkshopFiles(sessionPath: "/w/room.yaml")

    func openPoll(_ fileSystem: MemoryFileSystem) throws -> WorkshopRunner {
        var session = Fixtures.sevilla()
        session.polls = [PollDefinition(id: "format", question: "Format?", type: .single, options: ["Physical", "Online"])]
        let runner = try #require(Fixtures.runner(session, fileSystem: fileSystem, files: files,
                                                  clock: ManualClock(Fixtures.at(12, 50))))
        runner.send(.command(.poll(.open(poll: "format"))))
        return runner
    }

    func cast(_ option: Int) -> WorkshopAction {
        .remote(.cast(poll: "format", ballot: .single(option: option), codeHash: nil))
    }

    @Test func ballotsRunTogetherShareOneWriteAndEachIsJudgedAfterTheOnesBefore() throws {
        let fileSystem = MemoryFileSystem()
        let runner = try openPoll(fileSystem)
        let appendsBefore = fileSystem.appends[files.journalPath]?.count ?? 0
        var seenBallots: [Int] = []
        let outcomes = runner.sendTogether(4) { index, state in
            seenBallots.append(state.poll("format")?.rounds.last?.ballots.count ?? -1)
            return index == 2 ? nil : cast(index % 2)
        }
        #expect(outcomes == [.recorded(commands: 1), .recorded(commands: 1), nil, .recorded(commands: 1)])
        #expect(seenBallots == [0, 1, 2, 2], "each request is judged against the state the ones before it left")
        #expect(fileSystem.appends[files.journalPath]?.count == appendsBefore + 1, "one write, one sync")
        #expect(runner.state.poll("format")?.rounds.last?.ballots == [.single(option: 0), .single(option: 1), .single(option: 1)])
        let written = String(decoding: try #require(fileSystem.appends[files.journalPath]?.last), as: UTF8.self)
        #expect(written.split(separator: "\n").count == 3)
    }

    @Test func aFailedGroupWriteRecordsNoneAndTakesEveryBallotBack() throws {
        let fileSystem = MemoryFileSystem()
        let runner = try openPoll(fileSystem)
        let recordedBefore = runner.state.recordedCommands
        fileSystem.failAppend(after: 0, reason: "Input/output error")
        let outcomes = runner.sendTogether(3) { index, _ in cast(index % 2) }
        #expect(outcomes == [.notRecorded, .notRecorded, .notRecorded])
        #expect(runner.state.poll("format")?.rounds.last?.ballots == [])
        #expect(runner.state.recordedCommands == recordedBefore)
        #expect(runner.state.isReadOnly)
    }
}
