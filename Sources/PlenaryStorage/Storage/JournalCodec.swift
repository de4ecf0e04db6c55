import Foundation
import PlenaryEngine

/// Turns records into journal lines and back.
///
/// Each line is one JSON object: `{"crc":"1a2b3c4d","len":57,"record":{...}}`. The checksum and length cover
/// the exact bytes of `record` as written, so a torn write or a flipped byte is found without trusting the
/// JSON parser to notice. An action's records are encoded together (`encode(action:)`) and written at once.
public enum JournalCodec {
    public static let format = 1
    private static let prefix = Array(#"{"crc":""#.utf8)

    public static func encode(_ record: JournalRecord) -> [UInt8] {
        let body = encodeBody(record)
        let crc = String(CRC32C.checksum(body), radix: 16)
        let paddedCRC = String(repeating: "0", count: 8 - crc.count) + crc
        var line = Array(#"{"crc":"\#(paddedCRC)","len":\#(body.count),"record":"#.utf8)
        line += body
        line += Array("}\n".utf8)
        return line
    }

    /// The lines of one action's commands, numbered from `firstSeq`, for one write and one sync. With more than
    /// one command each record names the action's last sequence number (`actionEnd`), so a write torn between
    /// two lines is cut whole at the next start. Ballots carry time 0: with a timestamp, someone who watched the
    /// queue could match votes to voters.
    public static func encode(action commands: [WorkshopCommand], firstSeq: Int, at now: Instant) -> [UInt8] {
        let actionEnd = commands.count > 1 ? firstSeq + commands.count - 1 : nil
        var bytes: [UInt8] = []
        for (index, command) in commands.enumerated() {
            let isBallot = if case .poll(.cast) = command { true } else { false }
            bytes += encode(.command(seq: firstSeq + index, at: isBallot ? Instant(milliseconds: 0) : now, command: command,
                                     actionEnd: actionEnd))
        }
        return bytes
    }

    /// What one line holds, as far as this version can tell.
    public enum Decoded: Sendable, Equatable {
        case record(JournalRecord)
        /// Checksum or layout wrong: torn by a crash, or damaged on disk.
        case damaged
        /// Intact (its checksum matches) but not a record this version can read: written by a newer Plenary, say.
        case unreadable(String)
    }

    /// Decodes one line (without its newline). Returns nil when the line is damaged or unreadable in any way.
    public static func decode(_ line: ArraySlice<UInt8>) -> JournalRecord? {
        if case .record(let record) = decodeLine(line) { return record }
        return nil
    }

    /// Decodes one line (without its newline), telling damage from an intact record this version cannot read.
    public static func decodeLine(_ line: ArraySlice<UInt8>) -> Decoded {
        var decoder = LineDecoder()
        return decoder.decodeLine(line)
    }

    /// Decodes the lines of one replay with one `JSONDecoder`, not one per line, and reads ballots, the header and
    /// the moderator's everyday commands straight from their bytes (`BallotRecordDecoder`, `EverydayRecordDecoder`):
    /// a resume's cost is a small constant per record (decision 61), and a journal of only those records never
    /// makes a `JSONDecoder` at all (decision 109).
    public struct LineDecoder {
        private var json: JSONDecoder?

        public init() {}

        public mutating func decodeLine(_ line: ArraySlice<UInt8>) -> Decoded {
            guard let body = JournalCodec.checkedBody(line) else { return .damaged }
            if let ballot = BallotRecordDecoder.decode(body) { return .record(ballot) }
            if let everyday = EverydayRecordDecoder.decode(body) { return .record(everyday) }
            let decoder = json ?? JSONDecoder()
            json = decoder
            return JournalCodec.decodeBody(Data(body), with: decoder)
        }

        /// Whether a line needed the general decoder.
        var madeJSONDecoder: Bool { json != nil }
    }

    private static let lenMarker = Array(#"","len":"#.utf8)
    private static let recordMarker = Array(#","record":"#.utf8)

    /// The record's bytes when the line's layout, length and checksum all match.
    static func checkedBody(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let start = line.startIndex
        let end = line.endIndex
        guard line.starts(with: prefix), line.count > prefix.count + 8 else { return nil }
        // Exactly as written: lower-case hex only, so even a flipped case bit in the checksum counts as damage.
        var crc: UInt32 = 0
        for byte in line[(start + prefix.count)..<(start + prefix.count + 8)] {
            switch byte {
            case 48...57: crc = crc << 4 | UInt32(byte - 48)
            case 97...102: crc = crc << 4 | UInt32(byte - 87)
            default: return nil
            }
        }
        var index = start + prefix.count + 8
        guard line[index...].starts(with: lenMarker) else { return nil }
        index += lenMarker.count
        var length = 0
        var digits = 0
        while index < end, line[index] >= 48, line[index] <= 57 {
            length = length * 10 + Int(line[index] - 48)
            digits += 1
            index += 1
            guard digits <= 9 else { return nil }
        }
        guard digits > 0, line[index...].starts(with: recordMarker) else { return nil }
        index += recordMarker.count
        guard end - index == length + 1, line[end - 1] == UInt8(ascii: "}") else { return nil }
        let body = line[index..<(index + length)]
        guard CRC32C.checksum(body) == crc else { return nil }
        return body
    }

    private struct Body: Codable {
        var type: String
        var header: JournalHeader?
        var seq: Int?
        var at: Instant?
        var command: WorkshopCommand?
        /// Absent for an action of one record, so those lines read exactly as before batches existed.
        var actionEnd: Int?
    }

    private static func encodeBody(_ record: JournalRecord) -> [UInt8] {
        if case .command(let seq, let at, let command, let actionEnd) = record, let inline = directJSON(command) {
            // Keys in `JSONEncoder`'s sorted order, as `encodedByJSONEncoder` writes them.
            let end = actionEnd.map { #""actionEnd":\#($0),"# } ?? ""
            return Array(#"{\#(end)"at":\#(at.milliseconds),"command":\#(inline),"seq":\#(seq),"type":"command"}"#.utf8)
        }
        return encodedByJSONEncoder(record)
    }

    /// The moderator's everyday commands (a step, a minute more or less) as `JSONEncoder` writes them, without it:
    /// one of these is journaled on almost every key, and `JSONEncoder` cost as much as a tenth of that key's time
    /// (decision 101). Nil for every other command, which `JSONEncoder` writes. `JournalTests` holds each of these
    /// to `JSONEncoder`'s bytes.
    static func directJSON(_ command: WorkshopCommand) -> String? {
        switch command {
        case .start: #"{"start":{}}"#
        case .pause: #"{"pause":{}}"#
        case .resume: #"{"resume":{}}"#
        case .next: #"{"next":{}}"#
        case .previous: #"{"previous":{}}"#
        case .end: #"{"end":{}}"#
        case .reopen: #"{"reopen":{}}"#
        case .jump(let slot): #"{"jump":{"slot":\#(slot)}}"#
        case .adjust(let slot, let seconds): #"{"adjust":{"seconds":\#(seconds),"slot":\#(slot)}}"#
        case .poll, .group, .merge, .plan, .shortlist, .qa: nil
        }
    }

    /// Any record, by `JSONEncoder` with sorted keys: the reference for `directJSON`.
    static func encodedByJSONEncoder(_ record: JournalRecord) -> [UInt8] {
        let body: Body
        switch record {
        case .header(let header):
            body = Body(type: "header", header: header)
        case .command(let seq, let at, let command, let actionEnd):
            body = Body(type: "command", seq: seq, at: at, command: command, actionEnd: actionEnd)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain values cannot fail.
        return Array((try? encoder.encode(body)) ?? Data())
    }

    static func decodeBody(_ data: Data, with decoder: JSONDecoder) -> Decoded {
        if let body = try? decoder.decode(Body.self, from: data) {
            switch body.type {
            case "header":
                if let header = body.header { return .record(.header(header)) }
            case "command":
                if let seq = body.seq, let at = body.at, let command = body.command {
                    return .record(.command(seq: seq, at: at, command: command, actionEnd: body.actionEnd))
                }
            default:
                break
            }
        }
        return .unreadable(describeUnreadable(data))
    }

    /// Names what this version did not understand in an intact record, from its raw JSON.
    private static func describeUnreadable(_ data: Data) -> String {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            return "a record that is not a JSON object this version knows"
        }
        guard let type = object["type"] as? String else { return "a record without a type" }
        switch type {
        case "header":
            return "a session header this version cannot read"
        case "command":
            let name: String? = switch object["command"] {
            case let text as String: text
            case let nested as [String: Any]: nested.keys.sorted().first.map { key in
                // Polls and groups name their action one level down: {"poll":{"action":{"cast":…}}}.
                let action = ((nested[key] as? [String: Any])?["action"] as? [String: Any])?.keys.sorted().first
                return action.map { "\(key) \($0)" } ?? key
            }
            default: nil
            }
            return "a command this version cannot read" + (name.map { " (\($0))" } ?? "")
        default:
            return "a record of unknown type \"\(type)\""
        }
    }
}
