/// Fitting text into columns. Every function here sanitises first (`TerminalText.sanitized`),
/// measures with `terminalWidth`, never splits a grapheme and never returns a line wider than asked.
extension TerminalText {
    /// Stands in for a grapheme wider than the whole line (a two-column "東" on a one-column line).
    public static let tooWide: Character = "…"

    /// The longest prefix of sanitised `text` that fits in `width` columns, and its width.
    static func prefix(of text: String, fitting width: Int) -> (text: String, width: Int) {
        var result = ""
        var used = 0
        for character in text {
            let w = character.terminalWidth
            if used + w > width { break }
            result.append(character)
            used += w
        }
        return (result, used)
    }
}

extension String {
    /// Cuts to at most `width` columns, ending with `ellipsis` when something was cut. Never splits a
    /// grapheme, so the result may be one column short when a wide character did not fit ("東京都"
    /// to 4 gives "東…"). When even the ellipsis does not fit, the text is cut without it.
    /// Returns "" for `width` ≤ 0; the result is sanitised.
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        let clean = TerminalText.sanitized(self)
        if DisplayWidth.sumOfScalars(clean) <= width { return clean }
        let mark = TerminalText.sanitized(ellipsis)
        let markWidth = DisplayWidth.sumOfScalars(mark)
        if markWidth > width { return TerminalText.prefix(of: clean, fitting: width).text }
        return TerminalText.prefix(of: clean, fitting: width - markWidth).text + mark
    }

    /// Exactly `width` columns (none when `width` ≤ 0): truncated with `ellipsis` when longer, then padded with spaces.
    public func padded(toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        let cut = truncated(toWidth: width, ellipsis: ellipsis)
        let missing = width - DisplayWidth.sumOfScalars(cut)
        return missing > 0 ? cut + String(repeating: " ", count: missing) : cut
    }

    /// Word-wraps to lines of at most `width` columns.
    /// - Paragraphs end at every line break (LF, CR, CR LF, VT, FF, NEL, U+2028, U+2029); an empty
    ///   paragraph gives an empty line, so "" gives [""].
    /// - Words are separated by spaces (tabs count as spaces); runs of spaces collapse to one and
    ///   no line starts or ends with a space.
    /// - A word longer than a line is broken between graphemes; a grapheme wider than the whole line
    ///   becomes `TerminalText.tooWide` ("…", one column).
    /// Returns [] for `width` ≤ 0. Lines are sanitised.
    public func wrapped(toWidth width: Int) -> [String] {
        guard width > 0 else { return [] }
        return asciiWrapped(toWidth: width) ?? characterWrapped(toWidth: width)
    }

    /// `wrapped` for printable ASCII and line feeds (nil for any other text), byte by byte: every byte is then one
    /// column and one grapheme, sanitising changes nothing, and a line feed is the only line break. The agenda's
    /// titles and notes are wrapped for every frame, and reading them character by character (grapheme breaking,
    /// comparing characters as strings) was a tenth of a key's time (issue 13). `TextLayoutTests` holds it to the
    /// general form.
    func asciiWrapped(toWidth width: Int) -> [String]? {
        withPlainASCIILines { bytes in
            var lines: [String] = []
            var paragraphStart = 0
            while paragraphStart <= bytes.count {
                var paragraphEnd = paragraphStart
                while paragraphEnd < bytes.count, bytes[paragraphEnd] != 0x0A { paragraphEnd += 1 }
                Self.wrapASCIIParagraph(UnsafeBufferPointer(rebasing: bytes[paragraphStart..<paragraphEnd]),
                                        toWidth: width, into: &lines)
                paragraphStart = paragraphEnd + 1
            }
            return lines
        }
    }

    /// `body` over the UTF-8 bytes when the text is printable ASCII and line feeds only (every byte one column and one
    /// grapheme, nothing to sanitise), else nil: the condition of every byte-by-byte fast path of text layout.
    func withPlainASCIILines<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        var text = self
        text.makeContiguousUTF8()
        let result = text.utf8.withContiguousStorageIfAvailable { bytes -> Result? in
            for byte in bytes where byte != 0x0A && (byte < 0x20 || byte > 0x7E) { return nil }
            return body(bytes)
        }
        return result ?? nil
    }

    /// One paragraph of `asciiWrapped`: words between runs of spaces, a word longer than a line cut every `width`
    /// bytes, always at least one line.
    private static func wrapASCIIParagraph(_ paragraph: UnsafeBufferPointer<UInt8>, toWidth width: Int,
                                           into lines: inout [String]) {
        var line: [UInt8] = []
        line.reserveCapacity(width)
        var index = 0
        while index < paragraph.count {
            guard paragraph[index] != 0x20 else {
                index += 1
                continue
            }
            var end = index
            while end < paragraph.count, paragraph[end] != 0x20 { end += 1 }
            let word = UnsafeBufferPointer(rebasing: paragraph[index..<end])
            index = end
            if !line.isEmpty {
                if line.count + 1 + word.count <= width {
                    line.append(0x20)
                    line.append(contentsOf: word)
                    continue
                }
                lines.append(String(decoding: line, as: UTF8.self))
                line.removeAll(keepingCapacity: true)
            }
            var rest = word[...]
            while rest.count > width {
                lines.append(String(decoding: rest.prefix(width), as: UTF8.self))
                rest = rest.dropFirst(width)
            }
            line.append(contentsOf: rest)
        }
        lines.append(String(decoding: line, as: UTF8.self))
    }

    /// `wrapped` character by character: any text.
    func characterWrapped(toWidth width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline }) {
            let clean = TerminalText.sanitized(String(paragraph))
            var line = ""
            var lineWidth = 0
            for word in clean.split(separator: " ", omittingEmptySubsequences: true) {
                let wordWidth = DisplayWidth.sumOfScalars(String(word))
                if lineWidth > 0 {
                    if lineWidth + 1 + wordWidth <= width {
                        line += " "
                        line += word
                        lineWidth += 1 + wordWidth
                        continue
                    }
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                if wordWidth <= width {
                    line = String(word)
                    lineWidth = wordWidth
                    continue
                }
                for character in word {
                    var piece = character
                    var pieceWidth = character.terminalWidth
                    if pieceWidth > width {
                        piece = TerminalText.tooWide
                        pieceWidth = 1
                    }
                    if lineWidth + pieceWidth > width {
                        lines.append(line)
                        line = ""
                        lineWidth = 0
                    }
                    line.append(piece)
                    lineWidth += pieceWidth
                }
            }
            lines.append(line)
        }
        return lines
    }
}
