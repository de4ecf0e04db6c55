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
    /// The size the file had when opened, so a whole read can reserve it at once.
    var expectedSize = 0

    init(fd: Int32, path: String, limit: Int) {
        self.fd = fd
        self.path = path
        self.limit = limit
    }

    deinit { _ = close(fd) }

    func next() throws(StorageError) -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw PosixFileSystem.error("read", path)
            }
            if count == 0 { return nil }
            read += count
            // Still growing while being read: stop at the limit rather than follow it.
            guard read <= limit else { throw tooLarge(read) }
            chunk.removeSubrange(count...)
            return chunk
        }
    }

    func tooLarge(_ size: Int) -> StorageError {
        StorageError(operation: "read", path: path,
                     reason: "too large (\(ReadRule.megabytes(size)); at most \(ReadRule.megabytes(limit)))", errno: EFBIG,
                     fileSize: size)
    }
}
