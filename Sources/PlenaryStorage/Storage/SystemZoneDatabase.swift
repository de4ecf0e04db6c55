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

    /// The zone's file; nil when there is none or it cannot be read as a regular file of at most 1 MB (the largest
    /// zone is a few kilobytes). `name` is a zone name the engine has checked, never a path of its own.
    @Sendable public func read(_ name: String) -> [UInt8]? {
        (try? PosixFileSystem().contents(of: folder + "/" + name, rule: .zoneFile)) ?? nil
    }
}
