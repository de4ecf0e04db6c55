extension String {
    /// Wraps to at most `maxLines` lines; when text is left over, the last line ends with `ellipsis`,
    /// so a reader always sees that something was cut.
    public func wrapped(toWidth width: Int, maxLines: Int, ellipsis: String = "…") -> [String] {
        let lines = wrapped(toWidth: width)
        guard lines.count > maxLines, maxLines > 0 else { return Array(lines.prefix(maxLines)) }
        var kept = Array(lines.prefix(maxLines))
        let last = kept[maxLines - 1]
        let room = width - ellipsis.terminalWidth
        kept[maxLines - 1] = (last.terminalWidth <= room ? last : last.truncated(toWidth: room, ellipsis: "")) + ellipsis
        return kept
    }

    /// Prose as typed in a YAML block: single line breaks inside a paragraph become spaces; blank lines and
    /// list items ("- ", "* ", "• ") keep their breaks. Stops hard-wrapped notes from wrapping raggedly twice.
    public var reflowedParagraphs: String {
        var result: [String] = []
        var current = ""
        for rawLine in split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline }) {
            let line = rawLine.trimmingSpaces
            let isItem = line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("• ")
            if line.isEmpty {
                if !current.isEmpty { result.append(current) }
                current = ""
            } else if isItem || current.isEmpty {
                if !current.isEmpty { result.append(current) }
                current = line
            } else {
                current += " " + line
            }
        }
        if !current.isEmpty { result.append(current) }
        return result.joined(separator: "\n")
    }
}

private extension Substring {
    var trimmingSpaces: String {
        var text = self
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
