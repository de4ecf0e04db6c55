import Glibc

/// The system's time-zone database (the `tzdata` package: one TZif file per zone), handed to the engine with
/// `ZoneRules.useDatabase(SystemZoneDatabase(folder:).read)` (decision 104).
public struct SystemZoneDatabase: Sendable {
    /// Where the C library looks too: `TZDIR` when set, else `/usr/share/zoneinfo`.
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// The folder the C library would use, given the value of `TZDIR` (nil or empty: unset).
    public static func folder(tzdir: String?) -> String {
        guard let tzdir, !tzdir.isEmpty else { return "/usr/share/zoneinfo" }
        return tzdir
    }

    /// The zone's file; nil unless it is a regular file under 1 MB (the largest zone is a few kilobytes) that
    /// reads whole. `name` is a zone name the engine has checked, never a path of its own.
    @Sendable public func read(_ name: String) -> [UInt8]? {
        let fd = open(folder + "/" + name, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { _ = close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size < 1 << 20 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var done = 0
        while done < bytes.count {
            let got = bytes.withUnsafeMutableBytes { buffer in Glibc.read(fd, buffer.baseAddress! + done, buffer.count - done) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { return nil }
            done += got
        }
        return bytes
    }
}
