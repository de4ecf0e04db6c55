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

    /// A block of text as the session file gives it, for showing line by line: its line breaks kept (YAML's `|`
    /// keeps the author's lines, `>` has already folded them into paragraphs), blank lines at either end dropped
    /// (a `|` block ends with a line break). Long lines are wrapped by whoever draws them.
    public var withoutBlankLinesAtEnds: String {
        asciiWithoutBlankLinesAtEnds ?? characterWithoutBlankLinesAtEnds
    }

    /// `withoutBlankLinesAtEnds` for printable ASCII and line feeds (nil for any other text), by bytes: drawn for
    /// every frame with the slot's notes (issue 13).
    var asciiWithoutBlankLinesAtEnds: String? {
        withPlainASCIILines { bytes in
            // The first byte of the first line with a non-space, and the end of the last such line.
            guard let firstText = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x0A }),
                  let lastText = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x0A }) else { return "" }
            let start = bytes[..<firstText].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let end = bytes[lastText...].firstIndex(of: 0x0A) ?? bytes.count
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

    /// `withoutBlankLinesAtEnds` character by character: any text.
    var characterWithoutBlankLinesAtEnds: String {
        var lines = split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline })
        while lines.first?.trimmingSpaces.isEmpty == true { lines.removeFirst() }
        while lines.last?.trimmingSpaces.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
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
