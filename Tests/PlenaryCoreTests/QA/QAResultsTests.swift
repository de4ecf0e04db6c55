import Foundation
import Testing
@testable import PlenaryEngine
import PlenaryTestSupport
@testable import PlenaryReports

/// The boards in the results file (schema version 4): totals after a merge, statuses, the schema, no participant.
@Suite(.serialized) struct QAResultsTests {
    static func state() throws -> WorkshopState {
        var state = try QAFixtures.state()
        typealias F = QAFixtures
        F.send(&state, .connection(1), .submit(board: "workshop", text: "Will the slides be shared?", name: "Ana"))
        F.send(&state, .connection(2), .submit(board: "workshop", text: "Skipped question", name: nil))
        F.record(&state, .approve(board: "workshop", item: 1))
        F.record(&state, .hide(board: "workshop", item: 2))
        for text in ["Shared testbed", "A shared test bed", "Skills pact"] { F.send(&state, .moderator, .submit(board: "groups", text: text, name: nil)) }
        for voter in [1, 2, 3] { F.send(&state, .connection(voter), .upvote(board: "groups", item: 1)) }
        for voter in [3, 4] { F.send(&state, .connection(voter), .upvote(board: "groups", item: 2)) }
        F.send(&state, .connection(1), .upvote(board: "groups", item: 3))
        F.record(&state, .merge(board: "groups", duplicate: 2, into: 1, overlap: QAParticipation.overlap(of: 2, and: 1, in: state.qa[1])))
        F.record(&state, .answer(board: "groups", item: 3))
        F.record(&state, .highlight(board: "groups", item: 1))
        return state
    }

    @Test func theBoardsAreInTheResultsWithTotalsAfterAMerge() throws {
        let snapshot = ResultsSnapshot(state: try Self.state(), sessionFile: "s.yaml", generator: "test")
        #expect(snapshot.schemaVersion == 4)
        let boards = try #require(snapshot.qa)
        #expect(boards.map(\.id) == ["workshop", "groups"])
        #expect(boards[0].counts == .init(pending: 0, approved: 1, answered: 0, hidden: 1, merged: 0))
        #expect(boards[0].items[0].name == "Ana")
        #expect(boards[1].counts == .init(pending: 0, approved: 1, answered: 1, hidden: 0, merged: 1))
        #expect(boards[1].items.map(\.votes) == [4, 0, 1])
        #expect(boards[1].items[1].mergedInto == 1)
        #expect(boards[1].highlighted == 1)
        let json = String(decoding: snapshot.encoded(), as: UTF8.self)
        #expect(!json.contains("connection"))
        #expect(try ResultsSnapshot.decode(snapshot.encoded()).qa == boards)
    }

    @Test func theResultsFileWithBoardsPassesTheSchema() throws {
        let folder = try ResultsSchemaTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("qa.json")
        try Data(ResultsSnapshot(state: try Self.state(), sessionFile: "s.yaml", generator: "test").encoded()).write(to: url)
        let result = try ResultsSchemaTests.validate([url.path])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func aVersion3FileWithBoardsFailsTheSchema() throws {
        let folder = try ResultsSchemaTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var snapshot = ResultsSnapshot(state: try Self.state(), sessionFile: "s.yaml", generator: "test")
        snapshot.schemaVersion = 3
        let url = folder.appendingPathComponent("qa.json")
        try Data(snapshot.encoded()).write(to: url)
        #expect(try ResultsSchemaTests.validate([url.path]).status != 0)
    }

    @Test func aSessionWithoutBoardsWritesNoQAField() throws {
        let snapshot = ResultsSnapshot(state: try QAFixtures.state([]), sessionFile: "s.yaml", generator: "test")
        #expect(!String(decoding: snapshot.encoded(), as: UTF8.self).contains("\"qa\""))
    }

    @Test func eachBoardIsACSVTableOfItsItems() throws {
        let snapshot = ResultsSnapshot(state: try Self.state(), sessionFile: "s.yaml", generator: "test")
        let tables = ResultsCSV.tables(for: snapshot)
        let groups = try #require(tables.first { $0.name == "qa-groups.csv" }?.table)
        #expect(groups.header == ["number", "text", "name", "status", "hidden", "votes", "merged into", "edited", "highlighted"])
        #expect(groups.rows == [
            ["1", "Shared testbed", "", "approved", "no", "4", "", "no", "yes"],
            ["2", "A shared test bed", "", "approved", "no", "0", "1", "no", "no"],
            ["3", "Skills pact", "", "answered", "no", "1", "", "no", "no"],
        ])
        #expect(tables.contains { $0.name == "qa-workshop.csv" })
    }
}

/// The boards in the report: answered and unanswered, the most upvoted first, hidden and merged items counted only.
@Suite struct QAReportTests {
    @Test func eachBoardSaysWhatWasAnsweredAndWhatWasNot() throws {
        let report = WorkshopReport(ResultsSnapshot(state: try QAResultsTests.state(), sessionFile: "s.yaml", generator: "test"))
        #expect(report.qa == [
            QAReportSection(title: "Questions", summary: "2 questions: 0 answered, 1 unanswered, 1 hidden",
                            answered: [], unanswered: ["Will the slides be shared? — Ana (0 upvotes)"], moreUnanswered: 0),
            QAReportSection(title: "Ideas (Working groups)", summary: "3 ideas: 1 answered, 1 unanswered, 1 merged as duplicates",
                            answered: ["Skills pact (1 upvote)"], unanswered: ["Shared testbed (4 upvotes)"], moreUnanswered: 0),
        ])
        let text = PlainTextReport.render(report, width: 80)
        #expect(text.contains("""
            Ideas (Working groups)
              3 ideas: 1 answered, 1 unanswered, 1 merged as duplicates

              Answered:
              - Skills pact (1 upvote)

              Unanswered, most upvoted first:
              - Shared testbed (4 upvotes)
            """))
        #expect(MarkdownReport.render(report).contains("- Shared testbed (4 upvotes)"))
        #expect(HTMLReport.render(report).contains("<li>Shared testbed (4 upvotes)</li>"))
    }

    @Test func aBoardNobodyWroteOnIsLeftOutOfTheReport() throws {
        let report = WorkshopReport(ResultsSnapshot(state: try QAFixtures.state(), sessionFile: "s.yaml", generator: "test"))
        #expect(report.qa.isEmpty)
    }
}
