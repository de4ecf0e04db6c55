#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization
import PlenaryEngine

/// Checks moderator PINs (PBKDF2, about 0.3 s each) on a queue of its own, one at a time, so a screen attaching (or
/// someone guessing) never delays the moderator's keys or another client. The host's loop polls `wakeDescriptor` and
/// takes the answers; each names the ticket of the connection that asked, so an answer can never reach another
/// connection that got the same descriptor meanwhile.
final class PINChecker: Sendable {
    struct Answer: Sendable, Equatable {
        var ticket: UInt64
        var matches: Bool
    }

    private let queue = DispatchQueue(label: "plenary.pin-check")
    private let answers = Mutex<[Answer]>([])
    /// Readable when answers wait.
    let wakeDescriptor: Int32
    private let wakeWriter: Int32

    /// Nil when no pipe can be made (out of descriptors): the host then checks on its loop, as before.
    init?() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        wakeDescriptor = ends[0]
        wakeWriter = ends[1]
    }

    deinit {
        close(wakeDescriptor)
        close(wakeWriter)
    }

    func check(_ pin: String, against hash: SecretHash?, ticket: UInt64) {
        queue.async { [self] in
            let answer = Answer(ticket: ticket, matches: hash?.matches(pin) ?? false)
            answers.withLock { $0.append(answer) }
            var byte: UInt8 = 1
            _ = write(wakeWriter, &byte, 1)
        }
    }

    /// The answers so far, oldest first; empties the wake pipe.
    func takeAnswers() -> [Answer] {
        var buffer = [UInt8](repeating: 0, count: 64)
        while buffer.withUnsafeMutableBytes({ read(wakeDescriptor, $0.baseAddress, $0.count) }) > 0 {}
        return answers.withLock { taken in
            defer { taken = [] }
            return taken
        }
    }

    /// Waits for the checks already asked for (tests; a host stopping).
    func waitForPending() {
        queue.sync {}
    }
}
