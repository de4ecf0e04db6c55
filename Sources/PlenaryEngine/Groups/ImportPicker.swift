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

    /// What Enter would merge, or nil when nothing is chosen. A relative typed path is in the folder the picker
    /// lists (where the candidates are), not wherever the program happened to be started.
    public var chosenPath: String? {
        let typed = Self.normalized(path.text)
        if !typed.isEmpty {
            guard !typed.hasPrefix("/"), !typed.hasPrefix("~"), !folder.isEmpty else { return typed }
            return folder + "/" + typed
        }
        guard let candidates, selection < candidates.count else { return nil }
        return folder.isEmpty ? candidates[selection] : folder + "/" + candidates[selection]
    }

    /// A path as people paste it: surrounding spaces and quotes dropped, and shell escapes (a file dragged onto
    /// the terminal arrives as `/media/usb/group\ 2.results.json`) undone. `~` is left for the runner.
    public static func normalized(_ text: String) -> String {
        var trimmed = Substring(text)
        while trimmed.first?.isWhitespace == true { trimmed.removeFirst() }
        while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
        let path = String(trimmed)
        if path.count >= 2, let first = path.first, first == "'" || first == "\"", path.last == first {
            return String(path.dropFirst().dropLast())
        }
        guard path.contains("\\") else { return path }
        var unescaped = ""
        var escaping = false
        for character in path {
            if escaping || character != "\\" {
                unescaped.append(character)
                escaping = false
            } else {
                escaping = true
            }
        }
        return unescaped
    }
}
