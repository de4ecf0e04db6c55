import Foundation
import PlenaryEngine
import Testing
import PlenaryTestSupport

/// Issue 15: the moderator inserts a slot during the day; the agenda re-plans at once, the change survives a quit
/// and a resume (it lives only in the journal), and the results file lists it.
@Suite(.serialized)
struct AgendaChangesEndToEndTests {
    /// The `HH:MM` shown on the agenda line of the slot titled `title`.
    static func agendaTime(of title: String, in lines: [String]) -> Int? {
        guard let line = lines.first(where: { $0.contains(title) }),
              let pattern = try? Regex("([0-9][0-9]):([0-9][0-9]) "), let match = line.firstMatch(of: pattern),
              let hour = match[1].substring.flatMap({ Int($0) }), let minute = match[2].substring.flatMap({ Int($0) })
        else { return nil }
        return hour * 60 + minute
    }

    @Test func aSlotInsertedAfterTheCurrentOneIsRePlannedKeptOnResumeAndInTheResults() throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("demo.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plenary = try TmuxPane.plenaryExecutable.path

        let pane = try TmuxPane(command: [plenary, "run", file], columns: 100, rows: 30)
        defer { pane.close() }
        try pane.waitFor("Press Space to start the workshop")
        try pane.sendKeys("Space")
        try pane.waitFor("1 action recorded")

        // c opens the plan editor on the next slot; k goes up to the current one; i asks for a title, then minutes.
        try pane.sendText("c")
        try pane.waitFor("Change the plan")
        try pane.sendText("k")
        try pane.sendText("i")
        try pane.waitFor("Title of the new slot")
        try pane.sendText("Minister's message")
        try pane.sendKeys("Enter")
        try pane.waitFor("Minutes for")
        try pane.sendKeys("Enter")
        try pane.waitFor("2 actions recorded")
        try pane.sendKeys("Escape")
        try pane.waitFor("plan changed: 1 edit")

        // The new slot follows the current one (1 min) and pushes the next slot back by its 10 minutes.
        let lines = try pane.captureLines()
        let screen = lines.joined(separator: "\n")
        let current = try #require(Self.agendaTime(of: "Welcome and quick polls", in: lines), "\(screen)")
        let inserted = try #require(Self.agendaTime(of: "Minister's message", in: lines), "\(screen)")
        let following = try #require(Self.agendaTime(of: "Open text, ranking", in: lines), "\(screen)")
        #expect((inserted - current + 1440) % 1440 == 1, "\(screen)")
        #expect((following - inserted + 1440) % 1440 == 10, "\(screen)")
        #expect(try pane.quitPlenary() == 0)

        // The session file is untouched; the same command resumes with the inserted slot still there.
        let again = try TmuxPane(command: [plenary, "run", file], columns: 100, rows: 30)
        defer { again.close() }
        try again.waitFor("Resumed from the journal: 2 recorded actions.")
        try again.waitFor("plan changed: 1 edit")
        #expect(try again.capture().contains("Minister's message"))
        #expect(try again.quitPlenary() == 0)
        #expect(!(try String(contentsOfFile: file, encoding: .utf8)).contains("Minister"))

        let results = try ModeratorEndToEndTests.results(folder + "/demo.results.json")
        let slots = try #require(results["slots"] as? [[String: Any]])
        #expect(slots.map { $0["title"] as? String }.prefix(2) == ["Welcome and quick polls", "Minister's message"])
        #expect(slots[1]["plannedMinutes"] as? Int == 10)
        let changes = try #require(results["agendaChanges"] as? [[String: Any]])
        #expect(changes.map { $0["change"] as? String } == ["Inserted “Minister's message” (10 min) after “Welcome and quick polls”"])
        #expect(changes.first?["at"] is String)
        let fileAgenda = try #require(results["fileAgenda"] as? [[String: Any]])
        #expect(fileAgenda.count == slots.count - 1)
    }
}
