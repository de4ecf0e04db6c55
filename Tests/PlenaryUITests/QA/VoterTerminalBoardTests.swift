import Testing
import PlenaryTestSupport
@_spi(Testing) @testable import PlenaryEngine
@testable import PlenaryUI

/// The Q&A board at the shared voter terminal (`plenary run`, voter mode; issue 16): reached after the polls or
/// alone, each turn a new participant, so the next person's upvote counts and the same person's second press takes
/// theirs back. Driven by keys through the voter's key table, as the terminal is.
@Suite struct VoterTerminalBoardTests {
    static let pin = SecretHash(testingSecret: "2468", salt: Array(repeating: 7, count: 16), iterations: 10)
    static let small = TerminalSize(columns: 80, rows: 24)

    static func voterMode(pollOpen: Bool = false) throws -> WorkshopState {
        var state = try KioskBoardTests.state(items: 3, pollOpen: pollOpen)
        state.voterPIN = Self.pin
        _ = WorkshopReducer.reduce(&state, .voterMode(.start), now: Fixtures.at(12, 2))
        return state
    }

    /// Each key a second after the last, as a person types, so review screens have settled.
    @discardableResult
    static func press(_ state: inout WorkshopState, _ keys: KeyEvent...) -> [Effect] {
        var effects: [Effect] = []
        for key in keys {
            guard let action = ModeratorKeyMap.action(for: key, in: state, size: small) else { continue }
            effects += WorkshopReducer.reduce(&state, action, now: state.now.adding(seconds: 1))
        }
        return effects
    }

    static func type(_ state: inout WorkshopState, _ text: String) {
        for character in text { press(&state, .character(character)) }
    }

    static func screen(_ state: WorkshopState, _ size: TerminalSize = small) throws -> [String] {
        VoterScreen.render(state, voter: try #require(state.voter), size: size, glyphs: .unicode).lines
    }

    static func votes(_ state: WorkshopState, item: Int) -> Int? {
        state.qaBoard("workshop")?.item(item)?.votes
    }

    @Test func voterModeStartsForABoardAloneAndEnterGoesStraightToIt() throws {
        var state = try Self.voterMode()
        #expect(try Self.screen(state).contains { $0.contains("Press Enter to take part") })
        Self.press(&state, .enter)
        guard case .board = state.voter?.step else { Issue.record("not on the board: \(String(describing: state.voter?.step))"); return }
        let lines = try Self.screen(state)
        #expect(lines.contains { $0.contains("Questions for the panel") })
        #expect(lines.contains { $0.contains("What does WIDEX fund?") })
        #expect(!lines.contains { $0.contains("PENDING-ITEM") }, "a pending item never reaches a voter screen")
    }

    @Test func eachTurnIsANewUpvoterAndASecondPressTakesTheUpvoteBack() throws {
        var state = try Self.voterMode()
        let top = try #require(RoomQABoard(of: state, listing: true)?.items?.first?.number)
        let before = try #require(Self.votes(state, item: top))
        Self.press(&state, .enter, .character(" "))
        #expect(Self.votes(state, item: top) == before + 1)
        #expect(try Self.screen(state).contains { $0.contains("✓") }, "this person's upvote is marked")
        // The same person again: the upvote is taken back, never counted twice.
        Self.press(&state, .character(" "))
        #expect(Self.votes(state, item: top) == before)
        Self.press(&state, .character(" "))
        #expect(Self.votes(state, item: top) == before + 1)
        // Enter ends the turn; the next person's upvote counts too, and they see no mark of the last one's.
        Self.press(&state, .enter)
        guard case .recorded = state.voter?.step else { Issue.record("turn did not end"); return }
        #expect(try Self.screen(state).contains { $0.contains("what you sent and upvoted is in") })
        Self.press(&state, .enter, .enter)
        #expect(try !Self.screen(state).contains { $0.contains("✓") })
        Self.press(&state, .character(" "))
        #expect(Self.votes(state, item: top) == before + 2)
    }

    @Test func aQuestionWrittenAtTheTerminalWaitsForApprovalAndAnEmptyOneIsRefused() throws {
        var state = try Self.voterMode()
        let count = try #require(state.qaBoard("workshop")?.items.count)
        Self.press(&state, .enter, .character("n"), .enter)
        #expect(state.qaBoard("workshop")?.items.count == count, "an empty question is not sent")
        #expect(state.voter?.message != nil)
        Self.type(&state, "Who evaluates the pilots?")
        Self.press(&state, .enter)
        let items = try #require(state.qaBoard("workshop")?.items)
        #expect(items.count == count + 1)
        #expect(items.last?.text == "Who evaluates the pilots?")
        #expect(items.last?.isPublic == false, "pre-moderation: it waits for the moderator")
        #expect(state.voter?.message?.contains("once the moderator approves it") == true)
    }

    @Test func afterTheLastBallotTheBoardFollows() throws {
        var state = try Self.voterMode(pollOpen: true)
        Self.press(&state, .enter)
        guard case .ballot = state.voter?.step else { Issue.record("no ballot first"); return }
        Self.press(&state, .character("1"), .enter, .enter)
        guard case .board = state.voter?.step else { Issue.record("no board after the ballot"); return }
        #expect(state.voter?.ballotsThisTurn == 1)
        #expect(try Self.screen(state).contains { $0.contains("Your vote is recorded") })
    }

    @Test func theBoardAtTheTerminalAt80x24() throws {
        var state = try Self.voterMode()
        Self.press(&state, .enter, .down)
        let lines = try Self.screen(state)
        #expect(lines.count == 24)
        #expect(lines.allSatisfy { $0.terminalWidth <= 80 })
        #expect(lines.contains { $0.contains("upvote") }, "the keys are on screen")
    }
}
