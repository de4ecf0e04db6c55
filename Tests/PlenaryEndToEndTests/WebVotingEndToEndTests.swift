import Foundation
import Testing
import PlenaryTestSupport
import PlenaryUI

/// Issue 17, first slice: `plenary run --web` serves the phones' voting page from the host. A phone (curl, here)
/// joins with the room code the screen shows, votes once, is refused a second ballot and a forged form, and its
/// ballot is in the results; the QR code on the moderator's screen scans back to the join address.
@Suite(.enabled(if: TmuxPane.isAvailable), .serialized) struct WebVotingEndToEndTests {
    @Test func aPhoneJoinsWithTheRoomCodeVotesOnceAndTheBallotIsInTheResults() throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("demo.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plenary = try TmuxPane.plenaryExecutable.path
        let port = try PrivateSSHD.freePort()
        let host = try TmuxPane(command: [plenary, "run", file, "--web", "127.0.0.1:\(port)"], columns: 100, rows: 32)
        defer { host.close() }
        let screen = try host.waitFor("room code")
        let address = "http://127.0.0.1:\(port)/"
        #expect(screen.contains("Phones vote at \(address)"))
        let code = try #require(Self.firstMatch(of: #"room code (\d{4})"#, in: screen))


        let jar = folder + "/phone.cookies"
        let wrongCode = try curl(["-o", "/dev/null", "-w", "%{http_code}", "\(address)join?room=0000"], jar: jar)
        #expect(wrongCode == "403")
        let waiting = try curl(["-L", "\(address)join?room=\(code)"], jar: jar)
        #expect(waiting.contains("No poll is open right now"))

        try host.openPoll(at: 0)
        // On the poll's screen, W shows the QR code; it scans back to the address with the room code in it.
        try host.sendText("W")
        // Polled until it scans: a capture can catch the dialog's frame before the code under it is drawn.
        var scanned: String?
        try host.waitFor("the QR code to scan") { screen in
            guard screen.contains("Vote from your phone") else { return false }
            let lines = screen.components(separatedBy: "\n")
            scanned = try? QRScanner.decode(modules: QRCodeBlock.modules(fromLines: Self.dialogInterior(lines)))
            return scanned != nil
        }
        #expect(scanned == "\(address)join?room=\(code)")
        try host.sendKeys("Escape")
        try host.waitForAbsence(of: "Vote from your phone")
        let form = try curl(["\(address)polls"], jar: jar)
        #expect(form.contains("Which workshop format works best"))
        let csrf = try #require(Self.firstMatch(of: #"name="csrf" value="([0-9a-f]+)""#, in: form))

        let forged = try curl(["--data", "poll=format&csrf=\(String(repeating: "0", count: csrf.count))&choice=1", "\(address)vote"], jar: jar)
        #expect(forged.contains("This form is out of date"))
        let recorded = try curl(["--data", "poll=format&csrf=\(csrf)&choice=1", "\(address)vote"], jar: jar)
        #expect(recorded.contains("Recorded. Thank you"))
        try host.waitFor("1 ballot")
        let again = try curl(["--data", "poll=format&csrf=\(csrf)&choice=2", "\(address)vote"], jar: jar)
        #expect(again.contains("This phone has already voted in this poll."))
        let headers = try curl(["-D", "-", "-o", "/dev/null", "\(address)polls"], jar: jar)
        #expect(headers.lowercased().contains("content-security-policy: default-src 'none'"))
        #expect(headers.lowercased().contains("x-content-type-options: nosniff"))

        try host.sendKeys("Escape")
        try host.waitFor("AGENDA")

        #expect(try host.quitPlenary() == 0)
        let results = try ModeratorEndToEndTests.results(folder + "/demo.results.json")
        let polls = try #require(results["polls"] as? [[String: Any]])
        let round = try #require((polls[0]["rounds"] as? [[String: Any]])?.first)
        #expect(round["ballotCount"] as? Int == 1)
    }

    @Test func aBadWebAddressIsRefusedBeforeTheScreenStarts() throws {
        let plenary = try TmuxPane.plenaryExecutable.path
        let result = try Subprocess.run([plenary, "run", "--web", "phone:80"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--web phone:80"))
    }

    private func curl(_ arguments: [String], jar: String) throws -> String {
        try Self.curl(arguments, jar: jar)
    }

    /// A phone: curl with its own cookie jar, answering within ten seconds.
    static func curl(_ arguments: [String], jar: String) throws -> String {
        let result = try Subprocess.run(["curl", "-s", "--max-time", "10", "-c", jar, "-b", jar] + arguments)
        #expect(result.status == 0, "curl \(arguments): \(result.stderr)")
        return result.stdout
    }

    static func firstMatch(of pattern: String, in text: String) -> String? {
        guard let expression = try? NSRegularExpression(pattern: pattern),
              let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[range])
    }

    /// The rows inside the dialog's border (between ┌ and └, between │ and │): the QR code and its quiet zone.
    static func dialogInterior(_ lines: [String]) -> [String] {
        guard let top = lines.firstIndex(where: { $0.contains("Vote from your phone") }),
              let left = Array(lines[top]).firstIndex(of: "┌"), let right = Array(lines[top]).lastIndex(of: "┐") else { return [] }
        return lines[(top + 1)...].prefix { !$0.contains("└") }.map { line in
            let characters = Array(line)
            guard characters.count > right else { return "" }
            return String(characters[(left + 1)..<right])
        }
    }
}

/// Issue 16 on the phones' page: a phone sends an idea, other phones upvote it once each (a second upvote from the
/// same phone is refused, taking it back is allowed), the moderator's queue and the results count them.
@Suite(.enabled(if: TmuxPane.isAvailable), .serialized) struct WebBoardEndToEndTests {
    @Test func phonesSendAnIdeaAndUpvoteItOncePerPhone() throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("demo.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let board = "\nqa:\n  kind: ideas\n  title: Ideas for the next call\n  premoderation: false\n  max_length: 120\n"
        let handle = try #require(FileHandle(forWritingAtPath: file))
        handle.seekToEndOfFile()
        handle.write(Data(board.utf8))
        try handle.close()
        let plenary = try TmuxPane.plenaryExecutable.path
        let port = try PrivateSSHD.freePort()
        let host = try TmuxPane(command: [plenary, "run", file, "--web", "127.0.0.1:\(port)"], columns: 100, rows: 32)
        defer { host.close() }
        let screen = try host.waitFor("room code")
        let code = try #require(WebVotingEndToEndTests.firstMatch(of: #"room code (\d{4})"#, in: screen))
        let address = "http://127.0.0.1:\(port)/"

        let phones = (1...3).map { folder + "/phone\($0).cookies" }
        var tokens: [String] = []
        for jar in phones {
            let page = try curl(["-L", "\(address)join?room=\(code)"], jar: jar)
            #expect(page.contains("Ideas for the next call"))
            tokens.append(try #require(WebVotingEndToEndTests.firstMatch(of: #"name="csrf" value="([0-9a-f]+)""#, in: page)))
        }
        let tooLong = try curl(["--data", "csrf=\(tokens[0])&board=workshop&act=submit&text=\(String(repeating: "x", count: 121))",
                                "\(address)board"], jar: phones[0])
        #expect(tooLong.contains("120"), "an over-long idea is refused with the limit")
        let sent = try curl(["--data", "csrf=\(tokens[0])&board=workshop&act=submit&text=Shared+%3Cb%3Edrill-core%3C%2Fb%3E+library",
                             "\(address)board"], jar: phones[0])
        #expect(sent.contains("Sent: your idea is on the board."))
        #expect(sent.contains("Shared &lt;b&gt;drill-core&lt;/b&gt; library"), "participant text is escaped")
        let upvote = "board=workshop&act=upvote&item=1"
        #expect(try curl(["--data", "csrf=\(tokens[1])&\(upvote)", "\(address)board"], jar: phones[1]).contains("Upvoted."))
        let twice = try curl(["--data", "csrf=\(tokens[1])&\(upvote)", "\(address)board"], jar: phones[1])
        #expect(twice.contains("You have already upvoted this idea."))
        #expect(try curl(["--data", "csrf=\(tokens[2])&\(upvote)", "\(address)board"], jar: phones[2]).contains("(2 upvotes)"))
        let forged = try curl(["--data", "csrf=\(tokens[1])&\(upvote)", "\(address)board"], jar: phones[2])
        #expect(forged.contains("This form is out of date"), "a form token works only for its own phone")
        let withdrawn = try curl(["--data", "csrf=\(tokens[2])&board=workshop&act=withdraw&item=1", "\(address)board"], jar: phones[2])
        #expect(withdrawn.contains("Your upvote is taken back."))
        #expect(try curl(["--data", "csrf=\(tokens[2])&\(upvote)", "\(address)board"], jar: phones[2]).contains("Upvoted."))

        try host.sendText("Q")
        try host.waitFor("Shared <b>drill-core</b> library")
        // The notice with the code has faded by now in a real room: `W` on the queue brings it back.
        try host.sendText("W")
        try host.waitFor("Room code \(code)")
        try host.sendKeys("Escape")
        try host.waitFor("Shared <b>drill-core</b> library")
        try host.sendKeys("Escape")
        try host.waitFor("AGENDA")
        #expect(try host.quitPlenary() == 0)
        let results = try ModeratorEndToEndTests.results(folder + "/demo.results.json")
        let boards = try #require(results["qa"] as? [[String: Any]])
        let items = try #require(boards.first?["items"] as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items.first?["votes"] as? Int == 2)
    }

    private func curl(_ arguments: [String], jar: String) throws -> String {
        try WebVotingEndToEndTests.curl(arguments, jar: jar)
    }
}
