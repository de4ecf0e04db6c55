/// Merging a facilitator laptop's results: `i` opens the picker; the runner lists and reads the files.
public enum ImportAction: Sendable, Equatable {
    case open
    case filesListed(folder: String, names: [String])
    case moveSelection(by: Int)
    case editPath(LineEdit)
    case confirm
    case fileRead(path: String, Result<[UInt8], FileReadFailure>)
}
