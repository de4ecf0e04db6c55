import PlenaryCore
import Testing
@testable import PlenaryUI

@Suite struct VoterScreenTests {
    /// The Sevilla fixture with one open poll, handed to the room.
    func votingState() -> WorkshopState {
        var session = ScreenFixtures.session
        session.polls = [PollDefinition(id: "format", question: "Format?", type: .single, options: ["Physical", "Online"])]
        session.voterPIN = ScreenFixtures.pinHash
        var state = ScreenFixtures.state(session, now: ScreenFixtures.at(12, 0), [(ScreenFixtures.at(12, 0), .poll(.open(poll: "format")))])
        _ = WorkshopReducer.reduce(&state, .resumeVoterMode, now: ScreenFixtures.at(12, 1))
        return state
    }

    @Test func aJournalFailureIsShownToTheVoter() throws {
        var state = votingState()
        try #require(state.voter != nil)
        let size = TerminalSize(columns: 80, rows: 24)
        let before = ModeratorScreen.render(state, size: size, glyphs: .unicode).lines.joined(separator: "\n")
        #expect(!before.contains("could not be recorded"))
        _ = WorkshopReducer.reduce(&state, .storageFailed(StorageFailure(kind: .journal, message: "NOT RECORDED: disk")),
                                   now: ScreenFixtures.at(12, 2))
        let lines = ModeratorScreen.render(state, size: size, glyphs: .unicode).lines
        #expect(lines[22] == " ! Your vote could not be recorded. Please tell the moderator.")
        #expect(!lines.joined().contains("AGENDA"), "still the voter screen")
    }
}
