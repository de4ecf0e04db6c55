extension String {
    /// Cuts to at most `width` columns, ending with "…" when something was cut. Never splits a grapheme.
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
        let clean = TerminalText.sanitized(self)
        guard width > 0 else { return "" }
        if clean.terminalWidth <= width { return clean }
        let room = width - ellipsis.terminalWidth
        var result = ""
        var used = 0
        for character in clean {
            let w = character.terminalWidth
            if used + w > room { break }
            result.append(character)
            used += w
        }
        return result + (room >= 0 ? ellipsis : "")
    }

    /// Pads with spaces to exactly `width` columns (truncating first when longer).
    public func padded(toWidth width: Int) -> String {
        let cut = truncated(toWidth: width)
        return cut + String(repeating: " ", count: max(0, width - cut.terminalWidth))
    }

    /// Word-wraps to lines of at most `width` columns, keeping explicit line breaks and breaking
    /// words longer than a line between graphemes.
    public func wrapped(toWidth width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in self.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = TerminalText.sanitized(String(word))
                var wordWidth = word.terminalWidth
                if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while wordWidth > width {
                    var head = ""
                    var headWidth = 0
                    var rest = Substring(word)
                    while let next = rest.first, headWidth + next.terminalWidth <= width {
                        head.append(next)
                        headWidth += next.terminalWidth
                        rest = rest.dropFirst()
                    }
                    if head.isEmpty, let next = rest.first { head.append(next); rest = rest.dropFirst() }
                    lines.append(head)
                    word = String(rest)
                    wordWidth = word.terminalWidth
                }
                line = word
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }
}
