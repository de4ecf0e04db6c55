import PlenaryEngine

/// Reads a journal back, telling a torn last record (expected after a crash) from real damage.
public enum JournalReader {
    public struct Contents: Sendable, Equatable {
        public var header: JournalHeader
        /// Each command with the byte offset of its line (its line number is `seq + 1`).
        public var commands: [(seq: Int, at: Instant, command: WorkshopCommand, offset: Int)]
        /// Bytes of intact records; anything after is a torn or damaged last record.
        public var intactLength: Int
        /// Size of the damaged tail that follows the intact records (0 when the file is clean).
        public var damagedTailLength: Int
        /// Whole records in that tail: the first records of an action whose write was cut short before its last
        /// record. The action was never acknowledged, so none of it is replayed.
        public var incompleteActionRecords: Int = 0

        public static func == (lhs: Contents, rhs: Contents) -> Bool {
            lhs.header == rhs.header && lhs.intactLength == rhs.intactLength
                && lhs.damagedTailLength == rhs.damagedTailLength && lhs.incompleteActionRecords == rhs.incompleteActionRecords
                && lhs.commands.elementsEqual(rhs.commands) { $0.seq == $1.seq && $0.at == $1.at && $0.command == $1.command }
        }
    }

    public struct Damage: Error, Sendable, Equatable, CustomStringConvertible {
        public enum Kind: Sendable, Equatable {
            /// Checksum, layout or order wrong: the bytes are not what was written.
            case damaged
            /// Intact, but this version cannot use it: it may come from a newer Plenary, which may have acknowledged it.
            case unreadable
        }

        /// Offset of the first byte of the bad record.
        public var byteOffset: Int
        /// 1-based line number.
        public var line: Int
        public var reason: String
        public var kind: Kind = .damaged

        public var description: String {
            switch kind {
            case .damaged: "damaged record at byte \(byteOffset) (line \(line)): \(reason)"
            case .unreadable: "record at byte \(byteOffset) (line \(line)) is intact but this version cannot use it: \(reason); it may have been written, and acknowledged, by a newer Plenary"
            }
        }
    }

    public static func read(_ bytes: [UInt8]) -> Result<Contents, Damage> {
        var lines: [(offset: Int, bytes: ArraySlice<UInt8>, complete: Bool)] = []
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            lines.append((start, bytes[start..<index], true))
            start = index + 1
        }
        if start < bytes.count {
            lines.append((start, bytes[start...], false))
        }
        guard !lines.isEmpty else {
            return .failure(Damage(byteOffset: 0, line: 1, reason: "the journal is empty (no session header)"))
        }

        var header: JournalHeader?
        var commands: [(seq: Int, at: Instant, command: WorkshopCommand, offset: Int)] = []
        var intactLength = 0
        /// The action being read when its records are not all in yet: its last sequence number, and where it began.
        var openAction: (end: Int, firstCommand: Int, offset: Int)?
        /// The file up to the last whole action: an action cut short by a crash is cut off with its torn line.
        func contentsCuttingOpenAction(intactLength: Int) -> Contents {
            guard let action = openAction else {
                return Contents(header: header!, commands: commands, intactLength: intactLength, damagedTailLength: bytes.count - intactLength)
            }
            return Contents(header: header!, commands: Array(commands[..<action.firstCommand]), intactLength: action.offset,
                            damagedTailLength: bytes.count - action.offset, incompleteActionRecords: commands.count - action.firstCommand)
        }
        for (number, line) in lines.enumerated() {
            let isLast = number == lines.count - 1
            let decoded: JournalCodec.Decoded = line.complete ? JournalCodec.decodeLine(line.bytes) : .damaged
            var problem: String?
            // An intact record is never cut off as torn: only a crash mid-write makes a torn one, and that cannot
            // leave a matching checksum.
            var intact = true
            switch decoded {
            case .damaged:
                problem = line.complete ? "checksum or layout does not match" : "incomplete record (no end of line)"
                intact = false
            case .unreadable(let reason):
                return .failure(Damage(byteOffset: line.offset, line: number + 1, reason: reason, kind: .unreadable))
            case .record(.header(let value)):
                if number != 0 {
                    problem = "a second session header"
                } else if value.format != JournalCodec.format {
                    return .failure(Damage(byteOffset: line.offset, line: number + 1,
                        reason: "journal format \(value.format), and this version reads format \(JournalCodec.format)", kind: .unreadable))
                } else {
                    header = value
                }
            case .record(.command(let seq, let at, let command, let actionEnd)):
                if number == 0 {
                    problem = "the first record is not a session header"
                } else if seq <= commands.count {
                    problem = "sequence number \(seq) again (the last was \(commands.count))"
                } else if seq != commands.count + 1 {
                    problem = "sequence number \(seq) where \(commands.count + 1) was expected"
                } else if let open = openAction, actionEnd != open.end {
                    // An action's records go in one write, so nothing can come between them but damage.
                    problem = "record \(seq) breaks into an action that runs to record \(open.end)"
                } else if let actionEnd, actionEnd < seq {
                    problem = "record \(seq) says its action ended at record \(actionEnd)"
                } else {
                    commands.append((seq, at, command, line.offset))
                    if let actionEnd, actionEnd > seq {
                        if openAction == nil { openAction = (actionEnd, commands.count - 1, line.offset) }
                    } else {
                        openAction = nil
                    }
                }
            }
            if let problem {
                // Only the very last record may be torn by a crash; anything earlier is real damage.
                if isLast && number > 0 && !intact {
                    return .success(contentsCuttingOpenAction(intactLength: intactLength))
                }
                return .failure(Damage(byteOffset: line.offset, line: number + 1, reason: problem))
            }
            intactLength = line.offset + line.bytes.count + 1
        }
        // The tear may fall exactly between two lines of an action: every line is whole, the action is not.
        return .success(contentsCuttingOpenAction(intactLength: intactLength))
    }
}
