extension Sequence {
    /// The first `limit` elements in the order `ranksBefore` gives, in one pass that keeps a small sorted list: what a
    /// screen redrawn every second needs from thousands of words or items, without sorting them all.
    public func best(_ limit: Int, by ranksBefore: (Element, Element) -> Bool) -> [Element] {
        guard limit > 0 else { return [] }
        var best: [Element] = []
        best.reserveCapacity(Swift.min(limit, underestimatedCount) + 1)
        for element in self {
            if best.count == limit, let last = best.last, !ranksBefore(element, last) { continue }
            let place = best.firstIndex { ranksBefore(element, $0) } ?? best.count
            best.insert(element, at: place)
            if best.count > limit { best.removeLast() }
        }
        return best
    }
}
