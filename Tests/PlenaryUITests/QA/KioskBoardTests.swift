import Foundation
import Testing
import PlenaryEngine
import PlenaryTestSupport
@testable import PlenaryUI

/// The Q&A board at the attached voter kiosk (issue 16): after the polls (or alone), a list most upvoted first, a
/// page at a time; upvotes marked once the host acknowledged them; a new question checked before it is sent; each
/// turn a new participant for the host.
@Suite struct KioskBoardTests {
    static let small = TerminalSize(columns: 80, rows: 24)
    static let large = TerminalSize(columns: 120, rows: 40)

    /// A running workshop whose questions board has `count` approved items (item n has n % 7 upvotes), one pending.
    static func state(items count: Int = 3, names: QANames = .optional, pollOpen: Bool = false) throws -> WorkshopState {
        var session = Fixtures.sevilla()
        session.polls = [PollDefinition(id: "format", question: "Which format?", type: .single, options: ["Physical", "Online"])]
        session.qa = [QABoardDefinition(title: "Questions for the panel", names: names, maxLength: 120)]
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        var commands: [WorkshopCommand] = [.start]
        if pollOpen { commands.append(.poll(.open(poll: "format"))) }
        let texts = ["How will the S3 benchmark results be shared with regions that were not in the pilot, and when exactly?",
                     "Can clusters join after the first call?", "What does WIDEX fund?"]
        for number in 1...max(1, count) {
            let text = number <= texts.count ? texts[number - 1] : "Question number \(number)"
            commands.append(.qa(.submit(board: "workshop", text: text, name: number == 2 ? "Marta" : nil)))
            commands.append(.qa(.approve(board: "workshop", item: number)))
            for _ in 0..<(number % 7) { commands.append(.qa(.upvote(board: "workshop", item: number))) }
        }
        commands.append(.qa(.submit(board: "workshop", text: "PENDING-ITEM", name: nil)))
        for command in commands {
            #expect(WorkshopReducer.apply(command, to: &state, at: Fixtures.at(12, 1)) == nil, "\(command)")
        }
        return state
    }

    static func kiosk(_ state: WorkshopState) -> KioskState {
        var kiosk = KioskState()
        kiosk.received(.welcome(recordID: "r1"))
        kiosk.received(.view(RoomView(of: state, for: .voter)))
        return kiosk
    }

    static func screen(_ kiosk: KioskState, _ size: TerminalSize = small) -> String {
        KioskScreen.render(kiosk, size: size, glyphs: .unicode).lines.joined(separator: "\n")
    }

    @Test func aVotersViewListsEveryPublicItemMostUpvotedFirstAndNoPendingOne() throws {
        let board = try #require(RoomView(of: try Self.state(items: 30), for: .voter).qa)
        let items = try #require(board.items)
        #expect(items.count == 30)
        #expect(items.prefix(3).map(\.votes) == [6, 6, 6])
        #expect(!items.contains { $0.text == "PENDING-ITEM" })
        #expect(RoomView(of: try Self.state(), for: .audience).qa?.items == nil, "the projector needs only the top")
    }

    @Test func enterStartsATurnWithANextParticipantAndGoesToTheBoardWhenNoPollIsOpen() throws {
        var kiosk = Self.kiosk(try Self.state())
        #expect(Self.screen(kiosk).contains("Press Enter to take part"))
        #expect(kiosk.handle(.enter) == [.nextParticipant(id: -1)])
        guard case .board = kiosk.step else { Issue.record("not on the board: \(kiosk.step)"); return }
    }

    @Test func theBoardComesAfterThePolls() throws {
        var kiosk = Self.kiosk(try Self.state(pollOpen: true))
        #expect(Self.screen(kiosk).contains("Then: Questions for the panel: ask, or upvote what you want discussed"))
        _ = kiosk.handle(.enter)
        guard case .ballot = kiosk.step else { Issue.record("not on the ballot: \(kiosk.step)"); return }
        _ = kiosk.handle(.escape)
        guard case .board = kiosk.step else { Issue.record("not on the board: \(kiosk.step)"); return }
        _ = kiosk.handle(.enter)
        #expect(kiosk.step == .done(recorded: 0))
    }

    @Test func spaceUpvotesTheChosenItemAndMarksItOnlyOnTheHostsAckThenTakesItBack() throws {
        var kiosk = Self.kiosk(try Self.state())
        _ = kiosk.handle(.enter)
        _ = kiosk.handle(.down)
        // Most upvoted first: item 3 (3), item 2 (2), item 1 (1); ↓ chose item 2.
        #expect(kiosk.handle(.character(" ")) == [.send(id: 1, .qa(.upvote(board: "workshop", item: 2)))])
        #expect(kiosk.upvoted["workshop"] == nil, "not marked before the ack")
        kiosk.received(.acknowledged(id: 1))
        #expect(kiosk.upvoted["workshop"] == [2])
        #expect(kiosk.handle(.character("+")) == [.send(id: 2, .qa(.withdraw(board: "workshop", item: 2)))])
        kiosk.received(.refusal(id: 2, message: "Not recorded. Please tell the moderator."))
        #expect(kiosk.message == "Not recorded. Please tell the moderator.")
        #expect(kiosk.upvoted["workshop"] == [2])
        _ = kiosk.handle(.character(" "))
        kiosk.received(.acknowledged(id: 3))
        #expect(kiosk.upvoted["workshop"] == [])
    }

    @Test func theNextTurnForgetsThePreviousPersonsUpvotes() throws {
        var kiosk = Self.kiosk(try Self.state())
        _ = kiosk.handle(.enter)
        _ = kiosk.handle(.character(" "))
        kiosk.received(.acknowledged(id: 1))
        _ = kiosk.handle(.enter)
        #expect(Self.screen(kiosk).contains("Thank you: what you sent and upvoted is in."))
        #expect(kiosk.handle(.enter) == [.nextParticipant(id: -2)])
        #expect(kiosk.upvoted.isEmpty)
        #expect(!Self.screen(kiosk).contains("✓"), "nothing of the previous person shows")
    }

    @Test func aNewQuestionIsCheckedBeforeItIsSentAndLeavesTheFieldOnlyOnTheAck() throws {
        var kiosk = Self.kiosk(try Self.state())
        _ = kiosk.handle(.enter)
        _ = kiosk.handle(.character("n"))
        #expect(kiosk.handle(.enter).isEmpty, "an empty question is not sent")
        #expect(kiosk.message == "Your question is empty.")
        _ = kiosk.handle(.paste("  Who\u{1B}[2J pays?\n"))
        _ = kiosk.handle(.tab)
        for character in "Ana" { _ = kiosk.handle(.character(character)) }
        #expect(kiosk.handle(.enter) == [.send(id: 1, .qa(.submit(board: "workshop", text: "Who pays?", name: "Ana")))])
        #expect(kiosk.handle(.character("x")).isEmpty, "keys wait while it is sent")
        kiosk.received(.acknowledged(id: 1))
        #expect(kiosk.message == "Your question is sent: it shows on the board once the moderator approves it.")
        guard case .board(let place) = kiosk.step else { Issue.record("left the board"); return }
        #expect(place.draft == nil)
    }

    @Test func aRefusedQuestionKeepsItsTextWithTheHostsReason() throws {
        var kiosk = Self.kiosk(try Self.state())
        _ = kiosk.handle(.enter)
        _ = kiosk.handle(.character("n"))
        _ = kiosk.handle(.paste("Why?"))
        _ = kiosk.handle(.enter)
        kiosk.received(.refusal(id: 1, message: "You have sent 10 already: that is the most one person may send here."))
        guard case .board(let place) = kiosk.step else { Issue.record("left the board"); return }
        #expect(place.draft?.text.text == "Why?")
        #expect(place.draft?.sendingID == nil)
        #expect(kiosk.message?.hasPrefix("You have sent 10") == true)
    }

    @Test func pagesMoveThroughHundredsOfItems() throws {
        var kiosk = Self.kiosk(try Self.state(items: 300))
        kiosk.boardPageRows = KioskScreen.boardPageRows(for: Self.small)
        _ = kiosk.handle(.enter)
        for _ in 0..<5 { _ = kiosk.handle(.pageDown) }
        #expect(Self.screen(kiosk).contains("66–78 of 300"))
        for _ in 0..<100 { _ = kiosk.handle(.pageDown) }
        #expect(Self.screen(kiosk).contains("300–300 of 300"))
    }

    @Test func theListAt80By24() throws {
        var kiosk = Self.kiosk(try Self.state(items: 40))
        _ = kiosk.handle(.enter)
        _ = kiosk.handle(.down)
        _ = kiosk.handle(.character(" "))
        kiosk.received(.acknowledged(id: 1))
        expectLines(KioskScreen.render(kiosk, size: Self.small, glyphs: .unicode), [
            " From S3 Benchmarking to Cluster-Led Action                              VOTING",
            "",
            "  Questions for the panel                                         40 questions",
            "      votes",
            "        6  Question number 6",
            "   ✓    6  Question number 13",
            "        6  Question number 20",
            "        6  Question number 27",
            "        6  Question number 34",
            "        5  Question number 5",
            "        5  Question number 12",
            "        5  Question number 19",
            "        5  Question number 26",
            "        5  Question number 33",
            "        5  Question number 40",
            "        4  Question number 4",
            "        4  Question number 11",
            "  1–13 of 40   ✓ your upvotes",
            "",
            "",
            "  ↑ ↓ choose   Space upvote (again: take back)   n new question   Enter done",
            "",
            "",
            "",
        ])
    }

    @Test func theListAt120By40WithTheChosenLongQuestionWhole() throws {
        var kiosk = Self.kiosk(try Self.state(items: 8))
        _ = kiosk.handle(.enter)
        for _ in 0..<5 { _ = kiosk.handle(.down) }
        expectLines(KioskScreen.render(kiosk, size: Self.large, glyphs: .unicode), [
            " From S3 Benchmarking to Cluster-Led Action                                                                      VOTING",
            "",
            "  Questions for the panel                                                                                  8 questions",
            "      votes",
            "        6  Question number 6",
            "        5  Question number 5",
            "        4  Question number 4",
            "        3  What does WIDEX fund?",
            "        2  Can clusters join after the first call? · Marta",
            "        1  How will the S3 benchmark results be shared with regions that were not in the pilot, and when exactly?",
            "        1  Question number 8",
            "        0  Question number 7",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "  1–8 of 8",
            "",
            "",
            "  ↑ ↓ choose   Space upvote (again: take back)   n new question   Enter done",
            "",
            "",
            "",
        ])
    }

    @Test func writingAQuestionAt80By24() throws {
        var kiosk = Self.kiosk(try Self.state())
        _ = kiosk.handle(.enter)
        _ = kiosk.handle(.character("n"))
        _ = kiosk.handle(.paste("Who pays for the pilots?"))
        expectLines(KioskScreen.render(kiosk, size: Self.small, glyphs: .unicode), [
            " From S3 Benchmarking to Cluster-Led Action                              VOTING",
            "",
            "  Your question for “Questions for the panel”",
            "  One line, at most 120 characters. It shows on the board once the moderator …",
            "",
            "  > Who pays for the pilots?",
            "    24/120 characters",
            "",
            "  Your name (optional; leave it empty to stay anonymous)",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "  Enter send   Tab your name   Esc back to the list",
            "",
            "",
            "",
        ])
    }

    @Test func writingAnIdeaWithoutNamesAt120By40InASCII() throws {
        var session = Fixtures.sevilla()
        session.qa = [QABoardDefinition(kind: .ideas, premoderation: false, maxLength: 40)]
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        _ = WorkshopReducer.apply(.start, to: &state, at: Fixtures.at(12, 1))
        var kiosk = Self.kiosk(state)
        _ = kiosk.handle(.enter)
        #expect(Self.screen(kiosk).contains("Nothing on the board yet: n writes the first idea."))
        _ = kiosk.handle(.character("n"))
        #expect(kiosk.handle(.tab).isEmpty, "no name on this board")
        _ = kiosk.handle(.paste(String(repeating: "x", count: 30)))
        _ = kiosk.handle(.paste(String(repeating: "y", count: 20)))
        expectLines(KioskScreen.render(kiosk, size: Self.large, glyphs: .ascii), [
            " From S3 Benchmarking to Cluster-Led Action                                                                      VOTING",
            "",
            "  Your idea for \"Ideas\"",
            "  One line, at most 40 characters. It shows on the board at once.",
            "",
            "  > xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "    30/40 characters - not added: 20 more would not fit",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "  Enter send   Esc back to the list",
            "",
            "",
            "",
        ])
    }
}
