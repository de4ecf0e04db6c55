import Testing
@testable import PlenaryEngine
import PlenaryTestSupport

/// Each feature's main action, checked against the whole state (`ReducerTestStore`): what it records, what the
/// screen and the notice become, and that nothing else changes.
@Suite struct FeatureActionTests {
    @Test func agendaNextEndsTheSlotAndStartsTheNextOne() throws {
        var state = try Fixtures.state(Fixtures.sevilla(), now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [(Fixtures.at(12, 0), .start)])
        var store = ReducerTestStore(state)
        let now = Fixtures.at(12, 20)
        store.send(.agenda(.requestMove(.next)), at: now, effects: [.appendJournal(.next), .saveResults]) {
            $0.now = now
            $0.progress[0].runs = [.init(start: Fixtures.at(12, 0), end: now)]
            $0.progress[1].runs = [.init(start: now, end: nil)]
            $0.currentIndex = 1
            $0.recordedCommands += 1
        }
    }

    @Test func pollBallotFromTheFormIsCastAndTheFormGivesWayToThePoll() throws {
        var session = Fixtures.sevilla()
        session.polls = [PollDefinition(id: "format", question: "Format?", type: .single, options: ["Physical", "Online"])]
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        try Fixtures.run(&state, [(Fixtures.at(12, 0), .poll(.open(poll: "format")))])
        _ = WorkshopReducer.reduce(&state, .poll(.startBallot("format")), now: Fixtures.at(12, 1))
        _ = WorkshopReducer.reduce(&state, .poll(.editBallot(.digit(2))), now: Fixtures.at(12, 1))
        guard case .ballot(let draft) = state.screen else { Issue.record("no ballot form: \(state.screen)"); return }
        let cast = WorkshopCommand.poll(.cast(poll: "format", ballot: draft.ballot(for: session.polls[0])))
        var store = ReducerTestStore(state)
        let now = Fixtures.at(12, 2)
        store.send(.poll(.submitBallot), at: now, effects: [.appendJournal(cast), .saveResults]) {
            $0.now = now
            // The tally itself is the poll reducer's; this test checks the screen's side around it.
            #expect(WorkshopReducer.apply(cast, to: &$0, at: now) == nil)
            $0.recordedCommands += 1
            $0.screen = .poll(id: "format")
            $0.notice = Notice(text: "Ballot recorded: 1 in this round.", level: .success, until: now.adding(seconds: WorkshopReducer.noticeSeconds))
        }
    }

    @Test func aVoterConfirmingTheReviewCastsTheBallotAndIsThanked() throws {
        var session = Fixtures.sevilla()
        session.polls = [PollDefinition(id: "format", question: "Format?", type: .single, options: ["Physical", "Online"])]
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        state.voterPIN = VoterTests.pin
        try Fixtures.run(&state, [(Fixtures.at(12, 0), .poll(.open(poll: "format")))])
        _ = WorkshopReducer.reduce(&state, .voterMode(.start), now: Fixtures.at(12, 1))
        _ = WorkshopReducer.reduce(&state, .voter(.proceed), now: Fixtures.at(12, 1, 1))
        _ = WorkshopReducer.reduce(&state, .voter(.editBallot(.digit(1))), now: Fixtures.at(12, 1, 2))
        _ = WorkshopReducer.reduce(&state, .voter(.proceed), now: Fixtures.at(12, 1, 3))
        guard case .review(_, let draft, _)? = state.voter?.step else { Issue.record("no review: \(String(describing: state.voter))"); return }
        let cast = WorkshopCommand.poll(.cast(poll: "format", ballot: draft.ballot(for: session.polls[0])))
        var store = ReducerTestStore(state)
        let now = Fixtures.at(12, 1, 5)
        store.send(.voter(.proceed), at: now, effects: [.appendJournal(cast), .saveResults, .discardInput]) {
            $0.now = now
            #expect(WorkshopReducer.apply(cast, to: &$0, at: now) == nil)
            $0.recordedCommands += 1
            $0.voter?.lastInputAt = now
            $0.voter?.ballotsThisTurn = 1
            $0.voter?.completedTurns = 1
            $0.voter?.step = .recorded(until: now.adding(seconds: VoterSession.thankYouSeconds))
        }
    }

    func groupState() throws -> WorkshopState {
        var state = try Fixtures.state(GroupMergeTests.session(), now: Fixtures.at(12, 0))
        _ = WorkshopReducer.reduce(&state, .group(.openList), now: Fixtures.at(12, 0))
        _ = WorkshopReducer.reduce(&state, .group(.show("wg1")), now: Fixtures.at(12, 0))
        return state
    }

    @Test func addingAGroupEntryRecordsItAndOpensItsForm() throws {
        var store = ReducerTestStore(try groupState())
        let now = Fixtures.at(12, 30)
        let add = WorkshopCommand.group(.add(group: "wg1", template: "action-concept", author: "moderator"))
        store.send(.group(.addEntry(templateIndex: 0)), at: now, effects: [.appendJournal(add), .saveResults]) {
            $0.now = now
            #expect(WorkshopReducer.apply(add, to: &$0, at: now) == nil)
            $0.recordedCommands += 1
            let entry = $0.groups[0].entries[0]
            $0.screen = .entry(EntryDraft.open(entry, groupID: "wg1", template: GroupTests.actionConcept, fieldIndex: 0))
        }
    }

    @Test func closingAGroupEntryRecordsTheOpenFieldAndReturnsToTheList() throws {
        var state = try groupState()
        _ = WorkshopReducer.reduce(&state, .group(.addEntry(templateIndex: 0)), now: Fixtures.at(12, 30))
        _ = WorkshopReducer.reduce(&state, .group(.editField(.insert("Recycling hub"))), now: Fixtures.at(12, 30, 2))
        var store = ReducerTestStore(state)
        let now = Fixtures.at(12, 30, 4)
        let setField = WorkshopCommand.group(.setField(group: "wg1", entry: "wg1-1", field: "theme", text: "Recycling hub"))
        store.send(.group(.closeEntry), at: now, effects: [.appendJournal(setField), .saveResults]) {
            $0.now = now
            #expect(WorkshopReducer.apply(setField, to: &$0, at: now) == nil)
            $0.recordedCommands += 1
            $0.screen = .group(id: "wg1", selection: 0)
        }
    }

    @Test func confirmingAnImportAsksForTheFileAndItsContentIsMerged() throws {
        var laptop = try GroupMergeTests.laptop("laptop-b")
        try GroupMergeTests.add(&laptop, group: "wg2", ["title": "Fragmented funding"])
        let bytes = GroupMergeTests.results(laptop)
        var state = try Fixtures.state(GroupMergeTests.session(), now: Fixtures.at(13, 0))
        _ = WorkshopReducer.reduce(&state, .importing(.open), now: Fixtures.at(13, 0))
        _ = WorkshopReducer.reduce(&state, .importing(.filesListed(folder: "/w", names: ["wg2.results.json"])), now: Fixtures.at(13, 0))
        var store = ReducerTestStore(state)
        let now = Fixtures.at(13, 1)
        store.send(.importing(.confirm), at: now, effects: [.readImportFile("/w/wg2.results.json")]) {
            $0.now = now
        }

        let plan = try GroupImport.plan(bytes: bytes, fileName: "wg2.results.json", into: store.state).get()
        let merge = try #require(plan.command)
        store.send(.importing(.fileRead(path: "/w/wg2.results.json", .success(bytes))), at: now, effects: [.appendJournal(merge), .saveResults]) {
            #expect(WorkshopReducer.apply(merge, to: &$0, at: now) == nil)
            $0.recordedCommands += 1
            $0.screen = .agenda
            $0.notice = Notice(text: "Merged wg2.results.json: 1 entry added (Cluster-led action). R shows them.", level: .success,
                               until: now.adding(seconds: WorkshopReducer.noticeSeconds * 2))
        }
    }
}
