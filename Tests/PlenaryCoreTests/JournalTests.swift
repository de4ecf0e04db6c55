import Foundation
import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

@Suite struct JournalTests {
    let header = JournalHeader(title: "T", slots: ["a", "b"], createdAt: Instant(milliseconds: 5))

    func journal(_ commands: [WorkshopCommand]) -> [UInt8] {
        var bytes = JournalCodec.encode(.header(header))
        for (offset, command) in commands.enumerated() {
            bytes += JournalCodec.encode(.command(seq: offset + 1, at: Instant(milliseconds: Int64(1000 * offset)), command: command))
        }
        return bytes
    }

    @Test func aLineIsOneJSONObjectWithChecksumAndLength() throws {
        let line = String(decoding: JournalCodec.encode(.command(seq: 1, at: Instant(milliseconds: 42), command: .jump(slot: 3))), as: UTF8.self)
        #expect(line.hasPrefix(#"{"crc":""#))
        #expect(line.hasSuffix("}\n"))
        #expect(line.contains(#""record":{"at":42,"command":{"jump":{"slot":3}},"seq":1,"type":"command"}"#))
    }

    @Test func everyCommandRoundTrips() throws {
        let commands: [WorkshopCommand] = [.start, .pause, .resume, .next, .previous, .jump(slot: 2), .adjust(slot: 1, seconds: -60), .end]
        guard case .success(let contents) = JournalReader.read(journal(commands)) else { Issue.record("read failed"); return }
        #expect(contents.header == header)
        #expect(contents.commands.map(\.command) == commands)
        #expect(contents.damagedTailLength == 0)
    }

    /// `WorkshopCommand` and `PollCommand` are read by hand and written by Swift's synthesised encoder (decision
    /// 105): one of every case goes through both and comes back equal. `caseName` switches over every case, so a new
    /// case does not compile here until it is named, and the count below fails until it has a sample.
    @Test func everyCaseOfTheHandReadCommandsRoundTrips() throws {
        let definition = PollDefinition(id: "made", question: "Made up?", type: .single, options: ["Yes", "No"])
        let polls: [PollCommand] = [.open(poll: "p"), .close(poll: "p"), .reveal(poll: "p", shown: true), .newRound(poll: "p"),
                                    .cast(poll: "p", ballot: .ranking(order: [1, 0])), .handCount(poll: "p", counts: [3, 4]),
                                    .create(definition)]
        let entry = ImportedEntry(group: "wg1", origin: EntryOrigin(record: "laptop-b", entry: "wg1-1", file: "b.results.json"),
                                  template: "challenge", fields: ["title": "Skills pact"], author: "facilitator",
                                  createdAt: Instant(milliseconds: 1), editedAt: Instant(milliseconds: 2))
        let commands: [WorkshopCommand] = [.start, .pause, .resume, .next, .previous, .jump(slot: 2), .adjust(slot: 1, seconds: -60),
                                           .end, .reopen, .group(.undo(group: "wg1")), .merge(entries: [entry]),
                                           .plan(.setTitle(slot: 1, title: "Café")), .shortlist(entries: ["wg1-1"]),
                                           .qa(.upvote(board: "workshop", item: 1))] + polls.map { .poll($0) }
        #expect(Set(commands.map(Self.caseName)).count == 14 + 7, "fourteen cases, the poll's by each of its seven")
        #expect(Set(polls.map(\.caseName)).count == 7)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for command in commands {
            let decoded = try JSONDecoder().decode(WorkshopCommand.self, from: encoder.encode(command))
            #expect(decoded == command)
        }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(WorkshopCommand.self, from: Data(#"{"launch":{}}"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(WorkshopCommand.self, from: Data(#"{"start":{},"end":{}}"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(PollCommand.self, from: Data(#"{"open":{"id":"p"}}"#.utf8)) }
    }

    static func caseName(_ command: WorkshopCommand) -> String {
        switch command {
        case .start: "start"
        case .pause: "pause"
        case .resume: "resume"
        case .next: "next"
        case .previous: "previous"
        case .jump: "jump"
        case .adjust: "adjust"
        case .end: "end"
        case .reopen: "reopen"
        case .poll(let poll): "poll." + poll.caseName
        case .group: "group"
        case .merge: "merge"
        case .plan: "plan"
        case .shortlist: "shortlist"
        case .qa: "qa"
        }
    }

    /// The everyday commands are written without `JSONEncoder` (decision 101); their records must be its bytes exactly
    /// (replay, `BallotRecordDecoder` and other readers of the journal see one format), with and without `actionEnd`.
    @Test func commandsWrittenDirectlyAreJSONEncodersBytes() throws {
        let commands: [WorkshopCommand] = [.start, .pause, .resume, .next, .previous, .end, .reopen, .jump(slot: 0),
                                           .jump(slot: 12), .adjust(slot: 3, seconds: 60), .adjust(slot: 0, seconds: -300)]
        for command in commands {
            #expect(JournalCodec.directJSON(command) != nil, "\(command) is written directly")
            for actionEnd in [nil, 9] as [Int?] {
                let record = JournalRecord.command(seq: 7, at: Instant(milliseconds: 1_796_588_494_511), command: command,
                                                   actionEnd: actionEnd)
                let direct = JournalCodec.encode(record)
                let reference = JournalCodec.encodedByJSONEncoder(record)
                #expect(String(decoding: direct, as: UTF8.self).contains(#""record":"# + String(decoding: reference, as: UTF8.self) + "}\n"),
                        "\(command), actionEnd \(String(describing: actionEnd))")
                #expect(JournalCodec.decode(direct.dropLast()) == record)
            }
        }
        #expect(JournalCodec.directJSON(.shortlist(entries: ["a"])) == nil, "the others go through JSONEncoder")
    }

    @Test func damageBeforeTheLastRecordStopsWithItsOffset() throws {
        var bytes = journal([.start, .next, .next])
        let secondRecord = journal([.start]).count
        bytes[secondRecord + 20] ^= 0x01
        guard case .failure(let damage) = JournalReader.read(bytes) else { Issue.record("damage not found"); return }
        #expect(damage.byteOffset == secondRecord)
        #expect(damage.line == 3)
    }

    /// A journal like a real one: agenda moves, ballots of two kinds, a working-group entry with accents and CJK.
    var realistic: [WorkshopCommand] {
        [.start, .poll(.open(poll: "format")), .poll(.cast(poll: "format", ballot: .single(option: 1))),
         .poll(.cast(poll: "one-word", ballot: .open(text: "confianza 協力"))), .next, .adjust(slot: 1, seconds: 60),
         .group(.add(group: "wg1", template: "action-concept", author: "facilitator")),
         .group(.setField(group: "wg1", entry: "wg1-1", field: "theme", text: "Reciclaje de materias primas críticas")),
         .poll(.cast(poll: "format", ballot: .single(option: 2)))]
    }

    /// Byte offsets where each record starts, and the file's end.
    func recordBoundaries(_ commands: [WorkshopCommand]) -> [Int] {
        (0...commands.count).map { journal(Array(commands.prefix($0))).count }
    }

    /// Cutting the file at every byte of the last three records (a crash mid-write, or a disk that lost the tail):
    /// the reader keeps exactly the complete records before the cut and reports the rest as a torn tail, and the
    /// store cuts it off after keeping a copy and resumes with exactly those records.
    @Test func everyTruncationInTheLastThreeRecordsKeepsEveryCompleteRecord() throws {
        let commands = realistic
        let full = journal(commands)
        let boundaries = recordBoundaries(commands)
        let firstCut = boundaries[commands.count - 3]
        var points = 0
        for cut in firstCut...full.count {
            let complete = boundaries.lastIndex { $0 <= cut }!
            let bytes = Array(full.prefix(cut))
            guard case .success(let contents) = JournalReader.read(bytes) else {
                Issue.record("cut at \(cut) refused")
                continue
            }
            #expect(contents.commands.map(\.command) == Array(commands.prefix(complete)), "cut at \(cut)")
            #expect(contents.intactLength == boundaries[complete])
            #expect(contents.damagedTailLength == cut - boundaries[complete])
            points += 1
        }
        #expect(points == full.count - firstCut + 1)
        print("journal sweep: \(points) truncation points in the last three records, each kept every complete record")
    }

    @Test func theStoreRepairsEveryTruncationOfTheLastRecord() throws {
        let session = Fixtures.sevilla()
        let files = WorkshopFiles(sessionPath: "w/s.yaml")
        let commands: [WorkshopCommand] = [.start, .next, .adjust(slot: 1, seconds: 60), .pause]
        let header = JournalHeader(title: session.title, slots: session.agenda.map(\.id), createdAt: Instant(milliseconds: 5))
        var full = JournalCodec.encode(.header(header))
        var boundaries = [full.count]
        for (offset, command) in commands.enumerated() {
            full += JournalCodec.encode(.command(seq: offset + 1, at: Fixtures.at(12, offset), command: command))
            boundaries.append(full.count)
        }
        for cut in (boundaries[commands.count - 1] + 1)..<full.count {
            let fileSystem = MemoryFileSystem(files: [files.journalPath: Array(full.prefix(cut))])
            guard let opened = Fixtures.open(session, fileSystem: fileSystem, files: files, at: Fixtures.at(13, 0)) else {
                Issue.record("the store refused a journal cut at \(cut)")
                continue
            }
            #expect(opened.state.recordedCommands == commands.count - 1)
            #expect(fileSystem.files[files.journalPath] == Array(full.prefix(boundaries[commands.count - 1])))
            #expect(fileSystem.files[files.journalPath + ".broken-S"] == Array(full.prefix(cut)))
        }
    }

    /// Every byte replaced by nine other values (each single bit, and all bits): never an accepted record that
    /// differs from what was written. Damage before the last record stops the start; in the last record it is a
    /// torn tail, and everything before it is kept. The one exception is the line break before the last record:
    /// changed, it joins the last two records into one bad last line, which is set aside as a torn tail (the store
    /// keeps the original as `.broken-…`), so that case keeps one record fewer.
    @Test func oneChangedByteAnywhereIsNeverAcceptedAsARecord() throws {
        let commands = realistic
        let bytes = journal(commands)
        let lastStart = recordBoundaries(commands)[commands.count - 1]
        var changes = 0
        for index in bytes.indices {
            for mask: UInt8 in [0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0xFF] {
                var damaged = bytes
                damaged[index] ^= mask
                changes += 1
                switch JournalReader.read(damaged) {
                case .failure(let damage):
                    #expect(index < lastStart || damaged[index] == UInt8(ascii: "\n"),
                            "byte \(index) ^ \(mask) in the last record must be a torn tail, not \(damage)")
                case .success(let contents):
                    #expect(index >= lastStart - 1, "byte \(index) ^ \(mask) before the last record went unnoticed")
                    let kept = index == lastStart - 1 ? commands.count - 2 : commands.count - 1
                    #expect(contents.commands.map(\.command) == Array(commands.prefix(kept)), "byte \(index) ^ \(mask)")
                    #expect(contents.damagedTailLength > 0)
                }
            }
        }
        #expect(changes == bytes.count * 9)
        print("journal sweep: \(changes) single-byte changes over \(bytes.count) bytes, none accepted as a record")
    }

    @Test func outOfOrderSequenceIsDamage() throws {
        var bytes = JournalCodec.encode(.header(header))
        bytes += JournalCodec.encode(.command(seq: 1, at: Instant(milliseconds: 0), command: .start))
        bytes += JournalCodec.encode(.command(seq: 3, at: Instant(milliseconds: 0), command: .next))
        bytes += JournalCodec.encode(.command(seq: 4, at: Instant(milliseconds: 0), command: .next))
        guard case .failure(let damage) = JournalReader.read(bytes) else { Issue.record("accepted a gap"); return }
        #expect(damage.reason == "sequence number 3 where 2 was expected")
    }
}

extension PollCommand {
    /// Every case, by name (exhaustive: see `everyCaseOfTheHandReadCommandsRoundTrips`).
    var caseName: String {
        switch self {
        case .open: "open"
        case .close: "close"
        case .reveal: "reveal"
        case .newRound: "newRound"
        case .cast: "cast"
        case .handCount: "handCount"
        case .create: "create"
        }
    }
}
