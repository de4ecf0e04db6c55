/// The moderator picks a facilitator laptop's results file to merge (`i`): files found next to the workshop's
/// results, or a path typed in (say, on a USB stick).
public struct ImportPicker: Sendable, Equatable {
    /// Folder the candidates were found in (the results file's folder).
    public var folder: String
    /// Results files in `folder` other than this workshop's own; nil until the runner has listed them.
    public var candidates: [String]?
    public var selection: Int
    /// A typed path wins over the selected candidate.
    public var path: LineEditor

    public init(folder: String = "", candidates: [String]? = nil) {
        self.folder = folder
        self.candidates = candidates
        self.selection = 0
        self.path = LineEditor(limit: 4096)
    }

    /// What Enter would merge, or nil when nothing is chosen.
    public var chosenPath: String? {
        if !path.isEmpty { return path.text }
        guard let candidates, selection < candidates.count else { return nil }
        return folder.isEmpty ? candidates[selection] : folder + "/" + candidates[selection]
    }
}
