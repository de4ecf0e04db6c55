import Foundation
import Testing
import PlenaryTestSupport
@testable import PlenaryEngine
import PlenaryStorage

/// What each role is sent (issue 14): secrets are planted in the state, and each role's view is encoded to JSON and
/// searched byte for byte, so a field added later cannot leak them unnoticed.
@Suite struct RoomViewTests {
    static let note = "SECRET-NOTE"
    static let openAnswer = "SECRET-ANSWER hidden round"
    static let revealedAnswer = "Zebra crossings everywhere"
    static let otherGroupText = "SECRET-WG2-ENTRY"
    static let ownGroupText = "wg1 theme text"
    static let hiddenOption = "Hidden-poll-option"

    func state() throws -> WorkshopState {
        var session = Fixtures.sevilla()
        session.agenda[0].notes = Self.note
        session.agenda[0].speakers = [Person(name: "Ana Speaker")]
        session.polls = [
            PollDefinition(id: "format", question: "Format?", type: .single, options: ["Physical", "Online"]),
            PollDefinition(id: "ideas", question: "Ideas?", type: .open),
            PollDefinition(id: "hidden", question: "Hidden?", type: .single, options: [Self.hiddenOption, "Other"]),
            PollDefinition(id: "shown", question: "Shown?", type: .open),
            PollDefinition(id: "draft", question: "DRAFT-QUESTION", type: .single, options: ["a", "b"]),
        ]
        session.templates = [RoleGateTests.template]
        session.groups = [WorkingGroup(id: "wg1", name: "Policy", templates: ["action-concept"]),
                          WorkingGroup(id: "wg2", name: "Clusters", templates: ["action-concept"])]
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        var book = CodeBook(salt: Array(repeating: 3, count: 16), hashes: [])
        book.hashes = [book.hash(of: "ACDE-FGHJ-KMNP")]
        book.used["format#1"] = [book.hash(of: "ACDE-FGHJ-KMNP")]
        state.codeBook = book
        let commands: [WorkshopCommand] = [
            .start,
            .poll(.open(poll: "format")), .poll(.cast(poll: "format", ballot: .single(option: 1))),
            .poll(.open(poll: "ideas")), .poll(.cast(poll: "ideas", ballot: .open(text: Self.openAnswer))),
            .poll(.open(poll: "hidden")), .poll(.cast(poll: "hidden", ballot: .single(option: 0))), .poll(.close(poll: "hidden")),
            .poll(.open(poll: "shown")), .poll(.cast(poll: "shown", ballot: .open(text: Self.revealedAnswer))),
            .poll(.close(poll: "shown")), .poll(.reveal(poll: "shown", shown: true)),
            .group(.add(group: "wg1", template: "action-concept", author: "Facilitator One")),
            .group(.add(group: "wg2", template: "action-concept", author: "Facilitator Two")),
        ]
        for command in commands {
            #expect(WorkshopReducer.apply(command, to: &state, at: Fixtures.at(12, 1)) == nil, "\(command)")
        }
        let wg1Entry = state.group("wg1")?.entries[0].id ?? "", wg2Entry = state.group("wg2")?.entries[0].id ?? ""
        #expect(WorkshopReducer.apply(.group(.setField(group: "wg1", entry: wg1Entry, field: "theme", text: Self.ownGroupText)), to: &state, at: Fixtures.at(12, 2)) == nil)
        #expect(WorkshopReducer.apply(.group(.setField(group: "wg2", entry: wg2Entry, field: "theme", text: Self.otherGroupText)), to: &state, at: Fixtures.at(12, 2)) == nil)
        state.now = Fixtures.at(12, 10)
        return state
    }

    func json(_ state: WorkshopState, _ role: ClientRole) throws -> String {
        String(decoding: try JSONEncoder().encode(RoomView(of: state, for: role)), as: UTF8.self)
    }

    /// Everything no client but a moderator may receive, and what no client at all may.
    func secretsForEveryone(_ state: WorkshopState) -> [String] {
        let book = state.codeBook!
        return [Self.openAnswer, "SECRET-ANSWER", Self.revealedAnswer, Self.hiddenOption, "DRAFT-QUESTION",
                book.hash(of: "ACDE-FGHJ-KMNP"), "ACDE"]
    }

    @Test(arguments: [ClientRole.voter, .audience, .group("wg1"), .moderator])
    func noRoleIsSentABallotACodeAnUnrevealedResultOrAnAnswer(role: ClientRole) throws {
        let state = try state()
        // Case-blind: a word list lower-cases what it counts.
        let text = try json(state, role).lowercased()
        for secret in secretsForEveryone(state) {
            #expect(!text.contains(secret.lowercased()), "\(role.label) was sent \(secret)")
        }
    }

    @Test(arguments: [ClientRole.voter, .audience, .group("wg1")])
    func onlyTheModeratorIsSentNotes(role: ClientRole) throws {
        let state = try state()
        #expect(!(try json(state, role)).contains(Self.note))
        #expect(try json(state, .moderator).contains(Self.note))
    }

    @Test(arguments: [ClientRole.voter, .audience])
    func votersAndTheProjectorAreSentNoGroupEntries(role: ClientRole) throws {
        let text = try json(try state(), role)
        #expect(!text.contains(Self.otherGroupText))
        #expect(!text.contains(Self.ownGroupText))
    }

    @Test func aFacilitatorIsSentTheirOwnGroupAndTheAgendaOnly() throws {
        let state = try state()
        let text = try json(state, .group("wg1"))
        #expect(text.contains(Self.ownGroupText))
        #expect(!text.contains(Self.otherGroupText))
        #expect(!text.contains("Facilitator Two"))
        let view = RoomView(of: state, for: .group("wg1"))
        #expect(view.groups?.map(\.id) == ["wg1"])
        #expect(view.agenda?.map(\.title) == state.session.agenda.map(\.title))
        #expect(view.agenda?.first?.status == .current)
    }

    @Test func theRoomSeesTheSlotOpenPollsWithTheirCountAndRevealedTotalsOnly() throws {
        let state = try state()
        let view = RoomView(of: state, for: .audience)
        #expect(view.title == state.session.title)
        #expect(view.phase == .running)
        #expect(view.slot.title == "Registration")
        #expect(view.slot.speakers == ["Ana Speaker"])
        #expect(view.slot.remainingSeconds == 21 * 60)
        #expect(view.slot.endsAtMilliseconds == Fixtures.at(12, 31).milliseconds)
        // Started at 12:01, so the 30-minute slot ends at 12:31. Open polls, then the revealed one; the closed hidden poll and the draft are not there.
        #expect(view.polls.map(\.id) == ["format", "ideas", "shown"])
        #expect(view.polls.map(\.ballotCount) == [1, 1, 1])
        #expect(view.polls.map { $0.results == nil } == [true, true, false])
        // The revealed open poll is its word list, never the answers themselves.
        #expect(view.polls[2].results?.rows.map(\.label).contains("zebra") == true)
        #expect(view.agenda == nil && view.groups == nil)
    }

    @Test func aVotersViewSaysWhichPollsNeedACode() throws {
        var state = try state()
        var session = state.session
        session.polls[0].admission = .codes
        state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        _ = WorkshopReducer.apply(.poll(.open(poll: "format")), to: &state, at: Fixtures.at(12, 0))
        let view = RoomView(of: state, for: .voter)
        #expect(view.polls.map(\.needsCode) == [true])
        #expect(view.polls[0].options == ["Physical", "Online"])
    }

    @Test func aPausedCountdownIsFrozen() throws {
        var state = try state()
        #expect(WorkshopReducer.apply(.pause, to: &state, at: Fixtures.at(12, 10)) == nil)
        let view = RoomView(of: state, for: .audience)
        #expect(view.phase == .paused)
        #expect(view.slot.endsAtMilliseconds == nil)
        #expect(view.slot.remainingSeconds == 21 * 60)
    }
}
