#if canImport(Glibc)
import Glibc
#endif
import PlenaryEngine
import PlenarySessionFile

/// Reading a session file from disk lives here, with the one read helper, so the parser stays free of file I/O.
extension SessionFile {
    /// Reads the file (refusing more than 5 MB, invalid UTF-8, unreadable files and directories) then parses it.
    public static func load(path: String) -> Result<Session, SessionFileErrors> {
        func refuse(_ message: String) -> Result<Session, SessionFileErrors> {
            .failure(SessionFileErrors(errors: [SessionFileError(file: path, line: 1, column: 1, path: "", message: message)]))
        }
        // The one read helper: a regular file only, never waiting on a FIFO or device, at most 5 MB.
        let bytes: [UInt8]
        do {
            guard let contents = try PosixFileSystem().contents(of: path, rule: .session) else { return refuse("no such file") }
            bytes = contents
        } catch {
            switch error.errno {
            case EISDIR: return refuse("is a directory, not a session file")
            case EFBIG: return refuse("file is too large (\(megabytes(error.fileSize ?? maximumFileSize + 1)); a session file may be at most 5 MB)")
            case EINVAL: return refuse("is not a regular file")
            case EACCES: return refuse("cannot read the file (permission denied)")
            default: return refuse("cannot read the file (\(error.reason))")
            }
        }
        return parse(bytes: bytes, file: path)
    }

    private static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
