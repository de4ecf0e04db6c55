import Testing
import PlenaryEngine
import PlenaryQRCode
import PlenaryTestSupport
@testable import PlenaryUI

/// Where phones vote (issue 17), on the moderator's `W` overlay and the projector: the QR code drawn there must scan
/// back to the join address, and a window too small for it still shows the address and the room code.
@Suite struct JoinCodeViewTests {
    let page = WebPageAddress(url: "http://192.168.1.20:8080/", roomCode: "4829")

    func state(screen: WorkshopState.Screen = .agenda, openPoll: Bool = false, board: Bool = false) throws -> WorkshopState {
        var session = Fixtures.sevillaDay
        session.polls = [PollDefinition(id: "format", question: "Which format works best?", type: .single, options: ["Panel", "World café"])]
        if board { session.qa = [QABoardDefinition(title: "Questions for the panel", names: .optional)] }
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        if openPoll { try Fixtures.run(&state, [(Fixtures.at(12, 1), .poll(.open(poll: "format")))]) }
        _ = WorkshopReducer.reduce(&state, .app(.announceWebPage(page)), now: Fixtures.at(12, 1))
        state.screen = screen
        return state
    }

    /// The rows of `grid` from `top` for `rows`, columns `left` on, keeping only the cells drawn as the code (the big
    /// timer digits are block characters too).
    func area(_ grid: CellGrid, left: Int, top: Int, columns: Int, rows: Int) -> [String] {
        (top..<(top + rows)).map { row in
            String((left..<(left + columns)).map { grid[$0, row].style == .code ? grid[$0, row].text.first ?? " " : " " })
        }
    }

    @Test func wOpensTheCodeOverTheScreenAndAnyKeyClosesIt() throws {
        var state = try state()
        let before = state
        _ = WorkshopReducer.reduce(&state, .app(.showJoinCode), now: Fixtures.at(12, 1))
        var expected = before
        expected.screen = .joinCode(over: .agenda)
        #expect(state == expected)
        let close = try #require(ModeratorKeyMap.action(for: .character("x"), in: state))
        _ = WorkshopReducer.reduce(&state, close, now: Fixtures.at(12, 1))
        #expect(state == before)
    }

    @Test func withoutWebTheKeySaysHowToTurnItOn() throws {
        var state = try Fixtures.state(Fixtures.sevillaDay, now: Fixtures.at(12, 0))
        _ = WorkshopReducer.reduce(&state, .app(.showJoinCode), now: Fixtures.at(12, 1))
        #expect(state.screen == .agenda)
        #expect(state.notice?.text == "Phones cannot vote in this run: start it with --web PORT (e.g. --web 8080).")
    }

    @Test func theOverlaysCodeScansBackToTheJoinAddress() throws {
        let grid = ModeratorScreen.render(try state(screen: .joinCode(over: .agenda)), size: TerminalSize(columns: 100, rows: 32))
        let text = grid.lines.joined(separator: "\n")
        #expect(text.contains("Vote from your phone"))
        #expect(text.contains("http://192.168.1.20:8080/"))
        #expect(text.contains("Room code 4829"))
        let scanned = try QRScanner.decode(modules: QRCodeBlock.modules(fromLines: area(grid, left: 0, top: 0, columns: 100, rows: 32)))
        #expect(scanned == "http://192.168.1.20:8080/join?room=4829")
    }

    @Test func at80x24TheAddressAndCodeShowAndTheCodeAsksForMoreRoom() throws {
        let grid = ModeratorScreen.render(try state(screen: .joinCode(over: .agenda)), size: TerminalSize(columns: 80, rows: 24))
        let text = grid.lines.joined(separator: "\n")
        #expect(text.contains("(enlarge the window for the QR code)"))
        #expect(text.contains("http://192.168.1.20:8080/"))
        #expect(text.contains("Room code 4829"))
        #expect(!grid.styleLines.joined().contains("Q"), "no QR code drawn")
    }

    @Test func theProjectorShowsTheCodeBesideAnOpenPollWhenThereIsRoom() throws {
        let view = RoomView(of: try state(openPoll: true), for: .audience)
        let wide = AudienceScreen.render(view, now: Fixtures.at(12, 2), size: TerminalSize(columns: 120, rows: 40))
        let text = wide.lines.joined(separator: "\n")
        #expect(text.contains("Which format works best?"))
        #expect(text.contains("Room code 4829"))
        let scanned = try QRScanner.decode(modules: QRCodeBlock.modules(fromLines: area(wide, left: 0, top: 0, columns: 120, rows: 40)))
        #expect(scanned == "http://192.168.1.20:8080/join?room=4829")

        let small = AudienceScreen.render(view, now: Fixtures.at(12, 2), size: TerminalSize(columns: 80, rows: 24))
        #expect(!small.styleLines.joined().contains("Q"), "no room for the code beside the poll at 80x24")
        #expect(small.lines.joined(separator: "\n").contains("Which format works best?"))
    }

    /// A slot with only a Q&A board: once the start-up notice fades, the `Q` screen's `W` and the projector are where
    /// the room finds the code.
    @Test func onABoardAloneWOpensTheCodeFromTheQueueAndTheProjectorShowsIt() throws {
        var state = try state(board: true)
        try Fixtures.run(&state, [(Fixtures.at(12, 1), .start)])
        _ = WorkshopReducer.reduce(&state, .qa(.open), now: Fixtures.at(12, 1))
        guard case .qa = state.screen else { Issue.record("Q did not open the queue: \(state.screen)"); return }
        let queue = state.screen
        let show = try #require(ModeratorKeyMap.action(for: .character("W"), in: state))
        _ = WorkshopReducer.reduce(&state, show, now: Fixtures.at(12, 1))
        #expect(state.screen == .joinCode(over: queue))
        let text = ModeratorScreen.render(state, size: TerminalSize(columns: 100, rows: 32)).lines.joined(separator: "\n")
        #expect(text.contains("Room code 4829"))

        let view = RoomView(of: state, for: .audience)
        #expect(view.qa != nil && !view.polls.contains(where: \.isOpen))
        let wide = AudienceScreen.render(view, now: Fixtures.at(12, 2), size: TerminalSize(columns: 120, rows: 40))
        #expect(wide.lines.joined(separator: "\n").contains("Room code 4829"), "an empty board still gets the code: it is how the first question arrives")
        let scanned = try QRScanner.decode(modules: QRCodeBlock.modules(fromLines: area(wide, left: 0, top: 0, columns: 120, rows: 40)))
        #expect(scanned == "http://192.168.1.20:8080/join?room=4829")
    }
}
