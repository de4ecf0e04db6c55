import Glibc
import PlenaryEngine
import PlenarySessionFile
import PlenaryStorage

/// Writes a real workshop journal holding N recorded ballots, for `scripts/bench`'s scaling table.
///
/// Not part of the product: it exists so the benchmark measures journals made by Plenary's own code (the store
/// creates the journal and its header, the reducer accepts every command, the codec writes every line), never a
/// hand-forged format that could drift from what the program really writes.
///
///     plenary-bench-gen SESSION RESULTS --ballots N --type single|open
///
/// The journal goes next to RESULTS, named as `plenary run SESSION --results RESULTS` expects it. The workshop is
/// started, and ballots go to the session's first single-choice poll (`single`) or to an ad-hoc open-text poll
/// created through the journal as `a` would (`open`), both opened first. The ballots' times lie in the past, a
/// few milliseconds apart, so the resumed clock runs on from them without a clock warning.
@main
struct BenchJournal {
    enum BallotType: String { case single, open }

    /// Words for open answers: 1,001 different answers, so the word list and the sort have real work to do.
    static let openWords = [
        ["shared", "regional", "joint", "cross-border", "local", "green", "digital", "circular", "public", "small",
         "large", "better", "faster"],
        ["funding", "training", "platforms", "clusters", "pilots", "data", "permits", "skills", "networks", "standards",
         "procurement"],
        ["for recycling", "in mining", "across regions", "with universities", "for exploration", "in processing",
         "for startups"],
    ]

    static func main() {
        var positional: [String] = []
        var count = 0
        var type = BallotType.single
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            switch argument {
            case "--ballots":
                guard let value = arguments.popFirst().flatMap({ Int($0) }), value >= 0 else { fail("--ballots needs a count") }
                count = value
            case "--type":
                guard let value = arguments.popFirst().flatMap(BallotType.init(rawValue:)) else { fail("--type is single or open") }
                type = value
            default:
                positional.append(argument)
            }
        }
        guard positional.count == 2 else {
            fail("usage: plenary-bench-gen SESSION RESULTS --ballots N --type single|open")
        }
        generate(sessionPath: positional[0], resultsPath: positional[1], ballots: count, type: type)
    }

    static func generate(sessionPath: String, resultsPath: String, ballots: Int, type: BallotType) {
        guard case .success(let session) = SessionFile.load(path: sessionPath) else { fail("\(sessionPath): not a valid session") }
        guard case .success(let plan) = PlannedAgenda.plan(session) else { fail("\(sessionPath): the agenda's times are inconsistent") }
        let files = WorkshopFiles(sessionPath: sessionPath, resultsPath: resultsPath)
        let fileSystem = PosixFileSystem()
        guard !fileSystem.exists(files.journalPath) else { fail("\(files.journalPath) exists; this writes new journals only") }

        let spacing: Int64 = 5
        let first = wallClock().milliseconds - Int64(ballots) * spacing - 120_000
        let opened: WorkshopStore.Opened
        switch WorkshopStore.open(session: session, plan: plan, files: files, fileSystem: fileSystem,
                                  now: Instant(milliseconds: first), stamp: "bench", fresh: false, newRecordID: "bench") {
        case .success(let value): opened = value
        case .failure(let error): fail("\(error)")
        }
        var state = opened.state
        var pending: [UInt8] = []

        /// Applies `command` through the reducer (refused commands stop the generator) and queues its journal line.
        func record(_ command: WorkshopCommand, at milliseconds: Int64, to state: inout WorkshopState) {
            let at = Instant(milliseconds: milliseconds)
            if let refusal = WorkshopReducer.apply(command, to: &state, at: at) { fail("refused: \(refusal)") }
            state.recordedCommands += 1
            pending += JournalCodec.encode(.command(seq: state.recordedCommands, at: at, command: command))
        }

        let pollID: String
        record(.start, at: first, to: &state)
        switch type {
        case .single:
            guard let poll = session.polls.first(where: { $0.type == .single }) else { fail("the session has no single-choice poll") }
            pollID = poll.id
        case .open:
            pollID = "bench-open"
            let definition = PollDefinition(id: pollID, question: "What would most help your region cooperate?", type: .open)
            record(.poll(.create(definition)), at: first + 1_000, to: &state)
        }
        record(.poll(.open(poll: pollID)), at: first + 2_000, to: &state)
        let optionCount = max(1, state.poll(pollID)?.definition.options.count ?? 1)

        // Each ballot is checked by the reducer against the state before any ballot (the same checks, at constant
        // cost), then journaled with the next sequence number: the journal is exactly what N casts would leave.
        let empty = state
        for index in 0..<ballots {
            let ballot: Ballot = switch type {
            case .single: .single(option: (index * 7 + index / 3) % optionCount)
            case .open: .open(text: openAnswer(index))
            }
            var check = empty
            let command = WorkshopCommand.poll(.cast(poll: pollID, ballot: ballot))
            if let refusal = WorkshopReducer.apply(command, to: &check, at: Instant(milliseconds: first + 3_000)) {
                fail("ballot \(index) refused: \(refusal)")
            }
            state.recordedCommands += 1
            let at = Instant(milliseconds: first + 3_000 + Int64(index) * spacing)
            pending += JournalCodec.encode(.command(seq: state.recordedCommands, at: at, command: command))
            if pending.count > 1 << 20 { flush(&pending, to: opened.journal) }
        }
        flush(&pending, to: opened.journal)
        opened.journal.close()
        print("\(files.journalPath): \(ballots) \(type.rawValue) ballots, \(state.recordedCommands) commands")
    }

    static func openAnswer(_ index: Int) -> String {
        let words = openWords
        let first = words[0][index % words[0].count]
        let second = words[1][(index / words[0].count) % words[1].count]
        let third = words[2][(index / (words[0].count * words[1].count)) % words[2].count]
        return "\(first) \(second) \(third)"
    }

    static func flush(_ bytes: inout [UInt8], to journal: any AppendLog) {
        guard !bytes.isEmpty else { return }
        do { try journal.appendDurably(bytes) } catch { fail("\(error)") }
        bytes.removeAll(keepingCapacity: true)
    }

    static func wallClock() -> Instant {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Instant(milliseconds: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }

    static func fail(_ message: String) -> Never {
        let line = Array("plenary-bench-gen: \(message)\n".utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        exit(1)
    }
}
