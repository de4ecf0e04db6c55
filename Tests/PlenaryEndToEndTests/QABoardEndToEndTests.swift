import Foundation
import Testing

/// Issue 16 end to end: three `plenary attach --voter` terminals submit and upvote on the room's board; the moderator,
/// on the host's own screen, approves, merges a duplicate, highlights and marks answered; the projector
/// (`attach --audience`) and the results file show the counts. A kiosk's next person upvotes afresh (decision 88).
@Suite(.enabled(if: TmuxPane.isAvailable), .serialized) struct QABoardEndToEndTests {
    @Test func threeVotersSubmitAndUpvoteTheModeratorModeratesAndTheCountsAddUp() throws {
        let (folder, file, plenary) = try AttachEndToEndTests().sessionWithPIN()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try String(contentsOfFile: file, encoding: .utf8)
        try (session + "\nqa:\n  title: Questions for the panel\n").write(toFile: file, atomically: true, encoding: .utf8)

        let host = try TmuxPane(command: [plenary, "run", file])
        defer { host.close() }
        try host.waitFor("AGENDA")
        let audience = try TmuxPane(command: [plenary, "attach", file, "--audience"])
        defer { audience.close() }
        let voters = try (0..<3).map { _ in try TmuxPane(command: [plenary, "attach", file, "--voter"]) }
        defer { voters.forEach { $0.close() } }

        // Each voter writes a question; the board is pre-moderated, so nobody sees them yet.
        let questions = ["Who funds the pilots?", "Who pays for the pilots?", "Can clusters join later?"]
        for (voter, question) in zip(voters, questions) {
            try voter.waitFor("Press Enter to take part")
            try voter.sendKeys("Enter")
            try voter.waitFor("Nothing on the board yet")
            try voter.sendText("n")
            try voter.waitFor("Your question for")
            try voter.sendText(question)
            try voter.sendKeys("Enter")
            try voter.waitFor("Your question is sent")
        }
        try voters[0].waitForAbsence(of: "Who funds")

        // The moderator approves the three (the queue opens on the pending ones; each approval moves on).
        try host.sendText("Q")
        try host.waitFor("Pending 3")
        for _ in 0..<3 { try host.sendText("a") }
        try host.waitFor("Approved 3")

        // Upvotes: everyone the first question, the second voter also the second, the third voter the third.
        for voter in voters { try voter.waitFor("Can clusters join later?") }
        for voter in voters {
            try voter.sendKeys("Space")
            try voter.waitFor("✓")
        }
        try voters[1].sendKeys("Down", "Space")
        // The list the third voter moves in: item 1 (3 upvotes), item 2 (1), item 3 (0).
        try voters[2].waitFor("    1  Who pays for the pilots?")
        try voters[2].sendKeys("Down", "Down", "Space")
        try voters[0].waitFor("    1  Can clusters join later?")
        try audience.waitFor("▲ 3")

        // The first kiosk's next person: their upvote of the first question counts; their repeat takes it back.
        try voters[0].sendKeys("Enter")
        try voters[0].waitFor("Thank you")
        try voters[0].sendKeys("Enter")
        try voters[0].waitFor("Enter done")
        #expect(!(try voters[0].capture()).contains("✓"), "nothing of the previous person shows")
        try voters[0].sendKeys("Space")
        try voters[0].waitFor("    4  Who funds the pilots?")

        // Merge "Who pays" (item 2) into item 1: the second voter upvoted both, so item 1 stays at 4.
        try host.sendText("2")
        try host.waitFor("Who pays for the pilots?")
        try host.sendKeys("Down")
        try host.sendText("m")
        try host.waitFor("Merge item")
        try host.sendText("1")
        try host.sendKeys("Enter")
        try host.waitFor("Item 2 merged into item 1.")
        // Highlight item 1 (top row) on the projector; mark item 3 answered.
        try host.sendKeys("Up", "Enter")
        try audience.waitFor("Who funds the pilots?")
        try audience.waitFor("▲ 4")
        try host.sendKeys("Down")
        try host.sendText("d")
        try host.waitFor("Answered 1")
        try audience.waitFor("✓ Can clusters join later?")
        try voters[2].waitFor("Can clusters join later? (answered)")

        try host.sendKeys("Escape")
        try host.waitFor("AGENDA")
        #expect(try host.quitPlenary() == 0)
        let results = try ModeratorEndToEndTests.results(folder + "/demo.results.json")
        let board = try #require((results["qa"] as? [[String: Any]])?.first)
        let items = try #require(board["items"] as? [[String: Any]])
        #expect(items.map { $0["votes"] as? Int } == [4, 0, 1])
        #expect(items[1]["mergedInto"] as? Int == 1)
        #expect(items.map { $0["status"] as? String } == ["approved", "approved", "answered"])
        #expect(board["highlighted"] as? Int == 1)
    }
}
