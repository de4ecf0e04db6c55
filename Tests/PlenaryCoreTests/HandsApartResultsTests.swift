import Foundation
import Testing
@testable import PlenaryEngine
@testable import PlenaryReports
import PlenaryTestSupport

/// A show of hands is counted apart from ballots in the results file, the CSV files and the report, while the bars
/// and shares count both together (issue 15, decision 78); files written before version 4 read the same way.
@Suite struct HandsApartResultsTests {
    static let format = PollDefinition(id: "format", question: "Which format?", type: .single, options: ["Physical", "Online", "Hybrid"])

    /// 3 ballots (Online, Online, Hybrid) and a show of hands 1 / 2 / 0.
    static func votedState() throws -> WorkshopState {
        var session = Fixtures.sevilla()
        session.polls = [format]
        session.agenda[1].polls = ["format"]
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [
            (Fixtures.at(12, 0), .start), (Fixtures.at(12, 1), .poll(.open(poll: "format"))),
            (Fixtures.at(12, 2), .poll(.cast(poll: "format", ballot: .single(option: 1)))),
            (Fixtures.at(12, 2), .poll(.cast(poll: "format", ballot: .single(option: 1)))),
            (Fixtures.at(12, 2), .poll(.cast(poll: "format", ballot: .single(option: 2)))),
            (Fixtures.at(12, 3), .poll(.handCount(poll: "format", counts: [1, 2, 0]))),
            (Fixtures.at(12, 4), .poll(.close(poll: "format"))),
        ])
        return state
    }

    static func snapshot() throws -> ResultsSnapshot {
        ResultsSnapshot(state: try votedState(), sessionFile: "w/sevilla.yaml", generator: "test")
    }

    @Test func theResultsFileHasBallotsAndHandsAsTheirOwnNumbers() throws {
        let snapshot = try Self.snapshot()
        #expect(snapshot.schemaVersion == 4)
        let round = try #require(snapshot.polls.first?.rounds.first)
        #expect(round.ballotCount == 3)
        #expect(round.hands == 3)
        #expect(round.combinedVoterCount == 6)
        #expect(round.handCounts == [1, 2, 0])
        let options = try #require(round.options)
        #expect(options.map(\.count) == [1, 4, 1])
        #expect(options.map(\.ballots) == [0, 2, 1])
        #expect(options.map(\.hands) == [1, 2, 0])
        // Shares of everyone who voted, either way: the room saw one result.
        #expect(options.map(\.share) == [0.1667, 0.6667, 0.1667])
    }

    @Test func withoutAShowOfHandsTheHandFieldsAreLeftOut() throws {
        var state = try Self.votedState()
        state.polls[0].rounds[0].handCounts = nil
        let snapshot = ResultsSnapshot(state: state, sessionFile: "w/sevilla.yaml", generator: "test")
        let round = try #require(snapshot.polls.first?.rounds.first)
        #expect(round.hands == nil && round.combinedVoterCount == nil)
        #expect(round.options?.map(\.ballots) == [0, 2, 1])
        #expect(round.options?.allSatisfy { $0.hands == nil } == true)
    }

    @Test func aVersionThreeFileIsReadWithTheHandsTakenOutOfTheBallots() throws {
        // As version 3 wrote it: ballotCount and counts with the hands in (2 + 3 hands of a single choice = 5).
        let text = """
            {"schemaVersion":3,"generator":"plenary","savedAt":"2025-03-11T12:10:00+01:00","sessionFile":"s.yaml",
             "workshop":{"title":"T","timeZone":"Europe/Madrid","organisers":[],"status":"running",
                         "plannedEnd":"2025-03-11T15:00:00+01:00","delayMinutes":0,"recordedActions":5},
             "slots":[],"groups":[],
             "polls":[{"id":"p","question":"Q","type":"single","options":["A","B"],"admission":"open","liveResults":false,
                       "adHoc":false,"slots":[],"status":"closed","revealed":true,
                       "rounds":[{"round":1,"ballotCount":5,"handCounts":[1,2],
                                  "options":[{"option":"A","count":2,"share":0.4},{"option":"B","count":3,"share":0.6}]}]},
                      {"id":"m","question":"M","type":"multiple","options":["A","B"],"admission":"open","liveResults":false,
                       "adHoc":false,"slots":[],"status":"closed","revealed":true,
                       "rounds":[{"round":1,"ballotCount":6,"handCounts":[4,1],
                                  "options":[{"option":"A","count":5,"share":0.8333},{"option":"B","count":2,"share":0.3333}]}]}]}
            """
        let snapshot = try ResultsSnapshot.decode(Array(text.utf8))
        #expect(snapshot.schemaVersion == 3)
        let single = try #require(snapshot.polls[0].rounds.first)
        #expect((single.ballotCount, single.hands, single.combinedVoterCount) == (2, 3, 5))
        #expect(single.options?.map(\.ballots) == [1, 1])
        #expect(single.options?.map(\.hands) == [1, 2])
        // A multiple choice's hands stand for as many people as its largest count: 6 voters, 4 of them by hand.
        let multiple = try #require(snapshot.polls[1].rounds.first)
        #expect((multiple.ballotCount, multiple.hands, multiple.combinedVoterCount) == (2, 5, 6))
        #expect(WorkshopReport(snapshot).polls[0].summary == "Single choice · closed · 2 ballots + 3 hands")
    }

    @Test func theReportSaysBallotsAndHandsApart() throws {
        let report = WorkshopReport(try Self.snapshot())
        let poll = try #require(report.polls.first)
        #expect(poll.summary == "Single choice · closed · 3 ballots + 3 hands")
        let round = try #require(poll.rounds.first)
        #expect(round.countText == "3 ballots + 3 hands")
        #expect(round.notes == ["3 ballots + 3 hands: the bars and shares count both together"])
        // In option order, as the report has always listed a choice poll's bars.
        #expect(round.bars.map(\.value) == ["1 · 17% (0 ballots + 1 hand)", "4 · 67% (2 ballots + 2 hands)", "1 · 17% (1 ballot)"])
        for text in [PlainTextReport.render(report), MarkdownReport.render(report), HTMLReport.render(report)] {
            #expect(text.contains("3 ballots + 3 hands"))
        }
    }

    @Test func theCSVFilesAgree() throws {
        let tables = Dictionary(uniqueKeysWithValues: ResultsCSV.tables(for: try Self.snapshot()).map { ($0.name, $0.table) })
        let overview = try #require(tables["polls.csv"])
        #expect(overview.header == ["poll", "question", "type", "status", "round", "ballots", "hands", "mean", "median"])
        #expect(overview.rows.first?[5...6] == ["3", "3"])
        let options = try #require(tables["poll-format.csv"])
        #expect(options.header == ["option", "round 1 votes", "round 1 ballots", "round 1 hands", "round 1 share %"])
        #expect(options.rows == [["Physical", "1", "0", "1", "16.67"], ["Online", "4", "2", "2", "66.67"],
                                 ["Hybrid", "1", "1", "0", "16.67"]])
    }

    @Test func theResultsPassTheSchema() throws {
        let folder = try ResultsSchemaTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("hands.json")
        try Data(try Self.snapshot().encoded()).write(to: url)
        let result = try ResultsSchemaTests.validate([url.path])
        #expect(result.status == 0, "\(result.output)")
    }
}
