import Testing
import PlenaryEngine
@testable import PlenaryUI

/// The entry form: a choice field shows its numbered choices, flowed over rows, the chosen one highlighted.
@Suite struct EntryFormViewTests {
    @Test func aChoiceFieldListsItsChoicesAndMarksTheChosenOne() {
        let template = CaptureTemplate(id: "challenge", name: "Challenge", fields: [
            TemplateField(id: "title", label: "Challenge", kind: .text, required: true),
            TemplateField(id: "category", label: "Category", kind: .choice,
                          choices: ["Governance", "Funding", "Skills", "Data and digital", "Markets"]),
        ])
        let session = Session(
            title: "Form", timeZone: "UTC",
            agenda: [Slot(id: "groups", title: "Groups", kind: .workingGroups, start: TimeOfDay(hour: 9, minute: 0), durationMinutes: 30)],
            templates: [template], groups: [WorkingGroup(id: "wg", name: "Clusters", templates: ["challenge"])])
        guard case .success(let plan) = PlannedAgenda.plan(session) else { return }
        var state = WorkshopState(session: session, plan: plan, now: Instant(seconds: 0))
        _ = WorkshopReducer.reduce(&state, .group(.show("wg")), now: state.now)
        state.screen = .group(id: "wg", selection: 0)
        _ = WorkshopReducer.reduce(&state, .group(.addEntry(templateIndex: 0)), now: state.now)
        _ = WorkshopReducer.reduce(&state, .group(.editField(.insert("Fragmented calls"))), now: state.now)
        _ = WorkshopReducer.reduce(&state, .group(.changeField(by: 1)), now: state.now)
        _ = WorkshopReducer.reduce(&state, .group(.pickChoice(3)), now: state.now)
        guard case .entry(let draft) = state.screen else { Issue.record("form not open"); return }

        var grid = CellGrid(size: TerminalSize(columns: 40, rows: 9))
        GroupViews.drawEntry(state, draft: draft, into: &grid, x: 0, y: 0, width: 40, height: 9, glyphs: .unicode)
        expectLines(grid, [
            "CHALLENGE · Clusters             typing…",
            "",
            "Challenge *",
            "  Fragmented calls",
            "Category",
            "  1 Governance  2 Funding  3 Skills",
            "  4 Data and digital  5 Markets",
            "  ←/→ or 1-9 choose · Backspace clears",
            "",
        ])
        #expect(grid.styleLines[6].prefix(20) == "..SSSSSSSSSSSSSSSSSS")
    }

    @Test func aGroupShowsItsTimeBoxAndTheMinutesLeft() {
        let session = Session(
            title: "Time box", timeZone: "UTC",
            agenda: [Slot(id: "groups", title: "Groups", kind: .workingGroups, start: TimeOfDay(hour: 9, minute: 0), durationMinutes: 30,
                          groups: ["wg"])],
            templates: [], groups: [WorkingGroup(id: "wg", name: "Clusters", templates: [])])
        guard case .success(let plan) = PlannedAgenda.plan(session) else { return }
        var state = WorkshopState(session: session, plan: plan, now: Instant(seconds: 8 * 3600))
        #expect(GroupViews.timeBox(state, LiveSchedule(state: state), groupID: "wg") == ("09:00–09:30", .dim))
        _ = WorkshopReducer.reduce(&state, .command(.start), now: Instant(seconds: 9 * 3600))
        _ = WorkshopReducer.reduce(&state, .tick, now: Instant(seconds: 9 * 3600 + 28 * 60 + 30))
        #expect(GroupViews.timeBox(state, LiveSchedule(state: state), groupID: "wg") == ("09:00–09:30 2 min left", .warning))
        _ = WorkshopReducer.reduce(&state, .tick, now: Instant(seconds: 9 * 3600 + 31 * 60))
        #expect(GroupViews.timeBox(state, LiveSchedule(state: state), groupID: "wg").1 == .alert)
        #expect(GroupViews.timeBox(state, LiveSchedule(state: state), groupID: "other") == ("", .dim))
    }
}
