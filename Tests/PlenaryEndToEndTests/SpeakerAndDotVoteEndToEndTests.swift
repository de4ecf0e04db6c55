import Foundation
import Testing
import PlenaryTestSupport

/// Issue 15, end to end: the moderator confirms a TBC speaker from the plan editor, then types in a dot-vote
/// ballot with two dots stacked on one item; the results file has both.
@Suite(.serialized)
struct SpeakerAndDotVoteEndToEndTests {
    static let session = """
        plenary: 1
        title: Dots and speakers
        agenda:
          - {title: Welcome, duration: 10}
          - title: Keynote
            duration: 20
            speakers:
              - {name: Speaker to be confirmed, affiliation: S3 CoP, tbc: true}
        polls:
          - id: priorities
            question: Which actions first?
            type: multiple
            options: [Pilot, Training, Platform]
            max_picks: 4
            max_per_option: 2
        """

    @Test func aTBCSpeakerIsConfirmedAndAStackedDotBallotIsCast() throws {
        var template = Array("/tmp/plenary-dots-XXXXXX".utf8CString)
        let folder = try #require(mkdtemp(&template).map { String(cString: $0) })
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/dots.yaml"
        try Self.session.write(toFile: file, atomically: true, encoding: .utf8)
        let plenary = try TmuxPane.plenaryExecutable.path

        let pane = try TmuxPane(command: [plenary, "run", file], columns: 100, rows: 30)
        defer { pane.close() }
        try pane.waitFor("Press Space to start the workshop")
        try pane.sendKeys("Space")
        try pane.waitFor("1 action recorded")

        // c opens the plan editor on the keynote; s asks for its TBC speaker: name, role, then affiliation.
        try pane.sendText("c")
        try pane.waitFor("Speakers: Speaker to be confirmed (S3 CoP) TBC")
        try pane.sendText("s")
        try pane.waitFor("Name of speaker 1 of 1 (TBC now")
        try pane.sendText("Ana Ruiz")
        try pane.sendKeys("Enter")
        try pane.waitFor("Role of Ana Ruiz")
        try pane.sendText("Director")
        try pane.sendKeys("Enter")
        try pane.waitFor("Affiliation of Ana Ruiz")
        try pane.sendKeys("C-u")
        try pane.sendText("IRM-HUB")
        try pane.sendKeys("Enter")
        try pane.waitFor("2 actions recorded")
        try pane.waitFor("Speakers: Ana Ruiz (Director, IRM-HUB)")
        try pane.sendKeys("Escape")
        try pane.waitFor("plan changed: 1 edit")

        // The dot vote: two dots on Pilot (a third is refused), one on Platform.
        try pane.sendText("P")
        try pane.sendKeys("Enter")
        try pane.waitFor("Which actions first?")
        try pane.sendText("o")
        try pane.waitFor("3 actions recorded")
        try pane.sendText("b")
        try pane.waitFor("Dot vote: 4 dots, up to 2 on one item")
        try pane.sendKeys("Space", "Space", "Space")
        try pane.waitFor("At most 2 dots on one item")
        try pane.sendKeys("Down", "Down", "Right")
        try pane.waitFor("1 dot left")
        let form = try pane.capture()
        #expect(form.contains("[••] Pilot") && form.contains("[• ] Platform"), "\(form)")
        try pane.sendKeys("Enter")
        try pane.waitFor("Ballot recorded: 1 in this round.")
        try pane.sendKeys("Escape")
        try pane.waitFor("plan changed: 1 edit")
        #expect(try pane.quitPlenary() == 0)

        let results = try ModeratorEndToEndTests.results(folder + "/dots.results.json")
        let changes = try #require(results["agendaChanges"] as? [[String: Any]])
        #expect(changes.map { $0["change"] as? String }
            == ["Confirmed Ana Ruiz (Director, IRM-HUB) for “Keynote” (was “Speaker to be confirmed”, TBC)"])
        let slots = try #require(results["slots"] as? [[String: Any]])
        #expect(String(describing: slots[1]["speakers"] ?? "").contains("Ana Ruiz"))
        let poll = try #require((results["polls"] as? [[String: Any]])?.first)
        #expect(poll["maxPerOption"] as? Int == 2)
        let text = String(describing: poll["rounds"] ?? "")
        #expect(text.contains("Pilot") && text.contains("2"), "\(text)")
    }
}
