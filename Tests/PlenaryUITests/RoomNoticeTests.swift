import Testing
import PlenaryEngine
import PlenaryStorage
import PlenaryTestSupport
@testable import PlenaryUI

/// While the host's own moderator screen is detached, every attached screen says so on its bottom line; the notice
/// travels in every role's `RoomView`.
@Suite struct RoomNoticeTests {
    static let size = TerminalSize(columns: 80, rows: 24)

    func state(notice: String?) throws -> WorkshopState {
        var state = try Fixtures.state(AudienceScreenTests.session(), now: Fixtures.at(12, 0))
        _ = WorkshopReducer.reduce(&state, .app(.setRoomNotice(notice)), now: Fixtures.at(12, 0))
        return state
    }

    @Test func everyRoleIsToldAndNothingIsRecorded() throws {
        let state = try state(notice: ModeratorApp.roomNotice)
        #expect(state.recordedCommands == 0)
        for role in [ClientRole.voter, .audience, .group("wg1"), .moderator] {
            #expect(RoomView(of: state, for: role).roomNotice == ModeratorApp.roomNotice)
        }
        #expect(RoomView(of: try self.state(notice: nil), for: .voter).roomNotice == nil)
    }

    @Test func theKioskAndTheProjectorShowItOnTheirLastLines() throws {
        let view = RoomView(of: try state(notice: ModeratorApp.roomNotice), for: .voter)
        var kiosk = KioskState()
        kiosk.received(.welcome(recordID: view.title))
        kiosk.received(.view(view))
        let kioskLines = KioskScreen.render(kiosk, size: Self.size, glyphs: .unicode).lines
        #expect(kioskLines.last == " The moderator's screen is detached; the workshop goes on.")

        let audience = RoomView(of: try state(notice: ModeratorApp.roomNotice), for: .audience)
        let projector = AudienceScreen.render(audience, now: Fixtures.at(12, 0), size: Self.size, glyphs: .unicode).lines
        #expect(projector.suffix(2).contains(" The moderator's screen is detached; the workshop goes on."))
        let without = RoomView(of: try state(notice: nil), for: .audience)
        #expect(!AudienceScreen.render(without, now: Fixtures.at(12, 0), size: Self.size, glyphs: .unicode).lines.joined().contains("detached"))
    }
}
