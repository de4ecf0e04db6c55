#if canImport(Glibc)
import Glibc
#endif
import Testing
@_spi(Testing) import PlenaryEngine
@testable import PlenaryHost

/// Moderator PINs are checked off the host's loop: the answer comes back with the ticket of the connection that
/// asked, and the wake pipe tells the loop there is one.
@Suite struct PINCheckerTests {
    @Test func eachAnswerNamesItsTicketAndTheWakePipeSaysSo() throws {
        let checker = try #require(PINChecker())
        let hash = SecretHash(testingSecret: "2468", salt: Array(repeating: 7, count: 16), iterations: 10)
        checker.check("1357", against: hash, ticket: 1)
        checker.check("2468", against: hash, ticket: 2)
        checker.check("2468", against: nil, ticket: 3)
        checker.waitForPending()
        var ready = [pollfd(fd: checker.wakeDescriptor, events: Int16(POLLIN), revents: 0)]
        #expect(poll(&ready, 1, 0) == 1)
        #expect(checker.takeAnswers() == [.init(ticket: 1, matches: false), .init(ticket: 2, matches: true),
                                          .init(ticket: 3, matches: false)])
        ready[0].revents = 0
        #expect(poll(&ready, 1, 0) == 0, "the pipe is drained with the answers")
        #expect(checker.takeAnswers().isEmpty)
    }
}
