import Foundation
import Glibc
import Testing

/// A terminal handed round the room: ten ballots through the voter screen, every control key thrown at it,
/// a wrong PIN, the right PIN, and exactly ten ballots in the results.
@Suite(.serialized)
struct VoterEndToEndTests {
    /// A review or thank-you screen takes Enter only once it has been on screen a moment (a held Enter must not
    /// confirm an answer nobody saw), so a person pauses before pressing it.
    func settle() { Thread.sleep(forTimeInterval: 0.8) }

    /// Types an answer, goes to the review, confirms it, and waits for `next`.
    func answerAndConfirm(_ pane: TmuxPane, _ answer: String, then next: String) throws {
        try pane.sendText(answer)
        try pane.sendKeys("Enter")
        try pane.waitFor("Please check your answer")
        settle()
        try pane.sendKeys("Enter")
        try pane.waitFor(next)
    }

    /// Leaves the thank-you screen for the next voter.
    func passOn(_ pane: TmuxPane) throws {
        settle()
        try pane.sendKeys("Enter")
        try pane.waitFor("Press Enter to vote")
    }

    /// The pane terminal's settings as words ("isig", "-icanon"...), from `stty -a`.
    func ttyFlags(_ pane: TmuxPane) throws -> Set<String> {
        let tty = try pane.paneTTY
        let output = try Subprocess.run(["/bin/stty", "-a", "-F", tty]).stdout
        return Set(output.split(whereSeparator: { $0.isWhitespace || $0 == ";" }).map(String.init))
    }

    @Test func tenBallotsControlKeysAndThePIN() throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("demo.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pane = try TmuxPane(command: [try TmuxPane.plenaryExecutable.path, "run", file], columns: 100, rows: 30)
        defer { pane.close() }
        try pane.waitFor("Press Space")

        // Open the single-choice and open-text polls from the moderator screen.
        try pane.openPollsFromTheAgenda(at: [0, 3])
        #expect(try ttyFlags(pane).contains("isig"))

        // Hand over: v, PIN twice.
        try pane.handToVoters(settingPIN: "246810")
        #expect(try ttyFlags(pane).contains("-isig"), "voter mode must turn terminal signals off")
        #expect(!(try pane.capture()).contains("AGENDA"))

        // Five voters, two questions each: ten ballots.
        let answers = [("1", "trust"), ("2", "Vertrauen"), ("3", "confianza"), ("2", "協力"), ("2", "trust")]
        for (choice, word) in answers {
            try pane.sendKeys("Enter")
            try pane.waitFor("QUESTION 1 OF 2")
            try answerAndConfirm(pane, choice, then: "QUESTION 2 OF 2")
            try answerAndConfirm(pane, word, then: "Your vote is recorded.")
            try passOn(pane)
        }

        // Every control byte, DEL, Alt and function keys: still the voter screen, still running.
        let pid = try pane.programPID()
        for byte in Array(0x00...0x1F) + [0x7F] {
            try pane.tmuxCommand(["send-keys", "-t", "t", "-H", String(format: "%02x", byte)])
        }
        try pane.sendKeys("M-x", "M-q", "F1", "F2", "F10", "F12", "Escape", "C-c", "C-z", "C-\\")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(kill(pid, 0) == 0, "the program must survive every control key")
        var screen = try pane.capture()
        #expect(screen.contains("VOTING"), "\(screen)")
        #expect(!screen.contains("EXIT:"), "\(screen)")
        #expect(try ttyFlags(pane).contains("-isig"))
        // Ctrl-X (0x18) in the storm opened the PIN prompt; Escape closes it again.
        try pane.sendKeys("Escape")
        try pane.waitForAbsence(of: "Moderator PIN")

        // A wrong PIN keeps it locked; the right one returns to the moderator screen.
        try pane.sendKeys("C-x")
        try pane.waitFor("Moderator PIN")
        try pane.sendText("1111")
        try pane.sendKeys("Enter")
        try pane.waitFor("Wrong PIN (1 of 5).")
        screen = try pane.capture()
        #expect(screen.contains("VOTING") && !screen.contains("AGENDA"))
        try pane.sendKeys("C-x")
        try pane.waitFor("Moderator PIN")
        try pane.sendText("246810")
        try pane.sendKeys("Enter")
        try pane.waitFor("Left voter mode after 5 voters.")
        #expect(try ttyFlags(pane).contains("isig"))

        #expect(try pane.quitPlenary() == 0)

        let results = try ModeratorEndToEndTests.results(folder + "/demo.results.json")
        let polls = try #require(results["polls"] as? [[String: Any]])
        let counts = polls.map { (($0["rounds"] as? [[String: Any]])?.first?["ballotCount"] as? Int) ?? -1 }
        #expect(counts == [5, 0, 0, 5, 0, 0])
        #expect(counts.reduce(0, +) == 10)
        let format = try #require((polls[0]["rounds"] as? [[String: Any]])?.first?["options"] as? [[String: Any]])
        #expect(format.map { $0["count"] as? Int } == [1, 3, 1])
        let words = try #require((polls[3]["rounds"] as? [[String: Any]])?.first?["answers"] as? [String])
        #expect(words == ["confianza", "trust", "trust", "Vertrauen", "協力"], "A–Z ignoring case, as the results promise")
        // The journal holds ballots without time.
        let journal = try String(contentsOfFile: folder + "/demo.journal.jsonl", encoding: .utf8)
        let casts = journal.split(separator: "\n").filter { $0.contains(#""cast""#) }
        #expect(casts.count == 10)
        #expect(casts.allSatisfy { $0.contains(#""record":{"at":0,"#) })
    }

    /// Esc skips a question, as the screen says; a pasted answer longer than the poll's limit is refused with a
    /// warning, never cut, so the word list gets whole words only.
    @Test func escSkipsAQuestionAndATooLongAnswerIsRefusedNotCut() throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("demo.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pane = try TmuxPane(command: [try TmuxPane.plenaryExecutable.path, "run", file], columns: 100, rows: 30)
        defer { pane.close() }
        try pane.waitFor("Press Space")
        try pane.openPollsFromTheAgenda(at: [0, 3])
        try pane.handToVoters(settingPIN: "246810")

        try pane.sendKeys("Enter")
        try pane.waitFor("QUESTION 1 OF 2")
        try pane.sendKeys("Escape")
        try pane.waitFor("QUESTION 2 OF 2")
        try pane.waitFor("0/40 characters")
        // 45 characters into a 40-character answer: refused whole, with what did not fit.
        try pane.paste("cooperation means building lasting long trust")
        try pane.waitFor("not added: 45 more would not fit")
        try answerAndConfirm(pane, "lasting trust", then: "Your vote is recorded.")
        try passOn(pane)
        try pane.sendKeys("C-x")
        try pane.waitFor("Moderator PIN")
        try pane.sendText("246810")
        try pane.sendKeys("Enter")
        try pane.waitFor("Left voter mode after 1 voter.")
        #expect(try pane.quitPlenary() == 0)

        let results = try ModeratorEndToEndTests.results(folder + "/demo.results.json")
        let polls = try #require(results["polls"] as? [[String: Any]])
        let counts = polls.map { (($0["rounds"] as? [[String: Any]])?.first?["ballotCount"] as? Int) ?? -1 }
        #expect(counts == [0, 0, 0, 1, 0, 0], "the skipped question has no ballot")
        let round = try #require((polls[3]["rounds"] as? [[String: Any]])?.first)
        #expect(round["answers"] as? [String] == ["lasting trust"])
        let words = try #require(round["terms"] as? [[String: Any]])
        #expect(Set(words.compactMap { $0["term"] as? String }) == ["lasting", "trust"])
    }

    @Test func voterFlagNeedsAPINAndStartsLocked() throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("demo.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plenary = try TmuxPane.plenaryExecutable.path
        let refused = try Subprocess.run([plenary, "run", file, "--voter"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--voter needs the moderator PIN"))

        let hash = try Subprocess.run([plenary, "pin"], input: "975319\n")
        #expect(hash.status == 0, "\(hash.stderr)")
        let line = hash.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.hasPrefix("voter_pin: \"pbkdf2-sha256$600000$"))
        #expect(!line.contains("975319"))
        let pinHash = String(line.dropFirst("voter_pin: \"".count).dropLast())

        let pane = try TmuxPane(command: [plenary, "run", file, "--voter", "--pin-hash", pinHash])
        defer { pane.close() }
        try pane.waitFor("Press Enter to vote")
        try pane.sendKeys("Enter")
        try pane.waitFor("No poll is open right now")
        try pane.sendKeys("C-c")
        Thread.sleep(forTimeInterval: 0.2)
        #expect(try pane.capture().contains("VOTING"))
        try pane.sendKeys("C-x")
        try pane.sendText("975319")
        try pane.sendKeys("Enter")
        try pane.waitFor("AGENDA")
    }

    @Test func aPrintedCodeAdmitsOnceAndOnlyItsHashIsKept() throws {
        let workshop = try CodePollWorkshop(title: "Codes check", pin: "432100")
        defer { workshop.remove() }
        let (folder, file, plenary, codes) = (workshop.folder, workshop.file, workshop.plenary, workshop.codes)
        #expect(codes.count == 3, "\(workshop.sheet)")
        #expect(codes.allSatisfy { $0.split(separator: "-").map(\.count) == [4, 4, 4] }, "\(codes)")
        let stored = try String(contentsOfFile: folder + "/vote.codes.json", encoding: .utf8)
        for code in codes { #expect(!stored.contains(code.replacingOccurrences(of: "-", with: ""))) }
        #expect(try Subprocess.run([plenary, "codes", file, "--count", "3"]).status != 0, "a second sheet needs --replace")

        let pane = try TmuxPane(command: [plenary, "run", file])
        defer { pane.close() }
        try pane.waitFor("Press Space")
        try pane.openPoll(at: 0)
        try pane.sendText("v")
        try pane.waitFor("Press Enter to vote")
        for attempt in 0..<2 {
            try pane.sendKeys("Enter")
            try pane.waitFor("Type the code from your slip")
            // As a person types it: lower case, spaces between the groups.
            try pane.sendText(codes[0].lowercased().replacingOccurrences(of: "-", with: " "))
            try pane.sendKeys("Enter")
            if attempt == 1 {
                try pane.waitFor("This code has already been used for this poll.")
                break
            }
            try pane.waitFor("YOUR VOTE")
            try answerAndConfirm(pane, "1", then: "Your vote is recorded.")
            try passOn(pane)
        }
        let used = try String(contentsOfFile: folder + "/vote.codes-used.json", encoding: .utf8)
        #expect(used.contains("choice"))
        #expect(!used.contains(codes[0].replacingOccurrences(of: "-", with: "")))
    }

    @Test func aCodeSheetFromAnOlderPlenaryIsRefusedWithHowToMakeANewOne() throws {
        var template = Array("/tmp/plenary-codes-XXXXXX".utf8CString)
        let folder = String(cString: try #require(mkdtemp(&template)))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/vote.yaml"
        let plenary = try TmuxPane.plenaryExecutable.path
        try """
        plenary: 1
        title: Old codes
        admission: codes
        agenda:
          - {title: Vote, duration: 10, polls: [choice]}
        polls:
          - {id: choice, question: Pick one, type: single, options: [Yes, No]}

        """.write(toFile: file, atomically: true, encoding: .utf8)
        // What `plenary codes` wrote before: 6-character codes under 1,000 rounds of SHA-256.
        try #"{"format": 1, "salt": "0303030303030303", "hashes": ["\#(String(repeating: "ab", count: 32))"]}"#
            .write(toFile: folder + "/vote.codes.json", atomically: true, encoding: .utf8)
        let refused = try Subprocess.run([plenary, "run", file])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("was made by an older Plenary"), "\(refused.stderr)")
        #expect(refused.stderr.contains("plenary codes \(file) --count N --replace"), "\(refused.stderr)")
        // Refused before anything was written.
        #expect(!FileManager.default.fileExists(atPath: folder + "/vote.journal.jsonl"))
    }
}
