import Yams
import PlenaryEngine

/// Session files: YAML text → a validated `Session`, or every problem found, each with line and column.
///
/// The text is composed with Yams into a node tree and walked by hand (not `Codable`, which loses the
/// marks). Scalars are read as the raw text written in the file, so `12:30` stays `"12:30"`.
/// See `docs/session-format.md` for the format.
public enum SessionFile {
    /// Files larger than this are refused by `load(path:)` (PlenaryStorage) and `parse(bytes:file:)`.
    public static let maximumFileSize = 5 * 1024 * 1024

    /// Parses and validates. `file` is the name used in messages.
    public static func parse(yaml: String, file: String) -> Result<Session, SessionFileErrors> {
        let diagnostics = Diagnostics(file: file)
        var text = yaml
        if text.unicodeScalars.first == "\u{FEFF}" {
            text.unicodeScalars.removeFirst()
        }

        // Refuse deep nesting and aliases before Yams recurses into or expands them.
        let findings = YAMLPreScan.scan(text)
        if !findings.isEmpty {
            for finding in findings {
                diagnostics.add(line: finding.line, column: finding.column, "", finding.message)
            }
            return .failure(sorted(diagnostics.errors))
        }

        var composer = Composer(text: text, diagnostics: diagnostics)
        guard let root = composer.compose() else {
            return .failure(sorted(diagnostics.errors))
        }
        if !composer.checkTree(root) {
            return .failure(composer.restoringColumns(sorted(diagnostics.errors)))
        }

        let reader = SessionReader(read: NodeReader(diagnostics: diagnostics, placeholders: Set(composer.placeholders.keys)))
        let session = reader.session(root)
        let errors = composer.restoringColumns(sorted(diagnostics.errors))
        if let session, errors.errors.isEmpty {
            return .success(session)
        }
        return .failure(errors)
    }

    /// What `load(path:)` (PlenaryStorage) does once it has the file's bytes: refuses more than 5 MB and invalid UTF-8, then
    /// parses. Public so the fuzzer (Fuzz/) feeds raw bytes through the same checks a file on disk gets.
    public static func parse(bytes: [UInt8], file: String) -> Result<Session, SessionFileErrors> {
        func refuse(_ message: String) -> Result<Session, SessionFileErrors> {
            .failure(SessionFileErrors(errors: [SessionFileError(file: file, line: 1, column: 1, path: "", message: message)]))
        }
        if bytes.count > maximumFileSize {
            return refuse("file is too large (more than 5 MB; a session file may be at most 5 MB)")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return refuse("the file is UTF-16 text; save it as UTF-8")
        }
        switch decodeUTF8(bytes) {
        case let .success(text):
            return parse(yaml: text, file: file)
        case let .failure(problem):
            // At the bad byte, like every other problem, so an editor can jump there.
            return .failure(SessionFileErrors(errors: [SessionFileError(
                file: file, line: problem.line, column: problem.column, path: "",
                message: "not valid UTF-8 text (byte 0x\(hex(problem.byte))); save the file as UTF-8")]))
        }
    }

    // MARK: - Helpers

    static func sorted(_ errors: [SessionFileError]) -> SessionFileErrors {
        var seen = Set<String>()
        let unique = errors.filter { seen.insert($0.description).inserted }
        return SessionFileErrors(errors: unique.enumerated().sorted { a, b in
            (a.element.line, a.element.column, a.offset) < (b.element.line, b.element.column, b.offset)
        }.map(\.element))
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    struct InvalidUTF8: Error {
        var byte: UInt8
        var line: Int
        var column: Int
    }

    /// Strict UTF-8 decoding that reports where the first bad byte is.
    static func decodeUTF8(_ bytes: [UInt8]) -> Result<String, InvalidUTF8> {
        // Valid text (every session file that loads) is checked in one pass by the standard library; scalar by
        // scalar only to say where invalid text goes wrong (appending each scalar was 7% of loading a session).
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        var line = 1, column = 1
        var scalars = String.UnicodeScalarView()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                offset += encoded.count
                scalars.append(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return .success(String(scalars))
            case .error:
                return .failure(InvalidUTF8(byte: bytes[offset], line: line, column: column))
            }
        }
    }
}

/// Composes the text with Yams, working around its one-error-at-a-time duplicate key check: each
/// duplicated key is reported at its second occurrence and replaced by a placeholder key so that the
/// rest of the document can still be read and checked.
struct Composer {
    private(set) var text: String
    let diagnostics: Diagnostics
    /// Placeholder key → (duplicated key, line of its first occurrence).
    private(set) var placeholders: [String: (key: String, firstLine: Int)] = [:]
    /// Column shifts made by placeholders, in the order they were made.
    private var shifts: [(line: Int, column: Int, delta: Int)] = []

    init(text: String, diagnostics: Diagnostics) {
        self.text = text
        self.diagnostics = diagnostics
    }

    mutating func compose() -> Node? {
        for _ in 0..<500 {
            do {
                // `.basic`: every scalar is read as its text (see above), so Yams' implicit-type rules, ICU regular
                // expressions compiled on first use and matched against every key, would only cost start-up time.
                // For the same reason no constructor maps (the tree is never turned into `Any`), and UTF-8 named
                // outright: Yams' defaults build three dictionaries and Foundation's whole environment on every
                // start (decision 105).
                guard let root = try Yams.compose(yaml: text, .basic, Constructor([:], [:], [:]), .utf8) else {
                    diagnostics.add(line: 1, column: 1, "", "empty session file")
                    return nil
                }
                return root
            } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
                guard let key = duplicates.first, replaceDuplicate(of: key, firstAt: context.mark) else {
                    diagnostics.add(context.mark, "", "duplicate key \"\(duplicates.first ?? "")\"")
                    return nil
                }
            } catch let error as YamlError {
                report(error)
                return nil
            } catch {
                diagnostics.add(line: 1, column: 1, "", "syntax error: \(error)")
                return nil
            }
        }
        diagnostics.add(line: 1, column: 1, "", "too many duplicate keys")
        return nil
    }

    private func report(_ error: YamlError) {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            if problem == "but found another document" {
                diagnostics.add(mark, "", "syntax error: found a second document (a session file holds exactly one)")
            } else if let hint = YAMLSyntaxHint.hint(problem: problem, line: mark.line, in: text) {
                diagnostics.add(mark, "", "syntax error: \(hint)")
            } else {
                diagnostics.add(mark, "", "syntax error: \(problem)")
            }
        case let .reader(problem, offset, _, yaml):
            let (line, column) = offset.map { Self.position(ofCharacter: $0, in: yaml) } ?? (1, 1)
            diagnostics.add(line: line, column: column, "", "syntax error: \(problem)")
        default:
            diagnostics.add(line: 1, column: 1, "", "syntax error: \(error)")
        }
    }

    /// Line and column (in scalars) of the character at `offset`.
    private static func position(ofCharacter offset: Int, in text: String) -> (Int, Int) {
        guard let index = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) else { return (1, 1) }
        var line = 1, column = 1
        for scalar in text[..<index].unicodeScalars {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    /// Finds the second occurrence of `key` after its first at `first` and replaces it by a placeholder.
    private mutating func replaceDuplicate(of key: String, firstAt first: Mark) -> Bool {
        var lines = YAMLPreScan.lines(text)
        let firstLine = first.line - 1, column = first.column - 1
        guard firstLine < lines.count, column < lines[firstLine].count,
              let firstEnd = Self.keyToken(lines[firstLine], at: column, matching: key) else { return false }

        var found: (line: Int, start: Int, end: Int)? = nil
        // A flow mapping: later on the same line.
        var index = firstEnd
        let sameLine = lines[firstLine]
        while index < sameLine.count, found == nil {
            if sameLine[index] == "," || sameLine[index] == "{" {
                var start = index + 1
                while start < sameLine.count, sameLine[start] == " " { start += 1 }
                if let end = Self.keyToken(sameLine, at: start, matching: key) { found = (firstLine, start, end) }
            }
            index += 1
        }
        // A block mapping: a later line with the key at the same column, until the mapping ends.
        if found == nil {
            for lineIndex in (firstLine + 1)..<max(firstLine + 1, lines.count) {
                let line = lines[lineIndex]
                var indent = 0
                while indent < line.count, line[indent] == " " { indent += 1 }
                if indent == line.count || line[indent] == "#" { continue }
                if indent == column, let end = Self.keyToken(line, at: column, matching: key) {
                    found = (lineIndex, column, end)
                    break
                }
                if indent < column { break }
            }
        }
        // Anything else: the next place the key appears as a key.
        if found == nil {
            search: for lineIndex in firstLine..<lines.count {
                let line = lines[lineIndex]
                for start in 0..<line.count where !(lineIndex == firstLine && start <= column) {
                    if start > 0, line[start - 1] != " ", line[start - 1] != "{", line[start - 1] != "," { continue }
                    if let end = Self.keyToken(line, at: start, matching: key) {
                        found = (lineIndex, start, end)
                        break search
                    }
                }
            }
        }
        guard let found else { return false }

        let placeholder = "__plenary_duplicate_\(placeholders.count + 1)__"
        placeholders[placeholder] = (key, first.line)
        shifts.append((found.line + 1, found.start + 1, placeholder.unicodeScalars.count - (found.end - found.start)))
        lines[found.line].replaceSubrange(found.start..<found.end, with: placeholder.unicodeScalars)
        text = Self.join(lines, like: text)
        return true
    }

    /// Rebuilds the text with the original line breaks.
    private static func join(_ lines: [[Unicode.Scalar]], like original: String) -> String {
        var breaks: [String] = []
        var previousWasCR = false
        for scalar in original.unicodeScalars {
            switch scalar {
            case "\n":
                if previousWasCR { breaks[breaks.count - 1] = "\r\n" } else { breaks.append("\n") }
                previousWasCR = false
            case "\r": breaks.append("\r"); previousWasCR = true
            case "\u{85}", "\u{2028}", "\u{2029}": breaks.append(String(scalar)); previousWasCR = false
            default: previousWasCR = false
            }
        }
        var result = String.UnicodeScalarView()
        for (index, line) in lines.enumerated() {
            result.append(contentsOf: line)
            if index < breaks.count { result.append(contentsOf: breaks[index].unicodeScalars) }
        }
        return String(result)
    }

    /// If a key token equal to `key` starts at `start` and is followed by `:`, the index just after the token.
    private static func keyToken(_ line: [Unicode.Scalar], at start: Int, matching key: String) -> Int? {
        guard start < line.count else { return nil }
        var end: Int
        var value = String.UnicodeScalarView()
        let quote = line[start]
        if quote == "\"" || quote == "'" {
            end = start + 1
            while end < line.count {
                let c = line[end]
                if quote == "'", c == "'" {
                    if end + 1 < line.count, line[end + 1] == "'" { value.append("'"); end += 2; continue }
                    break
                }
                if quote == "\"", c == "\\", end + 1 < line.count { value.append(line[end + 1]); end += 2; continue }
                if quote == "\"", c == "\"" { break }
                value.append(c)
                end += 1
            }
            guard end < line.count else { return nil }
            end += 1
        } else {
            end = start
            while end < line.count, !(line[end] == ":" && (end + 1 == line.count || line[end + 1] == " " || line[end + 1] == "\t")) {
                end += 1
            }
            var trimmed = end
            while trimmed > start, line[trimmed - 1] == " " || line[trimmed - 1] == "\t" { trimmed -= 1 }
            value.append(contentsOf: line[start..<trimmed])
            end = trimmed
        }
        guard String(value) == key else { return nil }
        var colon = end
        while colon < line.count, line[colon] == " " || line[colon] == "\t" { colon += 1 }
        guard colon < line.count, line[colon] == ":" else { return nil }
        return end
    }

    /// Maps a column in the composed text (with placeholders) back to the file.
    private func originalColumn(line: Int, column: Int) -> Int {
        var column = column
        for shift in shifts.reversed() where shift.line == line && column > shift.column {
            column -= shift.delta
        }
        return column
    }

    func restoringColumns(_ errors: SessionFileErrors) -> SessionFileErrors {
        guard !shifts.isEmpty else { return errors }
        return SessionFile.sorted(errors.errors.map { error in
            var error = error
            error.column = originalColumn(line: error.line, column: error.column)
            return error
        })
    }

    /// Walks the whole tree once, iteratively: reports the duplicated keys (with the path of their
    /// mapping) and refuses a tree in which a collection appears twice (an alias the pre-scan missed)
    /// or that is unreasonably large. Returns false when the tree must not be walked further.
    func checkTree(_ root: Node) -> Bool {
        struct Seen: Hashable { var isMapping: Bool; var line: Int; var column: Int }
        var seen = Set<Seen>()
        var stack: [(node: Node, path: String)] = [(root, "")]
        var visited = 0
        while let (node, path) = stack.popLast() {
            visited += 1
            if visited > 2_000_000 {
                diagnostics.add(line: 1, column: 1, "", "the document is too large for a session file")
                return false
            }
            switch node {
            case let .mapping(mapping):
                if let mark = mapping.mark, !seen.insert(Seen(isMapping: true, line: mark.line, column: mark.column)).inserted {
                    diagnostics.add(mark, path, "aliases are not allowed in a session file")
                    return false
                }
                for (key, value) in mapping.reversed() {
                    let name = key.scalar?.string ?? "?"
                    if let (duplicated, firstLine) = placeholders[name].map({ ($0.key, $0.firstLine) }) {
                        diagnostics.add(key.mark, KeyPath.child(path, duplicated), "duplicate key (first at line \(firstLine))")
                        continue
                    }
                    stack.append((value, KeyPath.child(path, name)))
                }
            case let .sequence(sequence):
                if let mark = sequence.mark, !seen.insert(Seen(isMapping: false, line: mark.line, column: mark.column)).inserted {
                    diagnostics.add(mark, path, "aliases are not allowed in a session file")
                    return false
                }
                // By index, last first: `enumerated().reversed()` made the runtime look up its conditional
                // conformances by scanning every conformance record, once per start (decision 106).
                var index = sequence.endIndex
                while index > sequence.startIndex {
                    index -= 1
                    stack.append((sequence[index], KeyPath.item(path, index - sequence.startIndex)))
                }
            case .scalar, .alias:
                break
            }
        }
        return true
    }
}
