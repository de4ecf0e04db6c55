import Testing
import PlenaryEngine
@testable import PlenaryUI
import PlenaryTestSupport

/// A working group's laptop (`run FILE --group ID`) shows its group's own time box from the agenda, never the day's
/// delay measured from whenever the laptop was opened.
@Suite struct GroupLaptopTimeTests {
    /// Issue 15: a working group's laptop opened after the agenda's start read the day's delay from its own clock
    /// ("6 h 41 min behind" the evening before) and placed its group's slot after the laptop's own start.
    @Test func aGroupLaptopOpenedDuringItsSlotShowsThePlannedTimeBoxAndNoDelay() throws {
        let grid = ModeratorScreen.render(try Self.laptop(at: Fixtures.at(12, 50)), size: TerminalSize(columns: 80, rows: 24))
        expectLines(grid, [
            " From S3 Benchmarking to Cluster-Led Action                          12:50:00",
            " WIDEX & IRM-HUB Workshop on Regional Cooperation · Sevilla · 2025-03-11",
            "────────────────────────────────────────────────────────────────────────────────",
            " WORKING GROUP                                          12:45–13:20 30 min left",
            " Clusters",
            " Add: 1 Challenge",
            "",
            " No entries yet: press 1 to add the first.",
            "", "", "", "", "", "", "", "", "", "", "", "", "",
            "────────────────────────────────────────────────────────────────────────────────",
            " 0 actions recorded",
            " 1-9 add  Enter edit  d delete  u undo  [/] move  ? keys  a agenda  Esc back",
        ])
    }

    @Test func theEveningBeforeTheLaptopSaysNothingAboutBeingBehind() throws {
        let state = try Self.laptop(at: Fixtures.at(19, 41))
        let grid = ModeratorScreen.render(state, size: TerminalSize(columns: 80, rows: 24))
        #expect(grid.lines[0] == " From S3 Benchmarking to Cluster-Led Action                          19:41:00")
        #expect(GroupViews.timeBox(state, LiveSchedule(state: state), groupID: "wg1").0 == "12:45–13:20 time is up")
        #expect(LiveSchedule(state: state).slots.map(\.projectedStart) == LiveSchedule(state: state).slots.map(\.plannedStart))
    }

    /// wg1's laptop (`run FILE --group wg1`), opened at `now`; the groups meet in the 12:45–13:20 slot.
    static func laptop(at now: Instant) throws -> WorkshopState {
        var session = KeyHelpCoverageTests.session
        session.agenda[4].groups = ["wg1", "wg2"]
        var state = try Fixtures.state(session, now: now)
        _ = WorkshopReducer.reduce(&state, .group(.becomeFacilitator(group: "wg1")), now: now)
        return state
    }
}
