#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file read 64 KiB at a time; its descriptor is closed when the reader is released.
final class PosixFileChunks: FileChunks {
    private let fd: Int32
    private let path: String
    private let limit: Int
    private var read = 0
    /// The size the file had when opened, so a whole read can reserve it at once and each piece is no larger than
    /// what is left.
    var expectedSize = 0

    /// The largest piece: a journal of 100k ballots streams through this much memory at a time (decision 61).
    static let chunkBytes = 65_536
    /// The piece read once the expected size has been read, which normally answers end of file.
    static let probeBytes = 4_096

    init(fd: Int32, path: String, limit: Int) {
        self.fd = fd
        self.path = path
        self.limit = limit
    }

    deinit { _ = close(fd) }

    /// The next piece, at most what is left of the expected size plus one byte (a file that grew while read is
    /// still read whole, by further pieces), in storage that is not zeroed first: each of the small files a start
    /// reads (session, journal, zone) used to zero and return 64 KiB twice, fresh pages the first frame waited for
    /// (issue 13).
    func next() throws(StorageError) -> [UInt8]? {
        let left = expectedSize - read
        let size = left > 0 ? min(Self.chunkBytes, left + 1) : Self.probeBytes
        var failure: Int32 = 0
        let chunk = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = 0
            while true {
                let count = Glibc.read(fd, buffer.baseAddress, size)
                if count >= 0 {
                    initialized = count
                    return
                }
                if errno != EINTR {
                    failure = errno
                    return
                }
            }
        }
        if failure != 0 {
            errno = failure
            throw PosixFileSystem.error("read", path)
        }
        if chunk.isEmpty { return nil }
        read += chunk.count
        // Still growing while being read: stop at the limit rather than follow it.
        guard read <= limit else { throw tooLarge(read) }
        return chunk
    }

    func tooLarge(_ size: Int) -> StorageError {
        StorageError(operation: "read", path: path,
                     reason: "too large (\(ReadRule.megabytes(size)); at most \(ReadRule.megabytes(limit)))", errno: EFBIG,
                     fileSize: size)
    }
}
