/// The runner's report on the journal and the results file.
public enum StorageAction: Sendable, Equatable {
    /// A storage operation failed; the failure says what and where.
    case failed(StorageFailure)
    /// The results file was written again after an earlier failure.
    case recovered
}

public struct StorageFailure: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The journal could not take a record: nothing more can be acknowledged.
        case journal
        /// The results snapshot was not replaced; the previous file is intact and the journal has everything.
        case results
    }

    public var kind: Kind
    public var message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }
}
