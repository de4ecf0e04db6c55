#if canImport(Glibc)
import Glibc
#endif
import PlenaryProtocol

/// Frames over one end of the socket pair between the host and its web gateway (decision 94): blocking reads, for
/// a thread that does nothing else, and whole writes that never raise SIGPIPE (a gone peer shows as a failed write
/// here and as the end of the stream on the reading side).
public struct SocketPairFrames: Sendable {
    public enum Read: Equatable {
        case frame([UInt8])
        /// The other side closed its end (it exited, or was killed).
        case closed
        /// The other side broke the framing; nothing after it can be read.
        case broken(ProtocolError)
        case timedOut
    }

    public let descriptor: Int32
    private var decoder: FrameDecoder
    private var ready: [[UInt8]] = []
    /// Reused for every read (a room or a burst of requests at a time).
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    public init(descriptor: Int32, limit: Int) {
        self.descriptor = descriptor
        decoder = FrameDecoder(limit: limit)
    }

    /// The next frame, waiting at most until `deadline` when one is given (for the gateway's start-up answer).
    public mutating func next(until deadline: ContinuousClock.Instant? = nil) -> Read {
        while ready.isEmpty {
            if let deadline {
                let left = ContinuousClock.now.duration(to: deadline).components
                let milliseconds = max(0, left.seconds * 1000 + left.attoseconds / 1_000_000_000_000_000)
                var watched = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let polled = poll(&watched, 1, Int32(clamping: milliseconds))
                if polled == 0 { return .timedOut }
                if polled < 0 { if errno == EINTR { continue } else { return .closed } }
            }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                if let failure = decoder.finish() { return .broken(failure) }
                return .closed
            }
            ready = decoder.feed(buffer.prefix(count))
            if ready.isEmpty, let failure = decoder.failure { return .broken(failure) }
        }
        return .frame(ready.removeFirst())
    }

    /// Writes all of `bytes`; false when the other side is gone.
    public static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }
}
