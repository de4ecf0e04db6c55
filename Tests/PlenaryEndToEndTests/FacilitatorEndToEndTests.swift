import Foundation
import Glibc
import Testing

/// A facilitator's terminal: entries typed with accents, the program killed mid-typing, and everything typed up
/// to two seconds before the kill still there after a restart.
@Suite(.serialized)
struct FacilitatorEndToEndTests {
    @Test func typingSurvivesAKillUpToTwoSecondsBefore() throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("widex-irm-hub-sevilla.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plenary = try TmuxPane.plenaryExecutable.path
        let pane = try TmuxPane(command: [plenary, "run", file, "--group", "wg1"])
        try pane.waitFor("Add: 1 Action concept")
        try pane.sendText("1")
        try pane.waitFor("ACTION CONCEPT")
        try pane.sendText("Reciclaje de materias primas críticas")
        try pane.sendKeys("Tab")
        try pane.waitFor("Potential partners")
        try pane.sendText("Andalucía")
        try pane.sendKeys("Enter")
        try pane.sendText("Région Grand Est")
        // "saved" is already up from the Tab: first see the typing, then its autosave two seconds later.
        try pane.waitFor("typing…")
        try pane.waitFor("Région Grand Est")
        try pane.waitFor("saved", timeout: .seconds(5))
        try pane.sendKeys("Enter")
        try pane.sendText("typed just before the kill")
        try pane.waitFor("typing…")
        try pane.kill(signal: SIGKILL)
        pane.close()

        let again = try TmuxPane(command: [plenary, "run", file, "--group", "wg1"])
        defer { again.close() }
        try again.waitFor("1. [Action concept] Reciclaje de materias primas críticas")
        try again.sendKeys("Enter")
        try again.waitFor("Région Grand Est")
        try again.sendKeys("Escape")
        #expect(try again.quitPlenary() == 0)

        let results = try ModeratorEndToEndTests.results(folder + "/widex-irm-hub-sevilla.wg1.results.json")
        let group = try #require((results["groups"] as? [[String: Any]])?.first)
        let entry = try #require((group["entries"] as? [[String: Any]])?.first)
        #expect(entry["author"] as? String == "IRM-HUB team")
        let fields = try #require(entry["fields"] as? [[String: Any]])
        #expect(fields[0]["text"] as? String == "Reciclaje de materias primas críticas")
        #expect(fields[1]["items"] as? [String] == ["Andalucía", "Région Grand Est"])
    }

    /// Types one action concept's theme and leaves the form (which saves it).
    private func addActionConcept(_ pane: TmuxPane, theme: String, number: Int) throws {
        try pane.sendText("1")
        try pane.waitFor("ACTION CONCEPT")
        try pane.sendText(theme)
        try pane.sendKeys("Escape")
        try pane.waitFor("\(number). [Action concept] \(theme)")
    }

    /// The whole working-group story: two laptops capture entries (one is killed mid-typing), their results are
    /// merged into the plenary's (with `i` and with `plenary merge`, twice), and the room ranks the entries.
    @Test func groupLaptopsAreMergedAndTheRoomRanksTheirEntries() throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("widex-irm-hub-sevilla.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plenary = try TmuxPane.plenaryExecutable.path
        let laptopA = folder + "/wg1-laptop.results.json"
        let laptopB = folder + "/wg2-laptop.results.json"
        let main = folder + "/widex-irm-hub-sevilla.results.json"

        // Laptop A: two action concepts with accented names; killed while typing the second.
        let a = try TmuxPane(command: [plenary, "run", file, "--group", "wg1", "--results", laptopA])
        try a.waitFor("Add: 1 Action concept")
        try a.sendText("1")
        try a.waitFor("ACTION CONCEPT")
        try a.sendText("Économie circulaire des batteries")
        try a.sendKeys("Tab")
        try a.waitFor("Potential partners")
        try a.sendText("Région Nouvelle-Aquitaine")
        try a.sendKeys("Escape")
        try a.waitFor("1. [Action concept] Économie circulaire des batteries")
        try a.sendText("1")
        try a.waitFor("ACTION CONCEPT")
        try a.sendText("Hidrógeno verde en Andalucía")
        try a.waitFor("typing…")
        try a.waitFor("saved", timeout: .seconds(5))
        try a.sendText(" y Kainuu")
        try a.waitFor("typing…")
        try a.kill(signal: SIGKILL)
        a.close()
        let aAgain = try TmuxPane(command: [plenary, "run", file, "--group", "wg1", "--results", laptopA])
        try aAgain.waitFor("2. [Action concept] Hidrógeno verde en Andalucía")
        #expect(try aAgain.quitPlenary() == 0)
        aAgain.close()

        // Laptop B: one action concept for the other group.
        let b = try TmuxPane(command: [plenary, "run", file, "--group", "wg2", "--results", laptopB])
        try b.waitFor("Add: 1 Action concept")
        try addActionConcept(b, theme: "Smart grids für Kainuu", number: 1)
        #expect(try b.quitPlenary() == 0)
        b.close()

        // The plenary merges laptop A from its screen: the picker lists both laptops' files.
        let room = try TmuxPane(command: [plenary, "run", file], columns: 100, rows: 30)
        try room.waitFor("Press Space")
        try room.sendText("i")
        try room.waitFor("wg2-laptop.results.json")
        try room.sendKeys("Enter")
        try room.waitFor("Merged wg1-laptop.results.json: 2 entries added")
        try room.sendText("R")
        try room.waitFor("REPORT-BACK")
        try room.waitFor("Région Nouvelle-Aquitaine")
        try room.sendKeys("Escape")
        // While the plenary runs, the command line refuses to write to its journal.
        let busy = try Subprocess.run([plenary, "merge", main, laptopB])
        #expect(busy.status == 1)
        #expect(busy.stderr.contains("the workshop is running on this computer"))
        #expect(try room.quitPlenary() == 0)
        room.close()

        // plenary merge brings in laptop B; laptop A is already there. A second merge changes no byte.
        let merged = try Subprocess.run([plenary, "merge", main, laptopA, laptopB])
        #expect(merged.status == 0, "\(merged)")
        #expect(merged.stdout.contains("wg1-laptop.results.json: nothing new: 2 entries already there"))
        #expect(merged.stdout.contains("wg2-laptop.results.json: 1 entry added (Sustainability and stakeholder"))
        let before = try Data(contentsOf: URL(fileURLWithPath: main))
        let again = try Subprocess.run([plenary, "merge", main, laptopA, laptopB])
        #expect(again.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: main)) == before)

        // The room ranks the three entries: marked across both groups, turned into a ranking poll.
        let rank = try TmuxPane(command: [plenary, "run", file], columns: 100, rows: 30)
        defer { rank.close() }
        try rank.waitFor("Press Space")
        try rank.sendText("w")
        for (group, count) in [(0, 2), (1, 1)] {
            // Esc on a group comes back to this list, on the group just left.
            try rank.waitFor("Working groups")
            if group > 0 { try rank.sendKeys("Down") }
            try rank.sendKeys("Enter")
            try rank.waitFor("WORKING GROUP")
            for _ in 0..<count {
                try rank.sendText("s")
                try rank.sendKeys("Down")
            }
            try rank.waitFor("(\(group == 0 ? 2 : 3) marked)")
            try rank.sendKeys("Escape")
        }
        try rank.waitFor("Working groups")
        try rank.sendKeys("Up", "Enter")
        try rank.waitFor("WORKING GROUP")
        try rank.sendText("R")
        // The proposal comes first: its question can be reworded; Enter makes and opens the poll.
        try rank.waitFor("A ranking from")
        try rank.sendKeys("Enter")
        try rank.waitFor("Poll made from")
        try rank.waitFor("Rank these actions")
        for (count, keys) in [(1, [String]()), (2, ["Down", "Down", "Space", "Up", "Up", "Space"])] {
            try rank.sendText("b")
            try rank.waitFor("ENTER A BALLOT")
            if !keys.isEmpty { try rank.sendKeys(keys) }
            try rank.sendKeys("Enter")
            try rank.waitFor("Ballot recorded: \(count) in this round.")
        }
        try rank.sendKeys("Escape")
        #expect(try rank.quitPlenary() == 0)

        let results = try ModeratorEndToEndTests.results(main)
        let groups = try #require(results["groups"] as? [[String: Any]])
        let entries = groups.map { ($0["entries"] as? [[String: Any]]) ?? [] }
        #expect(entries.map(\.count) == [2, 1])
        let themes = entries.flatMap { $0 }.map { (($0["fields"] as? [[String: Any]])?.first?["text"] as? String) ?? "" }
        #expect(themes == ["Économie circulaire des batteries", "Hidrógeno verde en Andalucía", "Smart grids für Kainuu"])
        let origins = entries.flatMap { $0 }.compactMap { ($0["origin"] as? [String: String])?["file"] }
        #expect(origins == ["wg1-laptop.results.json", "wg1-laptop.results.json", "wg2-laptop.results.json"])
        let poll = try #require((results["polls"] as? [[String: Any]])?.first { ($0["id"] as? String)?.hasPrefix("shortlist") == true })
        #expect(poll["type"] as? String == "ranking")
        #expect(poll["entries"] as? [String] == ["wg1-1", "wg1-2", "wg2-1"])
        let round = try #require((poll["rounds"] as? [[String: Any]])?.first)
        #expect(round["ballotCount"] as? Int == 2)
        // Ballots [1, 2, 3] and [3, 1, 2]: scores 3+2, 2+1, 1+3 over two ballots.
        #expect((round["options"] as? [[String: Any]])?.compactMap { $0["averageScore"] as? Double } == [2.5, 1.5, 2])
    }
}
