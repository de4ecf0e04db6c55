import Foundation
import Testing

/// Issue 14's room as a person runs it: one host, three voter kiosks, the projector's audience view and a facilitator
/// attached live, six terminals on one workshop at once.
@Suite(.enabled(if: TmuxPane.isAvailable), .serialized) struct WholeRoomEndToEndTests {
    /// The three kiosks' ballots reach the projector only with the reveal, one per option; the facilitator's entry,
    /// typed on its own terminal, is on the host's report-back; the results file holds both.
    @Test func threeKiosksAnAudienceViewAndAFacilitatorShareOneWorkshop() throws {
        let (folder, file, plenary) = try AttachEndToEndTests().sessionWithPIN()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try String(contentsOfFile: file, encoding: .utf8)
        // Without live results the chart reaches the projector only when the moderator reveals it.
        let hidden = session.replacingOccurrences(of: "options: [Physical, Online, Hybrid]\n    live_results: true",
                                                  with: "options: [Physical, Online, Hybrid]")
        #expect(hidden != session, "the demo session changed: hide the format poll's live results again")
        try hidden.write(toFile: file, atomically: true, encoding: .utf8)

        let host = try TmuxPane(command: [plenary, "run", file])
        defer { host.close() }
        try host.waitFor("AGENDA")
        let kiosks = try (0..<3).map { _ in try TmuxPane(command: [plenary, "attach", file, "--voter"], columns: 80, rows: 24) }
        defer { kiosks.forEach { $0.close() } }
        let audience = try TmuxPane(command: [plenary, "attach", file, "--audience"], columns: 120, rows: 36)
        defer { audience.close() }
        let facilitator = try TmuxPane(command: [plenary, "attach", file, "--group", "wg-policy"], columns: 90, rows: 28)
        defer { facilitator.close() }
        for kiosk in kiosks { try kiosk.waitFor("Press Enter to vote") }
        try audience.waitFor("Welcome and quick polls")
        try facilitator.waitFor("Add: 1 Action concept")

        try host.openPoll(at: 0)
        try audience.waitFor("0 ballots so far")
        // All three kiosks hold the ballot form at once before any of them votes.
        for kiosk in kiosks { try kiosk.sendKeys("Enter") }
        for kiosk in kiosks { try kiosk.waitFor("Which workshop format") }
        for (kiosk, option) in zip(kiosks, ["1", "2", "3"]) {
            try kiosk.sendText(option)
            try kiosk.sendKeys("Enter")
        }
        for kiosk in kiosks { try kiosk.waitFor("Your vote is recorded.") }
        let counted = try audience.waitFor("3 ballots so far")
        #expect(!counted.contains("%"), "no chart on the projector before the reveal:\n\(counted)")

        // The facilitator sees the day as it runs: the agenda over its group's screen, closed by any key.
        try facilitator.sendText("a")
        let agenda = try facilitator.waitFor("any key closes")
        #expect(agenda.contains("Working groups capture action concepts"), "\(agenda)")
        try facilitator.sendText("x")
        try facilitator.waitForAbsence(of: "any key closes")
        try facilitator.sendText("1")
        try facilitator.waitFor("ACTION CONCEPT")
        try facilitator.sendText("Shared port data hub")
        try facilitator.sendKeys("Escape")
        try facilitator.waitFor("1. [Action concept] Shared port data hub")

        try host.sendText("r")
        let revealed = try audience.waitFor("a bar with a percentage for every option") { screen in
            ["Physical", "Online", "Hybrid"].allSatisfy { option in
                screen.split(separator: "\n").contains { $0.contains(option) && $0.contains("%") }
            }
        }
        let percentages = revealed.split(separator: "\n").compactMap { line in
            line.firstMatch(of: /(\d+)%/).map { Int($0.1) ?? 0 }
        }
        #expect(percentages.count == 3 && percentages.allSatisfy { (33...34).contains($0) },
                "one ballot per option, a third each:\n\(revealed)")

        try host.sendKeys("Escape")
        try host.waitFor("AGENDA")
        try host.sendText("R")
        try host.waitFor("Shared port data hub")
        try host.sendKeys("Escape")
        try host.waitFor("AGENDA")
        #expect(try host.quitPlenary() == 0)
        for kiosk in kiosks { try kiosk.waitFor("Reconnecting…") }
        try audience.waitFor("Reconnecting…")

        let results = try ModeratorEndToEndTests.results(folder + "/demo.results.json")
        let polls = try #require(results["polls"] as? [[String: Any]])
        let round = try #require((polls.first { $0["id"] as? String == "format" }?["rounds"] as? [[String: Any]])?.first)
        #expect(round["ballotCount"] as? Int == 3)
        let groups = try #require(results["groups"] as? [[String: Any]])
        let entries = try #require(groups.first { $0["id"] as? String == "wg-policy" }?["entries"] as? [[String: Any]])
        let texts = entries.flatMap { ($0["fields"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String } }
        #expect(texts.contains("Shared port data hub"), "the facilitator's entry is in the results: \(texts)")
        #expect(entries.first?["author"] as? String == "Zoë Kowalczyk", "signed by the session's facilitator")
    }
}
