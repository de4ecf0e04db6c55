import Foundation

/// Encodes a results snapshot as `JSONEncoder` would, byte for byte, but writes the open answers itself.
///
/// At 100k open answers `JSONEncoder` built a value per answer, then the text, then a `Data` copy and an array copy
/// of it: about 15 MB more at the peak than the answers themselves, and most of the writer thread's time (issue 13).
/// Here the encoder gets the snapshot with each round's answers replaced by one placeholder; the placeholders are
/// found in its (small) output and each is replaced by the round's answers, handed on in pieces of 64 KB. An
/// answer of printable ASCII or non-ASCII text, without `"` or `\`, is copied as it is (what `JSONEncoder` writes for
/// it); any other answer is escaped by `JSONEncoder` itself, so the bytes never depend on a copy of its escaping
/// rules (decision 96). If the placeholders are not found exactly once each, in order, the whole snapshot is encoded
/// the plain way.
enum AnswerSplicingEncoder {
    /// The bytes in one array (tests, and callers that want them whole).
    static func encode(_ snapshot: ResultsSnapshot) -> [UInt8] {
        var bytes: [UInt8] = []
        stream(snapshot) { piece in bytes += piece }
        return bytes
    }

    /// Hands the bytes to `write` in pieces of about `pieceSize`, so that 100k answers are never one more copy in
    /// memory (the results writer streams them into its temporary file).
    static func stream<Failure: Error>(_ snapshot: ResultsSnapshot, into write: ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        if let plan = splicePlan(snapshot) {
            try plan.stream(into: write)
        } else {
            try write(plain(snapshot.withAnswersListed()))
        }
    }

    /// One round's answers: listed in the snapshot, or still in the running tally (`tallyAnswers`).
    private enum AnswerList {
        case listed([String])
        case tally(AlphabeticalAnswers)

        func forEach<Failure: Error>(_ body: (String) throws(Failure) -> Void) throws(Failure) {
            switch self {
            case .listed(let answers): for answer in answers { try body(answer) }
            case .tally(let answers): try answers.forEach(body)
            }
        }
    }

    /// The snapshot with its answers spliced in, whole; nil when the plain encoding would be used.
    static func spliced(_ snapshot: ResultsSnapshot) -> [UInt8]? {
        guard let plan = splicePlan(snapshot) else { return nil }
        var bytes: [UInt8] = []
        plan.stream { piece in bytes += piece }
        return bytes
    }

    /// Bytes gathered before they are handed on: large enough that a write(2) moves a good block, small next to
    /// 100k answers.
    static let pieceSize = 64 * 1024

    /// The encoder's small output with where each round's answers go; nil when the snapshot has no answers, or the
    /// placeholders cannot be told apart (then the plain encoding is used).
    private struct SplicePlan {
        var frame: [UInt8]
        var lists: [AnswerList]
        /// Per list, the range of its placeholder array in `frame`, in order and not overlapping.
        var targets: [Range<Int>]

        func stream<Failure: Error>(into write: ([UInt8]) throws(Failure) -> Void) throws(Failure) {
            var piece: [UInt8] = []
            piece.reserveCapacity(AnswerSplicingEncoder.pieceSize + 1024)
            var copied = 0
            for (list, target) in zip(lists, targets) {
                piece.append(contentsOf: frame[copied..<target.lowerBound])
                try AnswerSplicingEncoder.append(list, to: &piece) { full throws(Failure) in
                    try write(full)
                    full.removeAll(keepingCapacity: true)
                }
                copied = target.upperBound
            }
            piece.append(contentsOf: frame[copied...])
            piece.append(UInt8(ascii: "\n"))
            try write(piece)
        }
    }

    private static func splicePlan(_ snapshot: ResultsSnapshot) -> SplicePlan? {
        var skeleton = snapshot
        var lists: [AnswerList] = []
        for poll in skeleton.polls.indices {
            for round in skeleton.polls[poll].rounds.indices {
                let list: AnswerList
                if let tally = skeleton.polls[poll].rounds[round].tallyAnswers {
                    skeleton.polls[poll].rounds[round].tallyAnswers = nil
                    guard !tally.isEmpty else {
                        skeleton.polls[poll].rounds[round].answers = []
                        continue
                    }
                    list = .tally(tally)
                } else {
                    guard let answers = skeleton.polls[poll].rounds[round].answers, !answers.isEmpty else { continue }
                    list = .listed(answers)
                }
                skeleton.polls[poll].rounds[round].answers = [placeholder(lists.count)]
                lists.append(list)
            }
        }
        guard !lists.isEmpty, let frame = try? encoder.encode(skeleton) else { return nil }
        let bytes = Array(frame)
        guard let targets = targets(of: lists.count, in: bytes) else { return nil }
        return SplicePlan(frame: bytes, lists: lists, targets: targets)
    }

    /// The snapshot through `JSONEncoder`, answers and all, and a newline.
    static func plain(_ snapshot: ResultsSnapshot) -> [UInt8] {
        let data = (try? encoder.encode(snapshot)) ?? Data()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.count + 1)
        bytes.append(contentsOf: data)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// Sorted keys, so two snapshots of one state are the same bytes; compact, slashes as they are.
    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Text no answer holds: answers are cleaned of control characters before they are counted, and the check in
    /// `targets` makes even a forged one harmless (it only costs the plain encoding).
    private static let marker = "\u{0}plenary-answers\u{0}"

    private static func placeholder(_ index: Int) -> String { marker + "\(index)\u{0}" }

    /// `["<placeholder>"]` as the encoder writes it.
    private static func encodedPlaceholder(_ index: Int) -> [UInt8] {
        Array((try? encoder.encode([placeholder(index)])) ?? Data())
    }

    /// Where each of `count` placeholder arrays is in `frame`; nil unless each is there exactly once, in order, and
    /// the marker nowhere else.
    private static func targets(of count: Int, in frame: [UInt8]) -> [Range<Int>]? {
        let markerBytes = Array(((try? encoder.encode([marker])) ?? Data()).dropFirst(2).dropLast(2))
        guard occurrences(of: markerBytes, in: frame).count == count else { return nil }
        var targets: [Range<Int>] = []
        var searched = 0
        for index in 0..<count {
            let target = encodedPlaceholder(index)
            guard let found = occurrences(of: target, in: frame, from: searched).first else { return nil }
            targets.append(found..<(found + target.count))
            searched = found + target.count
        }
        return targets
    }

    /// Starts of `needle` in `haystack` from `start` on, not overlapping.
    private static func occurrences(of needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> [Int] {
        guard !needle.isEmpty, haystack.count >= needle.count else { return [] }
        var found: [Int] = []
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) {
                found.append(index)
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
    }

    /// `["a","b"]`.
    static func append(_ answers: [String], to output: inout [UInt8]) {
        append(.listed(answers), to: &output) { _ in }
    }

    /// `["a","b"]`, calling `flush` whenever `output` has grown to `pieceSize` (it empties `output`).
    private static func append<Failure: Error>(_ answers: AnswerList, to output: inout [UInt8],
                                               flush: (inout [UInt8]) throws(Failure) -> Void) throws(Failure) {
        output.append(UInt8(ascii: "["))
        var isFirst = true
        try answers.forEach { answer throws(Failure) in
            if !isFirst { output.append(UInt8(ascii: ",")) }
            isFirst = false
            if isVerbatim(answer) {
                output.append(UInt8(ascii: "\""))
                output.append(contentsOf: answer.utf8)
                output.append(UInt8(ascii: "\""))
            } else {
                // `["…"]` from the encoder, without its brackets.
                let data = (try? encoder.encode([answer])) ?? Data("[\"\"]".utf8)
                output.append(contentsOf: data.dropFirst().dropLast())
            }
            if output.count >= pieceSize { try flush(&output) }
        }
        output.append(UInt8(ascii: "]"))
    }

    /// Text `JSONEncoder` writes between the quotes as it is: no control character, DEL, quote or backslash.
    /// `AnswerSplicingEncoderTests` holds this against the encoder for every ASCII byte and samples of each plane.
    static func isVerbatim(_ text: String) -> Bool {
        text.utf8.allSatisfy { byte in
            byte >= 0x80 || (byte >= 0x20 && byte != 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\"))
        }
    }
}
