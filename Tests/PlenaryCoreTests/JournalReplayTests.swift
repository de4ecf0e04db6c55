import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

/// Intact records this version cannot use, and records that cannot apply: refused or reported, never cut or hidden.
@Suite struct JournalReplayTests {
    let files = WorkshopFiles(sessionPath: "w/s.yaml")

    var session: Session {
        var session = GroupMergeTests.session()
        session.polls = [PollLifecycleTests.question, PollDefinition(id: "draft", question: "Later?", type: .single, options: ["A", "B"])]
        return session
    }

    var header: JournalHeader {
        JournalHeader(title: session.title, slots: session.agenda.map(\.id), createdAt: Fixtures.at(11, 0), record: "record-1")
    }

    /// A journal line as a newer version would write it: right layout and checksum, any record inside.
    func line(_ body: String) -> [UInt8] {
        let bytes = Array(body.utf8)
        let crc = String(CRC32C.checksum(bytes), radix: 16)
        return Array(#"{"crc":"\#(String(repeating: "0", count: 8 - crc.count) + crc)","len":\#(bytes.count),"record":"#.utf8)
            + bytes + Array("}\n".utf8)
    }

    func journal(_ commands: [WorkshopCommand]) -> [UInt8] {
        var bytes = JournalCodec.encode(.header(header))
        for (offset, command) in commands.enumerated() {
            bytes += JournalCodec.encode(.command(seq: offset + 1, at: Fixtures.at(12, offset), command: command))
        }
        return bytes
    }

    func open(_ fs: MemoryFileSystem) -> Result<WorkshopStore.Opened, WorkshopStore.OpenError> {
        fs.startProcess()
        return WorkshopStore.open(session: session, plan: try! PlannedAgenda.plan(session).get(), files: files, fileSystem: fs,
                                  now: Fixtures.at(13, 0), stamp: "STAMP", fresh: false, newRecordID: "new")
    }

    @Test(arguments: [
        (#"{"at":1,"seq":3,"type":"checkpoint"}"#, #"a record of unknown type "checkpoint""#),
        (#"{"at":1,"command":{"poll":{"action":{"veto":{"poll":"focus"}}}},"seq":3,"type":"command"}"#, "a command this version cannot read (poll veto)"),
        (#"{"at":1,"command":"rewind","seq":3,"type":"command"}"#, "a command this version cannot read (rewind)"),
    ])
    func anIntactLastRecordThisVersionCannotReadIsRefusedAndNothingIsCut(body: String, reason: String) {
        let intact = journal([.start, .next])
        let bytes = intact + line(body)
        let fs = MemoryFileSystem(files: [files.journalPath: bytes])
        guard case .failure(let error) = open(fs) else { Issue.record("started, cutting an intact record"); return }
        let text = error.description
        #expect(text.contains("record at byte \(intact.count) (line 4) is intact but this version cannot use it: \(reason)"), "\(text)")
        #expect(text.contains("newer Plenary"))
        #expect(!text.contains("never acknowledged"))
        #expect(fs.files[files.journalPath] == bytes, "nothing cut")
        #expect(fs.files.keys.sorted() == [files.journalPath], "no copy, no results written")
    }

    @Test func aDuplicateLastSequenceNumberIsRefusedNotCut() throws {
        let intact = journal([.start, .next])
        let bytes = intact + JournalCodec.encode(.command(seq: 2, at: Fixtures.at(12, 5), command: .next))
        let fs = MemoryFileSystem(files: [files.journalPath: bytes])
        guard case .failure(let error) = open(fs) else { Issue.record("started, cutting an intact record"); return }
        #expect(error.description.contains("damaged record at byte \(intact.count) (line 4): sequence number 2 again (the last was 2)"), "\(error)")
        #expect(fs.files[files.journalPath] == bytes)
    }

    @Test func midFileTheReasonIsTheRealOneNotTheChecksum() throws {
        let first = journal([.start])
        let bytes = first + line(#"{"at":1,"seq":2,"type":"checkpoint"}"#) + JournalCodec.encode(.command(seq: 3, at: Fixtures.at(12, 9), command: .next))
        guard case .failure(let damage) = JournalReader.read(bytes) else { Issue.record("accepted"); return }
        #expect(damage.byteOffset == first.count)
        #expect(damage.line == 3)
        #expect(damage.kind == .unreadable)
        #expect(damage.reason == #"a record of unknown type "checkpoint""#)
    }

    @Test func aHeaderOfAnotherFormatVersionIsRefusedAndKept() throws {
        var newer = header
        newer.format = 2
        let bytes = JournalCodec.encode(.header(newer)) + JournalCodec.encode(.command(seq: 1, at: Fixtures.at(12, 0), command: .start))
        let fs = MemoryFileSystem(files: [files.journalPath: bytes])
        guard case .failure(let error) = open(fs) else { Issue.record("started on a journal of format 2"); return }
        #expect(error.description.contains("record at byte 0 (line 1) is intact but this version cannot use it: journal format 2, and this version reads format 1"), "\(error)")
        #expect(fs.files[files.journalPath] == bytes)

        // Alone (no command yet), it is not mistaken for a header torn by a crash and moved aside.
        let alone = JournalCodec.encode(.header(newer))
        let single = MemoryFileSystem(files: [files.journalPath: alone])
        guard case .failure = open(single) else { Issue.record("set a newer journal aside"); return }
        #expect(single.files.keys.sorted() == [files.journalPath])
    }

    @Test func recordsThatCannotApplyAreReportedWithWhereAndWhyAndNotCounted() throws {
        let commands: [WorkshopCommand] = [
            .poll(.open(poll: "focus")),
            .poll(.cast(poll: "gone", ballot: .single(option: 0))),
            .poll(.cast(poll: "focus", ballot: .single(option: 7))),
            .group(.setField(group: "wg1", entry: "wg1-9", field: "theme", text: "x")),
            .poll(.cast(poll: "draft", ballot: .single(option: 0))),
            .poll(.cast(poll: "focus", ballot: .single(option: 1))),
        ]
        let bytes = journal(commands)
        let fs = MemoryFileSystem(files: [files.journalPath: bytes])
        let opened = try open(fs).get()
        #expect(opened.skipped.count == 4)
        let offsets = (0...commands.count).map { journal(Array(commands.prefix($0))).count }
        #expect(opened.skipped[0].hasPrefix("line 3 (byte \(offsets[1])): "), "\(opened.skipped)")
        #expect(opened.skipped[1].hasPrefix("line 4 (byte \(offsets[2])): "))
        #expect(opened.skipped[2].hasPrefix("line 5 (byte \(offsets[3])): That entry no longer exists."))
        #expect(opened.skipped[3].hasPrefix("line 6 (byte \(offsets[4])): "))
        #expect(opened.messages == ["Resumed from the journal: 2 recorded actions."])
        #expect(opened.state.recordedActions == 2)
        #expect(opened.state.recordedCommands == 6, "the next record still follows the last sequence number")
        #expect(opened.state.poll("focus")?.rounds.last?.ballots.count == 1)
        let summary = try #require(opened.skippedSummary(listing: 2))
        #expect(summary.hasPrefix("Skipped 4 journal records that cannot apply (kept in the file, not counted): line 3 (byte"))
        #expect(summary.hasSuffix("; and 2 more."))
        #expect(fs.files[files.journalPath] == bytes, "the skipped records stay in the file")
    }
}
