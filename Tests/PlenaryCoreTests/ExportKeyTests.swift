import Testing
@testable import PlenaryEngine
@testable import PlenaryReports
@testable import PlenaryStorage
import PlenaryTestSupport

/// `e` on the moderator screen writes the report and CSV tables next to the results file, says where, and records
/// nothing; a disk that refuses leaves the workshop as it was and says why.
@Suite struct ExportKeyTests {
    let files = WorkshopFiles(sessionPath: "/w/sevilla.yaml")

    @Test func exportWritesEveryFileNextToTheResults() throws {
        let fileSystem = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 3))
        let runner = try #require(Fixtures.runner(Fixtures.sevilla(), fileSystem: fileSystem, files: files, clock: clock))
        runner.send(.command(.start))
        clock.advance(seconds: 600)
        runner.send(.app(.export))
        #expect(runner.state.recordedCommands == 1, "exporting records nothing")
        #expect(runner.state.notice?.text == "Exported to /w/: sevilla.report.md, .report.html and 0 CSV files.")
        #expect(runner.state.notice?.level == .success)
        let markdown = String(decoding: try #require(fileSystem.files["/w/sevilla.report.md"]), as: UTF8.self)
        // The report is of the moment of the export, not of the last results save.
        let snapshot = ResultsSnapshot(state: runner.state, sessionFile: files.sessionPath, generator: "test")
        #expect(markdown == MarkdownReport.render(WorkshopReport(snapshot)))
        #expect(markdown.contains("| 12:00–12:30 | 12:03–… | Registration *(running)* | 30 min | 10 min | −20 min |"))
        #expect(fileSystem.files["/w/sevilla.report.html"] != nil)
    }

    @Test func csvTablesAreWrittenForPollsAndTemplates() throws {
        let fileSystem = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 3))
        var session = Fixtures.sevilla()
        session.polls = [PollDefinition(id: "format", question: "Which format?", type: .single, options: ["Physical", "Online"])]
        let runner = try #require(Fixtures.runner(session, fileSystem: fileSystem, files: files, clock: clock))
        runner.send(.command(.poll(.open(poll: "format"))))
        runner.send(.command(.poll(.cast(poll: "format", ballot: .single(option: 1)))))
        runner.send(.app(.export))
        let names = fileSystem.files.keys.filter { $0.hasSuffix(".csv") }.sorted()
        #expect(names == ["/w/sevilla.poll-format.csv", "/w/sevilla.polls.csv"])
        let table = String(decoding: try #require(fileSystem.files["/w/sevilla.poll-format.csv"]).dropFirst(3), as: UTF8.self)
        #expect(table == "option,round 1 votes,round 1 share %\r\nPhysical,0,0\r\nOnline,1,100\r\n")
    }

    @Test func aFailedWriteIsReportedAndChangesNothing() throws {
        let fileSystem = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 3))
        let runner = try #require(Fixtures.runner(Fixtures.sevilla(), fileSystem: fileSystem, files: files, clock: clock))
        runner.send(.command(.start))
        let before = runner.state
        fileSystem.failNext["rename"] = "No space left on device"
        runner.send(.app(.export))
        #expect(runner.state.notice?.text == "Export failed: No space left on device writing /w/sevilla.report.md.")
        #expect(runner.state.notice?.level == .warning)
        #expect(runner.state.recordedCommands == before.recordedCommands)
        #expect(runner.state.storageFailure == nil, "the record is fine: no banner")
        #expect(fileSystem.files["/w/sevilla.report.md"] == nil)
    }
}
