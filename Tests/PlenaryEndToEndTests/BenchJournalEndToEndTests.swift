import Foundation
import PlenaryEngine
import PlenarySessionFile
import PlenaryStorage
import PlenaryTestSupport
import Testing

/// `plenary-bench-gen`, the benchmark's journal writer (scripts/bench), still writes journals that Plenary resumes
/// in full: every ballot applied, nothing skipped. Otherwise the scaling table would time replays of refused records.
@Suite(.serialized)
struct BenchJournalEndToEndTests {
    static let sevilla = SessionFiles.path("widex-irm-hub-sevilla.yaml")

    static func generate(_ arguments: String..., in folder: String) throws -> SubprocessResult {
        let generator = try BuiltProducts.executable(named: "plenary-bench-gen").path
        return try Subprocess.run([generator] + arguments, environment: ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"],
                                  workingDirectory: folder)
    }

    @Test(arguments: [("single", "value-chain-gap"), ("open", "bench-open")])
    func aGeneratedJournalResumesWithEveryBallot(_ type: String, _ pollID: String) throws {
        let folder = try AfterTheWorkshopEndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = folder + "/sevilla.yaml"
        try FileManager.default.copyItem(atPath: Self.sevilla, toPath: session)
        let made = try Self.generate(session, folder + "/sevilla.results.json", "--ballots", "250", "--type", type, in: folder)
        #expect(made.status == 0, "\(made)")

        guard case .success(let loaded) = SessionFile.load(path: session), case .success(let plan) = PlannedAgenda.plan(loaded) else {
            Issue.record("the Sevilla session does not load")
            return
        }
        let files = WorkshopFiles(sessionPath: session)
        let opened = WorkshopStore.open(session: loaded, plan: plan, files: files, fileSystem: PosixFileSystem(),
                                        now: Instant(milliseconds: Int64(Date().timeIntervalSince1970 * 1000)),
                                        stamp: "test", fresh: false, newRecordID: "test")
        guard case .success(let resumed) = opened else {
            Issue.record("the generated journal does not open: \(opened)")
            return
        }
        defer { resumed.journal.close() }
        #expect(resumed.skipped.isEmpty, "\(resumed.skipped)")
        #expect(resumed.state.hasStarted)
        #expect(resumed.state.poll(pollID)?.status == .open)
        #expect(resumed.state.poll(pollID)?.ballotCount == 250)
        // The workshop start, the poll's opening (and creation, for open text), then one command per ballot.
        #expect(resumed.state.recordedCommands == 250 + (type == "open" ? 3 : 2))
        #expect(resumed.messages == ["Resumed from the journal: \(CountedNoun.phrase(250 + (type == "open" ? 3 : 2), "recorded action"))."])
    }

    @Test func anExistingJournalIsNeverWrittenOver() throws {
        let folder = try AfterTheWorkshopEndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = folder + "/sevilla.yaml"
        try FileManager.default.copyItem(atPath: Self.sevilla, toPath: session)
        try Data("kept".utf8).write(to: URL(fileURLWithPath: folder + "/sevilla.journal.jsonl"))
        let refused = try Self.generate(session, folder + "/sevilla.results.json", "--ballots", "3", in: folder)
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("exists; this writes new journals only"), "\(refused)")
        #expect(try String(contentsOfFile: folder + "/sevilla.journal.jsonl", encoding: .utf8) == "kept")
    }
}
