import Testing
import PlenaryTestSupport
@testable import PlenaryEngine
import PlenaryStorage

/// docs/ballot-secrecy.md: a ballot from an attached client leaves the same journal bytes as one typed on the host,
/// so nothing on disk says where a ballot came from.
@Suite struct RemoteJournalTests {
    let files = WorkshopFiles(sessionPath: "/w/sevilla.yaml")

    func session(admission: Admission) -> Session {
        var session = Fixtures.sevilla()
        session.polls = [PollDefinition(id: "format", question: "Format?", type: .single, options: ["Physical", "Online"], admission: admission)]
        return session
    }

    /// A runner over memory files with `format` open, at 12:05.
    func openPoll(_ session: Session, _ fileSystem: MemoryFileSystem) throws -> WorkshopRunner {
        let runner = try #require(Fixtures.runner(session, fileSystem: fileSystem, files: files, clock: ManualClock(Fixtures.at(12, 5))))
        runner.send(.command(.poll(.open(poll: "format"))))
        return runner
    }

    @Test func aRemoteBallotIsJournaledByteForByteAsALocalOne() throws {
        let local = MemoryFileSystem(), remote = MemoryFileSystem()
        let localRunner = try openPoll(session(admission: .open), local)
        localRunner.send(.poll(.startBallot("format")))
        localRunner.send(.poll(.editBallot(.digit(2))))
        localRunner.send(.poll(.submitBallot))

        let remoteRunner = try openPoll(session(admission: .open), remote)
        guard case .perform(let action) = RoleGate.admit(.castBallot(poll: "format", ballot: .single(option: 1), code: nil),
                                                         from: ClientGrant(role: .voter), in: remoteRunner.state)
        else { Issue.record("the ballot was refused"); return }
        remoteRunner.send(action)

        #expect(localRunner.state.polls[0].ballotCount == 1 && remoteRunner.state.polls[0].ballotCount == 1)
        let localJournal = try #require(local.files[files.journalPath])
        #expect(remote.files[files.journalPath] == localJournal)
    }

    @Test func aCodeBallotsJournalLineHoldsNoCodeAndNoTime() throws {
        let fileSystem = MemoryFileSystem()
        let runner = try openPoll(session(admission: .codes), fileSystem)
        var book = CodeBook(salt: Array(repeating: 3, count: 16), hashes: [])
        let hash = book.hash(of: "ACDE-FGHJ-KMNP")
        book.hashes = [hash]
        runner.send(.voterMode(.loadCodeBook(book)))
        let before = fileSystem.appends[files.journalPath]?.count ?? 0
        guard case .perform(let action) = RoleGate.admit(.castBallot(poll: "format", ballot: .single(option: 1), code: "ACDE-FGHJ-KMNP"),
                                                         from: ClientGrant(role: .voter), in: runner.state)
        else { Issue.record("the ballot was refused"); return }
        runner.send(action)
        let appends = try #require(fileSystem.appends[files.journalPath])
        #expect(appends.count == before + 1)
        let line = String(decoding: appends.last ?? [], as: UTF8.self)
        #expect(line.contains(#""at":0"#))
        #expect(!line.contains(hash) && !line.contains("ACDE"))
        #expect(runner.state.codeBook?.used["format#1"] == [hash])
        #expect(fileSystem.files[files.usedCodesPath].map { String(decoding: $0, as: UTF8.self).contains(hash) } == true)
    }
}
