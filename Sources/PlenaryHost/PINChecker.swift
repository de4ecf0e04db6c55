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
    private let pipe: WakePipe
    /// Readable when answers wait.
    var wakeDescriptor: Int32 { pipe.readDescriptor }

    /// Nil when no pipe can be made (out of descriptors): the host then checks on its loop, as before.
    init?() {
        guard let pipe = WakePipe() else { return nil }
        self.pipe = pipe
    }

    func check(_ pin: String, against hash: SecretHash?, ticket: UInt64) {
        queue.async { [self] in
            let answer = Answer(ticket: ticket, matches: hash?.matches(pin) ?? false)
            answers.withLock { $0.append(answer) }
            pipe.wake()
        }
    }

    /// The answers so far, oldest first; empties the wake pipe.
    func takeAnswers() -> [Answer] {
        pipe.drain()
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
