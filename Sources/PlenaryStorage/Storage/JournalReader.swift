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

    /// One command as read back, with the byte offset of its line (its line number is `seq + 1`).
    public typealias Command = (seq: Int, at: Instant, command: WorkshopCommand, offset: Int)

    /// What a streamed read found, besides the commands it handed over one by one.
    public struct Summary: Sendable, Equatable {
        public var header: JournalHeader
        /// Commands handed over: those of whole actions.
        public var commandCount: Int
        public var intactLength: Int
        public var damagedTailLength: Int
        public var incompleteActionRecords: Int
    }

    /// The whole journal in memory, its commands collected: for tests and tools. A resume streams instead.
    public static func read(_ bytes: [UInt8]) -> Result<Contents, Damage> {
        var remaining: [UInt8]? = bytes
        var commands: [Command] = []
        let result = read(chunks: { () -> [UInt8]? in
            defer { remaining = nil }
            return remaining
        }, header: { _ in }, command: { commands.append($0) })
        return result.map { summary in
            Contents(header: summary.header, commands: commands, intactLength: summary.intactLength,
                     damagedTailLength: summary.damagedTailLength, incompleteActionRecords: summary.incompleteActionRecords)
        }
    }

    /// Reads a journal chunk by chunk (`chunks` answers nil at the end), handing over the header and then each
    /// command as soon as its action is whole, so neither the file nor its decoded records are held in memory: only
    /// the line being read and the records of an action not yet complete (decision 61). The checks are those of a
    /// whole-file read, in the same order. When the answer is a `Damage`, commands may already have been handed
    /// over: the caller discards what it built from them.
    public static func read<Failure: Error>(
        chunks: () throws(Failure) -> [UInt8]?,
        header onHeader: (JournalHeader) throws(Failure) -> Void,
        command onCommand: (Command) throws(Failure) -> Void
    ) throws(Failure) -> Result<Summary, Damage> {
        var lines = LineSplitter()
        var header: JournalHeader?
        /// Commands handed over, and those of the open action still held back.
        var deliveredCount = 0
        var held: [Command] = []
        var lastSeq = 0
        var intactLength = 0
        /// The action being read when its records are not all in yet: its last sequence number, and where it began.
        var openAction: (end: Int, offset: Int)?
        var number = 0
        /// The file up to the last whole action: an action cut short by a crash is cut off with its torn line.
        func summary(intactLength: Int, totalLength: Int) -> Summary {
            guard let action = openAction else {
                return Summary(header: header!, commandCount: deliveredCount, intactLength: intactLength,
                               damagedTailLength: totalLength - intactLength, incompleteActionRecords: 0)
            }
            return Summary(header: header!, commandCount: deliveredCount, intactLength: action.offset,
                           damagedTailLength: totalLength - action.offset, incompleteActionRecords: held.count)
        }
        var decoder = JournalCodec.LineDecoder()
        while let line = try lines.next(from: chunks) {
            defer { number += 1 }
            let decoded: JournalCodec.Decoded = line.complete ? decoder.decodeLine(lines.bytes(of: line)) : .damaged
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
                    try onHeader(value)
                }
            case .record(.command(let seq, let at, let command, let actionEnd)):
                if number == 0 {
                    problem = "the first record is not a session header"
                } else if seq <= lastSeq {
                    problem = "sequence number \(seq) again (the last was \(lastSeq))"
                } else if seq != lastSeq + 1 {
                    problem = "sequence number \(seq) where \(lastSeq + 1) was expected"
                } else if let open = openAction, actionEnd != open.end {
                    // An action's records go in one write, so nothing can come between them but damage.
                    problem = "record \(seq) breaks into an action that runs to record \(open.end)"
                } else if let actionEnd, actionEnd < seq {
                    problem = "record \(seq) says its action ended at record \(actionEnd)"
                } else {
                    lastSeq = seq
                    if let actionEnd, actionEnd > seq {
                        if openAction == nil { openAction = (actionEnd, line.offset) }
                        held.append((seq, at, command, line.offset))
                    } else {
                        openAction = nil
                        for earlier in held { try onCommand(earlier) }
                        deliveredCount += held.count + 1
                        held.removeAll(keepingCapacity: true)
                        try onCommand((seq, at, command, line.offset))
                    }
                }
            }
            if let problem {
                // Only the very last record may be torn by a crash; anything earlier is real damage.
                if line.isLast && number > 0 && !intact {
                    return .success(summary(intactLength: intactLength, totalLength: lines.totalLength))
                }
                return .failure(Damage(byteOffset: line.offset, line: number + 1, reason: problem))
            }
            intactLength = line.offset + line.length + 1
        }
        guard number > 0 else {
            return .failure(Damage(byteOffset: 0, line: 1, reason: "the journal is empty (no session header)"))
        }
        // The tear may fall exactly between two lines of an action: every line is whole, the action is not.
        return .success(summary(intactLength: intactLength, totalLength: lines.totalLength))
    }

    /// Cuts the chunks into lines, keeping only the bytes of lines not yet handed out.
    private struct LineSplitter {
        struct Line {
            /// Byte offset in the file.
            var offset: Int
            /// Position in `buffer`, and length without the newline.
            var start: Int
            var length: Int
            var complete: Bool
            /// Nothing follows this line in the file.
            var isLast: Bool
        }

        private var buffer: [UInt8] = []
        /// Where the next line starts in `buffer`, and the file offset of `buffer[0]`.
        private var next = 0
        private var bufferOffset = 0
        /// Bytes from `next` already searched for a newline, so a long line is scanned once.
        private var searched = 0
        private var ended = false
        private(set) var totalLength = 0

        func bytes(of line: Line) -> ArraySlice<UInt8> {
            buffer[line.start..<(line.start + line.length)]
        }

        mutating func next<Failure: Error>(from chunks: () throws(Failure) -> [UInt8]?) throws(Failure) -> Line? {
            while true {
                if let newline = buffer[(next + searched)...].firstIndex(of: UInt8(ascii: "\n")) {
                    // Whether anything follows decides whether a bad line may be a torn last one.
                    while newline + 1 == buffer.count && !ended { try append(from: chunks) }
                    let line = Line(offset: bufferOffset + next, start: next, length: newline - next, complete: true,
                                    isLast: newline + 1 == buffer.count)
                    next = newline + 1
                    searched = 0
                    return line
                }
                searched = buffer.count - next
                if ended {
                    guard next < buffer.count else { return nil }
                    let line = Line(offset: bufferOffset + next, start: next, length: buffer.count - next, complete: false, isLast: true)
                    next = buffer.count
                    return line
                }
                try read(from: chunks)
            }
        }

        /// Drops the lines handed out, then appends the next chunk (or notes the end).
        private mutating func read<Failure: Error>(from chunks: () throws(Failure) -> [UInt8]?) throws(Failure) {
            if next > 0 {
                bufferOffset += next
                buffer.removeSubrange(0..<next)
                next = 0
            }
            try append(from: chunks)
        }

        /// Appends the next chunk, or notes the end; positions in `buffer` stay valid.
        private mutating func append<Failure: Error>(from chunks: () throws(Failure) -> [UInt8]?) throws(Failure) {
            guard let chunk = try chunks() else {
                ended = true
                return
            }
            totalLength += chunk.count
            buffer.append(contentsOf: chunk)
        }
    }
}
