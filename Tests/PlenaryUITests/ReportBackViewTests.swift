import Testing
import PlenaryEngine
@testable import PlenaryUI
import PlenaryTestSupport

/// The report-back view: a group's entries in full, page by page, for the projector.
@Suite struct ReportBackViewTests {
    static let template = CaptureTemplate(id: "action-concept", name: "Action concept", fields: [
        TemplateField(id: "theme", label: "Theme", kind: .text),
        TemplateField(id: "partners", label: "Partners / regions", kind: .list),
        TemplateField(id: "outcome", label: "Expected outcome", kind: .long),
    ])

    static func state(entries: [[String: String]]) throws -> WorkshopState {
        let session = Session(
            title: "Report-back", timeZone: "UTC",
            agenda: [Slot(id: "groups", title: "Groups", kind: .workingGroups, start: TimeOfDay(hour: 9, minute: 0), durationMinutes: 30)],
            templates: [template],
            groups: [
                WorkingGroup(id: "wg1", name: "Cluster-led action", facilitator: Person(name: "Kenji Satō"), templates: ["action-concept"]),
                WorkingGroup(id: "wg2", name: "Empty group", templates: ["action-concept"]),
            ])
        var state = try Fixtures.state(session, now: Instant(seconds: 9 * 3600))
        for fields in entries {
            _ = WorkshopReducer.reduce(&state, .command(.group(.add(group: "wg1", template: "action-concept", author: "facilitator"))), now: state.now)
            let id = state.groups[0].entries.last!.id
            for (field, text) in fields.sorted(by: { $0.key < $1.key }) {
                _ = WorkshopReducer.reduce(&state, .command(.group(.setField(group: "wg1", entry: id, field: field, text: text))), now: state.now)
            }
        }
        return state
    }

    static func render(_ state: WorkshopState, page: Int, width: Int = 40, height: Int = 12) -> CellGrid {
        var grid = CellGrid(size: TerminalSize(columns: width, rows: height))
        ReportBackView.draw(state, groupIndex: 0, page: page, into: &grid, x: 0, y: 0, width: width, height: height, glyphs: .unicode)
        return grid
    }

    static var threeEntries: WorkshopState {
        get throws {
            try state(entries: [
                ["theme": "Hydrogen valleys", "partners": "Lapland\nAndalucía\n東京 office", "outcome": "A joint pilot line for electrolysers by 2027"],
                ["theme": "Circular textiles", "outcome": "Shared sorting hub"],
                ["theme": "Skills for batteries", "partners": "Kainuu"],
            ])
        }
    }

    @Test func longGroupsArePagedBetweenEntries() throws {
        expectLines(Self.render(try Self.threeEntries, page: 0), [
            "REPORT-BACK · group 1 of 2 · K… page 1/2",
            "Cluster-led action             3 entries",
            "",
            "1. Hydrogen valleys",
            "   Partners / regions",
            "     • Lapland",
            "     • Andalucía",
            "     • 東京 office",
            "   Expected outcome",
            "     A joint pilot line for",
            "     electrolysers by 2027",
            "continues on the next page (PgDn)",
        ])
        expectLines(Self.render(try Self.threeEntries, page: 1), [
            "REPORT-BACK · group 1 of 2 · K… page 2/2",
            "Cluster-led action             3 entries",
            "",
            "2. Circular textiles",
            "   Expected outcome",
            "     Shared sorting hub",
            "",
            "3. Skills for batteries",
            "   Partners / regions",
            "     • Kainuu",
        ])
    }

    @Test func pageCountFollowsTheScreenSize() throws {
        #expect(ReportBackView.pageCount(try Self.threeEntries, groupIndex: 0, size: TerminalSize(columns: 46, rows: 18)) == 2)
        #expect(ReportBackView.pageCount(try Self.threeEntries, groupIndex: 0, size: TerminalSize(columns: 80, rows: 30)) == 1)
        #expect(ReportBackView.pageCount(try Self.threeEntries, groupIndex: 1, size: TerminalSize(columns: 80, rows: 24)) == 1)
        // Past the last page shows the last page.
        #expect(Self.render(try Self.threeEntries, page: 9).lines == Self.render(try Self.threeEntries, page: 1).lines)
    }

    @Test func anEntryTallerThanAPageRunsOnAcrossPages() throws {
        let tall = try Self.state(entries: [["theme": "Long", "partners": (1...30).map { "Region \($0)" }.joined(separator: "\n")]])
        let pages = ReportBackView.pageCount(tall, groupIndex: 0, size: TerminalSize(columns: 60, rows: 16))
        // 32 lines (title, label, 30 items): 6 rows on the first page, then 5 under the repeated title.
        #expect(pages == 7)
        let body = ModeratorScreen.bodyArea(TerminalSize(columns: 60, rows: 16))
        let shown = (0..<pages).flatMap { page in
            Self.render(tall, page: page, width: body.width, height: body.height).lines.filter { $0.contains("• Region") }
        }
        #expect(shown.count == 30)
        #expect(Self.render(tall, page: 1, width: body.width, height: body.height).lines[3] == "1. Long (continued)")
    }

    @Test func pagesTurnIntoTheNextGroupAndBack() throws {
        var state = try Self.threeEntries
        _ = WorkshopReducer.reduce(&state, .group(.openReportBack), now: state.now)
        let small = TerminalSize(columns: 46, rows: 18)
        #expect(ModeratorKeyMap.action(for: .pageDown, in: state, size: small) == .group(.showReportBack(group: 0, page: 1)))
        state.screen = .reportBack(group: 0, page: 1)
        #expect(ModeratorKeyMap.action(for: .character(" "), in: state, size: small) == .group(.showReportBack(group: 1, page: 0)))
        state.screen = .reportBack(group: 1, page: 0)
        #expect(ModeratorKeyMap.action(for: .pageUp, in: state, size: small) == .group(.showReportBack(group: 0, page: 1)))
        #expect(ModeratorKeyMap.action(for: .pageDown, in: state, size: small) == nil)
        #expect(ModeratorKeyMap.action(for: .escape, in: state, size: small) == .app(.dismissOverlay))
    }
}
