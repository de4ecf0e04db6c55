import Foundation
import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

/// The resume reads ballots straight from their bytes and streams the journal (decision 61): it must land on
/// exactly the state the live run had, and read every line, malformed or not, as the general decoder does.
@Suite struct JournalStreamingTests {
    let files = WorkshopFiles(sessionPath: "/w/sevilla.yaml")
    let costs = CostPerBallotTests()

    // MARK: - Replay equals the live run

    /// Random sessions of poll commands and ballots of every type (valid or not) through the runner; the journal
    /// they leave, resumed, gives the same polls, tallies and counts.
    @Test func aResumedJournalGivesTheStateTheLiveRunHad() throws {
        for seed in 1...12 {
            var random = SeededGenerator(seed: UInt64(seed))
            let fileSystem = MemoryFileSystem()
            let clock = ManualClock(Fixtures.at(12, 0))
            let runner = try #require(Fixtures.runner(costs.session(), fileSystem: fileSystem, files: files, clock: clock))
            runner.send(.command(.start))
            for poll in CostPerBallotTests.polls { runner.send(.command(.poll(.open(poll: poll.id)))) }
            for _ in 0..<(200 + random.next(upTo: 200)) {
                let poll = CostPerBallotTests.polls[random.next(upTo: CostPerBallotTests.polls.count)]
                switch random.next(upTo: 40) {
                case 0: runner.send(.command(.poll(.newRound(poll: poll.id))))
                case 1: runner.send(.command(.poll(.reveal(poll: poll.id, shown: random.next(upTo: 2) == 0))))
                case 2: runner.send(.command(.poll(.close(poll: poll.id))))
                case 3: runner.send(.command(.poll(.open(poll: poll.id))))
                case 4: runner.send(.command(.next))
                default: runner.send(.command(.poll(.cast(poll: poll.id, ballot: costs.randomBallot(for: poll, &random)))))
                }
                clock.advance(seconds: Int64(random.next(upTo: 3)))
            }
            let live = runner.state
            let resumed = try #require(Fixtures.open(costs.session(), fileSystem: fileSystem, files: files, at: clock.now())).state
            #expect(resumed.recordedCommands == live.recordedCommands, "seed \(seed)")
            #expect(resumed.skippedRecords == live.skippedRecords, "seed \(seed)")
            #expect(resumed.polls == live.polls, "seed \(seed)")
            #expect(resumed.progress == live.progress, "seed \(seed)")
            #expect(resumed.phase == live.phase, "seed \(seed)")
            for (resumedPoll, livePoll) in zip(resumed.polls, live.polls) {
                for (resumedRound, liveRound) in zip(resumedPoll.rounds, livePoll.rounds) {
                    #expect(resumedRound.tally == liveRound.tally, "seed \(seed) \(livePoll.id)")
                }
            }
        }
    }

    // MARK: - Ballots read from their bytes

    /// Texts that need escapes, or that are not plain: the general decoder reads those lines.
    static let awkwardTexts = ["", "plain words", "quote \" inside", "back\\slash", "tab\there", "line\nbreak", "\u{7F} del",
                               "région, l’industrie", "🇪🇸 flags and 中文", "é as e\u{301}", "/slash/", "\u{2028}separator"]

    func randomBallot(_ random: inout SeededGenerator) -> Ballot {
        func integers() -> [Int] { (0..<random.next(upTo: 5)).map { _ in random.next(upTo: 2_000_001) - 1_000_000 } }
        switch random.next(upTo: 6) {
        case 0: return .single(option: random.next(upTo: 20) - 5)
        case 1: return .multiple(options: integers())
        case 2: return .scale(value: Int(Int64(bitPattern: random.next())))
        case 3: return .open(text: Self.awkwardTexts[random.next(upTo: Self.awkwardTexts.count)])
        case 4: return .ranking(order: integers())
        default: return .allocation(points: integers())
        }
    }

    func body(of line: [UInt8]) throws -> ArraySlice<UInt8> {
        try #require(JournalCodec.checkedBody(line.dropLast()))
    }

    @Test func everyBallotTheCodecWritesReadsBackTheSame() throws {
        var random = SeededGenerator(seed: 58)
        var direct = 0
        for index in 0..<2_000 {
            let ballot = randomBallot(&random)
            let record = JournalRecord.command(seq: index + 1, at: Instant(milliseconds: Int64(random.next(upTo: 3)) * 1_700_000_000_000),
                                               command: .poll(.cast(poll: index % 2 == 0 ? "word" : "p\u{e9}-\(index)", ballot: ballot)),
                                               actionEnd: random.next(upTo: 4) == 0 ? index + 3 : nil)
            let line = JournalCodec.encode(record)
            #expect(JournalCodec.decode(line.dropLast()) == record, "\(record)")
            if let read = BallotRecordDecoder.decode(try body(of: line)) {
                #expect(read == record)
                direct += 1
            }
        }
        #expect(direct > 1_500, "most ballots are read without JSONDecoder")
    }

    /// `count` records from `record`, each body with one to three bytes replaced, inserted or removed at random:
    /// whatever `direct` reads of one, the general decoder reads the same. Answers how many `direct` read.
    func damagedBodiesRead(by direct: (ArraySlice<UInt8>) -> JournalRecord?, count: Int, seed: UInt64, inserts: [UInt8],
                           record: (Int, inout SeededGenerator) -> JournalRecord) throws -> Int {
        var random = SeededGenerator(seed: seed)
        var read = 0
        for index in 0..<count {
            var bytes = Array(try body(of: JournalCodec.encode(record(index, &random))))
            for _ in 0...random.next(upTo: 2) {
                let at = random.next(upTo: bytes.count)
                switch random.next(upTo: 3) {
                case 0: bytes[at] = inserts[random.next(upTo: inserts.count)]
                case 1: bytes.insert(inserts[random.next(upTo: inserts.count)], at: at)
                default: bytes.remove(at: at)
                }
            }
            let general = JournalCodec.decodeBody(Data(bytes), with: JSONDecoder())
            if let directly = direct(bytes[...]) {
                read += 1
                #expect(general == .record(directly), "\(String(decoding: bytes, as: UTF8.self))")
            }
        }
        return read
    }

    /// Whatever the bytes, the direct reading gives nothing or exactly what the general decoder gives.
    @Test func aDamagedBallotBodyReadsAsTheGeneralDecoderReadsIt() throws {
        let inserts = Array(#" -.0e9"\{}[],:"#.utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xFF]
        let mutants = try damagedBodiesRead(by: BallotRecordDecoder.decode, count: 3_000, seed: 13, inserts: inserts) { index, random in
            .command(seq: index + 1, at: Instant(milliseconds: 0), command: .poll(.cast(poll: "word", ballot: randomBallot(&random))))
        }
        #expect(mutants > 0, "some changes still read as a ballot (a digit for a digit, say)")
    }

    @Test(arguments: [
        #"{"at":0,"command":{"poll":{"action":{"cast":{"ballot":{"single":{"option":-0}},"poll":"p"}}}},"seq":1,"type":"command"}"#,
        #"{"at":0,"command":{"poll":{"action":{"cast":{"ballot":{"single":{"option":007}},"poll":"p"}}}},"seq":1,"type":"command"}"#,
        #"{"at":0,"command":{"poll":{"action":{"cast":{"ballot":{"single":{"option":1e0}},"poll":"p"}}}},"seq":1,"type":"command"}"#,
        #"{"at":0,"command":{"poll":{"action":{"cast":{"ballot":{"single":{"option":2.0}},"poll":"p"}}}},"seq":1,"type":"command"}"#,
        #"{"at":0,"command":{"poll":{"action":{"cast":{"ballot":{"single":{"option":1234567890123456789012}},"poll":"p"}}}},"seq":1,"type":"command"}"#,
        #"{"at":9531029179531029675,"command":{"poll":{"action":{"cast":{"ballot":{"single":{"option":1}},"poll":"p"}}}},"seq":1,"type":"command"}"#,
        #"{"at":0,"command":{"poll":{"action":{"cast":{"ballot":{"single":{"option":9999999999999999999}},"poll":"p"}}}},"seq":1,"type":"command"}"#,
        #"{"at": 0,"command":{"poll":{"action":{"cast":{"ballot":{"single":{"option":1}},"poll":"p"}}}},"seq":1,"type":"command"}"#,
        #"{"actionEnd":null,"at":0,"command":{"poll":{"action":{"cast":{"ballot":{"single":{"option":1}},"poll":"p"}}}},"seq":1,"type":"command"}"#,
        #"{"at":0,"command":{"poll":{"action":{"cast":{"ballot":{"open":{"text":"caf\u00e9"}},"poll":"p"}}}},"seq":1,"type":"command"}"#,
        #"{"at":0,"command":{"poll":{"action":{"cast":{"ballot":{"single":{"option":1},"x":1},"poll":"p"}}}},"seq":1,"type":"command"}"#,
        #"{"at":0,"command":{"poll":{"action":{"cast":{"ballot":{"multiple":{"options":[1,]}},"poll":"p"}}}},"seq":1,"type":"command"}"#,
        #"{"at":0,"command":{"poll":{"action":{"cast":{"ballot":{"single":{"option":1}},"poll":"p"}}}},"seq":1,"type":"command"} "#,
        #"{"at":0,"command":{"poll":{"action":{"cast":{"ballot":{"single":{"option":1}},"poll":"p"}}}},"seq":1,"type":"command","z":0}"#,
    ])
    func anythingButTheCodecsOwnLayoutIsLeftToTheGeneralDecoder(_ body: String) {
        #expect(BallotRecordDecoder.decode(Array(body.utf8)[...]) == nil)
    }

    @Test func textThatIsNotUTF8IsLeftToTheGeneralDecoderWhichRefusesIt() {
        var bytes = Array(#"{"at":0,"command":{"poll":{"action":{"cast":{"ballot":{"open":{"text":"ab"}},"poll":"p"}}}},"seq":1,"type":"command"}"#.utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "b"))!
        bytes[at] = 0xFF
        #expect(BallotRecordDecoder.decode(bytes[...]) == nil)
        guard case .unreadable = JournalCodec.decodeBody(Data(bytes), with: JSONDecoder()) else {
            Issue.record("read text that is not UTF-8"); return
        }
    }

    // MARK: - The header and everyday commands read from their bytes

    func everydayCommands(_ random: inout SeededGenerator, poll: String) -> [WorkshopCommand] {
        [.start, .pause, .resume, .next, .previous, .end, .reopen, .jump(slot: random.next(upTo: 12)),
         .adjust(slot: random.next(upTo: 12), seconds: random.next(upTo: 1_201) - 600), .adjust(slot: 0, seconds: 0),
         .poll(.open(poll: poll)), .poll(.close(poll: poll)), .poll(.newRound(poll: poll)),
         .poll(.reveal(poll: poll, shown: true)), .poll(.reveal(poll: poll, shown: false))]
    }

    func header(_ random: inout SeededGenerator) -> JournalHeader {
        let texts = Self.awkwardTexts
        return JournalHeader(title: texts[random.next(upTo: texts.count)],
                             slots: (0..<random.next(upTo: 4)).map { _ in texts[random.next(upTo: texts.count)] },
                             createdAt: Instant(milliseconds: Int64(random.next(upTo: 2_000_000_000_000))),
                             record: random.next(upTo: 3) == 0 ? nil : texts[random.next(upTo: texts.count)])
    }

    /// Every header and everyday command, written by the codec (and by `JSONEncoder` itself, where the codec writes
    /// a command without it), reads back the same; those without escapes in their text never reach `JSONDecoder`.
    @Test func theHeaderAndEverydayCommandsReadBackTheSameWithoutJSONDecoder() throws {
        var random = SeededGenerator(seed: 109)
        var direct = 0
        for index in 0..<400 {
            let poll = Self.awkwardTexts[random.next(upTo: Self.awkwardTexts.count)]
            var records: [JournalRecord] = [.header(header(&random))]
            for command in everydayCommands(&random, poll: poll) {
                records.append(.command(seq: index + 1, at: Instant(milliseconds: Int64(random.next(upTo: 3)) * 1_700_000_000_000),
                                        command: command, actionEnd: random.next(upTo: 4) == 0 ? index + 3 : nil))
            }
            for record in records {
                for line in [JournalCodec.encode(record), JournalCodec.encodedByJSONEncoder(record)] {
                    let body = try #require(line.last == UInt8(ascii: "\n") ? JournalCodec.checkedBody(line.dropLast()) : line[...])
                    let plain = !body.contains(UInt8(ascii: "\\")) && !body.contains(where: { $0 < 0x20 })
                    let read = EverydayRecordDecoder.decode(body)
                    #expect(read == (plain ? record : nil), "\(String(decoding: body, as: UTF8.self))")
                    #expect(JournalCodec.decodeBody(Data(body), with: JSONDecoder()) == .record(record))
                    if read != nil { direct += 1 }
                }
            }
        }
        #expect(direct > 5_000, "most headers and commands are read without JSONDecoder")
    }

    /// Whatever the bytes, the direct reading gives nothing or exactly what the general decoder gives.
    @Test func aDamagedEverydayBodyReadsAsTheGeneralDecoderReadsIt() throws {
        let inserts = Array(#" -.0e9"\{}[],:tf"#.utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xFF]
        let mutants = try damagedBodiesRead(by: EverydayRecordDecoder.decode, count: 4_000, seed: 31, inserts: inserts) { index, random in
            let commands = everydayCommands(&random, poll: "word")
            return index % 4 == 0 ? .header(JournalHeader(title: "T", slots: ["a", "b"], createdAt: Instant(milliseconds: 5),
                                                           record: index % 8 == 0 ? nil : "r"))
                : .command(seq: index + 1, at: Instant(milliseconds: 0), command: commands[random.next(upTo: commands.count)],
                           actionEnd: index % 3 == 0 ? index + 2 : nil)
        }
        #expect(mutants > 0, "some changes still read as a record (a digit for a digit, say)")
    }

    @Test(arguments: [
        #"{"header":{"createdAt":1,"format":1,"slots":["a"],"title":"T","x":0},"type":"header"}"#,
        #"{"header":{"createdAt":1,"format":1.0,"slots":["a"],"title":"T"},"type":"header"}"#,
        #"{"header":{"createdAt":1,"format":1,"record":null,"slots":["a"],"title":"T"},"type":"header"}"#,
        #"{"header":{"createdAt":1,"format":1,"slots":["a",],"title":"T"},"type":"header"}"#,
        #"{"header":{"createdAt":1,"format":1,"slots":["a"],"title":"caf\u00e9"},"type":"header"}"#,
        #"{"header":{"format":1,"createdAt":1,"slots":["a"],"title":"T"},"type":"header"}"#,
        #"{"header":{"createdAt":1,"format":1,"slots":["a"],"title":"T"},"type":"header"} "#,
        #"{"at":0,"command":{"start":{}},"seq":1,"type":"header"}"#,
        #"{"at":0,"command":{"start":{"x":1}},"seq":1,"type":"command"}"#,
        #"{"at":0,"command":{"jump":{"slot":-0}},"seq":1,"type":"command"}"#,
        #"{"at":0,"command":{"adjust":{"slot":1,"seconds":60}},"seq":1,"type":"command"}"#,
        #"{"at":0,"command":{"poll":{"action":{"reveal":{"poll":"p","shown":1}}}},"seq":1,"type":"command"}"#,
        #"{"at":0,"command":{"poll":{"action":{"open":{"poll":"p"}}}},"seq":1,"type":"command","z":0}"#,
        #"{"actionEnd":null,"at":0,"command":{"next":{}},"seq":1,"type":"command"}"#,
    ])
    func anythingButTheCodecsOwnHeaderOrCommandLayoutIsLeftToTheGeneralDecoder(_ body: String) {
        #expect(EverydayRecordDecoder.decode(Array(body.utf8)[...]) == nil)
    }

    /// A journal of a header and everyday commands is replayed without making a `JSONDecoder`; a record that needs
    /// one (a poll created on the day) makes it.
    @Test func aJournalOfEverydayRecordsNeverMakesAJSONDecoder() {
        var decoder = JournalCodec.LineDecoder()
        var random = SeededGenerator(seed: 5)
        let lines = [JournalCodec.encode(.header(JournalHeader(title: "Sevilla", slots: ["a", "b"], createdAt: Instant(milliseconds: 1), record: "r")))]
            + everydayCommands(&random, poll: "value-chain-gap").enumerated().map { index, command in
                JournalCodec.encode(.command(seq: index + 1, at: Instant(milliseconds: 2), command: command))
            }
        for line in lines {
            guard case .record = decoder.decodeLine(line.dropLast()) else { Issue.record("not read"); return }
        }
        #expect(!decoder.madeJSONDecoder)
        let created = JournalCodec.encode(.command(seq: 99, at: Instant(milliseconds: 3), command: .poll(.handCount(poll: "p", counts: [1, 2]))))
        guard case .record = decoder.decodeLine(created.dropLast()) else { Issue.record("not read"); return }
        #expect(decoder.madeJSONDecoder)
    }

    // MARK: - Streaming

    /// A journal with a two-record action, then `tail`: read in pieces of every size, it reads as it does whole.
    @Test(arguments: ["", "torn", "damaged", "halfAction"])
    func aJournalReadInPiecesReadsAsAWholeOne(_ tail: String) throws {
        let session = costs.session()
        var bytes = JournalCodec.encode(.header(JournalHeader(title: session.title, slots: session.agenda.map(\.id), createdAt: Fixtures.at(11, 0))))
        bytes += JournalCodec.encode(action: [.start], firstSeq: 1, at: Fixtures.at(12, 0))
        bytes += JournalCodec.encode(action: [.poll(.open(poll: "one")), .poll(.cast(poll: "one", ballot: .single(option: 1)))],
                                     firstSeq: 2, at: Fixtures.at(12, 1))
        bytes += JournalCodec.encode(action: [.poll(.cast(poll: "word", ballot: .open(text: "a \"quoted\" word")))], firstSeq: 4, at: Fixtures.at(12, 2))
        let next = JournalCodec.encode(action: [.next, .poll(.close(poll: "one"))], firstSeq: 5, at: Fixtures.at(12, 3))
        switch tail {
        case "torn": bytes += next.prefix(30)
        case "damaged": bytes += next.map { $0 == UInt8(ascii: "5") ? UInt8(ascii: "6") : $0 }
        case "halfAction": bytes += next.prefix(next.firstIndex(of: UInt8(ascii: "\n"))! + 1)
        default: bytes += next
        }
        let whole = JournalReader.read(bytes)
        for size in [1, 2, 3, 7, 64, 100, 1_000, bytes.count] {
            var rest = bytes[...]
            var commands: [JournalReader.Command] = []
            var headers: [JournalHeader] = []
            let pieces = JournalReader.read(chunks: { () -> [UInt8]? in
                guard !rest.isEmpty else { return nil }
                defer { rest = rest.dropFirst(size) }
                return Array(rest.prefix(size))
            }, header: { headers.append($0) }, command: { commands.append($0) })
            switch (whole, pieces) {
            case (.success(let expected), .success(let summary)):
                #expect(headers == [expected.header])
                #expect(summary.commandCount == expected.commands.count)
                #expect(commands.elementsEqual(expected.commands) { $0.seq == $1.seq && $0.command == $1.command && $0.offset == $1.offset },
                        "\(tail) in pieces of \(size)")
                #expect(summary.intactLength == expected.intactLength && summary.damagedTailLength == expected.damagedTailLength
                        && summary.incompleteActionRecords == expected.incompleteActionRecords, "\(tail) in pieces of \(size)")
            case (.failure(let expected), .failure(let damage)):
                #expect(damage == expected, "\(tail) in pieces of \(size)")
            default:
                Issue.record("\(tail) in pieces of \(size): \(pieces) where a whole read gave \(whole)")
            }
        }
        if tail == "halfAction" {
            #expect(try whole.get().incompleteActionRecords == 1)
        }
    }

    @Test func theDiskIsReadInPiecesThatMakeUpTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plenary-chunks-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/journal.jsonl"
        var random = SeededGenerator(seed: 3)
        let bytes = (0..<200_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let fileSystem = PosixFileSystem()
        let chunks = try #require(try fileSystem.chunks(of: path, rule: .journal))
        var read: [UInt8] = []
        var pieces = 0
        while let chunk = try chunks.next() {
            read += chunk
            pieces += 1
        }
        #expect(read == bytes)
        #expect(pieces > 1)
        #expect(try fileSystem.contents(of: path, rule: .journal) == bytes)
        #expect(throws: StorageError.self) { try fileSystem.chunks(of: path, rule: ReadRule(limit: 1000, followsLinks: false)) }
        #expect(try fileSystem.chunks(of: folder + "/absent", rule: .journal) == nil)
    }
}
