import Foundation
import Testing
import PlenaryEngine
import PlenaryStorage
@testable import PlenaryUI

/// The attached kiosk's rules: a ballot shows as recorded only on the host's ack, a lost connection never claims it.
@Suite struct KioskStateTests {
    /// A host view with one single-choice poll, open or closed (built from JSON: `RoomView` is made by the host).
    static func view(open: Bool) throws -> RoomView {
        let json = """
            {"title":"Sevilla","phase":"running","slot":{"index":0,"title":"Welcome","kind":"talk","speakers":[],"remainingSeconds":60},
             "polls":[{"id":"format","question":"Which format?","type":"single","options":["Physical","Online"],
                       "needsCode":false,"isOpen":\(open),"ballotCount":0}]}
            """
        return try JSONDecoder().decode(RoomView.self, from: Data(json.utf8))
    }

    func attachedWithOpenPoll() throws -> KioskState {
        var kiosk = KioskState()
        kiosk.received(.welcome(recordID: "r1"))
        kiosk.received(.view(try Self.view(open: true)))
        return kiosk
    }

    @Test func aBallotIsShownRecordedOnlyAfterTheHostsAck() throws {
        var kiosk = try attachedWithOpenPoll()
        #expect(kiosk.handle(.enter) == [.nextParticipant(id: -1)])
        _ = kiosk.handle(.character("2"))
        let sent = kiosk.handle(.enter)
        #expect(sent == [.send(id: 1, .castBallot(poll: "format", ballot: .single(option: 1), code: nil))])
        guard case .sending = kiosk.step else { Issue.record("not waiting for the ack: \(kiosk.step)"); return }
        #expect(!KioskScreen.render(kiosk, size: TerminalSize(columns: 80, rows: 24), glyphs: .ascii).lines.joined(separator: "\n").contains("recorded."))
        kiosk.received(.acknowledged(id: 7))
        #expect(kiosk.step != .done(recorded: 1), "another request's ack changes nothing")
        kiosk.received(.acknowledged(id: 1))
        #expect(kiosk.step == .done(recorded: 1))
        #expect(KioskScreen.render(kiosk, size: TerminalSize(columns: 80, rows: 24), glyphs: .ascii).lines.joined(separator: "\n").contains("Your vote is recorded."))
    }

    @Test func aConnectionLostBeforeTheAckSaysTheAnswerMayNotBeCountedAndSendsNothingAgain() throws {
        var kiosk = try attachedWithOpenPoll()
        _ = kiosk.handle(.enter)
        _ = kiosk.handle(.character("1"))
        _ = kiosk.handle(.enter)
        kiosk.disconnected(reason: "The host went away.")
        #expect(kiosk.step == .privacy)
        #expect(kiosk.message?.contains("may not have been counted") == true)
        let screen = KioskScreen.render(kiosk, size: TerminalSize(columns: 80, rows: 24), glyphs: .ascii).lines.joined(separator: "\n")
        #expect(screen.contains("Reconnecting"))
        kiosk.received(.welcome(recordID: "r1"))
        #expect(kiosk.handle(.enter) == [.nextParticipant(id: -2)], "Enter starts a new turn; nothing is resent")
    }

    @Test func aPollClosedWhileAnsweringMovesOnWithTheReason() throws {
        var kiosk = try attachedWithOpenPoll()
        _ = kiosk.handle(.enter)
        kiosk.received(.view(try Self.view(open: false)))
        #expect(kiosk.step == .done(recorded: 0))
        #expect(kiosk.message == "This poll has closed; your answer was not counted.")
    }

    @Test func leavingNeedsTheModeratorPIN() throws {
        var kiosk = try attachedWithOpenPoll()
        _ = kiosk.handle(.control("x"))
        for character in "975319" { _ = kiosk.handle(.character(character)) }
        #expect(kiosk.handle(.enter) == [.checkPIN("975319")])
        #expect(kiosk.pinChecked(matches: false).isEmpty)
        #expect(kiosk.message == "Wrong PIN.")
        _ = kiosk.handle(.control("x"))
        _ = kiosk.handle(.character("1"))
        _ = kiosk.handle(.enter)
        #expect(kiosk.pinChecked(matches: true) == [.leave])
    }
}
