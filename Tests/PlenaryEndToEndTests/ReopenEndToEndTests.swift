import Foundation
import PlenaryEngine
import Testing
import PlenaryTestSupport

/// `E` pressed by mistake is taken back with `E` again in the same run (issue 15).
@Suite(.serialized)
struct ReopenEndToEndTests {
    @Test func anEndIsTakenBackInTheSameRunButNotAfterAResume() throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("demo.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plenary = try TmuxPane.plenaryExecutable.path
        let pane = try TmuxPane(command: [plenary, "run", file], columns: 100, rows: 30)
        defer { pane.close() }
        try pane.waitFor("Press Space to start the workshop")
        try pane.sendKeys("Space")
        try pane.waitFor("1 action recorded")
        try pane.sendText("E")
        try pane.waitFor("End the workshop?")
        try pane.sendText("y")
        try pane.waitFor("2 actions recorded")
        try pane.sendText("E")
        try pane.waitFor("Take back the end of the workshop?")
        try pane.sendText("y")
        try pane.waitFor("3 actions recorded")
        try pane.waitFor("NOW · ")
        try pane.sendText("E")
        try pane.waitFor("End the workshop?")
        try pane.sendText("y")
        try pane.waitFor("4 actions recorded")
        #expect(try pane.quitPlenary() == 0)

        let again = try TmuxPane(command: [plenary, "run", file], columns: 100, rows: 30)
        defer { again.close() }
        try again.waitFor("Resumed from the journal: 4 recorded actions.")
        try again.sendText("E")
        try again.waitFor("The workshop has already ended.")
        #expect(try again.quitPlenary() == 0)
    }
}
