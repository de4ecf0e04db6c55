/// Plain words for the YAML mistakes newcomers make most, instead of libyaml's ("mapping values are not
/// allowed in this context"): what went wrong and how to write it.
enum YAMLSyntaxHint {
    /// - Parameters:
    ///   - problem: libyaml's description of the error.
    ///   - line: 1-based line libyaml points at.
    ///   - text: the whole document, to quote the offending line.
    static func hint(problem: String, line: Int, in text: String) -> String? {
        let lines = YAMLPreScan.lines(text)
        let source = line >= 1 && line <= lines.count ? String(String.UnicodeScalarView(lines[line - 1])) : ""
        if problem.contains("tab") || source.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
            return "a tab in the indentation: YAML indents with spaces only (replace the tab with spaces)"
        }
        if problem == "mapping values are not allowed in this context" {
            return colonInValue(source)
        }
        return nil
    }

    /// `title: Workshop: the future` → quote the value, with the line rewritten as it should be.
    private static func colonInValue(_ source: String) -> String {
        let general = "\": \" inside a value starts a new key: put the value in quotes"
        let indent = source.prefix(while: { $0 == " " || $0 == "-" })
        let rest = source.dropFirst(indent.count)
        guard let separator = rest.firstRange(of: ": ") else { return general }
        let key = rest[..<separator.lowerBound]
        let value = rest[separator.upperBound...].trimmingSuffix(while: { $0 == " " })
        guard !key.isEmpty, !key.contains(" "), !value.isEmpty, value.count <= 60,
              !value.hasPrefix("\""), !value.hasPrefix("'"), !value.contains(" #") else { return general }
        let escaped = value.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
        return general + ", like \(key): \"\(escaped)\""
    }
}

private extension Substring {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
