import Foundation
import Testing
import PlenaryEngine
import PlenaryStorage
@testable import PlenaryUI

/// The attached kiosk asks for the voting code before a poll with `admission: codes`, sends it with the ballot, asks
/// again when the host refuses the code, and forgets it when the voter's turn ends.
@Suite struct KioskCodeStepTests {
    /// A printable code as a person types it (lower case, a space and a dash between groups) and as it is sent.
    static let typedCode = "acde fghj-kmnp"
    static let sentCode = "ACDEFGHJKMNP"
    static let otherCode = "QRTU-VWXY-3467"

    /// One poll of the host's view: single choice, Physical or Online.
    struct PollLine {
        var id: String
        var needsCode: Bool
        var isOpen = true
    }

    /// A host view with these polls (built from JSON: `RoomView` is made by the host).
    static func view(_ polls: [PollLine]) throws -> RoomView {
        let lines = polls.map { poll in
            """
            {"id":"\(poll.id)","question":"Which format for \(poll.id)?","type":"single","options":["Physical","Online"],
             "needsCode":\(poll.needsCode),"isOpen":\(poll.isOpen),"ballotCount":0}
            """
        }
        let json = """
            {"title":"Sevilla","phase":"running","slot":{"index":0,"title":"Welcome","kind":"talk","speakers":[],"remainingSeconds":60},
             "polls":[\(lines.joined(separator: ","))]}
            """
        return try JSONDecoder().decode(RoomView.self, from: Data(json.utf8))
    }

    static func attached(_ polls: [PollLine]) throws -> KioskState {
        var kiosk = KioskState()
        kiosk.received(.welcome(recordID: "r1"))
        kiosk.received(.view(try view(polls)))
        return kiosk
    }

    /// Every output of these keys, in order.
    @discardableResult
    static func press(_ keys: [KeyEvent], on kiosk: inout KioskState) -> [KioskState.Output] {
        keys.flatMap { kiosk.handle($0) }
    }

    static func type(_ text: String, on kiosk: inout KioskState) -> [KioskState.Output] {
        press(text.map { KeyEvent.character($0) }, on: &kiosk)
    }

    static func isAskingForTheCode(_ kiosk: KioskState, before question: Int) -> Bool {
        if case .code(_, let resumeAt, _) = kiosk.step { return resumeAt == question }
        return false
    }

    static func typedText(_ kiosk: KioskState) -> String? {
        if case .code(let editor, _, _) = kiosk.step { return editor.text }
        return nil
    }

    static func draft(_ kiosk: KioskState) -> BallotDraft? {
        switch kiosk.step {
        case .ballot(_, let draft), .sending(_, let draft, _): draft
        case .code(_, _, let draft): draft
        case .privacy, .board, .done: nil
        }
    }

    @Test func aCodePollAsksForTheCodeBeforeTheBallot() throws {
        var kiosk = try Self.attached([PollLine(id: "format", needsCode: true)])
        #expect(Self.press([.enter], on: &kiosk) == [.nextParticipant(id: -1)])
        #expect(Self.isAskingForTheCode(kiosk, before: 0), "\(kiosk.step)")
        #expect(Self.draft(kiosk) == nil, "nothing answered yet")
        // Digits are code characters here, not options: nothing is chosen or sent while the code is typed.
        #expect(Self.type("2", on: &kiosk).isEmpty)
        #expect(Self.typedText(kiosk) == "2")
    }

    @Test func aPollWithoutCodesGoesStraightToTheBallot() throws {
        var kiosk = try Self.attached([PollLine(id: "format", needsCode: false)])
        _ = Self.press([.enter], on: &kiosk)
        guard case .ballot(0, _) = kiosk.step else { Issue.record("not on the ballot: \(kiosk.step)"); return }
        _ = Self.type("2", on: &kiosk)
        #expect(Self.press([.enter], on: &kiosk) == [.send(id: 1, .castBallot(poll: "format", ballot: .single(option: 1), code: nil))])
        #expect(kiosk.turnCode == nil)
    }

    @Test func theTypedCodeIsNormalizedAndSentWithTheBallot() throws {
        var kiosk = try Self.attached([PollLine(id: "format", needsCode: true)])
        _ = Self.press([.enter], on: &kiosk)
        #expect(Self.type(Self.typedCode, on: &kiosk).isEmpty)
        #expect(Self.press([.enter], on: &kiosk).isEmpty, "the code goes with the ballot, not on its own")
        guard case .ballot(0, _) = kiosk.step else { Issue.record("not on the ballot: \(kiosk.step)"); return }
        #expect(kiosk.turnCode == Self.sentCode)
        _ = Self.type("2", on: &kiosk)
        #expect(Self.press([.enter], on: &kiosk)
                == [.send(id: 1, .castBallot(poll: "format", ballot: .single(option: 1), code: Self.sentCode))])
    }

    /// A turn over an open poll and two code polls: the code is asked for once, just before the first code poll,
    /// and sent with the code polls' ballots only.
    @Test func aTurnAsksForTheCodeOnceAndSendsItOnlyWithCodeBallots() throws {
        var kiosk = try Self.attached([PollLine(id: "warmup", needsCode: false), PollLine(id: "budget", needsCode: true),
                                       PollLine(id: "venue", needsCode: true)])
        _ = Self.press([.enter], on: &kiosk)
        guard case .ballot(0, _) = kiosk.step else { Issue.record("the open poll comes first: \(kiosk.step)"); return }
        _ = Self.type("1", on: &kiosk)
        #expect(Self.press([.enter], on: &kiosk) == [.send(id: 1, .castBallot(poll: "warmup", ballot: .single(option: 0), code: nil))])
        kiosk.received(.acknowledged(id: 1))
        #expect(Self.isAskingForTheCode(kiosk, before: 1), "\(kiosk.step)")

        _ = Self.type(Self.typedCode, on: &kiosk)
        _ = Self.press([.enter, .character("2")], on: &kiosk)
        #expect(Self.press([.enter], on: &kiosk) == [.send(id: 2, .castBallot(poll: "budget", ballot: .single(option: 1), code: Self.sentCode))])
        kiosk.received(.acknowledged(id: 2))
        guard case .ballot(2, _) = kiosk.step else { Issue.record("the code was asked for again: \(kiosk.step)"); return }
        _ = Self.type("1", on: &kiosk)
        #expect(Self.press([.enter], on: &kiosk) == [.send(id: 3, .castBallot(poll: "venue", ballot: .single(option: 0), code: Self.sentCode))])
        kiosk.received(.acknowledged(id: 3))
        #expect(kiosk.step == .done(recorded: 3))
    }

    /// What cannot be a code at all is said on the kiosk and never sent; the voter types it again.
    @Test func aMistypedCodeIsRefusedOnTheKioskWithoutAskingTheHost() throws {
        var kiosk = try Self.attached([PollLine(id: "format", needsCode: true)])
        _ = Self.press([.enter], on: &kiosk)
        _ = Self.type("acde fghj", on: &kiosk)
        #expect(Self.press([.enter], on: &kiosk).isEmpty)
        #expect(kiosk.message == "A code has 12 letters and digits (3 groups of 4), as printed on your slip.")
        #expect(Self.isAskingForTheCode(kiosk, before: 0))
        #expect(Self.typedText(kiosk) == "", "the field is cleared for the next try")
        #expect(kiosk.turnCode == nil)
        // The message stays while the next try is typed and goes once a code is taken.
        _ = Self.type(Self.typedCode, on: &kiosk)
        _ = Self.press([.enter], on: &kiosk)
        #expect(kiosk.message == nil)
        #expect(kiosk.turnCode == Self.sentCode)
    }

    @Test func aCodeRefusalAsksForTheCodeAgainWithTheMessageAndKeepsTheAnswer() throws {
        var kiosk = try Self.attached([PollLine(id: "format", needsCode: true)])
        _ = Self.press([.enter], on: &kiosk)
        _ = Self.type(Self.typedCode, on: &kiosk)
        _ = Self.press([.enter, .character("2"), .enter], on: &kiosk)
        let answered = try #require(Self.draft(kiosk))

        kiosk.received(.codeRefusal(id: 1, message: "This code is not valid. Check it and type it again."))
        #expect(kiosk.step == .code(LineEditor(limit: VoterSession.codeEntryLimit), resumeAt: 0, draft: answered))
        #expect(kiosk.message == "This code is not valid. Check it and type it again.")
        #expect(kiosk.turnCode == nil, "the refused code is not sent again")

        _ = Self.type(Self.otherCode, on: &kiosk)
        _ = Self.press([.enter], on: &kiosk)
        #expect(kiosk.step == .ballot(index: 0, draft: answered), "the answer is back, not a blank ballot")
        #expect(Self.press([.enter], on: &kiosk)
                == [.send(id: 2, .castBallot(poll: "format", ballot: .single(option: 1), code: "QRTUVWXY3467"))])
        kiosk.received(.acknowledged(id: 2))
        #expect(kiosk.step == .done(recorded: 1))
    }

    @Test func aCodeRefusalForAnotherRequestChangesNothing() throws {
        var kiosk = try Self.attached([PollLine(id: "format", needsCode: true)])
        _ = Self.press([.enter], on: &kiosk)
        _ = Self.type(Self.typedCode, on: &kiosk)
        _ = Self.press([.enter, .character("2"), .enter], on: &kiosk)
        let sending = kiosk.step
        kiosk.received(.codeRefusal(id: 9, message: "This code is not valid. Check it and type it again."))
        #expect(kiosk.step == sending)
        #expect(kiosk.message == nil)
        #expect(kiosk.turnCode == Self.sentCode)
    }

    /// A refusal about something else (the ballot, the journal) leaves the code alone: the voter corrects the
    /// answer and it goes again with the same code.
    @Test func aPlainRefusalGoesBackToTheBallotWithoutAskingForTheCode() throws {
        var kiosk = try Self.attached([PollLine(id: "format", needsCode: true)])
        _ = Self.press([.enter], on: &kiosk)
        _ = Self.type(Self.typedCode, on: &kiosk)
        _ = Self.press([.enter, .character("2"), .enter], on: &kiosk)
        let answered = try #require(Self.draft(kiosk))

        kiosk.received(.refusal(id: 1, message: "Your vote could not be recorded. Please tell the moderator."))
        #expect(kiosk.step == .ballot(index: 0, draft: answered))
        #expect(kiosk.message == "Your vote could not be recorded. Please tell the moderator.")
        #expect(kiosk.turnCode == Self.sentCode)
        #expect(Self.press([.enter], on: &kiosk)
                == [.send(id: 2, .castBallot(poll: "format", ballot: .single(option: 1), code: Self.sentCode))])
    }

    @Test func theCodeIsForgottenWhenTheTurnEndsSoTheNextVoterTypesTheirOwn() throws {
        var kiosk = try Self.attached([PollLine(id: "format", needsCode: true)])
        _ = Self.press([.enter], on: &kiosk)
        _ = Self.type(Self.typedCode, on: &kiosk)
        _ = Self.press([.enter, .character("2"), .enter], on: &kiosk)
        kiosk.received(.acknowledged(id: 1))
        #expect(kiosk.step == .done(recorded: 1))
        #expect(kiosk.turnCode == nil, "kept past the end of the turn")
        let screen = KioskScreen.render(kiosk, size: TerminalSize(columns: 80, rows: 24), glyphs: .ascii).lines.joined(separator: "\n")
        #expect(!screen.contains("ACDE") && !screen.contains("acde"))

        // The next voter: asked for their own code, and nothing of the last one is sent.
        _ = Self.press([.enter], on: &kiosk)
        #expect(Self.isAskingForTheCode(kiosk, before: 0), "\(kiosk.step)")
        #expect(Self.typedText(kiosk) == "")
        _ = Self.press([.escape], on: &kiosk)
        #expect(kiosk.step == .privacy)
        _ = Self.press([.enter], on: &kiosk)
        #expect(Self.isAskingForTheCode(kiosk, before: 0), "\(kiosk.step)")
    }

    /// A turn whose questions are all skipped ends as surely as one that voted: the code goes with it.
    @Test func theCodeIsForgottenWhenTheVoterSkipsTheLastQuestion() throws {
        var kiosk = try Self.attached([PollLine(id: "format", needsCode: true)])
        _ = Self.press([.enter], on: &kiosk)
        _ = Self.type(Self.typedCode, on: &kiosk)
        _ = Self.press([.enter, .escape], on: &kiosk)
        #expect(kiosk.step == .done(recorded: 0))
        #expect(kiosk.turnCode == nil)
    }

    /// Before anything is answered Esc leaves the code entry for the privacy screen, as on the shared terminal;
    /// nothing is sent and nothing typed is kept.
    @Test func escapeOnTheCodeAtTheTurnsStartGoesBackToThePrivacyScreen() throws {
        var kiosk = try Self.attached([PollLine(id: "format", needsCode: true), PollLine(id: "venue", needsCode: false)])
        _ = Self.press([.enter], on: &kiosk)
        #expect(Self.type("acde", on: &kiosk).isEmpty)
        let screen = KioskScreen.render(kiosk, size: TerminalSize(columns: 80, rows: 24), glyphs: .ascii).lines.joined(separator: "\n")
        #expect(screen.contains("Enter to go on   Esc to go back"), "\(screen)")
        #expect(Self.press([.escape], on: &kiosk).isEmpty)
        #expect(kiosk.step == .privacy)
        #expect(kiosk.pollIDs.isEmpty)
        #expect(kiosk.message == nil)
        #expect(kiosk.turnCode == nil)
        _ = Self.press([.enter], on: &kiosk)
        #expect(Self.typedText(kiosk) == "", "the typed letters came back")
    }

    /// After the host refused the code Esc skips that question, as the screen says: the next one comes up and the
    /// refused answer is never sent.
    @Test func escapeAfterACodeRefusalSkipsTheQuestionAndSendsNothing() throws {
        var kiosk = try Self.attached([PollLine(id: "format", needsCode: true), PollLine(id: "venue", needsCode: false)])
        _ = Self.press([.enter], on: &kiosk)
        _ = Self.type(Self.typedCode, on: &kiosk)
        _ = Self.press([.enter, .character("2"), .enter], on: &kiosk)
        kiosk.received(.codeRefusal(id: 1, message: "This code has already been used for this poll."))
        let screen = KioskScreen.render(kiosk, size: TerminalSize(columns: 80, rows: 24), glyphs: .ascii).lines.joined(separator: "\n")
        #expect(screen.contains("Esc skips this question"))

        #expect(Self.press([.escape], on: &kiosk).isEmpty)
        #expect(kiosk.step == .ballot(index: 1, draft: BallotDraft(poll: try #require(kiosk.poll(at: 1)))))
        #expect(kiosk.message == nil)
        _ = Self.type("1", on: &kiosk)
        #expect(Self.press([.enter], on: &kiosk) == [.send(id: 2, .castBallot(poll: "venue", ballot: .single(option: 0), code: nil))])
    }

    /// A code poll closed while its code is typed: the voter is told at once, not after typing the code.
    @Test func aPollClosedWhileItsCodeIsTypedMovesOnWithTheReason() throws {
        var kiosk = try Self.attached([PollLine(id: "format", needsCode: true), PollLine(id: "venue", needsCode: false)])
        _ = Self.press([.enter], on: &kiosk)
        _ = Self.type("acde", on: &kiosk)
        kiosk.received(.view(try Self.view([PollLine(id: "format", needsCode: true, isOpen: false),
                                            PollLine(id: "venue", needsCode: false)])))
        #expect(kiosk.message == "This poll has closed; your answer was not counted.")
        guard case .ballot(1, _) = kiosk.step else { Issue.record("still asking for the code: \(kiosk.step)"); return }
    }

    /// The code entry after the host refused a code, on an 80x24 kiosk.
    @Test func theCodeEntryAfterARefusalShowsTheMessageAndWhatEscDoes() throws {
        var kiosk = try Self.attached([PollLine(id: "format", needsCode: true)])
        _ = Self.press([.enter], on: &kiosk)
        _ = Self.type(Self.typedCode, on: &kiosk)
        _ = Self.press([.enter, .character("2"), .enter], on: &kiosk)
        kiosk.received(.codeRefusal(id: 1, message: "This code is not valid. Check it and type it again."))
        _ = Self.type("qrtu", on: &kiosk)
        expectLines(KioskScreen.render(kiosk, size: TerminalSize(columns: 80, rows: 24), glyphs: .ascii), [
            " Sevilla                                                                 VOTING",
            "",
            "  Type the code from your slip",
            "",
            "  > qrtu",
            "",
            "  Enter to go on   Esc skips this question",
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
            " This code is not valid. Check it and type it again.",
            "",
        ])
    }
}
