/// A table written as CSV the way spreadsheets read it best (RFC 4180): fields separated by commas, records by
/// CR LF, a field quoted when it holds a comma, a quote, a line break or leading or trailing spaces, quotes inside
/// doubled. UTF-8 with a byte-order mark, because Excel reads a CSV without one in the machine's legacy code page
/// and would garble "Núñez" (docs/DECISIONS.md).
public struct CSVTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public func encoded() -> [UInt8] {
        var text = ""
        for record in [header] + rows {
            text += record.map(Self.field).joined(separator: ",")
            text += "\r\n"
        }
        return Self.byteOrderMark + Array(text.utf8)
    }

    /// One field, quoted when needed. Line breaks inside a field are LF, as Excel writes them (records end in CR LF). Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first, unless it is a plain
    /// number) gets a leading apostrophe, so an open answer can never execute anything on the moderator's laptop.
    static func field(_ raw: String) -> String {
        var value = ReportText.printable(raw).replacingLineBreaks(with: "\n")
        if let first = value.unicodeScalars.first, "=+-@".unicodeScalars.contains(first), !isPlainNumber(value) {
            value = "'" + value
        }
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\r\n" || $0 == "\n" || $0 == "\r" }
            || value.first == " " || value.last == " "
        guard needsQuotes else { return value }
        var quoted = "\""
        for character in value {
            quoted += character == "\"" ? "\"\"" : String(character)
        }
        return quoted + "\""
    }

    /// "-3", "+4.5": numbers a spreadsheet should read as numbers.
    static func isPlainNumber(_ text: String) -> Bool {
        var digits = 0
        var dots = 0
        for (offset, character) in text.enumerated() {
            if offset == 0 && (character == "-" || character == "+") { continue }
            if character == "." { dots += 1; continue }
            guard character.isASCII, character.isNumber else { return false }
            digits += 1
        }
        return digits > 0 && dots <= 1
    }
}
