import Testing
@testable import PlenaryEngine
@testable import PlenarySessionFile

/// The `qa` block, at the top and in a slot: defaults, every option, and the errors a typo gets.
@Suite struct QASessionFileTests {
    static func parse(_ yaml: String) -> Result<Session, SessionFileErrors> {
        SessionFile.parse(yaml: yaml, file: "t.yaml")
    }

    static func errors(_ yaml: String) -> [String] {
        switch SessionFile.parse(yaml: yaml, file: "t.yaml") {
        case .success: return []
        case .failure(let errors): return errors.errors.map(\.description)
        }
    }

    @Test func aWorkshopBoardAndASlotBoardAreRead() throws {
        let yaml = """
            plenary: 1
            title: T
            qa: {}
            agenda:
              - {id: panel, title: Panel, duration: 30}
              - id: discussion
                title: Q&A and discussion
                duration: 20
                qa:
                  kind: ideas
                  title: Key messages
                  names: optional
                  premoderation: false
                  max_length: 140
                  upvotes: false
            """
        let session = try Self.parse(yaml).get()
        #expect(session.qa == [
            QABoardDefinition(),
            QABoardDefinition(id: "discussion", slotID: "discussion", kind: .ideas, title: "Key messages", names: .optional,
                              premoderation: false, maxLength: 140, upvotes: false),
        ])
    }

    @Test func mistakesInABoardAreReportedWithTheirPlace() {
        let yaml = """
            plenary: 1
            title: T
            qa: {kind: questoins, max_length: 5000, upvote: true}
            agenda:
              - title: A
                duration: 5
                qa: {premoderation: maybe}
            """
        #expect(Self.errors(yaml) == [
            #"t.yaml:3:12: qa.kind: unknown kind "questoins" (expected one of: questions, ideas)"#,
            #"t.yaml:3:35: qa.max_length: must be between 1 and 1000 characters, found 5000"#,
            #"t.yaml:3:41: qa.upvote: unknown key, did you mean "upvotes"? (expected one of: kind, title, names, premoderation, max_length, upvotes)"#,
            #"t.yaml:7:25: agenda[0].qa.premoderation: expected true or false, found "maybe""#,
        ])
    }
}
