import Foundation

/// Encodes a results snapshot as `JSONEncoder` would, byte for byte, but writes the open answers itself.
///
/// At 100k open answers `JSONEncoder` built a value per answer, then the text, then a `Data` copy and an array copy
/// of it: about 15 MB more at the peak than the answers themselves, and most of the writer thread's time (issue 13).
/// Here the encoder gets the snapshot with each round's answers replaced by one placeholder; the placeholders are
/// found in its (small) output and each is replaced by the round's answers, written straight into one buffer. An
/// answer of printable ASCII or non-ASCII text, without `"` or `\`, is copied as it is (what `JSONEncoder` writes for
/// it); any other answer is escaped by `JSONEncoder` itself, so the bytes never depend on a copy of its escaping
/// rules (decision 96). If the placeholders are not found exactly once each, in order, the whole snapshot is encoded
/// the plain way.
enum AnswerSplicingEncoder {
    static func encode(_ snapshot: ResultsSnapshot) -> [UInt8] {
        spliced(snapshot) ?? plain(snapshot)
    }

    /// The snapshot with its answers spliced in; nil when it has none, or the placeholders cannot be told apart.
    static func spliced(_ snapshot: ResultsSnapshot) -> [UInt8]? {
        var skeleton = snapshot
        var lists: [[String]] = []
        for poll in skeleton.polls.indices {
            for round in skeleton.polls[poll].rounds.indices {
                guard let answers = skeleton.polls[poll].rounds[round].answers, !answers.isEmpty else { continue }
                skeleton.polls[poll].rounds[round].answers = [placeholder(lists.count)]
                lists.append(answers)
            }
        }
        guard !lists.isEmpty, let frame = try? encoder.encode(skeleton) else { return nil }
        return splice(lists, into: Array(frame))
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
    /// `splice` makes even a forged one harmless (it only costs the plain encoding).
    private static let marker = "\u{0}plenary-answers\u{0}"

    private static func placeholder(_ index: Int) -> String { marker + "\(index)\u{0}" }

    /// `["<placeholder>"]` as the encoder writes it.
    private static func encodedPlaceholder(_ index: Int) -> [UInt8] {
        Array((try? encoder.encode([placeholder(index)])) ?? Data())
    }

    /// The frame with the n-th placeholder array replaced by the n-th list's JSON array; nil when the frame does not
    /// hold each placeholder exactly once, in order, and the marker nowhere else.
    private static func splice(_ lists: [[String]], into frame: [UInt8]) -> [UInt8]? {
        let markerBytes = Array(((try? encoder.encode([marker])) ?? Data()).dropFirst(2).dropLast(2))
        guard occurrences(of: markerBytes, in: frame).count == lists.count else { return nil }
        var size = frame.count + 1
        for list in lists { size += list.reduce(list.count + 1) { $0 + $1.utf8.count + 2 } }
        var output: [UInt8] = []
        output.reserveCapacity(size)
        var copied = 0
        for (index, list) in lists.enumerated() {
            let target = encodedPlaceholder(index)
            guard let found = occurrences(of: target, in: frame, from: copied).first else { return nil }
            output.append(contentsOf: frame[copied..<found])
            append(list, to: &output)
            copied = found + target.count
        }
        output.append(contentsOf: frame[copied...])
        output.append(UInt8(ascii: "\n"))
        return output
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
        output.append(UInt8(ascii: "["))
        for (index, answer) in answers.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            if isVerbatim(answer) {
                output.append(UInt8(ascii: "\""))
                output.append(contentsOf: answer.utf8)
                output.append(UInt8(ascii: "\""))
            } else {
                // `["…"]` from the encoder, without its brackets.
                let data = (try? encoder.encode([answer])) ?? Data("[\"\"]".utf8)
                output.append(contentsOf: data.dropFirst().dropLast())
            }
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
