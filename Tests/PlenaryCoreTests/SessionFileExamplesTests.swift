import Foundation
import Testing
@testable import PlenaryEngine
@testable import PlenarySessionFile
@testable import PlenaryStorage
import PlenaryTestSupport

/// The shipped example sessions.
struct SessionFileExamplesTests {
    static func sessionFiles() -> [String] {
        (try? SessionFiles.paths()) ?? []
    }

    @Test func everySessionFileParsesWithoutErrors() throws {
        let files = Self.sessionFiles()
        #expect(files.count == 6)
        for path in files {
            switch SessionFile.load(path: path) {
            case .success(let session):
                #expect(!session.agenda.isEmpty, "\(path)")
                if case .failure(let problem) = PlannedAgenda.plan(session) { Issue.record("\(path): \(problem)") }
            case .failure(let errors):
                Issue.record("\(path) has errors:\n\(errors)")
            }
        }
    }

    @Test func theCompleteExampleInTheFormatDocumentParses() throws {
        let doc = try String(contentsOf: SessionFiles.repositoryRoot.appendingPathComponent("docs/session-format.md"), encoding: .utf8)
        let blocks = doc.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        let example = try #require(blocks.last)
        let session = try SessionFile.parse(yaml: example, file: "session-format.md").get()
        #expect(session.agenda.map(\.id) == ["registration", "welcome", "working-groups", "lunch"])
        let plan = try PlannedAgenda.plan(session).get()
        #expect(plan.entries.map(\.startMinute) == [720, 750, 755, 800])
        #expect(plan.entries.last?.endMinute == 900)
    }

    @Test func theDemoFloatsAndShowsEverything() throws {
        let path = SessionFiles.path("demo.yaml")
        let session = try SessionFile.load(path: path).get()
        #expect(session.title.lowercased().contains("demo"))
        #expect(session.agenda.allSatisfy { $0.start == nil && $0.durationMinutes == 1 })
        #expect(session.agenda.reduce(0) { $0 + ($1.durationMinutes ?? 0) } < 5)
        #expect(session.agenda.contains { $0.fixed } && session.agenda.contains { $0.tbc })
        #expect(session.agenda.contains { $0.track != nil } && session.agenda.contains { $0.notes != nil })
        #expect(Set(session.polls.map(\.type)) == Set(PollType.allCases))
        #expect(session.groups.map(\.templates) == [["action-concept", "swot"], ["action-concept", "swot", "challenge"]])
        // Every kind of template field, a choice among them.
        #expect(Set(session.templates.flatMap(\.fields).map(\.kind)) == Set(FieldKind.allCases))
        #expect(try PlannedAgenda.plan(session).get().isAnchored == false)
    }
}
