import Testing
@testable import PlenaryEngine
import PlenaryTestSupport

/// A poll made from marked entries is proposed first (issue 15): the question can be reworded, a dot vote's dots
/// set, before it opens; Esc goes back with the marks kept.
@Suite struct ShortlistPollDraftTests {
    func marked() throws -> WorkshopState {
        var state = try ShortlistJournalTests().twoEntries()
        #expect(WorkshopReducer.apply(.shortlist(entries: ["wg1-1", "wg1-2"]), to: &state, at: Fixtures.at(12, 51)) == nil)
        return state
    }

    @Test func theQuestionIsRewordedAndTheDotsSetBeforeItOpens() throws {
        var store = ReducerTestStore(try marked())
        let t = Fixtures.at(12, 52)
        var proposal = PollDefinition(id: "shortlist-1", question: "", type: .multiple, options: ["Recycling hub", "Joint demonstrator"],
                                      maxPicks: 2)
        proposal.entryIDs = ["wg1-1", "wg1-2"]
        var draft = ShortlistPollDraft(groupID: "wg1", selection: 1, proposal: proposal)
        #expect(draft.question.text == "Which actions should we take forward? (2 dots each)")
        store.send(.group(.pollFromShortlist(.multiple)), at: t, effects: []) {
            $0.now = t
            $0.screen = .shortlistPoll(draft)
        }
        for edit: ShortlistPollDraft.Edit in [.next, .adjust(1), .next, .adjust(1), .adjust(1)] {
            draft.apply(edit)
            store.send(.group(.editShortlistPoll(edit)), at: t, effects: []) { $0.screen = .shortlistPoll(draft) }
        }
        // Dots are bounded by the options and the stack: two items, up to two each.
        #expect(draft.dots == 2 && draft.perItem == 2)
        #expect(draft.question.text == "Which actions should we take forward? (2 dots each, up to 2 on one)")
        for edit: ShortlistPollDraft.Edit in [.previous, .adjust(1), .adjust(1), .previous, .line(.deleteToStart), .line(.insert("Where do we start?"))] {
            draft.apply(edit)
            store.send(.group(.editShortlistPoll(edit)), at: t, effects: []) { $0.screen = .shortlistPoll(draft) }
        }
        #expect(draft.dots == 4 && draft.questionEdited)
        var definition = proposal
        definition.question = "Where do we start?"
        definition.maxPicks = 4
        definition.maxPerOption = 2
        #expect(draft.definition == definition)
        store.send(.group(.openShortlistPoll), at: t, effects: [
            .appendJournal(.poll(.create(definition))), .saveResults, .appendJournal(.poll(.open(poll: "shortlist-1"))), .saveResults,
            .appendJournal(.shortlist(entries: [])), .saveResults,
        ]) {
            #expect(WorkshopReducer.apply(.poll(.create(definition)), to: &$0, at: t) == nil)
            #expect(WorkshopReducer.apply(.poll(.open(poll: "shortlist-1")), to: &$0, at: t) == nil)
            $0.recordedCommands += 3
            $0.shortlist = []
            $0.screen = .poll(id: "shortlist-1")
            $0.notice = Notice(text: "Poll made from 2 entries and opened: v hands it to the room.", level: .success, until: t.adding(seconds: 6))
        }
    }

    @Test func anEmptyQuestionIsRefusedAndEscKeepsTheMarks() throws {
        var state = try marked()
        let t = Fixtures.at(12, 52)
        _ = WorkshopReducer.reduce(&state, .group(.pollFromShortlist(.ranking)), now: t)
        _ = WorkshopReducer.reduce(&state, .group(.editShortlistPoll(.line(.deleteToStart))), now: t)
        #expect(WorkshopReducer.reduce(&state, .group(.openShortlistPoll), now: t).isEmpty)
        #expect(state.notice?.text == "The question is empty.")
        guard case .shortlistPoll = state.screen else { Issue.record("the proposal closed"); return }
        _ = WorkshopReducer.reduce(&state, .group(.cancelShortlistPoll), now: t)
        #expect(state.screen == .group(id: "wg1", selection: 1))
        #expect(state.shortlist == ["wg1-1", "wg1-2"] && state.polls.isEmpty)
    }
}
