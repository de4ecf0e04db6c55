import PlenaryEngine

/// Reads a ballot record straight from its bytes, for the one record that grows with the workshop.
///
/// A resume of a hundred thousand ballots spends most of its time in `JSONDecoder`, which builds a container per
/// nested object for every line. A ballot's body is always laid out the same way by `JournalCodec.encode` (sorted
/// keys, no spaces): `{"actionEnd":…,"at":…,"command":{"poll":{"action":{"cast":{"ballot":{…},"poll":"…"}}}},
/// "seq":…,"type":"command"}`. This reads exactly that layout and nothing else: any other byte (a space, an
/// escape, another key, a number written another way, text that is not UTF-8) answers nil, and the general decoder
/// reads the line as before. So what it accepts it reads to the value `JSONDecoder` gives, and the journal format
/// does not change (decision 61).
enum BallotRecordDecoder {
    static func decode(_ body: ArraySlice<UInt8>) -> JournalRecord? {
        body.withContiguousStorageIfAvailable { bytes in
            var cursor = Cursor(bytes: bytes)
            return record(&cursor)
        } ?? nil
    }

    private static func record(_ cursor: inout Cursor) -> JournalRecord? {
        guard cursor.skip(literal: openRecord) else { return nil }
        var actionEnd: Int?
        if cursor.skip(literal: actionEndKey) {
            guard let value = cursor.integer(), cursor.skip(literal: comma) else { return nil }
            actionEnd = value
        }
        guard cursor.skip(literal: atKey), let at = cursor.integer(),
              cursor.skip(literal: castBallotKeys), let ballot = ballot(&cursor),
              cursor.skip(literal: pollKey), let poll = cursor.string(),
              cursor.skip(literal: seqKey), let seq = cursor.integer(),
              cursor.skip(literal: commandType), cursor.isAtEnd
        else { return nil }
        return .command(seq: seq, at: Instant(milliseconds: Int64(at)), command: .poll(.cast(poll: poll, ballot: ballot)),
                        actionEnd: actionEnd)
    }

    /// `{"single":{"option":2}}` and the other five shapes `Ballot`'s synthesised coding writes.
    private static func ballot(_ cursor: inout Cursor) -> Ballot? {
        let result: Ballot
        if cursor.skip(literal: singleKey), let option = cursor.integer() {
            result = .single(option: option)
        } else if cursor.skip(literal: openKey), let text = cursor.string() {
            result = .open(text: text)
        } else if cursor.skip(literal: scaleKey), let value = cursor.integer() {
            result = .scale(value: value)
        } else if cursor.skip(literal: multipleKey), let options = cursor.integers() {
            result = .multiple(options: options)
        } else if cursor.skip(literal: rankingKey), let order = cursor.integers() {
            result = .ranking(order: order)
        } else if cursor.skip(literal: allocationKey), let points = cursor.integers() {
            result = .allocation(points: points)
        } else {
            return nil
        }
        return cursor.skip(literal: closeBallot) ? result : nil
    }

    private static let openRecord = Array("{".utf8)
    private static let comma = Array(",".utf8)
    private static let actionEndKey = Array(#""actionEnd":"#.utf8)
    private static let atKey = Array(#""at":"#.utf8)
    private static let castBallotKeys = Array(#","command":{"poll":{"action":{"cast":{"ballot":"#.utf8)
    private static let pollKey = Array(#","poll":"#.utf8)
    private static let seqKey = Array(#"}}}},"seq":"#.utf8)
    private static let commandType = Array(#","type":"command"}"#.utf8)
    private static let singleKey = Array(#"{"single":{"option":"#.utf8)
    private static let openKey = Array(#"{"open":{"text":"#.utf8)
    private static let scaleKey = Array(#"{"scale":{"value":"#.utf8)
    private static let multipleKey = Array(#"{"multiple":{"options":"#.utf8)
    private static let rankingKey = Array(#"{"ranking":{"order":"#.utf8)
    private static let allocationKey = Array(#"{"allocation":{"points":"#.utf8)
    private static let closeBallot = Array("}}".utf8)

    /// A position in the body. Each read either consumes what it matched or leaves the position unchanged.
    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var isAtEnd: Bool { index == bytes.count }

        mutating func skip(literal: [UInt8]) -> Bool {
            guard bytes.count - index >= literal.count else { return false }
            for (offset, byte) in literal.enumerated() where bytes[index + offset] != byte { return false }
            index += literal.count
            return true
        }

        /// An integer as the encoder writes one: `0`, or an optional minus and a non-zero digit, at most 18
        /// digits (so it cannot overflow). `-0`, `007`, `1e3` or `2.0` answer nil: the general decoder judges them.
        mutating func integer() -> Int? {
            var position = index
            let negative = position < bytes.count && bytes[position] == UInt8(ascii: "-")
            if negative { position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else { return nil }
            if bytes[position] == UInt8(ascii: "0") {
                guard !negative else { return nil }
                position += 1
                guard !continuesNumber(at: position) else { return nil }
                index = position
                return 0
            }
            var value = 0
            var digits = 0
            while position < bytes.count, isDigit(bytes[position]) {
                // Checked before the digit is added: 18 digits always fit an Int, a 19th may not (9.3e18 overflows).
                guard digits < 18 else { return nil }
                value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
                digits += 1
                position += 1
            }
            guard !continuesNumber(at: position) else { return nil }
            index = position
            return negative ? -value : value
        }

        /// `[1,2,3]` or `[]`.
        mutating func integers() -> [Int]? {
            let start = index
            guard skip(literal: [UInt8(ascii: "[")]) else { return nil }
            var values: [Int] = []
            if skip(literal: [UInt8(ascii: "]")]) { return values }
            while true {
                guard let value = integer() else { index = start; return nil }
                values.append(value)
                if skip(literal: [UInt8(ascii: "]")]) { return values }
                guard skip(literal: [UInt8(ascii: ",")]) else { index = start; return nil }
            }
        }

        /// A string without escapes or control characters, in valid UTF-8: `"…"`. Anything else answers nil.
        mutating func string() -> String? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            var position = index + 1
            while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
                let byte = bytes[position]
                guard byte >= 0x20, byte != UInt8(ascii: "\\") else { return nil }
                position += 1
            }
            guard position < bytes.count,
                  let text = String(validating: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<position]), as: UTF8.self)
            else { return nil }
            index = position + 1
            return text
        }

        private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        /// A digit, fraction or exponent right after the digits read: not a plain integer.
        private func continuesNumber(at position: Int) -> Bool {
            guard position < bytes.count else { return false }
            let byte = bytes[position]
            return isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
        }
    }
}
