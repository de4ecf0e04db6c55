import Foundation
import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

@Suite struct GroupTests {
    static let actionConcept = CaptureTemplate(id: "action-concept", name: "Action concept", fields: [
        TemplateField(id: "theme", label: "Theme / value-chain segment", kind: .text, required: true),
        TemplateField(id: "partners", label: "Potential partners / regions", kind: .list),
        TemplateField(id: "outcome", label: "Expected outcome", kind: .long),
        TemplateField(id: "first-step", label: "First practical step", kind: .text),
    ])

    func state() throws -> WorkshopState {
        var session = Fixtures.sevilla()
        session.agenda[2].groups = ["wg1"]
        session.templates = [Self.actionConcept]
        session.groups = [WorkingGroup(id: "wg1", name: "Policy and S3 investment alignment", lead: "IRM-HUB", templates: ["action-concept"])]
        return try Fixtures.state(session, now: Fixtures.at(12, 0))
    }

    @discardableResult
    func send(_ state: inout WorkshopState, _ command: GroupCommand, at time: Instant = Fixtures.at(12, 50)) -> Bool {
        !WorkshopReducer.reduce(&state, .command(.group(command)), now: time).isEmpty
    }

    /// An entry typed on the group's own screen is signed with the facilitator's name from the session; with none
    /// named (or one still TBC) it says "facilitator"; on the plenary's screen, "moderator".
    @Test func anEntryIsSignedByTheNamedFacilitator() throws {
        func author(facilitator: Person?, role: WorkshopState.TerminalRole) throws -> String? {
            var state = try state()
            state.groups[0].definition.facilitator = facilitator
            if role == .facilitator {
                _ = WorkshopReducer.reduce(&state, .group(.becomeFacilitator(group: "wg1")), now: Fixtures.at(12, 50))
            } else {
                _ = WorkshopReducer.reduce(&state, .group(.show("wg1")), now: Fixtures.at(12, 50))
            }
            _ = WorkshopReducer.reduce(&state, .group(.addEntry(templateIndex: 0)), now: Fixtures.at(12, 50))
            return state.group("wg1")?.entries.first?.author
        }
        #expect(try author(facilitator: Person(name: "Zoë Kowalczyk"), role: .facilitator) == "Zoë Kowalczyk")
        #expect(try author(facilitator: Person(name: "Zoë Kowalczyk", tbc: true), role: .facilitator) == "facilitator")
        #expect(try author(facilitator: nil, role: .facilitator) == "facilitator")
        #expect(try author(facilitator: Person(name: "Zoë Kowalczyk"), role: .moderator) == "moderator")
    }

    @Test func entriesAreAddedEditedMovedAndDeletedWithUndo() throws {
        var state = try state()
        #expect(send(&state, .add(group: "wg1", template: "action-concept", author: "facilitator")))
        #expect(send(&state, .add(group: "wg1", template: "action-concept", author: "facilitator")))
        #expect(state.groups[0].entries.map(\.id) == ["wg1-1", "wg1-2"])
        #expect(send(&state, .setField(group: "wg1", entry: "wg1-1", field: "theme", text: "Critical raw materials recycling"), at: Fixtures.at(12, 51)))
        #expect(send(&state, .setField(group: "wg1", entry: "wg1-1", field: "partners", text: "Andalucía\nRégion Grand Est")))
        #expect(!send(&state, .setField(group: "wg1", entry: "wg1-1", field: "colour", text: "x")))
        #expect(send(&state, .move(group: "wg1", entry: "wg1-2", by: -1)))
        #expect(state.groups[0].entries.map(\.id) == ["wg1-2", "wg1-1"])
        #expect(send(&state, .delete(group: "wg1", entry: "wg1-1")))
        #expect(state.groups[0].entries.map(\.id) == ["wg1-2"])
        #expect(send(&state, .undo(group: "wg1")))
        #expect(state.groups[0].entries.map(\.id) == ["wg1-2", "wg1-1"])
        #expect(state.groups[0].entries[1].fields["partners"] == "Andalucía\nRégion Grand Est")
        #expect(send(&state, .undo(group: "wg1")))
        #expect(state.groups[0].entries.map(\.id) == ["wg1-1", "wg1-2"])
        #expect(send(&state, .undo(group: "wg1")))
        #expect(state.groups[0].entries[0].fields["partners"] == nil)
        #expect(state.groups[0].entries[0].editedAt == Fixtures.at(12, 51))
        // Ids keep counting after an undone add, so no id is ever reused.
        #expect(send(&state, .undo(group: "wg1")))
        #expect(send(&state, .undo(group: "wg1")))
        #expect(send(&state, .undo(group: "wg1")))
        #expect(!send(&state, .undo(group: "wg1")))
        #expect(send(&state, .add(group: "wg1", template: "action-concept", author: "moderator")))
        #expect(state.groups[0].entries.map(\.id) == ["wg1-3"])
    }

    @Test func unknownGroupsAndTemplatesAreRefused() throws {
        var state = try state()
        #expect(!send(&state, .add(group: "wg9", template: "action-concept", author: "facilitator")))
        #expect(!send(&state, .add(group: "wg1", template: "swot", author: "facilitator")))
        #expect(state.recordedCommands == 0)
    }

    @Test func entriesReachTheResultsFileInTemplateOrder() throws {
        var state = try state()
        send(&state, .add(group: "wg1", template: "action-concept", author: "facilitator"), at: Fixtures.at(12, 50))
        send(&state, .setField(group: "wg1", entry: "wg1-1", field: "first-step", text: "Call with Kainuu"), at: Fixtures.at(12, 52))
        send(&state, .setField(group: "wg1", entry: "wg1-1", field: "partners", text: "Andalucía\n\nKainuu"), at: Fixtures.at(12, 53))
        let bytes = ResultsSnapshot(state: state, sessionFile: "s.yaml", generator: "t").encoded()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let group = try #require((object["groups"] as? [[String: Any]])?.first)
        #expect(group["lead"] as? String == "IRM-HUB")
        let entry = try #require((group["entries"] as? [[String: Any]])?.first)
        #expect(entry["author"] as? String == "facilitator")
        #expect(entry["editedAt"] as? String == "2025-03-11T12:53:00+01:00")
        let fields = try #require(entry["fields"] as? [[String: Any]])
        #expect(fields.map { $0["id"] as? String } == ["theme", "partners", "outcome", "first-step"])
        #expect(fields[1]["items"] as? [String] == ["Andalucía", "Kainuu"])
        #expect(fields[3]["text"] as? String == "Call with Kainuu")
    }

    @Test func groupCommandsReplayFromTheJournal() throws {
        let fs = MemoryFileSystem()
        let clock = ManualClock(Fixtures.at(12, 0))
        let initial = try state()
        let files = WorkshopFiles(sessionPath: "g.yaml")
        guard let runner = Fixtures.runner(initial.session, fileSystem: fs, files: files, clock: clock) else {
            Issue.record("open failed")
            return
        }
        for command: GroupCommand in [.add(group: "wg1", template: "action-concept", author: "facilitator"),
                                      .setField(group: "wg1", entry: "wg1-1", field: "theme", text: "Économie circulaire 循环"),
                                      .add(group: "wg1", template: "action-concept", author: "facilitator"),
                                      .delete(group: "wg1", entry: "wg1-2")] {
            clock.advance(seconds: 10)
            runner.send(.command(.group(command)))
        }
        guard let reopened = Fixtures.open(initial.session, fileSystem: fs, files: files, at: clock.now()) else {
            Issue.record("reopen failed")
            return
        }
        #expect(reopened.state.groups == runner.state.groups)
        #expect(fs.text(files.journalPath)?.contains(#"{"group":{"action":{"setField""#) == true)
    }
}

@Suite struct EntryFormTests {
    func facilitator() throws -> WorkshopState {
        var state = try GroupTests().state()
        _ = WorkshopReducer.reduce(&state, .group(.becomeFacilitator(group: "wg1")), now: Fixtures.at(12, 50))
        return state
    }

    @Test func typingIsJournaledTwoSecondsAfterItStopsAndOnEveryFieldChange() throws {
        var state = try facilitator()
        #expect(state.role == .facilitator)
        let added = WorkshopReducer.reduce(&state, .group(.addEntry(templateIndex: 0)), now: Fixtures.at(12, 50))
        #expect(added.first == .appendJournal(.group(.add(group: "wg1", template: "action-concept", author: "facilitator"))))
        _ = WorkshopReducer.reduce(&state, .group(.editField(.insert("Économie circulaire"))), now: Fixtures.at(12, 50, 10))
        #expect(WorkshopReducer.reduce(&state, .tick, now: Fixtures.at(12, 50, 11)).isEmpty)
        let saved = WorkshopReducer.reduce(&state, .tick, now: Fixtures.at(12, 50, 12))
        #expect(saved.first == .appendJournal(.group(.setField(group: "wg1", entry: "wg1-1", field: "theme", text: "Économie circulaire"))))
        #expect(WorkshopReducer.reduce(&state, .tick, now: Fixtures.at(12, 50, 20)).isEmpty)
        // A field change saves at once, without waiting.
        _ = WorkshopReducer.reduce(&state, .group(.editField(.insert(" 2030"))), now: Fixtures.at(12, 50, 21))
        let changed = WorkshopReducer.reduce(&state, .group(.changeField(by: 1)), now: Fixtures.at(12, 50, 21))
        #expect(changed.first == .appendJournal(.group(.setField(group: "wg1", entry: "wg1-1", field: "theme", text: "Économie circulaire 2030"))))
        guard case .entry(let draft) = state.screen else { Issue.record("form closed"); return }
        #expect(draft.fieldIndex == 1)
        #expect(draft.editor.multiline)
        // Leaving the form saves too.
        _ = WorkshopReducer.reduce(&state, .group(.editField(.insert("Andalucía"))), now: Fixtures.at(12, 50, 22))
        _ = WorkshopReducer.reduce(&state, .group(.editField(.newline)), now: Fixtures.at(12, 50, 22))
        _ = WorkshopReducer.reduce(&state, .group(.editField(.insert("Kainuu"))), now: Fixtures.at(12, 50, 22))
        let closed = WorkshopReducer.reduce(&state, .group(.closeEntry), now: Fixtures.at(12, 50, 23))
        #expect(closed.first == .appendJournal(.group(.setField(group: "wg1", entry: "wg1-1", field: "partners", text: "Andalucía\nKainuu"))))
        #expect(state.screen == .group(id: "wg1", selection: 0))
    }

    @Test func deleteAndUndoFromTheList() throws {
        var state = try facilitator()
        _ = WorkshopReducer.reduce(&state, .group(.addEntry(templateIndex: 0)), now: Fixtures.at(12, 50))
        _ = WorkshopReducer.reduce(&state, .group(.closeEntry), now: Fixtures.at(12, 50))
        _ = WorkshopReducer.reduce(&state, .group(.deleteEntry), now: Fixtures.at(12, 51))
        #expect(state.groups[0].entries.isEmpty)
        _ = WorkshopReducer.reduce(&state, .group(.undo), now: Fixtures.at(12, 52))
        #expect(state.groups[0].entries.map(\.id) == ["wg1-1"])
    }
}

@Suite struct ShortlistPollTests {
    /// The plenary's screen on a group: only there are entries prioritised.
    func moderatorOnGroup() throws -> WorkshopState {
        var state = try GroupTests().state()
        state.screen = .group(id: "wg1", selection: 0)
        return state
    }

    @Test func markedEntriesBecomeAnOpenPollLinkedBackToThem() throws {
        var state = try moderatorOnGroup()
        for theme in ["Recycling hub", "Joint demonstrator", "Recycling hub"] {
            _ = WorkshopReducer.reduce(&state, .group(.addEntry(templateIndex: 0)), now: Fixtures.at(12, 50))
            _ = WorkshopReducer.reduce(&state, .group(.editField(.insert(theme))), now: Fixtures.at(12, 50))
            _ = WorkshopReducer.reduce(&state, .group(.closeEntry), now: Fixtures.at(12, 50))
        }
        _ = WorkshopReducer.reduce(&state, .group(.pollFromShortlist(.ranking)), now: Fixtures.at(12, 51))
        #expect(state.notice?.text == "Mark at least two entries with s first." || state.polls.isEmpty)
        for selection in [2, 0, 1] {
            state.screen = .group(id: "wg1", selection: selection)
            _ = WorkshopReducer.reduce(&state, .group(.toggleShortlist), now: Fixtures.at(12, 51))
        }
        #expect(state.shortlist == ["wg1-3", "wg1-1", "wg1-2"])
        #expect(WorkshopReducer.reduce(&state, .group(.pollFromShortlist(.ranking)), now: Fixtures.at(12, 52)).isEmpty)
        let effects = WorkshopReducer.reduce(&state, .group(.openShortlistPoll), now: Fixtures.at(12, 52))
        #expect(effects.filter { if case .appendJournal = $0 { true } else { false } }.count == 3)
        let poll = try #require(state.polls.last)
        #expect(poll.definition.type == .ranking)
        #expect(poll.definition.options == ["Recycling hub", "Recycling hub (wg1-1)", "Joint demonstrator"])
        #expect(poll.definition.entryIDs == ["wg1-3", "wg1-1", "wg1-2"])
        #expect(poll.status == .open)
        #expect(state.shortlist.isEmpty)
        #expect(state.screen == .poll(id: poll.id))
        let json = String(decoding: ResultsSnapshot(state: state, sessionFile: "s", generator: "t").encoded(), as: UTF8.self)
        // Compact JSON (decision 60): the poll names its entries in option order.
        #expect(json.contains(#""entries":["wg1-3","wg1-1","wg1-2"]"#))
    }

    @Test func dotVotingIsMultipleChoiceWithThreeDots() throws {
        var state = try moderatorOnGroup()
        for theme in ["A", "B", "C", "D"] {
            _ = WorkshopReducer.reduce(&state, .group(.addEntry(templateIndex: 0)), now: Fixtures.at(12, 50))
            _ = WorkshopReducer.reduce(&state, .group(.editField(.insert(theme))), now: Fixtures.at(12, 50))
            _ = WorkshopReducer.reduce(&state, .group(.closeEntry), now: Fixtures.at(12, 50))
        }
        state.shortlist = ["wg1-1", "wg1-2", "wg1-3", "wg1-4"]
        _ = WorkshopReducer.reduce(&state, .group(.pollFromShortlist(.multiple)), now: Fixtures.at(12, 52))
        _ = WorkshopReducer.reduce(&state, .group(.openShortlistPoll), now: Fixtures.at(12, 52))
        let poll = try #require(state.polls.last)
        #expect(poll.definition.type == .multiple)
        #expect(poll.definition.maxPicks == 3)
    }
}
