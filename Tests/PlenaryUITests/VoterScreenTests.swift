import PlenaryEngine
import Testing
@testable import PlenaryUI
import PlenaryTestSupport

@Suite struct VoterScreenTests {
    /// The Sevilla fixture with one open poll, handed to the room.
    func votingState() throws -> WorkshopState {
        var session = Fixtures.sevillaDay
        session.polls = [PollDefinition(id: "format", question: "Format?", type: .single, options: ["Physical", "Online"])]
        session.voterPIN = Fixtures.pinHash
        var state = try Fixtures.dayState(session, now: Fixtures.at(12, 0), [(Fixtures.at(12, 0), .poll(.open(poll: "format")))])
        _ = WorkshopReducer.reduce(&state, .voterMode(.resume), now: Fixtures.at(12, 1))
        return state
    }

    @Test func aJournalFailureIsShownToTheVoter() throws {
        var state = try votingState()
        try #require(state.voter != nil)
        let size = TerminalSize(columns: 80, rows: 24)
        let before = ModeratorScreen.render(state, size: size, glyphs: .unicode).lines.joined(separator: "\n")
        #expect(!before.contains("could not be recorded"))
        _ = WorkshopReducer.reduce(&state, .storage(.failed(StorageFailure(kind: .journal, message: "NOT RECORDED: disk"))),
                                   now: Fixtures.at(12, 2))
        let lines = ModeratorScreen.render(state, size: size, glyphs: .unicode).lines
        #expect(lines[22] == " ! Your vote could not be recorded. Please tell the moderator.")
        #expect(!lines.joined().contains("AGENDA"), "still the voter screen")
    }

    /// The screen says "Esc skips this question": Esc on a question moves to the next one and casts nothing.
    @Test func escSkipsTheQuestionTheScreenSaysItSkips() throws {
        var session = Fixtures.sevillaDay
        session.polls = [
            PollDefinition(id: "format", question: "Format?", type: .single, options: ["Physical", "Online"]),
            PollDefinition(id: "word", question: "One word?", type: .open),
        ]
        session.voterPIN = Fixtures.pinHash
        var state = try Fixtures.dayState(session, now: Fixtures.at(12, 0), [
            (Fixtures.at(12, 0), .poll(.open(poll: "format"))), (Fixtures.at(12, 0), .poll(.open(poll: "word"))),
        ])
        _ = WorkshopReducer.reduce(&state, .voterMode(.resume), now: Fixtures.at(12, 1))
        try #require(state.voter != nil)
        let size = TerminalSize(columns: 80, rows: 24)
        func press(_ key: KeyEvent) {
            guard let action = ModeratorKeyMap.action(for: key, in: state, size: size) else { return }
            _ = WorkshopReducer.reduce(&state, action, now: Fixtures.at(12, 2))
        }
        press(.enter)
        var screen = ModeratorScreen.render(state, size: size, glyphs: .unicode).lines.joined(separator: "\n")
        #expect(screen.contains("QUESTION 1 OF 2"))
        #expect(screen.contains("Esc skips this question"))
        press(.escape)
        screen = ModeratorScreen.render(state, size: size, glyphs: .unicode).lines.joined(separator: "\n")
        #expect(screen.contains("QUESTION 2 OF 2"), "Esc did not skip the first question")
        // On the open question too (Esc is not text), and the last skip ends the turn with nothing cast.
        press(.escape)
        guard case .recorded? = state.voter?.step else { Issue.record("Esc did not skip the last question"); return }
        #expect(state.poll("format")?.rounds.last?.ballots.isEmpty == true)
        #expect(state.poll("word")?.rounds.last?.ballots.isEmpty == true)
        screen = ModeratorScreen.render(state, size: size, glyphs: .unicode).lines.joined(separator: "\n")
        #expect(screen.contains("nothing was recorded") && !screen.contains("Your vote is recorded"))
        #expect(state.voter?.completedTurns == 0, "nobody voted")
    }
}
