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

        let results = try ModeratorEndToEndTests.results(folder + "/widex-irm-hub-sevilla.results.json")
        let group = try #require((results["groups"] as? [[String: Any]])?.first)
        let entry = try #require((group["entries"] as? [[String: Any]])?.first)
        #expect(entry["author"] as? String == "facilitator")
        let fields = try #require(entry["fields"] as? [[String: Any]])
        #expect(fields[0]["text"] as? String == "Reciclaje de materias primas críticas")
        #expect(fields[1]["items"] as? [String] == ["Andalucía", "Région Grand Est"])
    }
}
