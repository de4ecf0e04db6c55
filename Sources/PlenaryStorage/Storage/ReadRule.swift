import PlenarySessionFile

/// How much of which file Plenary will read. Every read is of a regular file and bounded, so a path that names a
/// FIFO, a device such as /dev/zero, a folder or a huge file is refused at once instead of freezing the screen.
public struct ReadRule: Sendable, Equatable {
    /// Most bytes read; a larger file is refused with its size and this limit.
    public var limit: Int
    /// False for Plenary's own files (journal, codes): a link there was not made by Plenary. A file a person names
    /// (a session, a group laptop's results) may be a link of theirs.
    public var followsLinks: Bool

    public init(limit: Int, followsLinks: Bool) {
        self.limit = limit
        self.followsLinks = followsLinks
    }

    /// A journal: a whole day of ballots and typing is a few megabytes; this leaves a hundredfold margin.
    public static let journal = ReadRule(limit: 256 << 20, followsLinks: false)
    /// Plenary's other files: the code sheet and the used codes (kilobytes).
    public static let ownFile = ReadRule(limit: 16 << 20, followsLinks: false)
    /// A results file a person names: merged from a group laptop, or read by `report` and `export`. A day's
    /// results are well under a megabyte; the cap also bounds how long the merge picker can hold the screen.
    public static let results = ReadRule(limit: 16 << 20, followsLinks: true)
    /// A zone of the system's time-zone database (a few kilobytes; the database links some names to others).
    public static let zoneFile = ReadRule(limit: 1 << 20, followsLinks: true)
    /// A session file (its own limit, `SessionFile.maximumFileSize`, is said in its own words).
    public static let session = ReadRule(limit: SessionFile.maximumFileSize, followsLinks: true)

    /// "12.5 MB": sizes in messages.
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + (1 << 20) / 2) / (1 << 20)
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }
}
