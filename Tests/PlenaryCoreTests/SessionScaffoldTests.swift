import Testing
@testable import PlenaryEngine
@testable import PlenarySessionFile

/// `plenary new` writes files the session reader accepts, whatever the options and the title hold.
@Suite struct SessionScaffoldTests {
    static let templateChoices: [[String]] = [[]] + SessionScaffold.templateIDs.map { [$0] } + [SessionScaffold.templateIDs]

    @Test(arguments: templateChoices, [1, 2, 3, 7])
    func everyScaffoldIsAValidSession(templates: [String], slots: Int) throws {
        for start in [nil, "09:30"] as [String?] {
            let scaffold = SessionScaffold(title: "Regional \"S3\" workshop: #1 \\ test", date: "2025-03-11",
                                           timeZone: "Europe/Madrid", venue: "Sevilla, 東京", start: start, slots: slots,
                                           slotMinutes: 45, templates: templates, samplePoll: slots != 2)
            #expect(scaffold.problems.isEmpty)
            let session = try SessionFile.parse(yaml: scaffold.yaml(), file: "new.yaml").get()
            #expect(session.title == "Regional \"S3\" workshop: #1 \\ test")
            #expect(session.venue == "Sevilla, 東京")
            #expect(session.agenda.count == slots)
            #expect(session.templates.map(\.id) == templates)
            #expect(session.groups.count == (templates.isEmpty ? 0 : 2))
            #expect(session.polls.count == (slots != 2 ? 2 : 0))
            #expect(session.agenda.contains { $0.kind == .workingGroups } == !templates.isEmpty)
            let plan = try PlannedAgenda.plan(session).get()
            #expect(plan.isAnchored == (start != nil))
        }
    }

    @Test func problemsAreNamed() {
        var scaffold = SessionScaffold(title: " ", slots: 0, slotMinutes: 0, templates: ["kanban"])
        #expect(scaffold.problems == [
            "the title is empty", "slots must be between 1 and 40", "slot minutes must be between 1 and 480",
            "unknown template \"kanban\" (choose from: action-concept, swot, challenge, key-message, free-notes)",
        ])
        scaffold = SessionScaffold(title: "Two\nlines")
        #expect(scaffold.problems == ["the title must be one line"])
    }
}
