import Foundation
import Testing

/// A poll with `admission: codes` voted on an attached kiosk: the kiosk asks for the code, the host checks it, and a
/// code the host refuses brings the code entry back with the reason instead of the same ballot.
@Suite(.enabled(if: TmuxPane.isAvailable), .serialized) struct KioskCodesEndToEndTests {
    static let pin = "432100"

    @Test func aKioskAsksForTheCodeAgainWhenTheHostRefusesItAndRecordsTheBallotOfAValidOneOnce() throws {
        let workshop = try CodePollWorkshop(title: "Kiosk codes", pin: Self.pin)
        defer { workshop.remove() }
        let (folder, file, plenary, codes) = (workshop.folder, workshop.file, workshop.plenary, workshop.codes)
        try #require(codes.count == 3, "\(workshop.sheet)")
        // Well formed, so only the host's sheet can refuse it.
        let notOnTheSheet = "ACDE-FGHJ-KMNP"
        try #require(!codes.contains(notOnTheSheet))

        let host = try TmuxPane(command: [plenary, "run", file])
        defer { host.close() }
        try host.waitFor("AGENDA")
        let kiosk = try TmuxPane(command: [plenary, "attach", file, "--voter"], columns: 80, rows: 24)
        defer { kiosk.close() }
        try kiosk.waitFor("Press Enter to vote")
        try host.openPoll(at: 0)

        // A code that is not on the sheet: the ballot goes, the host refuses the code, the kiosk asks for it again.
        try kiosk.sendKeys("Enter")
        try kiosk.waitFor("Type the code from your slip")
        try kiosk.sendText(notOnTheSheet)
        try kiosk.sendKeys("Enter")
        try kiosk.waitFor("Pick one")
        try kiosk.sendText("1")
        try kiosk.sendKeys("Enter")
        let refused = try kiosk.waitFor("This code is not valid. Check it and type it again.")
        #expect(refused.contains("Type the code from your slip"), "not back at the code entry:\n\(refused)")
        #expect(refused.contains("Esc skips this question"), "\(refused)")

        // A printed code, typed as a person types it: the answer given before the refusal is the one recorded.
        try kiosk.sendText(codes[0].lowercased().replacingOccurrences(of: "-", with: " "))
        try kiosk.sendKeys("Enter")
        try kiosk.waitFor("Pick one")
        try kiosk.sendKeys("Enter")
        try kiosk.waitFor("Your vote is recorded.")
        try host.waitFor("1 ballot")

        // The next voter with the same code: refused, asked again, and Esc leaves with nothing recorded.
        try kiosk.sendKeys("Enter")
        let next = try kiosk.waitFor("Type the code from your slip")
        #expect(!next.contains(codes[0]) && !next.contains(codes[0].lowercased().prefix(4)), "the last code is still shown:\n\(next)")
        try kiosk.sendText(codes[0])
        try kiosk.sendKeys("Enter")
        try kiosk.waitFor("Pick one")
        try kiosk.sendText("2")
        try kiosk.sendKeys("Enter")
        let again = try kiosk.waitFor("This code has already been used for this poll.")
        #expect(again.contains("Type the code from your slip"), "not back at the code entry:\n\(again)")
        try kiosk.sendKeys("Escape")
        try kiosk.waitFor("Nothing was recorded.")

        try host.waitFor("1 ballot")
        try host.sendKeys("Escape")
        try host.waitFor("AGENDA")
        #expect(try host.quitPlenary() == 0)
        let results = try ModeratorEndToEndTests.results(folder + "/vote.results.json")
        let polls = try #require(results["polls"] as? [[String: Any]])
        let round = try #require((polls.first { $0["id"] as? String == "choice" }?["rounds"] as? [[String: Any]])?.first)
        #expect(round["ballotCount"] as? Int == 1)
        let counts = (round["options"] as? [[String: Any]] ?? []).map { ($0["option"] as? String ?? "", $0["count"] as? Int ?? -1) }
        #expect(counts.map(\.0) == ["Yes", "No"] && counts.map(\.1) == [1, 0], "\(counts)")
        let used = try String(contentsOfFile: folder + "/vote.codes-used.json", encoding: .utf8)
        #expect(used.contains("choice"))
        #expect(!used.contains(codes[0].replacingOccurrences(of: "-", with: "")), "the used file holds hashes, not codes")
    }
}
