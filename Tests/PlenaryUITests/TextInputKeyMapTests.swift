import Testing
import PlenaryEngine
@testable import PlenaryUI
import PlenaryTestSupport

/// Pastes, Alt keys and word motion on every screen: text fields take them, nothing else acts on them.
@Suite struct TextInputKeyMapTests {
    static let template = CaptureTemplate(id: "concept", name: "Action concept", fields: [
        TemplateField(id: "theme", label: "Theme", kind: .text, required: true),
        TemplateField(id: "partners", label: "Partners", kind: .list),
        TemplateField(id: "notes", label: "Notes", kind: .long),
        TemplateField(id: "stage", label: "Stage", kind: .choice, choices: ["Idea", "Pilot"]),
    ])

    static var session: Session {
        var session = Session(
            title: "Input", timeZone: "UTC",
            agenda: [Slot(id: "groups", title: "Groups", kind: .workingGroups, start: TimeOfDay(hour: 9, minute: 0), durationMinutes: 30)],
            templates: [template], groups: [WorkingGroup(id: "wg", name: "Clusters", templates: ["concept"])])
        session.polls = [
            PollDefinition(id: "word", question: "One word?", type: .open),
            PollDefinition(id: "pick", question: "Pick one", type: .single, options: ["A", "B"]),
        ]
        session.voterPIN = Fixtures.pinHash
        return session
    }

    /// A group with one entry, its form open on field `field`.
    static func formState(field: Int = 0) throws -> WorkshopState {
        var state = try Fixtures.dayState(session, now: Instant(seconds: 0))
        reduce(&state, .group(.show("wg")))
        reduce(&state, .group(.addEntry(templateIndex: 0)))
        for _ in 0..<field { reduce(&state, .group(.changeField(by: 1))) }
        return state
    }

    static func reduce(_ state: inout WorkshopState, _ action: WorkshopAction?) {
        guard let action else { return }
        _ = WorkshopReducer.reduce(&state, action, now: state.now)
    }

    static func action(_ key: KeyEvent, _ state: WorkshopState) -> WorkshopAction? {
        ModeratorKeyMap.action(for: key, in: state, size: TerminalSize(columns: 80, rows: 24))
    }

    static func fieldText(_ state: WorkshopState) -> String? {
        guard case .entry(let draft) = state.screen else { return nil }
        return draft.editor.text
    }

    static let pasted = "Hydrogen\r\nd\tdelete?\u{1B}[2J\u{7}\nq"

    @Test func aPasteIntoTheFormIsOneEditCleanedForTheField() throws {
        // Single line: line breaks and tabs become spaces, controls go; the letters never act as list keys.
        var state = try Self.formState(field: 0)
        #expect(Self.action(.paste(Self.pasted), state) == .group(.editField(.paste(Self.pasted))))
        Self.reduce(&state, Self.action(.paste(Self.pasted), state))
        #expect(Self.fieldText(state) == "Hydrogen d delete? q")
        // A list field keeps one item per line.
        state = try Self.formState(field: 1)
        Self.reduce(&state, Self.action(.paste(Self.pasted), state))
        #expect(Self.fieldText(state) == "Hydrogen\nd delete?\nq")
        // A choice field is picked, never typed: a paste does nothing.
        state = try Self.formState(field: 3)
        #expect(Self.action(.paste("Pilot"), state) == nil)
        // Still the one entry, form still open.
        #expect(state.group("wg")?.entries.count == 1)
    }

    @Test func aPasteAnywhereElseDoesNothing() throws {
        var state = try Fixtures.dayState(Self.session, now: Instant(seconds: 0))
        #expect(Self.action(.paste("q\ny"), state) == nil)
        Self.reduce(&state, .group(.openList))
        #expect(Self.action(.paste("\n"), state) == nil)
        Self.reduce(&state, .group(.show("wg")))
        Self.reduce(&state, .group(.addEntry(templateIndex: 0)))
        Self.reduce(&state, .group(.closeEntry))
        #expect(Self.action(.paste("d"), state) == nil)
        Self.reduce(&state, .poll(.show("pick")))
        #expect(Self.action(.paste("o"), state) == nil)
    }

    @Test func altKeysEditWordsInTheFormAndNeverActAsEscThenAKey() throws {
        let form = try Self.formState()
        #expect(Self.action(.alt("b"), form) == .group(.editField(.wordLeft)))
        #expect(Self.action(.alt("f"), form) == .group(.editField(.wordRight)))
        #expect(Self.action(.alt("d"), form) == .group(.editField(.deleteWordForward)))
        #expect(Self.action(.altBackspace, form) == .group(.editField(.deleteWordBackward)))
        #expect(Self.action(.alt("x"), form) == nil)
        // On the entry list Alt-d is not "delete", on the agenda Alt-q is not "quit".
        var list = form
        Self.reduce(&list, .group(.closeEntry))
        #expect(Self.action(.character("d"), list) == .group(.deleteEntry))
        #expect(Self.action(.alt("d"), list) == nil)
        #expect(Self.action(.altBackspace, list) == nil)
        let agenda = try Fixtures.dayState(Self.session, now: Instant(seconds: 0))
        #expect(Self.action(.alt("q"), agenda) == nil)
        #expect(Self.action(.alt("n"), agenda) == nil)
    }

    @Test func ctrlAndAltArrowsMoveByWordInEveryTextField() throws {
        let form = try Self.formState()
        #expect(Self.action(.controlArrow(.left), form) == .group(.editField(.wordLeft)))
        #expect(Self.action(.altArrow(.right), form) == .group(.editField(.wordRight)))
        // Ctrl-↑/↓ move by line of text (a list item), ↑/↓ by the rows the field shows.
        #expect(Self.action(.controlArrow(.up), form) == .group(.editField(.up)))

        var state = try Fixtures.dayState(Self.session, now: Instant(seconds: 0))
        Self.reduce(&state, .importing(.open))
        #expect(Self.action(.controlArrow(.left), state) == .importing(.editPath(.wordLeft)))
        #expect(Self.action(.paste("/media/usb/wg2.results.json\n"), state) == .importing(.editPath(.paste("/media/usb/wg2.results.json\n"))))

        state = try Fixtures.dayState(Self.session, now: Instant(seconds: 0))
        Self.reduce(&state, .poll(.startNew))
        #expect(Self.action(.altArrow(.left), state) == .poll(.editNew(.line(.wordLeft))))
        #expect(Self.action(.paste("Which one?"), state) == .poll(.editNew(.line(.paste("Which one?")))))
        Self.reduce(&state, .poll(.editNew(.next)))
        // On the type field there is no text to move in or paste into.
        #expect(Self.action(.controlArrow(.left), state) == nil)
        #expect(Self.action(.paste("x"), state) == nil)

        state = try Fixtures.dayState(Self.session, now: Instant(seconds: 0))
        Self.reduce(&state, .command(.poll(.open(poll: "word"))))
        Self.reduce(&state, .poll(.startBallot("word")))
        #expect(Self.action(.controlArrow(.right), state) == .poll(.editBallot(.line(.wordRight))))
        #expect(Self.action(.paste("trust"), state) == .poll(.editBallot(.line(.paste("trust")))))
        #expect(Self.action(.alt("d"), state) == nil)
    }

    @Test func ctrlCClosesTheFormSavingAndCtrlZUndoes() throws {
        var state = try Self.formState()
        Self.reduce(&state, .group(.editField(.insert("Batteries"))))
        #expect(Self.action(.control("z"), state) == .group(.editField(.undo)))
        #expect(Self.action(.control("y"), state) == .group(.editField(.redo)))
        #expect(Self.action(.control("c"), state) == .group(.closeEntry))
        Self.reduce(&state, Self.action(.control("c"), state))
        #expect(state.group("wg")?.entries.first?.fields["theme"] == "Batteries")
        // On a choice field too.
        #expect(try Self.action(.control("c"), Self.formState(field: 3)) == .group(.closeEntry))
    }

    @Test func pinPromptsTakeAPastedPINWithoutSpacesOrControls() throws {
        var state = try Fixtures.dayState(Self.session, now: Instant(seconds: 0))
        state.screen = .setPIN(editor: LineEditor(limit: SecretHash.pinMaximumLength), first: nil)
        #expect(Self.action(.paste(" 2468 10\r\n"), state) == .voterMode(.editNewPIN(.insert("246810"))))
        Self.reduce(&state, Self.action(.paste("24\u{1B}[2J68\n"), state))
        guard case .setPIN(let editor, _) = state.screen else { Issue.record("PIN prompt closed"); return }
        #expect(editor.text == "2468")
    }

    @Test func votersPasteIntoAnswersOnlyAndAltNeverSkipsAQuestion() throws {
        var state = try Fixtures.dayState(Self.session, now: Instant(seconds: 0))
        Self.reduce(&state, .command(.poll(.open(poll: "word"))))
        Self.reduce(&state, .voterMode(.resume))
        // Privacy screen: nothing but Enter.
        #expect(Self.action(.paste("\n"), state) == nil)
        Self.reduce(&state, Self.action(.enter, state))
        guard case .ballot? = state.voter?.step else { Issue.record("no ballot: \(String(describing: state.voter?.step))"); return }
        // Alt+key is not Esc then a key.
        #expect(Self.action(.alt("x"), state) == nil)
        #expect(Self.action(.altBackspace, state) == nil)
        // A paste goes into the answer, cleaned, and confirms nothing.
        Self.reduce(&state, Self.action(.paste("con\u{1B}[2Jfianza\r\n\u{3}"), state))
        guard case .ballot(_, let draft)? = state.voter?.step else { Issue.record("the paste left the question"); return }
        #expect(draft.text.text == "confianza")
        // The moderator's PIN prompt takes a pasted PIN, not its spaces.
        Self.reduce(&state, Self.action(.control("x"), state))
        #expect(Self.action(.paste("2468 10\n"), state) == .voter(.editPIN(.insert("246810"))))
    }
}
