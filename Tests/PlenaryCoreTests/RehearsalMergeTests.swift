import Testing
@testable import PlenaryEngine
import PlenaryTestSupport

/// A rehearsal's entries never reach the real workshop's record through a merge, nor the reverse.
@Suite struct RehearsalMergeTests {
    static func rehearsal(_ record: String) throws -> WorkshopState {
        var state = try GroupMergeTests.laptop(record)
        _ = WorkshopReducer.reduce(&state, .app(.markRehearsal(speed: 1)), now: state.now)
        return state
    }

    @Test func aRehearsalLaptopsFileIsRefusedByTheRealWorkshop() throws {
        var laptop = try Self.rehearsal("laptop-r")
        try GroupMergeTests.add(&laptop, group: "wg2", ["title": "Tried out"])
        let main = try GroupMergeTests.laptop("plenary")
        #expect(GroupImport.plan(bytes: GroupMergeTests.results(laptop), fileName: "s.wg2.rehearsal.results.json", into: main)
                == .failure(.rehearsalMix(file: "s.wg2.rehearsal.results.json", fileIsRehearsal: true)))
        #expect(GroupImport.Refusal.rehearsalMix(file: "f.json", fileIsRehearsal: true).description
                == "f.json is from a rehearsal; this is the real workshop. Nothing was merged.")
    }

    @Test func aRealLaptopsFileIsRefusedByARehearsalAndRehearsalsMergeWithEachOther() throws {
        var real = try GroupMergeTests.laptop("laptop-b")
        try GroupMergeTests.add(&real, group: "wg2", ["title": "Real"])
        let main = try Self.rehearsal("plenary-r")
        #expect(GroupImport.plan(bytes: GroupMergeTests.results(real), fileName: "b.json", into: main)
                == .failure(.rehearsalMix(file: "b.json", fileIsRehearsal: false)))
        var laptop = try Self.rehearsal("laptop-r")
        try GroupMergeTests.add(&laptop, group: "wg2", ["title": "Tried out"])
        guard case .success(let plan) = GroupImport.plan(bytes: GroupMergeTests.results(laptop), fileName: "r.json", into: main) else {
            Issue.record("a rehearsal's laptop did not merge into the rehearsal"); return
        }
        #expect(plan.added == 1)
    }
}
