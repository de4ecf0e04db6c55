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

        try host.openPollsFromTheAgenda(at: Array(0..<Self.pollIDs.count))
        let script = SessionFiles.repositoryRoot.appendingPathComponent("scripts/web-phone-check").path
        let screens = folder + "/screens"
        let check = try Subprocess.run([script, "http://127.0.0.1:\(port)/", code, screens])
        #expect(check.status == 0, "web-phone-check: \(check.stderr)")
        let pages = check.stdout.split(separator: "\n").map { $0.split(separator: "\t", maxSplits: 2).map(String.init) }
        #expect(pages.count == 2 + Self.pollIDs.count, "\(check.stdout)")
        #expect(pages.first?.last?.contains("Join") == true, "\(check.stdout)")
        #expect(pages.dropFirst().first?.last?.contains("Which workshop format works best") == true, "\(check.stdout)")
        let voted = pages.dropFirst(2)
        #expect(voted.map { $0[0] } == Self.pollIDs.enumerated().map { String(format: "%02d-voted-%@", $0.offset + 3, $0.element) })
        for page in voted {
            #expect(page.count == 3 && page[2].contains("Recorded. Thank you: your answer is counted."), "\(page)")
            #expect(FileManager.default.fileExists(atPath: page[1]), "no screenshot \(page)")
            #expect(FileManager.default.fileExists(atPath: page[1].replacingOccurrences(of: "-voted-", with: "-filled-")),
                    "no screenshot of the filled form \(page)")
        }
        // After the last answer, every poll on the page says it is recorded, and no form is left.
        #expect(voted.last.map { $0[2].components(separatedBy: "Recorded. Thank you").count - 1 } == Self.pollIDs.count + 1, "\(voted.last ?? [])")
        #expect(voted.last?[2].contains("Send my answer") == false)

        // The moderator's screen counts the phone's ballot.
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
