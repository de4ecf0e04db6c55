import Foundation
import Testing

/// The moderator runs one poll of each type from the demo: opens it, types in ballots, reveals the results,
/// and the results file holds the exact counts.
@Suite(.serialized)
struct PollsEndToEndTests {
    func cast(_ pane: TmuxPane, keys: [String], text: String? = nil, expected count: Int) throws {
        try pane.sendText("b")
        try pane.waitFor("ENTER A BALLOT")
        if let text { try pane.sendText(text) }
        if !keys.isEmpty { try pane.sendKeys(keys) }
        try pane.sendKeys("Enter")
        try pane.waitFor("Ballot recorded: \(count) in this round.")
    }

    @Test func oneOfEachTypeFromTheDemo() throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("demo.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pane = try TmuxPane(command: [try TmuxPane.plenaryExecutable.path, "run", file], columns: 100, rows: 30)
        defer { pane.close() }
        try pane.waitFor("Press Space")

        // Single choice (live results): Online, Online, Hybrid.
        try pane.openPoll(at: 0, showing: String("Which workshop format".prefix(30)))
        try cast(pane, keys: ["2"], expected: 1)
        try cast(pane, keys: ["Down", "Space"], expected: 2)
        try cast(pane, keys: ["3"], expected: 3)
        try pane.waitFor("2 · 67%")
        // A show of hands, counted apart from the ballots: Physical 1, Online 4 (bars 1 / 6 / 1 of 8 voters).
        try pane.sendText("h")
        try pane.waitFor("SHOW OF HANDS")
        try pane.sendText("1")
        try pane.sendKeys("Down")
        try pane.sendText("4")
        try pane.sendKeys("Enter")
        try pane.waitFor("3 ballots + 5 hands")
        try pane.waitFor("6 · 75%")

        // Multiple choice, up to two: {Funding, Matchmaking}, {Funding}; a third pick is ignored.
        try pane.sendKeys("Escape")
        try pane.openPoll(at: 1, showing: String("What support would help".prefix(30)))
        try cast(pane, keys: ["1", "4", "2"], expected: 1)
        try cast(pane, keys: ["1"], expected: 2)
        try pane.sendText("r")
        try pane.waitFor("2 · 100%")

        // Rating scale: 4, 5, 2 → mean 3.7, median 4; closed before the reveal.
        try pane.sendKeys("Escape")
        try pane.openPoll(at: 2, showing: String("How ready is your region".prefix(30)))
        for (index, value) in ["4", "5", "2"].enumerated() { try cast(pane, keys: [value], expected: index + 1) }
        try pane.waitFor("results hidden")
        try pane.sendText("c")
        try pane.waitFor("CLOSED")
        try pane.sendText("r")
        try pane.waitFor("Mean 3.7 · median 4 · 3 ballots")

        // Open text with accents and CJK.
        try pane.sendKeys("Escape")
        try pane.openPoll(at: 3, showing: String("One word for what cooperation".prefix(30)))
        try cast(pane, keys: [], text: "confianza", expected: 1)
        try cast(pane, keys: [], text: "協力", expected: 2)
        try cast(pane, keys: [], text: "Confianza", expected: 3)
        try pane.sendText("r")
        try pane.waitFor("confianza")

        // Ranking: [Funding, Capacity, Aligning] twice → Funding 3.0, Capacity 2.0, Aligning 1.0.
        try pane.sendKeys("Escape")
        try pane.openPoll(at: 4, showing: String("Rank these challenges".prefix(30)))
        for count in 1...2 {
            try cast(pane, keys: ["Down", "Down", "Space", "Up", "Up", "Space"], expected: count)
        }
        // A malformed ballot is refused: an allocation that does not add up comes next.
        try pane.sendKeys("Escape")
        try pane.openPoll(at: 5, showing: String("Share 100 points".prefix(30)))
        try pane.sendText("b")
        try pane.waitFor("ENTER A BALLOT")
        try pane.sendText("60")
        try pane.sendKeys("Enter")
        try pane.waitFor("Give 100 points in all; you gave 60.")
        try pane.sendKeys("Down")
        try pane.sendText("40")
        try pane.sendKeys("Enter")
        try pane.waitFor("Ballot recorded: 1 in this round.")
        try pane.sendText("r")
        try pane.waitFor("60 pts")

        try pane.sendKeys("Escape")
        #expect(try pane.quitPlenary() == 0)

        let results = try ModeratorEndToEndTests.results(folder + "/demo.results.json")
        let polls = try #require(results["polls"] as? [[String: Any]])
        func round(_ id: String) throws -> [String: Any] {
            let poll = try #require(polls.first { $0["id"] as? String == id })
            return try #require((poll["rounds"] as? [[String: Any]])?.first)
        }
        func options(_ id: String, _ key: String) throws -> [Any?] {
            try #require(try round(id)["options"] as? [[String: Any]]).map { $0[key] }
        }
        #expect(try round("format")["ballotCount"] as? Int == 3)
        #expect(try round("format")["hands"] as? Int == 5)
        #expect(try round("format")["combinedVoterCount"] as? Int == 8)
        #expect(try options("format", "count") as? [Int] == [1, 6, 1])
        #expect(try options("format", "ballots") as? [Int] == [0, 2, 1])
        #expect(try options("format", "hands") as? [Int] == [1, 4, 0])
        #expect(try options("support", "count") as? [Int] == [2, 0, 0, 1])
        let scale = try #require(try round("readiness")["scale"] as? [String: Any])
        #expect(scale["distribution"] as? [Int] == [0, 1, 0, 1, 1])
        #expect(scale["median"] as? Double == 4)
        #expect(try round("one-word")["answers"] as? [String] == ["Confianza", "confianza", "協力"])
        #expect(try options("rank-challenges", "averageScore") as? [Double] == [2, 1, 3])
        #expect(try options("budget", "points") as? [Int] == [60, 40, 0])
        #expect(try round("budget")["ballotCount"] as? Int == 1)
        let statuses = polls.map { $0["status"] as? String }
        #expect(statuses == ["open", "open", "closed", "open", "open", "open"])
    }
}
