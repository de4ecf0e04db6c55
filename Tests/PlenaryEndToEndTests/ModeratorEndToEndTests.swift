import Foundation
import PlenaryEngine
import Testing
import PlenaryTestSupport

/// A moderator runs a seed workshop in a real terminal: keys, a resize, quit, resume, and the results file.
@Suite(.serialized)
struct ModeratorEndToEndTests {
    /// Copies a session file into a fresh folder so its journal and results land there, not in the repository.
    static func copySession(_ name: String) throws -> (folder: String, file: String) {
        var template = Array("/tmp/plenary-session-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw HarnessError("mkdtemp failed") }
        let folder = String(cString: made)
        let file = folder + "/" + name
        try FileManager.default.copyItem(atPath: SessionFiles.path(name), toPath: file)
        return (folder, file)
    }

    /// Reads a results file a scenario produced, after checking it against the documented schema.
    static func results(_ path: String) throws -> [String: Any] {
        try ResultsSchema.check(path)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func aModeratorDrivesTheBrusselsAgendaResizesQuitsAndResumes() throws {
        let (folder, file) = try Self.copySession("mine-the-gap-brussels.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plenary = try TmuxPane.plenaryExecutable.path

        let pane = try TmuxPane(command: [plenary, "run", file], columns: 100, rows: 30)
        defer { pane.close() }
        try pane.waitFor("MINE.THE.GAP")
        try pane.waitFor("Press Space to start the workshop")
        try pane.sendKeys("Space")
        try pane.waitFor("NOW · ")
        try pane.sendText("n")
        try pane.waitFor("2 actions recorded")
        try pane.sendKeys("Right")
        try pane.waitFor("3 actions recorded")
        let screen = try pane.capture()
        #expect(screen.contains("slot 3/"), "the third slot is on after two moves:\n\(screen)")
        try pane.sendText("+")
        try pane.waitFor("4 actions recorded")

        // Jump with the picker: g, down twice, Enter.
        try pane.sendText("g")
        try pane.waitFor("Jump to slot")
        try pane.sendKeys("Down", "Down", "Enter")
        try pane.waitFor("5 actions recorded")
        #expect(try pane.capture().contains("slot 5/"))

        // Help overlay lists every key, Esc closes it.
        try pane.sendText("?")
        try pane.waitFor("End this slot and start the next one")
        try pane.sendKeys("Escape")
        try pane.waitForAbsence(of: "End this slot and start the next one")

        // Resize: smaller than the minimum asks to enlarge, then the screen reflows at 80x24.
        try pane.resize(columns: 50, rows: 12)
        try pane.waitFor("Please enlarge the window")
        try pane.resize(columns: 80, rows: 24)
        // The redraw reaches tmux in pieces: "AGENDA" can be on screen before the footer rows are. Waiting for both
        // keeps a half-drawn capture from counting as the reflowed screen; the checks below still judge it.
        _ = try pane.waitFor("the reflowed screen with its footer") { $0.contains("AGENDA") && $0.contains("q quit") }
        let reflowed = try pane.captureLines()
        #expect(reflowed.count == 24)
        #expect(reflowed.last?.contains("q quit") == true, "footer at 80 columns:\n\(reflowed.joined(separator: "\n"))")

        // Quit asks first; n keeps the screen, q then y quits.
        try pane.sendText("q")
        try pane.waitFor("Quit Plenary?")
        try pane.sendText("n")
        try pane.waitForAbsence(of: "Quit Plenary?")
        try pane.sendText("q")
        try pane.waitFor("Quit Plenary?")
        try pane.sendText("y")
        #expect(try pane.waitForExit() == 0)
        #expect(try pane.capture().contains("Results:"))

        let resultsPath = folder + "/mine-the-gap-brussels.results.json"
        let results = try Self.results(resultsPath)
        #expect(results["schemaVersion"] as? Int == ResultsSnapshot.schemaVersion)
        let workshop = try #require(results["workshop"] as? [String: Any])
        #expect(workshop["status"] as? String == "running")
        #expect(workshop["recordedActions"] as? Int == 5)
        let slots = try #require(results["slots"] as? [[String: Any]])
        #expect(slots.map { $0["status"] as? String } .prefix(6) == ["done", "done", "done", "skipped", "running", "upcoming"])
        #expect(slots[2]["adjustmentMinutes"] as? Double == 1)
        #expect(slots[0]["actualStart"] is String)
        // Planned times are the agenda's times of day (Brussels time) on the day the workshop runs.
        #expect((slots[0]["plannedStart"] as? String)?.contains("T09:45:00+0") == true, "\(slots[0])")

        // The same command resumes where it stopped.
        let again = try TmuxPane(command: [plenary, "run", file], columns: 100, rows: 30)
        defer { again.close() }
        try again.waitFor("Resumed from the journal: 5 recorded actions.")
        #expect(try again.capture().contains("slot 5/"))
        #expect(try again.quitPlenary() == 0)
    }

    /// Issue 11, item 19: `--fresh` keeps the journal, the results and what `e` exported under one stamp in this
    /// computer's local time (here UTC+14, so a UTC stamp is a different day), and says so in one line at 80 columns.
    @Test func freshKeepsThePreviousRecordAndItsExportsUnderALocalStamp() throws {
        let (folder, file) = try Self.copySession("demo.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plenary = try TmuxPane.plenaryExecutable.path
        let zone = ["TZ": "Pacific/Kiritimati"]
        let first = try TmuxPane(command: [plenary, "run", file], columns: 80, rows: 24, environment: zone)
        try first.waitFor("Press Space")
        try first.sendKeys("Space")
        try first.waitFor("1 action recorded")
        try first.sendText("e")
        try first.waitFor("Exported to")
        try first.kill(signal: SIGKILL)
        first.close()
        // kill -9 leaves the host's socket behind: not part of the record, it is replaced by the next host, not kept.
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: folder)).subtracting(["demo.yaml", "demo.sock"])
        #expect(before.contains("demo.report.md") && before.contains("demo.polls.csv"), "\(before)")

        let second = try TmuxPane(command: [plenary, "run", file, "--fresh"], columns: 80, rows: 24, environment: zone)
        defer { second.close() }
        try second.waitFor("old files as demo.")
        let screen = try second.capture()
        let after = try FileManager.default.contentsOfDirectory(atPath: folder)
        let kept = after.filter { $0.hasPrefix("demo.") && $0.dropFirst(5).first?.isNumber == true }.sorted()
        // Every old file, and nothing else, moved under the same stamp.
        let stamp = try #require(kept.first.map { String($0.dropFirst(5).prefix(15)) })
        #expect(kept == before.map { "demo.\(stamp)." + $0.dropFirst(5) }.sorted())
        #expect(!after.contains("demo.report.md") && !after.contains("demo.polls.csv"))
        // The whole message is on the status line at 80 columns, not cut with an ellipsis.
        let line = try #require(screen.split(separator: "\n").first { $0.contains("old files as") })
        #expect(line.trimmingCharacters(in: .whitespaces) == "Kept \(before.count) old files as demo.\(stamp).*", "\(line)")
        #expect(line.count <= 80)
        // The stamp is the local time in the pane's zone, within a minute of now.
        let format = DateFormatter()
        format.dateFormat = "yyyyMMdd-HHmmss"
        format.timeZone = TimeZone(identifier: "Pacific/Kiritimati")
        let stamped = try #require(format.date(from: stamp))
        #expect(abs(stamped.timeIntervalSinceNow) < 60, "\(stamp) is not local time in Kiritimati")
        try second.sendText("q")
        try second.sendText("y")
        #expect(try second.waitForExit() == 0)
    }

    @Test func validateReportsEveryProblemWithFileLineAndColumn() throws {
        let plenary = try TmuxPane.plenaryExecutable.path
        var template = Array("/tmp/plenary-validate-XXXXXX".utf8CString)
        let folder = String(cString: try #require(mkdtemp(&template)))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bad = folder + "/bad.yaml"
        try """
        plenary: 1
        title: Broken
        colour: blue
        agenda:
          - title: Opening
            start: "25:00"
            duration: 10
          - title: Talk
            duration: ten
            polls: [nowhere]

        """.write(toFile: bad, atomically: true, encoding: .utf8)
        let result = try Subprocess.run([plenary, "validate", bad])
        #expect(result.status == 1)
        var lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.popLast() == "1 of 1 file has problems")
        #expect(lines.count == 4, "\(result.stderr)")
        #expect(lines.allSatisfy { $0.hasPrefix(bad + ":") }, "\(result.stderr)")
        #expect(lines.contains { $0.hasPrefix("\(bad):3:1: colour: unknown key") })
        #expect(lines.contains { $0.hasPrefix("\(bad):6:12: agenda[0].start: ") })
        #expect(lines.contains { $0.hasPrefix("\(bad):9:15: agenda[1].duration: ") })
        #expect(lines.contains { $0.hasPrefix("\(bad):10:13: agenda[1].polls[0]: ") })

        let good = try Subprocess.run([plenary, "validate"] + ["demo", "mine-the-gap-brussels"].map {
            SessionFiles.path("\($0).yaml")
        })
        #expect(good.status == 0, "\(good.stderr)")
    }

    @Test func validateRefusesA50MegabyteFileWithoutReadingIt() throws {
        var template = Array("/tmp/plenary-huge-XXXXXX".utf8CString)
        let folder = String(cString: try #require(mkdtemp(&template)))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let huge = folder + "/huge.yaml"
        // A valid start, then 50 MB of agenda: the size alone refuses it.
        var text = "plenary: 1\ntitle: Huge\nagenda:\n"
        let slot = "  - {title: A slot among very many, duration: 5}\n"
        text += String(repeating: slot, count: 50 * 1024 * 1024 / slot.utf8.count + 1)
        try text.write(toFile: huge, atomically: false, encoding: .utf8)
        let started = ContinuousClock.now
        let result = try Subprocess.run([try TmuxPane.plenaryExecutable.path, "validate", huge], timeout: .seconds(30))
        print("plenary validate refused a 50 MB file in \(ContinuousClock.now - started)")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(huge):1:1: file is too large (50.0 MB; a session file may be at most 5 MB)"),
                "\(result.stderr)")
    }

    @Test func aBadSessionFailsBeforeTheScreenStarts() throws {
        var template = Array("/tmp/plenary-bad-XXXXXX".utf8CString)
        let folder = String(cString: try #require(mkdtemp(&template)))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bad = folder + "/dup.yaml"
        try "plenary: 1\ntitle: A\ntitle: B\nagenda:\n  - {title: X, duration: 5}\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let pane = try TmuxPane(command: [try TmuxPane.plenaryExecutable.path, "run", bad])
        defer { pane.close() }
        #expect(try pane.waitForExit() == 1)
        let screen = try pane.capture()
        #expect(screen.contains("\(bad):3:1: "), "\(screen)")
        #expect(screen.contains("duplicate key"), "\(screen)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["dup.yaml"])
    }
}
