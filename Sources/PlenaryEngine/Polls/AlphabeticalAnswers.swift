/// A round's open-text answers, kept in the order every screen and file shows them (`AlphabeticalOrder`), as they
/// arrive. The order people answered in is never shown, so it is never kept.
///
/// Sorted chunks of a few hundred answers: an answer goes into its chunk by two binary searches and a short move,
/// a screen reads the first lines without touching the rest, and a copy (the results writer's, taken while answers
/// keep coming) shares the chunks, so the next answer copies one chunk and the list of chunks, never every answer
/// (issue 13: the results view used to sort 100k answers for every frame).
///
/// An answer byte for byte equal to one already kept adds to that one's copies instead of taking a place of its own:
/// rooms repeat short answers, and a resume of 100k answers of a thousand kinds spent a fifth of its time moving
/// entries and comparing each new answer with its equals (decision 105). Readers see every copy.
public struct AlphabeticalAnswers: Sendable, Equatable {
    private struct Entry: Sendable {
        var text: String
        /// How many answers had exactly these bytes (never fewer than one).
        var copies = 1
        /// `AlphabeticalOrder.folded(text)`, or nil when that is `text` itself and plain ASCII (most answers:
        /// printable lower-case ASCII), which is then ordered by its bytes, as `String`'s `<` would order it.
        var foldedKey: String?

        init(_ text: String) {
            self.text = text
            if let folded = AlphabeticalOrder.asciiFolded(text), folded == text {
                foldedKey = nil
            } else {
                foldedKey = AlphabeticalOrder.folded(text)
            }
        }

        /// By folded key, then by text. Two plain entries are compared once, by their bytes (a resume of 100k
        /// answers spent a fifth of its time here, comparing each pair for equality and then again for order);
        /// any other pair through `String`, whose order is that of Unicode scalars after normalisation.
        func precedes(_ other: Entry) -> Bool {
            if foldedKey == nil, other.foldedKey == nil, let order = Self.byteOrder(text, other.text) {
                return order < 0
            }
            let key = foldedKey ?? text
            let otherKey = other.foldedKey ?? other.text
            return key != otherKey ? key < otherKey : text < other.text
        }

        /// Same bytes, not merely the same characters: `String`'s `==` holds "é" and "e\u{301}" equal, and the
        /// results file keeps what each voter sent.
        func hasSameBytes(as other: Entry) -> Bool {
            if foldedKey == nil, other.foldedKey == nil, let order = Self.byteOrder(text, other.text) { return order == 0 }
            return text.utf8.elementsEqual(other.text.utf8)
        }

        /// Negative, zero or positive as `a`'s UTF-8 bytes sort before, with or after `b`'s; nil when either is
        /// not stored contiguously. Eight bytes at a time, read as big-endian words so that their order is the bytes'.
        private static func byteOrder(_ a: String, _ b: String) -> Int? {
            a.utf8.withContiguousStorageIfAvailable { left in
                b.utf8.withContiguousStorageIfAvailable { right -> Int in
                    let shared = min(left.count, right.count)
                    let raw = (UnsafeRawBufferPointer(left), UnsafeRawBufferPointer(right))
                    var index = 0
                    while index + 8 <= shared {
                        let l = UInt64(bigEndian: raw.0.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                        let r = UInt64(bigEndian: raw.1.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                        if l != r { return l < r ? -1 : 1 }
                        index += 8
                    }
                    while index < shared {
                        if left[index] != right[index] { return left[index] < right[index] ? -1 : 1 }
                        index += 1
                    }
                    return left.count - right.count
                }
            } ?? nil
        }
    }

    private var chunks: [[Entry]] = []
    public private(set) var count = 0
    /// A chunk that grows past twice this splits in two. Small enough that making room for an answer moves a few
    /// kilobytes (at 2048, moving entries was a fifth of a 100k-answer resume), large enough that the list of
    /// chunks a copy duplicates stays short (issue 13, decision 96).
    static let chunkSize = 256

    public init() {}

    public init(_ texts: some Sequence<String>) {
        for text in texts { insert(text) }
    }

    public var isEmpty: Bool { count == 0 }

    public mutating func insert(_ text: String) {
        let entry = Entry(text)
        count += 1
        guard !chunks.isEmpty else {
            chunks = [[entry]]
            return
        }
        // The first chunk whose last answer does not precede the new one (else the last chunk).
        var low = 0
        var high = chunks.count - 1
        while low < high {
            let middle = (low + high) / 2
            if chunks[middle][chunks[middle].count - 1].precedes(entry) { low = middle + 1 } else { high = middle }
        }
        let chunk = low
        var first = 0
        var last = chunks[chunk].count
        while first < last {
            let middle = (first + last) / 2
            if chunks[chunk][middle].precedes(entry) { first = middle + 1 } else { last = middle }
        }
        if first < chunks[chunk].count, chunks[chunk][first].hasSameBytes(as: entry) {
            chunks[chunk][first].copies += 1
            return
        }
        chunks[chunk].insert(entry, at: first)
        if chunks[chunk].count > 2 * Self.chunkSize {
            let tail = Array(chunks[chunk][Self.chunkSize...])
            chunks[chunk].removeSubrange(Self.chunkSize...)
            chunks.insert(tail, at: chunk + 1)
        }
    }

    /// The first `length` answers in order: what a screen can show, read without a pass over the rest.
    public func prefix(_ length: Int) -> [String] {
        var texts: [String] = []
        texts.reserveCapacity(min(length, count))
        for chunk in chunks {
            for entry in chunk {
                let wanted = min(entry.copies, length - texts.count)
                texts.append(contentsOf: repeatElement(entry.text, count: wanted))
                guard texts.count < length else { return texts }
            }
        }
        return texts
    }

    /// Calls `body` with every answer in order, without gathering them into an array (the results file).
    public func forEach<Failure: Error>(_ body: (String) throws(Failure) -> Void) throws(Failure) {
        for chunk in chunks {
            for entry in chunk {
                for _ in 0..<entry.copies { try body(entry.text) }
            }
        }
    }

    /// Every answer in order.
    public var all: [String] {
        var texts: [String] = []
        texts.reserveCapacity(count)
        for chunk in chunks {
            for entry in chunk { texts.append(contentsOf: repeatElement(entry.text, count: entry.copies)) }
        }
        return texts
    }

    /// The same answers, byte for byte, in the same order, however each list happens to be cut into chunks.
    public static func == (a: AlphabeticalAnswers, b: AlphabeticalAnswers) -> Bool {
        guard a.count == b.count else { return false }
        return a.chunks.lazy.joined().elementsEqual(b.chunks.lazy.joined()) { left, right in
            left.copies == right.copies && left.hasSameBytes(as: right)
        }
    }
}
