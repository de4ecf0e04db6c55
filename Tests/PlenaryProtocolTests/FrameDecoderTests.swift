import Testing
import PlenaryProtocol

/// The framing decoder against what a socket really delivers: any split, several frames at once, floods and garbage.
@Suite struct FrameDecoderTests {
    static let limit = ProtocolLimits.clientMessageLimit

    func frame(_ text: String) throws -> [UInt8] {
        try FrameEncoder.frame(Array(text.utf8), limit: Self.limit)
    }

    @Test func framesSplitAtEveryByteBoundaryComeOutWhole() throws {
        let bodies = [#"{"type":"hello"}"#, "é€😀", String(repeating: "x", count: 300)]
        let stream = try bodies.flatMap(frame)
        for split in 0...stream.count {
            var decoder = FrameDecoder(limit: Self.limit)
            let frames = decoder.feed(stream[..<split]) + decoder.feed(stream[split...])
            #expect(frames.map { String(decoding: $0, as: UTF8.self) } == bodies, "split at \(split)")
            #expect(decoder.failure == nil && decoder.bufferedCount == 0 && decoder.finish() == nil)
        }
        var decoder = FrameDecoder(limit: Self.limit)
        let oneByOne = stream.flatMap { decoder.feed([$0]) }
        #expect(oneByOne.map { String(decoding: $0, as: UTF8.self) } == bodies)
    }

    @Test func severalFramesInOneChunk() throws {
        var decoder = FrameDecoder(limit: Self.limit)
        let frames = decoder.feed(try frame("a") + frame("bc") + frame("def") + frame("gh").prefix(5))
        #expect(frames == [Array("a".utf8), Array("bc".utf8), Array("def".utf8)])
        #expect(decoder.bufferedCount == 1)
        #expect(decoder.feed(Array("h".utf8)) == [Array("gh".utf8)])
    }

    @Test func aFrameOfExactlyTheLimitPassesAndOneByteMoreIsRefused() throws {
        var decoder = FrameDecoder(limit: 10)
        #expect(decoder.feed(try FrameEncoder.frame(Array(repeating: 65, count: 10), limit: 10)).count == 1)
        #expect(throws: ProtocolError.tooLong(announced: 11, limit: 10)) {
            try FrameEncoder.frame(Array(repeating: 65, count: 11), limit: 10)
        }
        #expect(decoder.feed([0, 0, 0, 11, 65]).isEmpty)
        #expect(decoder.failure == .tooLong(announced: 11, limit: 10))
    }

    @Test func aTenMegabyteMessageIsRefusedAfterItsPrefixAndNothingIsHeld() {
        let size = 10 * 1024 * 1024
        var stream: [UInt8] = [UInt8(size >> 24), UInt8(size >> 16 & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size & 0xFF)]
        stream += Array(repeating: UInt8(ascii: "{"), count: size)
        var decoder = FrameDecoder(limit: Self.limit)
        var chunks = 0, largestHeld = 0
        for start in stride(from: 0, to: stream.count, by: 65_536) {
            #expect(decoder.feed(stream[start..<min(stream.count, start + 65_536)]).isEmpty)
            largestHeld = max(largestHeld, decoder.bufferedCount)
            chunks += 1
            if decoder.failure != nil { break }
        }
        #expect(decoder.failure == .tooLong(announced: UInt32(size), limit: Self.limit))
        // Refused within the first chunk a socket read gives; none of the body was kept.
        #expect(chunks == 1)
        #expect(largestHeld == 0)
        #expect(decoder.feed(stream[65_536..<131_072]).isEmpty && decoder.bufferedCount == 0)
    }

    @Test func aLargeFrameWithinTheLimitIsNeverHeldTwice() throws {
        let body = Array(repeating: UInt8(ascii: "a"), count: Self.limit)
        let stream = try FrameEncoder.frame(body, limit: Self.limit)
        var decoder = FrameDecoder(limit: Self.limit)
        var frames: [[UInt8]] = []
        for start in stride(from: 0, to: stream.count, by: 1000) {
            frames += decoder.feed(stream[start..<min(stream.count, start + 1000)])
            #expect(decoder.bufferedCount <= ProtocolLimits.prefixLength + Self.limit)
        }
        #expect(frames == [body])
    }

    @Test func garbageBytesAreRefusedNotBuffered() {
        // Someone points a web browser at the socket: "GET " announces about 1.2 GB.
        var decoder = FrameDecoder(limit: Self.limit)
        #expect(decoder.feed(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8)).isEmpty)
        #expect(decoder.failure == .tooLong(announced: 0x4745_5420, limit: Self.limit))
        #expect(decoder.bufferedCount == 0)
        // Once failed, the stream cannot be trusted again: valid frames after it are not read.
        #expect(decoder.feed([0, 0, 0, 1, 65]).isEmpty)
    }

    @Test func anEmptyFrameIsRefused() {
        var decoder = FrameDecoder(limit: Self.limit)
        #expect(decoder.feed([0, 0, 0, 0, 0, 0, 0, 1, 65]).isEmpty)
        #expect(decoder.failure == .empty)
        #expect(throws: ProtocolError.empty) { try FrameEncoder.frame([], limit: 10) }
    }

    @Test func aConnectionClosedMidFrameIsTruncated() throws {
        let whole = try frame(#"{"type":"hello"}"#)
        var decoder = FrameDecoder(limit: Self.limit)
        #expect(decoder.feed(whole.prefix(10)).isEmpty)
        #expect(decoder.finish() == .truncated(missing: whole.count - 10))
        var inPrefix = FrameDecoder(limit: Self.limit)
        _ = inPrefix.feed([0, 0])
        #expect(inPrefix.finish() == .truncated(missing: 2))
        var clean = FrameDecoder(limit: Self.limit)
        _ = clean.feed(whole)
        #expect(clean.finish() == nil)
    }
}
