/// Why a file the engine asked for could not be read, in the words the user sees. The engine's own value so it
/// never names the storage layer's error type; the runner maps `StorageError` into it.
public struct FileReadFailure: Error, Sendable, Equatable {
    /// "No such file", "Permission denied", "too large (17.0 MB; at most 16 MB)".
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }
}
