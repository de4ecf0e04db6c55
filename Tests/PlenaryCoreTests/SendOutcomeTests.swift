import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

/// `WorkshopRunner.send` says whether the action was recorded: the host acknowledges a client's request from it.
@Suite struct SendOutcomeTests {
    func runner() throws -> (WorkshopRunner, MemoryFileSystem) {
        var session = Fixtures.sevilla()
        session.polls = [PollDefinition(id: "format", question: "Format?", type: .single, options: ["Physical", "Online"])]
        let fileSystem = MemoryFileSystem()
        let runner = try #require(Fixtures.runner(session, fileSystem: fileSystem, files: WorkshopFiles(sessionPath: "w/s.yaml"),
                                                  clock: ManualClock(Fixtures.at(12, 0))))
        return (runner, fileSystem)
    }

    @Test func aRecordedCommandSaysSoAndARefusedOrScreenOnlyOneDoesNot() throws {
        let (runner, _) = try runner()
        #expect(runner.send(.command(.poll(.open(poll: "format")))) == .recorded(commands: 1))
        #expect(runner.send(.command(.poll(.open(poll: "no-such-poll")))) == .notRecorded)
        #expect(runner.send(.app(.showHelp)) == .notRecorded)
    }

    @Test func aFailedJournalAppendIsNotRecorded() throws {
        let (runner, fileSystem) = try runner()
        fileSystem.failAppend(after: 0, reason: "No space left on device")
        let before = runner.state.recordedCommands
        #expect(runner.send(.command(.poll(.open(poll: "format")))) == .notRecorded)
        #expect(runner.state.recordedCommands == before)
    }
}
