import Synchronization

/// Posts per address, as a token bucket: a phone that sends a form now and then never meets it; a script that
/// floods the host from one address is told to slow down before its requests reach the host's loop.
final class WebRateLimit: Sendable {
    private struct Bucket {
        var tokens: Double
        var lastMilliseconds: Int64
    }

    private let buckets = Mutex<[String: Bucket]>([:])
    let burst: Double
    let perSecond: Double

    init(burst: Double = 20, perSecond: Double = 2) {
        self.burst = burst
        self.perSecond = perSecond
    }

    /// Takes one token for `address` at `milliseconds`; false when its bucket is empty.
    func allow(_ address: String, atMilliseconds milliseconds: Int64) -> Bool {
        buckets.withLock { buckets in
            // Addresses idle long enough to be full again are forgotten, so the table stays the size of the room.
            if buckets.count > 10_000 {
                buckets = buckets.filter { Double(milliseconds - $0.value.lastMilliseconds) / 1000 * perSecond < burst }
            }
            var bucket = buckets[address] ?? Bucket(tokens: burst, lastMilliseconds: milliseconds)
            let elapsed = Double(max(0, milliseconds - bucket.lastMilliseconds)) / 1000
            bucket.tokens = min(burst, bucket.tokens + elapsed * perSecond)
            bucket.lastMilliseconds = milliseconds
            guard bucket.tokens >= 1 else {
                buckets[address] = bucket
                return false
            }
            bucket.tokens -= 1
            buckets[address] = bucket
            return true
        }
    }
}
