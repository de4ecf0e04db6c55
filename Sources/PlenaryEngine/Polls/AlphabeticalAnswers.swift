/// A round's open-text answers, kept in the order every screen and file shows them (`AlphabeticalOrder`), as they
/// arrive. The order people answered in is never shown, so it is never kept.
///
/// Sorted chunks of a few hundred answers: an answer goes into its chunk by two binary searches and a short move,
/// a screen reads the first lines without touching the rest, and a copy (the results writer's, taken while answers
/// keep coming) shares the chunks, so the next answer copies one chunk and the list of chunks, never every answer
/// (issue 13: the results view used to sort 100k answers for every frame).
public struct AlphabeticalAnswers: Sendable, Equatable {
    private struct Entry: Sendable, Equatable {
        /// `AlphabeticalOrder.folded(text)`: the same string as `text` for most answers (plain lower-case ASCII).
        var key: String
        var text: String

        func precedes(_ other: Entry) -> Bool { key != other.key ? key < other.key : text < other.text }
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
        let entry = Entry(key: AlphabeticalOrder.folded(text), text: text)
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
                guard texts.count < length else { return texts }
                texts.append(entry.text)
            }
        }
        return texts
    }

    /// Every answer in order (the results file).
    public var all: [String] {
        var texts: [String] = []
        texts.reserveCapacity(count)
        for chunk in chunks { texts.append(contentsOf: chunk.lazy.map(\.text)) }
        return texts
    }
}
