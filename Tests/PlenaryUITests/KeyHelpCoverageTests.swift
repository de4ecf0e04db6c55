import Testing
import PlenaryEngine
import PlenaryTestSupport
@testable import PlenaryUI

/// Every key a screen acts on is in that screen's help, and `?` shows the help on every screen that has no text
/// field. The keys are enumerated (printable ASCII, named keys, Ctrl, Alt and modified arrows, a paste) and each one
/// that produces an action in a representative state must be named in the help rows that screen shows.
@Suite struct KeyHelpCoverageTests {
    // MARK: - Representative states

    static var session: Session {
        var session = Fixtures.sevillaDay
        session.polls = [
            PollDefinition(id: "format", question: "Format?", type: .single, options: ["Physical", "Online"]),
            PollDefinition(id: "word", question: "One word?", type: .open),
        ]
        session.agenda[2].polls = ["format", "word"]
        session.templates = [
            CaptureTemplate(id: "challenge", name: "Challenge", fields: [
                TemplateField(id: "title", label: "Title", kind: .text),
                TemplateField(id: "notes", label: "Notes", kind: .long),
                TemplateField(id: "kind", label: "Kind", kind: .choice, choices: ["Skills", "Funding"]),
            ]),
        ]
        session.groups = [WorkingGroup(id: "wg1", name: "Clusters", templates: ["challenge"]),
                          WorkingGroup(id: "wg2", name: "Regions", templates: ["challenge"])]
        session.qa = [QABoardDefinition()]
        return session
    }

    static func started() throws -> WorkshopState {
        try Fixtures.dayState(session, now: Fixtures.at(12, 41, 7),
                             [(Fixtures.at(12, 2), .start), (Fixtures.at(12, 33), .next), (Fixtures.at(12, 38), .next)])
    }

    static func after(_ actions: [WorkshopAction], from state: WorkshopState? = nil) throws -> WorkshopState {
        var state = try state ?? started()
        for action in actions { _ = WorkshopReducer.reduce(&state, action, now: state.now) }
        return state
    }

    static func on(_ screen: WorkshopState.Screen, _ state: WorkshopState? = nil) throws -> WorkshopState {
        var state = try state ?? started()
        state.screen = screen
        return state
    }

    /// One state for each screen mode (and each variant whose keys differ), named for the failure message.
    static func modes() throws -> [(String, WorkshopState)] {
        let state = try started()
        var facilitator = try after([.group(.becomeFacilitator(group: "wg1"))])
        facilitator.screen = .group(id: "wg1", selection: 0)
        let openPoll = try after([.command(.poll(.open(poll: "format"))), .command(.poll(.open(poll: "word")))])
        var voter = openPoll
        voter.voter = VoterSession(pollIDs: ["format", "word"])
        var voterBallot = voter
        voterBallot.voter?.step = .ballot(index: 0, draft: BallotDraft(poll: openPoll.polls[0].definition))
        var voterText = voter
        voterText.voter?.step = .ballot(index: 1, draft: BallotDraft(poll: openPoll.polls[1].definition))
        var voterReview = voter
        voterReview.voter?.step = .review(index: 0, draft: BallotDraft(poll: openPoll.polls[0].definition), shownAt: state.now)
        var voterCode = voter
        voterCode.voter?.step = .code(LineEditor(limit: VoterSession.codeEntryLimit))
        var voterPIN = voter
        voterPIN.voter?.pinEntry = LineEditor(limit: 64)
        let group = try after([.group(.openList), .group(.show("wg1")), .group(.addEntry(templateIndex: 0)), .group(.editField(.insert("Skills gap"))), .group(.closeEntry)])
        let textField = try after([.group(.addEntry(templateIndex: 0))], from: group)
        let longField = try after([.group(.changeField(by: 1)), .group(.editField(.insert("one"))), .group(.editField(.newline)), .group(.editField(.insert("two")))], from: textField)
        let choiceField = try after([.group(.changeField(by: 1))], from: longField)
        var typeField = try after([.poll(.startNew)])
        typeField = try after([.poll(.editNew(.next))], from: typeField)
        return [
            ("agenda, not started", try Fixtures.dayState(session, now: Fixtures.at(11, 50))),
            ("agenda", state),
            ("help", try after([.app(.showHelp)])),
            ("confirm quit", try after([.app(.requestQuit)])),
            ("confirm end", try after([.agenda(.requestEnd)])),
            ("confirm early start", try on(.confirmEarlyStart(slot: 6, move: .jump(slot: 6)))),
            ("jump picker", try after([.agenda(.openJumpPicker)])),
            ("plan editor", try after([.agenda(.openPlanEditor)])),
            ("plan editor, a question", try after([.agenda(.openPlanEditor), .agenda(.startPlanPrompt(.title))])),
            ("poll list", try after([.poll(.openList)])),
            ("poll", try after([.poll(.show("format"))], from: openPoll)),
            ("ballot", try after([.poll(.show("format")), .poll(.startBallot("format"))], from: openPoll)),
            ("open-text ballot", try after([.poll(.show("word")), .poll(.startBallot("word"))], from: openPoll)),
            ("hand count", try after([.poll(.show("format")), .poll(.startHandCount("format"))], from: openPoll)),
            ("new poll", try after([.poll(.startNew)])),
            ("new poll, on the type", typeField),
            ("set PIN", try on(.setPIN(editor: LineEditor(limit: 64), first: nil))),
            ("group list", try after([.group(.openList)])),
            ("group", group),
            ("group, facilitator", facilitator),
            ("group help", try after([.group(.showHelp)], from: group)),
            ("group agenda", try after([.group(.showAgenda)], from: facilitator)),
            ("entry, one-line field", textField),
            ("entry, long field", longField),
            ("entry, choice field", choiceField),
            ("import picker", try on(.importPicker(ImportPicker(folder: "", candidates: ["wg2.results.json"])))),
            ("report-back", try on(.reportBack(group: 0, page: 0), group)),
            ("Q&A queue", try after([.qa(.open)])),
            ("Q&A, a line to type", try after([.qa(.open), .qa(.startPrompt(.submit))])),
            ("voter, privacy", voter),
            ("voter, ballot", voterBallot),
            ("voter, open answer", voterText),
            ("voter, review", voterReview),
            ("voter, code", voterCode),
            ("voter, PIN", voterPIN),
        ]
    }

    static var keys: [KeyEvent] {
        let printable = (0x20...0x7E).map { KeyEvent.character(Character(Unicode.Scalar($0)!)) } + [.character("é")]
        let named: [KeyEvent] = [.enter, .escape, .tab, .backTab, .backspace, .delete, .up, .down, .left, .right,
                                 .home, .end, .pageUp, .pageDown, .altBackspace, .paste("pasted text")]
        let function = (1...12).map(KeyEvent.function)
        let letters = "abcdefghijklmnopqrstuvwxyz"
        let control = (letters + "@\\]^_").map(KeyEvent.control)
        let alt = letters.map(KeyEvent.alt)
        let arrows: [KeyEvent.Arrow] = [.up, .down, .left, .right]
        return printable + named + function + control + alt + arrows.map(KeyEvent.controlArrow) + arrows.map(KeyEvent.altArrow)
    }

    // MARK: - The help names every key that acts

    /// The rows a person can read for the state: `?`'s overlay where the screen has one, else the screen's table.
    static func helpRows(_ state: WorkshopState) -> [KeyHelp] {
        if state.voter != nil { return ModeratorKeyMap.keys(for: state).help }
        if case .help(let under) = state.screen { return ModeratorKeyMap.help(over: under) }
        return ModeratorKeyMap.keys(for: state.screen).help
    }

    /// Whether a row's keys (as the help prints them) name `key`, by itself or by its class.
    static func names(_ row: KeyHelp, _ key: KeyEvent) -> Bool {
        if row.keys == "any key" { return true }
        let tokens = row.keys.split(separator: " ").map(String.init)
        if tokens.contains(KeyPattern.label(key)) { return true }
        switch key {
        case .character(let character):
            if tokens.contains("characters") { return true }
            if ("1"..."9").contains(character) && tokens.contains("1-9") { return true }
            return character.isASCII && character.isWholeNumber && tokens.contains("0-9")
        case .paste: return tokens.contains("Paste")
        default: return false
        }
    }

    @Test(arguments: try modes().map(\.0))
    func everyKeyThatActsIsInTheHelp(mode: String) throws {
        let state = try Self.modes().first { $0.0 == mode }!.1
        let rows = Self.helpRows(state)
        var acting = 0
        for key in Self.keys {
            guard ModeratorKeyMap.action(for: key, in: state) != nil else { continue }
            acting += 1
            #expect(rows.contains { Self.names($0, key) }, "\(mode): \(KeyPattern.label(key)) acts but the help does not list it")
        }
        #expect(acting > 0, "\(mode): no key acts, so the state is not what the test meant")
    }

    // MARK: - `?` on every screen without a text field

    @Test(arguments: ["agenda", "jump picker", "poll list", "poll", "group list", "report-back"])
    func questionMarkShowsThisScreensKeysOverIt(mode: String) throws {
        let state = try Self.modes().first { $0.0 == mode }!.1
        guard let action = ModeratorKeyMap.action(for: .character("?"), in: state) else {
            Issue.record("\(mode): ? does nothing")
            return
        }
        var helped = state
        _ = WorkshopReducer.reduce(&helped, action, now: state.now)
        #expect(helped.screen == .help(over: state.screen))
        let text = ModeratorScreen.render(helped, size: TerminalSize(columns: 120, rows: 40)).lines.joined(separator: "\n")
        for row in ModeratorKeyMap.keys(for: state.screen).help {
            #expect(text.contains(row.description), "\(mode): the help over it lacks \(row.description)")
        }
        var closed = helped
        _ = WorkshopReducer.reduce(&closed, ModeratorKeyMap.action(for: .escape, in: helped)!, now: state.now)
        #expect(closed.screen == state.screen, "\(mode): Esc on the help goes back to the screen it covers")
    }

    @Test func theGroupScreensHelpListsItsKeys() throws {
        let state = try Self.after([.group(.showHelp)], from: try Self.modes().first { $0.0 == "group" }!.1)
        let text = ModeratorScreen.render(state, size: TerminalSize(columns: 120, rows: 40)).lines.joined(separator: "\n")
        for row in GroupKeys.group.help { #expect(text.contains(row.description), "group help lacks \(row.description)") }
    }
}
