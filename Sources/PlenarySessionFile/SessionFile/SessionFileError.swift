/// One problem found in a session file, pointing at the offending YAML node.
public struct SessionFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file name used in messages (as given to `parse` or `load`).
    public var file: String
    /// 1-based line of the node the problem is about.
    public var line: Int
    /// 1-based column, counted in Unicode scalars (as libyaml does).
    public var column: Int
    /// Key path such as `agenda[3].start` or `polls[0].options[2]`; empty for the document root.
    public var path: String
    public var message: String

    public init(file: String, line: Int, column: Int, path: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    /// `file:line:column: path: message`, or `file:line:column: message` at the document root.
    public var description: String {
        path.isEmpty
            ? "\(file):\(line):\(column): \(message)"
            : "\(file):\(line):\(column): \(path): \(message)"
    }
}

/// Every problem found in one pass over a session file, sorted by line then column.
public struct SessionFileErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var errors: [SessionFileError]

    public init(errors: [SessionFileError]) {
        self.errors = errors
    }

    /// One error per line.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
