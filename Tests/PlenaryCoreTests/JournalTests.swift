import Testing
@testable import PlenaryCore

@Suite struct JournalTests {
    let header = JournalHeader(title: "T", slots: ["a", "b"], createdAt: Instant(milliseconds: 5))

    func journal(_ commands: [WorkshopCommand]) -> [UInt8] {
        var bytes = JournalCodec.encode(.header(header))
        for (offset, command) in commands.enumerated() {
            bytes += JournalCodec.encode(.command(seq: offset + 1, at: Instant(milliseconds: Int64(1000 * offset)), command: command))
        }
        return bytes
    }

    @Test func aLineIsOneJSONObjectWithChecksumAndLength() {
        let line = String(decoding: JournalCodec.encode(.command(seq: 1, at: Instant(milliseconds: 42), command: .jump(slot: 3))), as: UTF8.self)
        #expect(line.hasPrefix(#"{"crc":""#))
        #expect(line.hasSuffix("}\n"))
        #expect(line.contains(#""record":{"at":42,"command":{"jump":{"slot":3}},"seq":1,"type":"command"}"#))
    }

    @Test func everyCommandRoundTrips() {
        let commands: [WorkshopCommand] = [.start, .pause, .resume, .next, .previous, .jump(slot: 2), .adjust(slot: 1, seconds: -60), .end]
        guard case .success(let contents) = JournalReader.read(journal(commands)) else { Issue.record("read failed"); return }
        #expect(contents.header == header)
        #expect(contents.commands.map(\.command) == commands)
        #expect(contents.damagedTailLength == 0)
    }

    @Test func aTornLastRecordIsReportedNotFatal() {
        let full = journal([.start, .next, .next])
        let lastStart = journal([.start, .next]).count
        for cut in lastStart..<full.count {
            guard case .success(let contents) = JournalReader.read(Array(full.prefix(cut))) else {
                Issue.record("cut at \(cut) should load")
                continue
            }
            #expect(contents.commands.count == 2)
            #expect(contents.intactLength == lastStart)
            #expect(contents.damagedTailLength == cut - lastStart)
        }
    }

    @Test func damageBeforeTheLastRecordStopsWithItsOffset() {
        var bytes = journal([.start, .next, .next])
        let secondRecord = journal([.start]).count
        bytes[secondRecord + 20] ^= 0x01
        guard case .failure(let damage) = JournalReader.read(bytes) else { Issue.record("damage not found"); return }
        #expect(damage.byteOffset == secondRecord)
        #expect(damage.line == 3)
    }

    @Test func everySingleBitFlipIsDetected() {
        let bytes = journal([.start, .adjust(slot: 0, seconds: 60), .next])
        let clean = JournalReader.read(bytes)
        var flips = 0
        for index in bytes.indices {
            var damaged = bytes
            damaged[index] ^= 0x04
            let result = JournalReader.read(damaged)
            switch result {
            case .failure: flips += 1
            case .success(let contents):
                // Only the last record may be cut off, and that must be reported as a damaged tail.
                #expect(contents.damagedTailLength > 0, "flip at \(index) went unnoticed")
                #expect(contents != (try? clean.get()))
                flips += 1
            }
        }
        #expect(flips == bytes.count)
    }

    @Test func outOfOrderSequenceIsDamage() {
        var bytes = JournalCodec.encode(.header(header))
        bytes += JournalCodec.encode(.command(seq: 1, at: Instant(milliseconds: 0), command: .start))
        bytes += JournalCodec.encode(.command(seq: 3, at: Instant(milliseconds: 0), command: .next))
        bytes += JournalCodec.encode(.command(seq: 4, at: Instant(milliseconds: 0), command: .next))
        guard case .failure(let damage) = JournalReader.read(bytes) else { Issue.record("accepted a gap"); return }
        #expect(damage.reason == "sequence number 3 where 2 was expected")
    }
}
