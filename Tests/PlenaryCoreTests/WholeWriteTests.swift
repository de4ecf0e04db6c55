import Glibc
import Testing
@testable import PlenaryStorage

/// The one write loop every writer shares: whole buffers, through short writes and signals, and never forever.
@Suite struct WholeWriteTests {
    /// A system call played back from a script: each step takes that many bytes, or fails with an errno.
    final class ScriptedWrites {
        enum Step { case take(Int), fail(Int32) }
        var steps: [Step]
        var received: [UInt8] = []
        var calls = 0
        init(_ steps: [Step]) { self.steps = steps }

        func write(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
            calls += 1
            let step = steps.isEmpty ? .take(count) : steps.removeFirst()
            switch step {
            case .take(let wanted):
                let taken = min(wanted, count)
                received += UnsafeRawBufferPointer(start: pointer, count: taken)
                return taken
            case .fail(let code):
                errno = code
                return -1
            }
        }
    }

    @Test func shortWritesAndSignalsStillWriteEveryByteInOrder() throws {
        let bytes = Array("a journal record\n".utf8)
        let system = ScriptedWrites([.take(3), .fail(EINTR), .take(0), .take(5), .fail(EAGAIN), .take(1)])
        try WholeWrite.write(bytes, to: 9, using: system.write)
        #expect(system.received == bytes)
    }

    @Test func aDescriptorThatNeverTakesAByteIsGivenUpOnAfterTheBound() {
        let bytes = Array("x".utf8)
        let system = ScriptedWrites([.take(0)] + Array(repeating: .fail(EINTR), count: 1000))
        #expect(throws: WholeWrite.Failure(errno: EINTR, written: 0)) { try WholeWrite.write(bytes, to: 9, using: system.write) }
        #expect(system.calls == WholeWrite.attemptsWithoutProgress)
    }

    @Test func progressStartsTheCountAgain() throws {
        let bytes = [UInt8](repeating: 7, count: 3)
        let stall = Array(repeating: ScriptedWrites.Step.fail(EINTR), count: WholeWrite.attemptsWithoutProgress - 1)
        let system = ScriptedWrites(stall + [.take(1)] + stall + [.take(1)] + stall + [.take(1)])
        try WholeWrite.write(bytes, to: 9, using: system.write)
        #expect(system.received == bytes)
    }

    @Test func aRealErrorStopsAtOnceSayingHowFarItGot() {
        let system = ScriptedWrites([.take(4), .fail(ENOSPC), .take(100)])
        #expect(throws: WholeWrite.Failure(errno: ENOSPC, written: 4)) {
            try WholeWrite.write(Array("0123456789".utf8), to: 9, using: system.write)
        }
        #expect(system.calls == 2)
    }

    @Test func aRealPipeReceivesTheWholeBuffer() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let bytes = (0..<4000).map { UInt8($0 % 251) }
        try WholeWrite.write(bytes, to: ends[1])
        close(ends[1])
        var read: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1024)
        while case let count = buffer.withUnsafeMutableBytes({ Glibc.read(ends[0], $0.baseAddress, $0.count) }), count > 0 {
            read += buffer[0..<count]
        }
        #expect(read == bytes)
    }
}
