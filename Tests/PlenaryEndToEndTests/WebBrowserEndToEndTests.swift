import Foundation
import Testing
import PlenaryTestSupport

/// Issue 17, the proof in a real browser: headless Chromium at a phone's size (360×740, a mobile user agent) joins
/// the room that `plenary run --web` serves, answers once in each of the demo's six polls (one of each type) through
/// the page's forms and its script (the ranking's reorder buttons, the points' running sum), and every answer is
/// one ballot in the results and on the moderator's screen. `scripts/web-phone-check` drives the browser; without
/// chromium this test fails and says what to install (CI installs it: scripts/lib/prerequisites.sh).
@Suite(.enabled(if: TmuxPane.isAvailable), .serialized) struct WebBrowserEndToEndTests {
    static let pollIDs = ["format", "support", "readiness", "one-word", "rank-challenges", "budget"]

    @Test func aPhoneInChromiumAnswersOnePollOfEachTypeAndEachIsOneBallot() throws {
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try #require(chromium != nil, "needs chromium: apt-get install chromium (scripts/lib/prerequisites.sh installs it)")
        let (folder, file) = try ModeratorEndToEndTests.copySession("demo.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plenary = try TmuxPane.plenaryExecutable.path
        let port = try PrivateSSHD.freePort()
        let host = try TmuxPane(command: [plenary, "run", file, "--web", "127.0.0.1:\(port)"], columns: 100, rows: 30)
        defer { host.close() }
        let screen = try host.waitFor("room code")
        let code = try #require(WebVotingEndToEndTests.firstMatch(of: #"room code (\d{4})"#, in: screen))
        // The projector, attached as the room sees it: it shows the first open poll's count.
        let audience = try TmuxPane(command: [plenary, "attach", file, "--audience"])
        defer { audience.close() }
        try audience.waitFor("Welcome and quick polls")

        try host.openPollsFromTheAgenda(at: Array(0..<Self.pollIDs.count))
        try audience.waitFor("0 ballots so far")
        let script = SessionFiles.repositoryRoot.appendingPathComponent("scripts/web-phone-check").path
        let screens = folder + "/screens"
        // Chromium's start, then the phone's own minute (scripts/web-phone-check).
        let check = try Subprocess.run([script, "http://127.0.0.1:\(port)/", code, screens], timeout: .seconds(120))
        #expect(check.status == 0, "web-phone-check: \(check.stderr)")
        let pages = check.stdout.split(separator: "\n").map { $0.split(separator: "\t", maxSplits: 2).map(String.init) }
        #expect(pages.count == 2 + 2 * Self.pollIDs.count, "\(check.stdout)")
        #expect(pages.allSatisfy { $0.count == 3 && FileManager.default.fileExists(atPath: $0[1]) }, "\(check.stdout)")
        #expect(pages.first?.last?.contains("Join") == true, "\(check.stdout)")
        #expect(pages.dropFirst().first?.last?.contains("Which workshop format works best") == true, "\(check.stdout)")
        let filled = pages.filter { $0[0].contains("-filled-") }, voted = pages.filter { $0[0].contains("-voted-") }
        let numbered = Self.pollIDs.enumerated().map { (number: String(format: "%02d", $0.offset + 3), id: $0.element) }
        #expect(filled.map { $0[0] } == numbered.map { "\($0.number)-filled-\($0.id)" })
        #expect(voted.map { $0[0] } == numbered.map { "\($0.number)-voted-\($0.id)" })
        // The page's script did its part: the ranking's up button moved an answer, the points show their sum.
        #expect(filled.first { $0[0].hasSuffix("rank-challenges") }?[2].contains(": place 2") == true, "\(filled)")
        #expect(filled.first { $0[0].hasSuffix("budget") }?[2].contains("100 of 100 points: all given") == true, "\(filled)")
        for page in voted {
            #expect(page[2].contains("Recorded. Thank you: your answer is counted."), "\(page)")
        }
        // After the last answer, every poll on the page says it is recorded, and no form is left.
        #expect(voted.last.map { $0[2].components(separatedBy: "Recorded. Thank you").count - 1 } == Self.pollIDs.count + 1, "\(voted.last ?? [])")
        #expect(voted.last?[2].contains("Send my answer") == false)

        // The projector and the moderator's screen count the phone's ballot.
        try audience.waitFor("1 ballot so far")
        try host.sendText("P")
        try host.waitFor("Polls ")
        try host.sendKeys("Home")
        try host.sendKeys("Enter")
        try host.waitFor("1 ballot")
        try host.sendKeys("Escape")
        try host.waitFor("AGENDA")

        #expect(try host.quitPlenary() == 0)
        let results = try ModeratorEndToEndTests.results(folder + "/demo.results.json")
        let polls = try #require(results["polls"] as? [[String: Any]])
        for id in Self.pollIDs {
            let poll = try #require(polls.first { $0["id"] as? String == id }, "no poll \(id)")
            let round = try #require((poll["rounds"] as? [[String: Any]])?.first, "no round in \(id)")
            #expect(round["ballotCount"] as? Int == 1, "\(id): \(round)")
        }
    }
}
