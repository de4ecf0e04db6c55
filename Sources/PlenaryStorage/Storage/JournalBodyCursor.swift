/// A position in a journal record's body, for the readers that take the codec's own layout straight from its bytes
/// (`BallotRecordDecoder`, `EverydayRecordDecoder`). Each read either consumes what it matched or leaves the position
/// unchanged, and reads only what `JSONEncoder` writes for its value; anything else answers nil, for the general
/// decoder to judge.
struct JournalBodyCursor {
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
    mutating func integers() -> [Int]? { list { $0.integer() } }

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

    /// `["a","b"]` or `[]`, each string as `string()` reads one.
    mutating func strings() -> [String]? { list { $0.string() } }

    /// The opening of a command record, `{"actionEnd":…,"at":…`, `actionEnd` only on an action's first record.
    mutating func commandOpening() -> (actionEnd: Int?, at: Int)? {
        let start = index
        guard skip(literal: Self.openRecord) else { return nil }
        var actionEnd: Int?
        if skip(literal: Self.actionEndKey) {
            guard let value = integer(), skip(literal: Self.comma) else { index = start; return nil }
            actionEnd = value
        }
        guard skip(literal: Self.atKey), let at = integer() else { index = start; return nil }
        return (actionEnd, at)
    }

    /// The closing of a command record, `,"seq":…,"type":"command"}`: the sequence number, or nil.
    mutating func commandClosing() -> Int? {
        let start = index
        guard skip(literal: Self.seqKey), let seq = integer(), skip(literal: Self.commandType) else { index = start; return nil }
        return seq
    }

    /// `true` or `false`.
    mutating func boolean() -> Bool? {
        if skip(literal: Self.trueLiteral) { return true }
        if skip(literal: Self.falseLiteral) { return false }
        return nil
    }

    /// `[…]` of what `item` reads, with `,` between; nothing consumed unless all of it is read.
    private mutating func list<Item>(_ item: (inout JournalBodyCursor) -> Item?) -> [Item]? {
        let start = index
        guard skip(literal: [UInt8(ascii: "[")]) else { return nil }
        var values: [Item] = []
        if skip(literal: [UInt8(ascii: "]")]) { return values }
        while true {
            guard let value = item(&self) else { index = start; return nil }
            values.append(value)
            if skip(literal: [UInt8(ascii: "]")]) { return values }
            guard skip(literal: [UInt8(ascii: ",")]) else { index = start; return nil }
        }
    }

    private static let openRecord = Array("{".utf8)
    private static let comma = Array(",".utf8)
    private static let actionEndKey = Array(#""actionEnd":"#.utf8)
    private static let atKey = Array(#""at":"#.utf8)
    private static let seqKey = Array(#","seq":"#.utf8)
    private static let commandType = Array(#","type":"command"}"#.utf8)
    private static let trueLiteral = Array("true".utf8)
    private static let falseLiteral = Array("false".utf8)

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// A digit, fraction or exponent right after the digits read: not a plain integer.
    private func continuesNumber(at position: Int) -> Bool {
        guard position < bytes.count else { return false }
        let byte = bytes[position]
        return isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }
}
