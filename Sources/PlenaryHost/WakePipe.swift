#if canImport(Glibc)
import Glibc
#endif

/// A pipe whose read end the host's `poll(2)` watches, so work finished on another thread (a PIN checked, a phone's
/// ballot arrived) wakes the single-threaded loop at once instead of at its next tick. Both ends are non-blocking:
/// a full pipe already means "wake up", so a write that would block is simply dropped.
final class WakePipe: Sendable {
    /// Readable while wake-ups wait.
    let readDescriptor: Int32
    private let writeDescriptor: Int32

    /// Nil when no pipe can be made (out of descriptors).
    init?() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        readDescriptor = ends[0]
        writeDescriptor = ends[1]
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }

    /// From any thread.
    func wake() {
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
    }

    /// Empties the pipe; call before taking the work, so a wake-up that comes after is never lost.
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while buffer.withUnsafeMutableBytes({ read(readDescriptor, $0.baseAddress, $0.count) }) > 0 {}
    }
}
