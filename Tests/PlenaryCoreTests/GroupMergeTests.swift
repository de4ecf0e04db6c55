import Foundation
import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

/// Entries captured on a facilitator laptop (`run --group`) merged into the plenary's record.
@Suite struct GroupMergeTests {
    static let challenge = CaptureTemplate(id: "challenge", name: "Challenge", fields: [
        TemplateField(id: "title", label: "Challenge", kind: .text, required: true),
        TemplateField(id: "partners", label: "Regions", kind: .list),
        TemplateField(id: "category", label: "Category", kind: .choice, choices: ["Funding", "Skills"]),
    ])

    static func session(title: String = "From S3 Benchmarking to Cluster-Led Action") -> Session {
        var session = Fixtures.sevilla()
        session.title = title
        session.templates = [GroupTests.actionConcept, challenge]
        session.groups = [
            WorkingGroup(id: "wg1", name: "Policy alignment", templates: ["action-concept", "challenge"]),
            WorkingGroup(id: "wg2", name: "Cluster-led action", templates: ["action-concept", "challenge"]),
        ]
        return session
    }

    /// A record with its own id, as one laptop keeps it.
    static func laptop(_ record: String, session: Session = session()) throws -> WorkshopState {
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        state.recordID = record
        return state
    }

    static func add(_ state: inout WorkshopState, group: String, _ fields: [String: String], at time: Instant = Fixtures.at(12, 50)) throws {
        try Fixtures.run(&state, [(time, .group(.add(group: group, template: "challenge", author: "facilitator")))])
        let id = state.group(group)!.entries.last!.id
        for (field, text) in fields.sorted(by: { $0.key < $1.key }) {
            try Fixtures.run(&state, [(time, .group(.setField(group: group, entry: id, field: field, text: text)))])
        }
    }

    static func results(_ state: WorkshopState) -> [UInt8] {
        ResultsSnapshot(state: state, sessionFile: "s.yaml", generator: "t").encoded()
    }

    /// Plans the merge and records it, as `plenary merge` and the `i` key do.
    @discardableResult
    static func merge(_ bytes: [UInt8], into state: inout WorkshopState, file: String = "wg2.results.json") throws -> GroupImport.Plan {
        let plan = try GroupImport.plan(bytes: bytes, fileName: file, into: state).get()
        if let command = plan.command { try Fixtures.run(&state, [(Fixtures.at(13, 0), command)]) }
        return plan
    }

    @Test func mergingTwiceChangesNothing() throws {
        var group = try Self.laptop("laptop-b")
        try Self.add(&group, group: "wg2", ["title": "Fragmented funding calls", "partners": "Lapland\nAndalucía", "category": "Funding"])
        try Self.add(&group, group: "wg2", ["title": "Skills gap in hydrogen"], at: Fixtures.at(12, 55))
        var main = try Self.laptop("plenary")
        try Self.add(&main, group: "wg2", ["title": "Typed in the plenary"])

        let first = try Self.merge(Self.results(group), into: &main)
        #expect((first.added, first.updated, first.unchanged) == (2, 0, 0))
        #expect(first.groups == ["Cluster-led action"])
        let entries = main.group("wg2")!.entries
        #expect(entries.map(\.id) == ["wg2-1", "wg2-2", "wg2-3"])
        #expect(entries[1].fields == ["title": "Fragmented funding calls", "partners": "Lapland\nAndalucía", "category": "Funding"])
        #expect(entries[1].origin == EntryOrigin(record: "laptop-b", entry: "wg2-1", file: "wg2.results.json"))
        #expect(entries[2].author == "facilitator")
        #expect(entries[2].createdAt == Fixtures.at(12, 55))
        let recorded = main.recordedCommands
        let snapshot = Self.results(main)

        let second = try Self.merge(Self.results(group), into: &main)
        #expect(second.command == nil)
        #expect((second.added, second.updated, second.unchanged) == (0, 0, 2))
        #expect(main.recordedCommands == recorded)
        #expect(Self.results(main) == snapshot)
    }

    @Test func aLaterCopyUpdatesEntriesInPlace() throws {
        var group = try Self.laptop("laptop-b")
        try Self.add(&group, group: "wg2", ["title": "Fragmented funding"])
        var main = try Self.laptop("plenary")
        try Self.merge(Self.results(group), into: &main)
        try Fixtures.run(&group, [(Fixtures.at(13, 5), .group(.setField(group: "wg2", entry: "wg2-1", field: "category", text: "Skills")))])
        try Self.add(&group, group: "wg1", ["title": "Another group's challenge"])

        let plan = try Self.merge(Self.results(group), into: &main)
        #expect((plan.added, plan.updated, plan.unchanged) == (1, 1, 0))
        #expect(main.group("wg2")!.entries.count == 1)
        #expect(main.group("wg2")!.entries[0].fields["category"] == "Skills")
        #expect(main.group("wg2")!.entries[0].editedAt == Fixtures.at(13, 5))
        #expect(main.group("wg1")!.entries.map(\.id) == ["wg1-1"])
    }

    @Test func filesFromAnotherSessionOrThisRecordAreRefused() throws {
        var other = try Self.laptop("laptop-x", session: Self.session(title: "Mine the Gap"))
        try Self.add(&other, group: "wg2", ["title": "Elsewhere"])
        var main = try Self.laptop("plenary")
        try Self.add(&main, group: "wg2", ["title": "Ours"])
        let before = main

        guard case .failure(.otherSession(_, let theirs, let ours)) = GroupImport.plan(bytes: Self.results(other), fileName: "x.json", into: main) else {
            Issue.record("another session's file was not refused"); return
        }
        #expect(theirs.contains("Mine the Gap"))
        #expect(ours.contains("From S3 Benchmarking"))
        #expect(GroupImport.plan(bytes: Self.results(main), fileName: "own.json", into: main) == .failure(.ownFile(file: "own.json")))
        #expect(GroupImport.plan(bytes: Array("{}".utf8), fileName: "junk.json", into: main)
                    == .failure(.unreadable(file: "junk.json", reason: "not the expected JSON")))
        #expect(main == before)
    }

    @Test func versionOneFilesAreRefusedWithAWayForward() throws {
        var group = try Self.laptop("laptop-b")
        try Self.add(&group, group: "wg2", ["title": "Old"])
        var snapshot = ResultsSnapshot(state: group, sessionFile: "s.yaml", generator: "t")
        snapshot.schemaVersion = 1
        snapshot.workshop.fingerprint = nil
        snapshot.workshop.record = nil
        let refusal = GroupImport.plan(snapshot, fileName: "old.json", into: try Self.laptop("plenary"))
        #expect(refusal == .failure(.olderVersion(file: "old.json", version: 1)))
        #expect("\(try #require(refusal.failure))".contains("plenary run SESSION --results old.json"))
    }

    @Test func entriesTheLaptopGotFromThisRecordAreNotDuplicated() throws {
        var main = try Self.laptop("plenary")
        try Self.add(&main, group: "wg1", ["title": "Made in the plenary"])
        var group = try Self.laptop("laptop-b")
        try Self.merge(Self.results(main), into: &group, file: "plenary.results.json")
        try Self.add(&group, group: "wg2", ["title": "Made on the laptop"])

        let plan = try Self.merge(Self.results(group), into: &main)
        #expect((plan.added, plan.unchanged) == (1, 0))
        #expect(main.groups.flatMap(\.entries).count == 2)
    }

    @Test func mergedEntriesReplayFromTheJournalAndReachTheResults() throws {
        var group = try Self.laptop("laptop-b")
        try Self.add(&group, group: "wg2", ["title": "Fragmented funding", "partners": "Lapland\nKainuu"])
        let fileSystem = MemoryFileSystem()
        let files = WorkshopFiles(sessionPath: "/w/s.yaml")
        let clock = ManualClock(Fixtures.at(13, 0))
        let session = Self.session()
        let runner = try #require(Fixtures.runner(session, fileSystem: fileSystem, files: files, clock: clock))
        let plan = try GroupImport.plan(bytes: Self.results(group), fileName: "wg2.results.json", into: runner.state).get()
        runner.send(.command(try #require(plan.command)))
        runner.close()

        let reopened = try #require(Fixtures.open(session, fileSystem: fileSystem, files: files, at: Fixtures.at(14, 0)))
        #expect(reopened.state.groups == runner.state.groups)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(fileSystem.files[files.resultsPath]!)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == ResultsSnapshot.schemaVersion)
        let workshop = try #require(object["workshop"] as? [String: Any])
        #expect(workshop["fingerprint"] as? String == session.fingerprint)
        #expect(workshop["record"] as? String == "record-1")
        let entry = try #require(((object["groups"] as? [[String: Any]])?[1]["entries"] as? [[String: Any]])?.first)
        #expect((entry["origin"] as? [String: String]) == ["record": "laptop-b", "entry": "wg2-1", "file": "wg2.results.json"])
    }

    @Test func theFingerprintIgnoresSpeakersButNotGroups() throws {
        var renamed = Self.session()
        renamed.agenda[0].title = "Arrival"
        renamed.voterPIN = "sha256:1:00:00"
        #expect(renamed.fingerprint == Self.session().fingerprint)
        var regrouped = Self.session()
        regrouped.groups.removeLast()
        #expect(regrouped.fingerprint != Self.session().fingerprint)
    }

    /// The fingerprint and the start's messages are joined by `concatenated` (decision 109): the same text as
    /// `joined(separator:)`, so results files written by earlier versions still match when merged.
    @Test func concatenatedJoinsAsJoinedSeparatorDoes() {
        for parts in [[], [""], ["", ""], ["a"], ["a", "", "b"], ["é", "中文", "🇪🇸"], ["", "x", ""]] as [[String]] {
            for separator in ["", ",", "\n", "::"] {
                #expect(parts.concatenated(separator: separator) == parts.joined(separator: separator), "\(parts)")
            }
        }
    }

    @Test func iso8601TimesReadBack() throws {
        let calendar = LocalCalendar(timeZoneIdentifier: "Europe/Madrid")
        for instant in [Fixtures.at(12, 53, 7), Fixtures.at(0, 0), Instant(seconds: 1_720_000_000)] {
            #expect(LocalCalendar.instant(fromISO8601: calendar.iso8601(instant)) == instant)
        }
        #expect(LocalCalendar.instant(fromISO8601: "2025-03-11T12:00:00Z") == Instant(seconds: 1_741_694_400))
        for bad in ["", "2025-03-11", "2025-13-11T12:00:00Z", "2025-03-11T12:00:00+0100", "2025-03-11T12:00:00+01:00x"] {
            #expect(LocalCalendar.instant(fromISO8601: bad) == nil)
        }
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
