import Synchronization

/// One time zone's offsets from UTC, read from the system's time-zone database (a TZif file, RFC 8536, as
/// `/usr/share/zoneinfo/Europe/Madrid`): every recorded transition, then the POSIX rule of the file's footer for
/// the years after them.
///
/// Why not Foundation's `TimeZone` (decision 104): on Linux it answers through ICU, whose data and code made up about
/// a megabyte of a moderator's resident memory and a tenth of a millisecond of start-up, and each answer took a lock
/// and a calendar computation, several per frame. This is a sorted table and a binary search. Whatever it cannot read
/// (no such file, leap-second files, a footer rule it does not know) it leaves to `TimeZone`, so no zone that worked
/// before stops working.
public final class ZoneRules: Sendable {
    /// Transition instants, seconds since 1970 UTC, ascending.
    private let transitions: [Int64]
    /// The UTC offset (seconds) from each transition on.
    private let offsetsAfter: [Int32]
    /// The offset before the first transition (the file's first local time type).
    private let initialOffset: Int32
    /// The rule after the last transition; nil: the last offset stays.
    private let footer: PosixZoneRule?
    /// False when the footer exists but is not understood: instants after the last transition have no answer.
    private let footerUsable: Bool

    init(transitions: [Int64], offsetsAfter: [Int32], initialOffset: Int32, footer: PosixZoneRule?, footerUsable: Bool) {
        self.transitions = transitions
        self.offsetsAfter = offsetsAfter
        self.initialOffset = initialOffset
        self.footer = footer
        self.footerUsable = footerUsable
    }

    /// A zone that is always `seconds` from UTC.
    public static func fixed(_ seconds: Int32) -> ZoneRules {
        ZoneRules(transitions: [], offsetsAfter: [], initialOffset: seconds, footer: nil, footerUsable: true)
    }

    /// The offset from UTC, in seconds, at `second` (seconds since 1970 UTC); nil when the rules do not say.
    public func utcOffset(atSecond second: Int64) -> Int32? {
        guard let last = transitions.last, second >= last else {
            // Index of the last transition at or before `second`.
            var low = 0, high = transitions.count
            while low < high {
                let middle = (low + high) / 2
                if transitions[middle] <= second { low = middle + 1 } else { high = middle }
            }
            return low == 0 ? initialOffset : offsetsAfter[low - 1]
        }
        guard footerUsable else { return nil }
        return footer?.utcOffset(atSecond: second) ?? offsetsAfter[offsetsAfter.count - 1]
    }

    /// Parses a TZif file (versions 1 to 4); nil for anything malformed, and for files with leap seconds (their
    /// transition times are not UTC seconds).
    public static func parse(_ bytes: [UInt8]) -> ZoneRules? {
        var reader = BigEndianReader(bytes)
        guard let header = reader.tzifHeader() else { return nil }
        guard header.leapCount == 0 else { return nil }
        var counts = header
        var timeSize = 4
        if header.version >= 2 {
            // The first block is for 32-bit readers; the second holds the same data with 64-bit times.
            guard reader.skip(header.blockLength(timeSize: 4)), let second = reader.tzifHeader(), second.leapCount == 0 else {
                return nil
            }
            counts = second
            timeSize = 8
        }
        var transitions: [Int64] = []
        transitions.reserveCapacity(counts.timeCount)
        for _ in 0..<counts.timeCount {
            guard let time = timeSize == 8 ? reader.int64() : reader.int32().map(Int64.init) else { return nil }
            if let previous = transitions.last, time <= previous { return nil }
            transitions.append(time)
        }
        var typeIndices: [Int] = []
        typeIndices.reserveCapacity(counts.timeCount)
        for _ in 0..<counts.timeCount {
            guard let index = reader.byte() else { return nil }
            typeIndices.append(Int(index))
        }
        var typeOffsets: [Int32] = []
        for _ in 0..<counts.typeCount {
            guard let offset = reader.int32(), reader.skip(2) else { return nil }
            // RFC 8536: -2^31 is not a valid offset; real ones are within a day.
            guard offset > -86_400 && offset < 86_400 else { return nil }
            typeOffsets.append(offset)
        }
        guard !typeOffsets.isEmpty, typeIndices.allSatisfy({ $0 < typeOffsets.count }),
              reader.skip(counts.characterCount + counts.standardFlagCount + counts.universalFlagCount) else { return nil }
        var footer: PosixZoneRule? = nil
        var footerUsable = true
        if header.version >= 2 {
            // "\n" TZ-string "\n"; an empty string means no rule.
            guard reader.byte() == 0x0A, let text = reader.line() else { return nil }
            if !text.isEmpty {
                footer = PosixZoneRule.parse(text)
                footerUsable = footer != nil
            }
        }
        return ZoneRules(transitions: transitions, offsetsAfter: typeIndices.map { typeOffsets[$0] },
                         initialOffset: typeOffsets[0], footer: footer, footerUsable: footerUsable)
    }

    /// The rules of zone `identifier` (an IANA name such as `Europe/Madrid`) from the database given to
    /// `useDatabase`, read once per process; nil when none was given or it has no such zone. The engine reads no
    /// files: the executable hands it the system's database (`SystemZoneDatabase`).
    public static func system(identifier: String) -> ZoneRules? {
        if universalNames.contains(identifier) { return .fixed(0) }
        guard isZoneName(identifier) else { return nil }
        return state.withLock { state -> ZoneRules? in
            if let known = state.cache[identifier] { return known }
            guard let read = state.read else { return nil }
            let rules = read(identifier).flatMap(parse)
            state.cache[identifier] = rules
            return rules
        }
    }

    /// Where zone files come from: `read` returns the TZif file of a zone name (already checked to be a plain
    /// name, never a path out of the database), or nil. Forgets what an earlier database answered.
    public static func useDatabase(_ read: @escaping @Sendable (String) -> [UInt8]?) {
        state.withLock { $0 = DatabaseState(read: read, cache: [:]) }
    }

    private struct DatabaseState {
        var read: (@Sendable (String) -> [UInt8]?)?
        var cache: [String: ZoneRules?]
    }

    private static let state = Mutex(DatabaseState(read: nil, cache: [:]))

    private static let universalNames: Set<String> = [
        "UTC", "Etc/UTC", "GMT", "Etc/GMT", "Z", "Zulu", "Etc/Zulu", "UCT", "Etc/UCT", "Universal", "Etc/Universal",
    ]

    /// Letters, digits, `_ - + .` in parts separated by `/`; no empty part, no `.` or `..`, not absolute.
    static func isZoneName(_ identifier: String) -> Bool {
        !identifier.isEmpty && identifier.utf8.count <= 255
            && identifier.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { part in
                !part.isEmpty && part != "." && part != ".."
                    && part.utf8.allSatisfy { byte in
                        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                            || byte == 0x5F || byte == 0x2D || byte == 0x2B || byte == 0x2E
                    }
            }
    }
}

/// Reads a TZif file's big-endian fields; every read is bounds-checked and returns nil past the end.
private struct BigEndianReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    struct Header {
        var version: Int
        var universalFlagCount: Int
        var standardFlagCount: Int
        var leapCount: Int
        var timeCount: Int
        var typeCount: Int
        var characterCount: Int

        func blockLength(timeSize: Int) -> Int {
            timeCount * timeSize + timeCount + typeCount * 6 + characterCount + leapCount * (timeSize + 4)
                + standardFlagCount + universalFlagCount
        }
    }

    mutating func tzifHeader() -> Header? {
        guard position + 44 <= bytes.count, bytes[position..<position + 4].elementsEqual("TZif".utf8) else { return nil }
        let versionByte = bytes[position + 4]
        let version = versionByte == 0 ? 1 : Int(versionByte) - 0x30
        guard (1...9).contains(version) else { return nil }
        position += 20
        var counts: [Int] = []
        for _ in 0..<6 {
            guard let count = int32(), count >= 0, count < 1 << 20 else { return nil }
            counts.append(Int(count))
        }
        return Header(version: version, universalFlagCount: counts[0], standardFlagCount: counts[1], leapCount: counts[2],
                      timeCount: counts[3], typeCount: counts[4], characterCount: counts[5])
    }

    mutating func skip(_ count: Int) -> Bool {
        guard count >= 0, position + count <= bytes.count else { return false }
        position += count
        return true
    }

    mutating func byte() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func int32() -> Int32? {
        unsigned(bytes: 4).map { Int32(bitPattern: UInt32(truncatingIfNeeded: $0)) }
    }

    mutating func int64() -> Int64? {
        unsigned(bytes: 8).map { Int64(bitPattern: $0) }
    }

    /// The next `count` bytes (at most 8) as one big-endian number.
    private mutating func unsigned(bytes count: Int) -> UInt64? {
        guard position + count <= bytes.count else { return nil }
        var value: UInt64 = 0
        for byte in bytes[position..<position + count] { value = value << 8 | UInt64(byte) }
        position += count
        return value
    }

    /// The text up to the next line break (consumed); nil when there is none.
    mutating func line() -> String? {
        guard let end = bytes[position...].firstIndex(of: 0x0A) else { return nil }
        defer { position = end + 1 }
        return String(decoding: bytes[position..<end], as: UTF8.self)
    }
}
