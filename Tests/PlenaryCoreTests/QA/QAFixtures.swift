@testable import PlenaryEngine
import PlenaryTestSupport

/// The Sevilla day with a workshop-wide question board and an ideas board on the working-groups slot.
enum QAFixtures {
    static let questions = QABoardDefinition(kind: .questions, names: .optional, premoderation: true, maxLength: 80)
    static let ideas = QABoardDefinition(id: "groups", slotID: "groups", kind: .ideas, premoderation: false)

    static func session(_ boards: [QABoardDefinition] = [questions, ideas]) -> Session {
        var session = Fixtures.sevilla()
        session.qa = boards
        return session
    }

    static func state(_ boards: [QABoardDefinition] = [questions, ideas]) throws -> WorkshopState {
        try Fixtures.state(session(boards), now: Fixtures.at(12, 0))
    }

    static let now = Fixtures.at(12, 0)

    /// Sends a participant's request; true when it was recorded.
    @discardableResult
    static func send(_ state: inout WorkshopState, _ participant: QAParticipant, _ request: QARequest) -> Bool {
        !WorkshopReducer.reduce(&state, .qa(.participate(participant, request)), now: now).isEmpty
    }

    @discardableResult
    static func record(_ state: inout WorkshopState, _ command: QACommand) -> Bool {
        !WorkshopReducer.reduce(&state, .command(.qa(command)), now: now).isEmpty
    }
}
