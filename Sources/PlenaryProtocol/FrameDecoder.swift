/// Cuts a byte stream into frames: a 4-byte big-endian length, then that many bytes of UTF-8 JSON
/// (`docs/protocol.md`). Takes whatever chunks the socket gives (split anywhere, several frames in one) and never
/// holds more than one frame's body, at most `limit` bytes: an announced length over the limit is refused as soon as
/// its prefix is read, before any of the body. After an error the stream cannot be resynchronised, so the decoder
/// stays failed and the connection is to be closed.
public struct FrameDecoder: Sendable {
    public let limit: Int
    private var prefix: [UInt8] = []
    private var body: [UInt8] = []
    private var expected: Int?
    public private(set) var failure: ProtocolError?

    public init(limit: Int) {
        self.limit = limit
    }

    /// Bytes held for a frame not yet complete (never more than `ProtocolLimits.prefixLength + limit`).
    public var bufferedCount: Int { prefix.count + body.count }

    /// The complete frames in `chunk` (with what was held before), in order. Frames before an error are returned;
    /// the error is kept in `failure` and nothing after it is read.
    public mutating func feed(_ chunk: some Collection<UInt8>) -> [[UInt8]] {
        guard failure == nil else { return [] }
        var frames: [[UInt8]] = []
        var index = chunk.startIndex
        while index != chunk.endIndex {
            guard let length = expected else {
                prefix.append(chunk[index])
                index = chunk.index(after: index)
                if prefix.count == ProtocolLimits.prefixLength {
                    let announced = prefix.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                    prefix.removeAll(keepingCapacity: true)
                    if announced == 0 {
                        failure = .empty
                        return frames
                    }
                    guard announced <= limit else {
                        failure = .tooLong(announced: announced, limit: limit)
                        return frames
                    }
                    expected = Int(announced)
                    body.reserveCapacity(Int(announced))
                }
                continue
            }
            let available = chunk.distance(from: index, to: chunk.endIndex)
            let take = min(length - body.count, available)
            let end = chunk.index(index, offsetBy: take)
            body.append(contentsOf: chunk[index..<end])
            index = end
            if body.count == length {
                frames.append(body)
                body = []
                expected = nil
            }
        }
        return frames
    }

    /// The other side closed: an error if a frame was begun and not finished.
    public mutating func finish() -> ProtocolError? {
        if let failure { return failure }
        if let length = expected { failure = .truncated(missing: length - body.count) }
        else if !prefix.isEmpty { failure = .truncated(missing: ProtocolLimits.prefixLength - prefix.count) }
        return failure
    }
}
