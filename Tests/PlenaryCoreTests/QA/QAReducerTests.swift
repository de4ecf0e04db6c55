import Foundation
import Testing
@testable import PlenaryEngine
import PlenaryTestSupport

/// Each rule of a board, as the reducer applies it: submissions, upvotes (one per participant), moderation, merges.
@Suite struct QAReducerTests {
    typealias F = QAFixtures

    @Test func aSubmissionIsCleanedRecordedAndWaitsForApprovalOnAPremoderatedBoard() throws {
        var store = ReducerTestStore(try F.state())
        let command = QACommand.submit(board: "workshop", text: "How do clusters share data?", name: "Ana")
        store.send(.qa(.participate(.kiosk(admission: 1), .submit(board: "workshop", text: "  How do clusters\u{1B}[2J share\tdata?\n", name: " Ana "))),
                   at: F.now, effects: [.appendJournal(.qa(.submit(board: "workshop", text: "How do clusters share data?", name: "Ana"))), .saveResults]) {
            $0.recordedCommands = 1
            var item = QAItem(number: 1, text: "How do clusters share data?", name: "Ana", status: .pending)
            item.votes = 0
            $0.qa[0].items = [item]
            $0.qa[0].counts.pending = 1
            $0.qa[0].submittedBy = [.kiosk(admission: 1): 1]
        }
        _ = command
    }

    @Test func anIdeaOnABoardWithoutPremoderationIsPublicAtOnceAndANameIsDroppedWhereNamesAreOff() throws {
        var state = try F.state()
        #expect(F.send(&state, .connection(3), .submit(board: "groups", text: "Shared testbed", name: "Ben")))
        #expect(state.qa[1].items[0].status == .approved)
        #expect(state.qa[1].items[0].name == nil)
        #expect(state.qa[1].counts.approved == 1)
    }

    @Test func emptyOverLongAndControlOnlyTextIsRefusedWithAMessage() throws {
        var state = try F.state()
        #expect(!F.send(&state, .moderator, .submit(board: "workshop", text: "   ", name: nil)))
        #expect(state.notice?.text == "Your question is empty.")
        #expect(!F.send(&state, .moderator, .submit(board: "workshop", text: "\u{1B}[31m\u{07}", name: nil)))
        #expect(state.notice?.text == "Your question is empty.")
        #expect(!F.send(&state, .moderator, .submit(board: "workshop", text: String(repeating: "x", count: 81), name: nil)))
        #expect(state.notice?.text == "Your question has 81 characters; at most 80 fit.")
        #expect(state.qa[0].items.isEmpty)
        #expect(state.recordedCommands == 0)
        // A command that reaches the journal uncleaned (a hand-edited journal) is refused too.
        #expect(!F.record(&state, .submit(board: "workshop", text: "a\u{7}b", name: nil)))
    }

    @Test func oneParticipantFloodingIsStoppedAfterTheLimitOthersGoOn() throws {
        var state = try F.state()
        for index in 0..<1000 {
            F.send(&state, .connection(7), .submit(board: "groups", text: "Idea \(index)", name: nil))
        }
        #expect(state.qa[1].items.count == QALimits.submissionsPerParticipant)
        #expect(state.recordedCommands == QALimits.submissionsPerParticipant)
        #expect(F.send(&state, .connection(8), .submit(board: "groups", text: "Another idea", name: nil)))
        // The moderator typing in paper cards has no limit.
        for index in 0..<20 { #expect(F.send(&state, .moderator, .submit(board: "groups", text: "Card \(index)", name: nil))) }
    }

    @Test func oneUpvotePerParticipantPerItemAndAWithdrawnUpvoteMayBeGivenAgain() throws {
        var state = try F.state()
        F.send(&state, .moderator, .submit(board: "groups", text: "Shared testbed", name: nil))
        #expect(F.send(&state, .kiosk(admission: 1), .upvote(board: "groups", item: 1)))
        #expect(!F.send(&state, .kiosk(admission: 1), .upvote(board: "groups", item: 1)))
        #expect(F.send(&state, .kiosk(admission: 2), .upvote(board: "groups", item: 1)))
        #expect(F.send(&state, .connection(1), .upvote(board: "groups", item: 1)))
        #expect(state.qa[1].items[0].votes == 3)
        #expect(!F.send(&state, .connection(2), .withdraw(board: "groups", item: 1)))
        #expect(F.send(&state, .connection(1), .withdraw(board: "groups", item: 1)))
        #expect(state.qa[1].items[0].votes == 2)
        #expect(F.send(&state, .connection(1), .upvote(board: "groups", item: 1)))
        #expect(state.qa[1].items[0].votes == 3)
    }

    @Test func theUpvoteRecordCarriesNoParticipantAndNoTime() throws {
        var state = try F.state()
        F.send(&state, .moderator, .submit(board: "groups", text: "Shared testbed", name: nil))
        let effects = WorkshopReducer.reduce(&state, .qa(.participate(.connection(42), .upvote(board: "groups", item: 1))), now: F.now)
        #expect(effects == [.appendJournal(.qa(.upvote(board: "groups", item: 1))), .saveResults])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let encoded = String(decoding: try encoder.encode(WorkshopCommand.qa(.upvote(board: "groups", item: 1))), as: UTF8.self)
        #expect(encoded == #"{"qa":{"action":{"upvote":{"board":"groups","item":1}}}}"#)
    }

    @Test func pendingAndHiddenItemsCannotBeUpvotedNorAnsweredOnes() throws {
        var state = try F.state()
        F.send(&state, .moderator, .submit(board: "workshop", text: "Pending one", name: nil))
        #expect(!F.send(&state, .kiosk(admission: 1), .upvote(board: "workshop", item: 1)))
        F.record(&state, .approve(board: "workshop", item: 1))
        #expect(F.send(&state, .kiosk(admission: 1), .upvote(board: "workshop", item: 1)))
        F.record(&state, .hide(board: "workshop", item: 1))
        #expect(!F.send(&state, .kiosk(admission: 2), .upvote(board: "workshop", item: 1)))
        F.record(&state, .unhide(board: "workshop", item: 1))
        F.record(&state, .answer(board: "workshop", item: 1))
        #expect(!F.send(&state, .kiosk(admission: 2), .upvote(board: "workshop", item: 1)))
    }

    @Test func hideKeepsTheStatusAndUndoBringsBackTheLastHiddenFirst() throws {
        var state = try F.state()
        for text in ["One", "Two", "Three"] { F.send(&state, .moderator, .submit(board: "workshop", text: text, name: nil)) }
        F.record(&state, .approve(board: "workshop", item: 2))
        F.record(&state, .highlight(board: "workshop", item: 2))
        #expect(F.record(&state, .hide(board: "workshop", item: 2)))
        #expect(F.record(&state, .hide(board: "workshop", item: 3)))
        #expect(state.qa[0].highlighted == nil)
        #expect(state.qa[0].counts == counts(pending: 1, approved: 0, answered: 0, hidden: 2))
        state.screen = .qa(QAScreen(board: "workshop"))
        _ = WorkshopReducer.reduce(&state, .qa(.undoHide), now: F.now)
        #expect(state.qa[0].items[2].hidden == false)
        _ = WorkshopReducer.reduce(&state, .qa(.undoHide), now: F.now)
        #expect(state.qa[0].items[1].status == .approved)
        #expect(state.qa[0].counts == counts(pending: 2, approved: 1, answered: 0, hidden: 0))
        _ = WorkshopReducer.reduce(&state, .qa(.undoHide), now: F.now)
        #expect(state.notice?.text == "Nothing hidden to bring back.")
    }

    @Test func highlightNeedsAnApprovedItemAndMovesWhenAnotherIsHighlighted() throws {
        var state = try F.state()
        F.send(&state, .moderator, .submit(board: "workshop", text: "One", name: nil))
        F.send(&state, .moderator, .submit(board: "workshop", text: "Two", name: nil))
        #expect(!F.record(&state, .highlight(board: "workshop", item: 1)))
        #expect(state.notice?.text == "Approve item 1 before showing it to the room.")
        F.record(&state, .approve(board: "workshop", item: 1))
        F.record(&state, .approve(board: "workshop", item: 2))
        #expect(F.record(&state, .highlight(board: "workshop", item: 1)))
        #expect(F.record(&state, .highlight(board: "workshop", item: 2)))
        #expect(state.qa[0].highlighted == 2)
        #expect(F.record(&state, .highlight(board: "workshop", item: nil)))
        #expect(state.qa[0].highlighted == nil)
    }

    /// A: voters 1, 2, 3. B: voters 3, 4. Merging B into A counts voter 3 once: A has 4, not 5.
    @Test func aMergeAddsTheVotesAndCountsAVoterOfBothOnce() throws {
        var state = try F.state()
        F.send(&state, .moderator, .submit(board: "groups", text: "Shared testbed", name: nil))
        F.send(&state, .moderator, .submit(board: "groups", text: "A shared test bed", name: nil))
        for voter in [1, 2, 3] { F.send(&state, .connection(voter), .upvote(board: "groups", item: 1)) }
        for voter in [3, 4] { F.send(&state, .connection(voter), .upvote(board: "groups", item: 2)) }
        state.screen = .qa(QAScreen(board: "groups", filter: .approved, order: .time, selection: 1))
        _ = WorkshopReducer.reduce(&state, .qa(.startPrompt(.merge)), now: F.now)
        _ = WorkshopReducer.reduce(&state, .qa(.editPrompt(.insert("1"))), now: F.now)
        let effects = WorkshopReducer.reduce(&state, .qa(.submitPrompt), now: F.now)
        #expect(effects == [.appendJournal(.qa(.merge(board: "groups", duplicate: 2, into: 1, overlap: 1))), .saveResults])
        #expect(state.qa[1].items[0].votes == 4)
        #expect(state.qa[1].items[1].mergedInto == 1)
        #expect(state.qa[1].counts.approved == 1)
        #expect(state.notice?.text == "Item 2 merged into item 1.")
        // Nobody can now vote twice through the duplicate: voter 4's vote moved to item 1.
        #expect(!F.send(&state, .connection(4), .upvote(board: "groups", item: 1)))
        #expect(!F.send(&state, .connection(4), .upvote(board: "groups", item: 2)))
        #expect(F.send(&state, .connection(5), .upvote(board: "groups", item: 2)))
        #expect(state.qa[1].items[0].votes == 5)
        #expect(F.send(&state, .connection(4), .withdraw(board: "groups", item: 2)))
        #expect(state.qa[1].items[0].votes == 4)
    }

    @Test func aMergeIntoItselfOrAMergedItemIsRefused() throws {
        var state = try F.state()
        for text in ["One", "Two", "Three"] { F.send(&state, .moderator, .submit(board: "groups", text: text, name: nil)) }
        #expect(!F.record(&state, .merge(board: "groups", duplicate: 1, into: 1, overlap: 0)))
        #expect(F.record(&state, .merge(board: "groups", duplicate: 2, into: 1, overlap: 0)))
        #expect(!F.record(&state, .merge(board: "groups", duplicate: 3, into: 2, overlap: 0)))
        #expect(!F.record(&state, .merge(board: "groups", duplicate: 3, into: 1, overlap: 1)))
        #expect(state.notice?.text == "The merge's shared upvotes do not add up.")
    }

    @Test func anEditReplacesTheTextCleanedAndMarksIt() throws {
        var state = try F.state()
        F.send(&state, .moderator, .submit(board: "workshop", text: "How do clsuters share data?", name: nil))
        state.screen = .qa(QAScreen(board: "workshop"))
        _ = WorkshopReducer.reduce(&state, .qa(.startPrompt(.edit)), now: F.now)
        guard case .qa(let screen) = state.screen else { Issue.record("no queue"); return }
        #expect(screen.prompt?.editor.text == "How do clsuters share data?")
        for _ in 0..<20 { _ = WorkshopReducer.reduce(&state, .qa(.editPrompt(.backspace)), now: F.now) }
        _ = WorkshopReducer.reduce(&state, .qa(.editPrompt(.insert("clusters share data?\u{1B}[1m"))), now: F.now)
        let effects = WorkshopReducer.reduce(&state, .qa(.submitPrompt), now: F.now)
        #expect(effects == [.appendJournal(.qa(.edit(board: "workshop", item: 1, text: "How do clusters share data?"))), .saveResults])
        #expect(state.qa[0].items[0].edited)
    }

    @Test func theQueueKeysActOnTheSelectedItemOfTheFilterAndOrder() throws {
        var state = try F.state()
        for text in ["One", "Two", "Three"] { F.send(&state, .moderator, .submit(board: "groups", text: text, name: nil)) }
        F.send(&state, .connection(1), .upvote(board: "groups", item: 3))
        _ = WorkshopReducer.reduce(&state, .qa(.open), now: F.now)
        #expect(state.screen == .qa(QAScreen(board: "workshop", filter: .pending)))
        _ = WorkshopReducer.reduce(&state, .qa(.nextBoard), now: F.now)
        #expect(state.screen == .qa(QAScreen(board: "groups", filter: .pending)))
        _ = WorkshopReducer.reduce(&state, .qa(.setFilter(.approved)), now: F.now)
        // By votes: item 3 (1 vote) first.
        let effects = WorkshopReducer.reduce(&state, .qa(.answer), now: F.now)
        #expect(effects.first == .appendJournal(.qa(.answer(board: "groups", item: 3))))
        _ = WorkshopReducer.reduce(&state, .qa(.moveSelection(by: 5)), now: F.now)
        #expect(state.screen == .qa(QAScreen(board: "groups", filter: .approved, selection: 1)))
    }

    @Test func aSessionWithoutBoardsSaysHowToAddOne() throws {
        var state = try F.state([])
        _ = WorkshopReducer.reduce(&state, .qa(.open), now: F.now)
        #expect(state.screen == .agenda)
        #expect(state.notice?.text == "This session has no Q&A board: add qa: to the session file.")
    }

    func counts(pending: Int, approved: Int, answered: Int, hidden: Int) -> QACounts {
        var counts = QACounts()
        counts.pending = pending
        counts.approved = approved
        counts.answered = answered
        counts.hidden = hidden
        return counts
    }
}

/// An ideas board's top items become a poll in one step, as marked working-group entries do.
@Suite struct QAPollFromIdeasTests {
    typealias F = QAFixtures

    @Test func theTopApprovedIdeasBecomeADotVoteOpenedAtOnce() throws {
        var state = try F.state()
        for text in ["Shared testbed", "Skills pact", "Joint call", "Data space"] {
            F.send(&state, .moderator, .submit(board: "groups", text: text, name: nil))
        }
        for voter in [1, 2] { F.send(&state, .connection(voter), .upvote(board: "groups", item: 3)) }
        F.send(&state, .connection(1), .upvote(board: "groups", item: 2))
        F.record(&state, .answer(board: "groups", item: 4))
        state.screen = .qa(QAScreen(board: "groups", filter: .approved))
        let effects = WorkshopReducer.reduce(&state, .qa(.pollFromTop(.multiple)), now: F.now)
        let poll = PollDefinition(id: "ideas-1", question: "Which ideas should we take forward? (3 dots each)", type: .multiple,
                                  options: ["Joint call", "Skills pact", "Shared testbed"], maxPicks: 3)
        #expect(effects == [.appendJournal(.poll(.create(poll))), .saveResults, .appendJournal(.poll(.open(poll: "ideas-1"))), .saveResults])
        #expect(state.screen == .poll(id: "ideas-1"))
        #expect(state.poll("ideas-1")?.status == .open)
    }

    @Test func aQuestionsBoardOrTooFewIdeasAreRefused() throws {
        var state = try F.state()
        state.screen = .qa(QAScreen(board: "workshop"))
        _ = WorkshopReducer.reduce(&state, .qa(.pollFromTop(.ranking)), now: F.now)
        #expect(state.notice?.text == "Only an ideas board becomes a poll.")
        F.send(&state, .moderator, .submit(board: "groups", text: "Only one", name: nil))
        state.screen = .qa(QAScreen(board: "groups"))
        _ = WorkshopReducer.reduce(&state, .qa(.pollFromTop(.ranking)), now: F.now)
        #expect(state.notice?.text == "A poll needs at least two approved ideas.")
    }
}
