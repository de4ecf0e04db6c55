#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one loop over write(2) that every writer shares (journal, atomic replace, copies, `plenary new`, standard
/// error, the terminal's paste mode). write(2) may take fewer bytes than asked, or none when a signal arrives
/// first; the loop goes on from where it stopped, but only so many times without progress, so a descriptor that
/// never takes a byte (a stuck pipe, a non-blocking terminal) cannot hold the program forever.
public enum WholeWrite {
    /// Attempts in a row that may write nothing (EINTR, EAGAIN, 0 bytes) before giving up. A signal storm is over
    /// long before this; any progress starts the count again.
    public static let attemptsWithoutProgress = 64

    public struct Failure: Error, Sendable, Equatable {
        /// The system's error number of the last attempt (EINTR or EAGAIN when it gave up on retrying; EIO when
        /// write(2) kept taking nothing without saying why).
        public var errno: Int32
        /// Bytes written before it failed.
        public var written: Int
    }

    /// Writes all of `bytes` to `fd`, or says how far it got and why it stopped.
    public static func write(_ bytes: [UInt8], to fd: Int32) throws(Failure) {
        try write(bytes, to: fd, using: { Glibc.write($0, $1, $2) })
    }

    /// The same with the system call passed in, so tests can play short writes and signals.
    static func write(_ bytes: [UInt8], to fd: Int32, using system: (Int32, UnsafeRawPointer, Int) -> Int) throws(Failure) {
        var offset = 0
        var idle = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { system(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written > 0 {
                offset += written
                idle = 0
                continue
            }
            let code = written < 0 ? errno : EIO
            guard written == 0 || code == EINTR || code == EAGAIN else { throw Failure(errno: code, written: offset) }
            idle += 1
            guard idle < attemptsWithoutProgress else { throw Failure(errno: code, written: offset) }
        }
    }
}
