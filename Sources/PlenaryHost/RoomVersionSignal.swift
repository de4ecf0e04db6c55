import Synchronization

/// Wakes the phones' open event streams when the room changes, so a waiting page costs nothing: each stream awaits
/// the next version instead of polling on a timer (500 idle phones are 500 parked continuations, no wake-ups).
/// The host's loop publishes; any thread may wait. A version is a counter that only grows.
public final class RoomVersionSignal: Sendable {
    private struct State {
        var version: UInt64 = 0
        var nextWaiter = 0
        var waiters: [Int: CheckedContinuation<UInt64?, Never>] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    public var version: UInt64 { state.withLock { $0.version } }

    /// How many streams are parked; for tests.
    public var waitingCount: Int { state.withLock { $0.waiters.count } }

    /// Records `version` and resumes every waiter with it. A version not newer than the last is ignored.
    public func publish(_ version: UInt64) {
        let woken = state.withLock { current -> [CheckedContinuation<UInt64?, Never>] in
            guard version > current.version else { return [] }
            current.version = version
            defer { current.waiters = [:] }
            return Array(current.waiters.values)
        }
        for waiter in woken { waiter.resume(returning: version) }
    }

    /// The first version other than `seen`: at once when the room already moved on, otherwise when it next does.
    /// Returns nil when the waiting task is cancelled (its stream ended).
    public func next(after seen: UInt64?) async -> UInt64? {
        let slot = Mutex<Int?>(nil)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<UInt64?, Never>) in
                let immediate = state.withLock { current -> UInt64?? in
                    if current.version != seen { return .some(current.version) }
                    if Task.isCancelled { return .some(nil) }
                    let id = current.nextWaiter
                    current.nextWaiter += 1
                    current.waiters[id] = continuation
                    slot.withLock { $0 = id }
                    return .none
                }
                if case .some(let answer) = immediate { continuation.resume(returning: answer) }
            }
        } onCancel: {
            let parked = state.withLock { current -> CheckedContinuation<UInt64?, Never>? in
                guard let id = slot.withLock({ $0 }) else { return nil }
                return current.waiters.removeValue(forKey: id)
            }
            parked?.resume(returning: nil)
        }
    }
}
