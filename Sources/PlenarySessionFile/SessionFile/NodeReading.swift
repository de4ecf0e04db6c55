import Yams
import PlenaryEngine

/// Collects errors while a session file is read.
final class Diagnostics {
    let file: String
    private(set) var errors: [SessionFileError] = []

    init(file: String) {
        self.file = file
    }

    func add(_ mark: Mark?, _ path: String, _ message: String) {
        errors.append(SessionFileError(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1,
                                       path: path, message: message))
    }

    func add(line: Int, column: Int, _ path: String, _ message: String) {
        errors.append(SessionFileError(file: file, line: line, column: column, path: path, message: message))
    }
}

/// Key paths: `agenda[3].start`, `polls[0].options[2]`, `` for the root.
enum KeyPath {
    static func child(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    static func item(_ path: String, _ index: Int) -> String { "\(path)[\(index)]" }
}

extension Node {
    /// A plain `~`, `null` or nothing at all.
    var isNull: Bool {
        guard case let .scalar(scalar) = self else { return false }
        guard scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// How the node reads in "expected X, found Y".
    var found: String {
        switch self {
        case let .scalar(scalar):
            if isNull { return "nothing" }
            let text = scalar.string
            let shown = text.count > 40 ? String(text.prefix(37)) + "..." : text
            return "\"\(shown.replacingLineBreaks)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

private extension String {
    var replacingLineBreaks: String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 }))
    }
}

/// The keys of one mapping, checked against the keys it may have.
struct Fields {
    let mark: Mark?
    let path: String
    private(set) var keys: [String: Node] = [:]
    private(set) var values: [String: Node] = [:]

    init(mark: Mark?, path: String) {
        self.mark = mark
        self.path = path
    }

    func has(_ key: String) -> Bool { values[key] != nil }
    func value(_ key: String) -> Node? { values[key] }
    func keyMark(_ key: String) -> Mark? { keys[key]?.mark }
    func path(_ key: String) -> String { KeyPath.child(path, key) }

    fileprivate mutating func set(_ key: String, keyNode: Node, value: Node) {
        keys[key] = keyNode
        values[key] = value
    }
}

/// Typed access to YAML nodes, reporting every mismatch to `diagnostics`.
struct NodeReader {
    let diagnostics: Diagnostics
    /// Keys written in place of duplicated keys so that Yams can compose the rest; reported elsewhere.
    let placeholders: Set<String>

    func error(_ mark: Mark?, _ path: String, _ message: String) {
        diagnostics.add(mark, path, message)
    }

    /// Reads a mapping, reporting unknown keys at the key.
    func fields(_ node: Node, _ path: String, allowed: [String]) -> Fields? {
        guard case let .mapping(mapping) = node else {
            error(node.mark, path, "expected a mapping, found \(node.found)")
            return nil
        }
        var result = Fields(mark: mapping.mark, path: path)
        for (key, value) in mapping {
            guard case let .scalar(scalar) = key else {
                error(key.mark, path, "expected a key name, found \(key.found)")
                continue
            }
            let name = scalar.string
            if placeholders.contains(name) { continue }
            guard allowed.contains(name) else {
                let suggestion = KeyNameSuggestion.closest(to: name, in: allowed).map { ", did you mean \"\($0)\"?" } ?? ""
                error(key.mark, KeyPath.child(path, name), "unknown key\(suggestion) (expected one of: \(allowed.joined(separator: ", ")))")
                continue
            }
            result.set(name, keyNode: key, value: value)
        }
        return result
    }

    /// The value of `key`, nil when absent or null; reports a missing required key at the mapping. `hint` is
    /// worked out only for that report.
    func present(_ f: Fields, _ key: String, required: Bool, hint: @autoclosure () -> String = "") -> Node? {
        guard let node = f.value(key), !node.isNull else {
            if required {
                if let node = f.value(key) {
                    error(node.mark ?? f.keyMark(key), f.path(key), "expected a value\(hint())")
                } else {
                    error(f.mark, f.path, "missing required key \"\(key)\"\(hint())")
                }
            }
            return nil
        }
        return node
    }

    /// A scalar read as text, trimmed; nil (and an error) for collections.
    func text(_ node: Node, _ path: String) -> String? {
        guard case let .scalar(scalar) = node else {
            error(node.mark, path, "expected a string, found \(node.found)")
            return nil
        }
        return SessionValues.trimmed(scalar.string)
    }

    func string(_ f: Fields, _ key: String, required: Bool = false) -> String? {
        guard let node = present(f, key, required: required), let value = text(node, f.path(key)) else { return nil }
        if value.isEmpty {
            if required { error(node.mark, f.path(key), "must not be empty") }
            return nil
        }
        return value
    }

    /// A one-line string.
    func line(_ f: Fields, _ key: String, required: Bool = false) -> String? {
        guard let value = string(f, key, required: required) else { return nil }
        if value.contains(where: \.isNewline) {
            error(f.value(key)?.mark, f.path(key), "must fit on one line")
        }
        return value
    }

    func integer(_ node: Node, _ path: String) -> Int? {
        guard case let .scalar(scalar) = node else {
            error(node.mark, path, "expected an integer, found \(node.found)")
            return nil
        }
        var raw = Substring(SessionValues.trimmed(scalar.string))
        var sign = 1
        if raw.first == "-" { sign = -1; raw = raw.dropFirst() } else if raw.first == "+" { raw = raw.dropFirst() }
        guard !raw.isEmpty, raw.count <= 9, raw.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(raw) else {
            error(node.mark, path, "expected an integer, found \(node.found)")
            return nil
        }
        return sign * value
    }

    func integer(_ f: Fields, _ key: String, required: Bool = false) -> (value: Int, node: Node)? {
        guard let node = present(f, key, required: required), let value = integer(node, f.path(key)) else { return nil }
        return (value, node)
    }

    func bool(_ f: Fields, _ key: String) -> Bool? {
        guard let node = present(f, key, required: false) else { return nil }
        if case let .scalar(scalar) = node {
            switch SessionValues.trimmed(scalar.string).lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        error(node.mark, f.path(key), "expected true or false, found \(node.found)")
        return nil
    }

    /// A list; nil when absent, null or not a list.
    func list(_ f: Fields, _ key: String, required: Bool = false) -> (items: [Node], node: Node)? {
        guard let node = present(f, key, required: required) else { return nil }
        guard case let .sequence(sequence) = node else {
            error(node.mark, f.path(key), "expected a list, found \(node.found)")
            return nil
        }
        return (Array(sequence), node)
    }

    /// A list of non-empty one-line strings, each with its node and path.
    func strings(_ f: Fields, _ key: String, required: Bool = false) -> [(value: String, node: Node, path: String)]? {
        guard let (items, _) = list(f, key, required: required) else { return nil }
        var result: [(String, Node, String)] = []
        for (index, item) in items.enumerated() {
            let path = KeyPath.item(f.path(key), index)
            guard let value = text(item, path) else { continue }
            if value.isEmpty || item.isNull {
                error(item.mark, path, "must not be empty")
            } else if value.contains(where: \.isNewline) {
                error(item.mark, path, "must fit on one line")
            } else {
                result.append((value, item, path))
            }
        }
        return result
    }

    /// A value that must be one of a fixed set of words.
    func choice<T: RawRepresentable>(_ f: Fields, _ key: String, _ type: T.Type, required: Bool = false) -> T?
    where T: CaseIterable, T.RawValue == String {
        // Written out only for a message: joining the names cost every start a runtime conformance scan (decision 106).
        func all() -> String { T.allCases.map(\.rawValue).joined(separator: ", ") }
        guard let node = present(f, key, required: required, hint: required ? " (one of: \(all()))" : "") else { return nil }
        guard let raw = text(node, f.path(key)) else { return nil }
        guard let value = T(rawValue: raw) else {
            error(node.mark, f.path(key), "unknown \(key) \"\(raw)\" (expected one of: \(all()))")
            return nil
        }
        return value
    }

    /// An id: required or defaulted, lower-case letters, digits, `-` and `_`.
    func id(_ f: Fields, what: String) -> String? {
        guard let value = string(f, "id", required: true) else { return nil }
        checkID(value, node: f.value("id"), path: f.path("id"))
        return value
    }

    func checkID(_ value: String, node: Node?, path: String) {
        guard !SessionValues.isValidID(value) else { return }
        let suggestion = SessionValues.suggestedID(value)
        let hint = suggestion.isEmpty ? "" : ", like \"\(suggestion)\""
        error(node?.mark, path, "\"\(value)\" is not a valid id (use lower-case letters, digits, \"-\" and \"_\"\(hint))")
    }

    /// A person mapping: name (required), affiliation, role, tbc.
    func person(_ node: Node, _ path: String) -> Person? {
        guard let f = fields(node, path, allowed: SessionSchema.personKeys) else { return nil }
        let name = line(f, "name", required: true)
        let affiliation = line(f, "affiliation")
        let role = line(f, "role")
        let tbc = bool(f, "tbc") ?? false
        guard let name else { return nil }
        return Person(name: name, affiliation: affiliation, role: role, tbc: tbc)
    }
}

/// The keys each mapping of a session file may have, in documentation order.
enum SessionSchema {
    static let rootKeys = ["plenary", "title", "subtitle", "date", "timezone", "language", "venue", "organisers",
                           "moderator", "end", "admission", "voter_pin", "how_to_vote", "qa", "agenda", "polls", "templates", "groups"]
    static let slotKeys = ["id", "start", "duration", "title", "kind", "speakers", "tbc", "notes", "fixed",
                           "min_duration", "track", "polls", "groups", "qa"]
    static let personKeys = ["name", "affiliation", "role", "tbc"]
    static let pollKeys = ["id", "question", "type", "options", "max_picks", "max_per_option", "scale", "max_length", "points",
                           "admission", "live_results"]
    static let qaKeys = ["kind", "title", "names", "premoderation", "max_length", "upvotes"]
    static let scaleKeys = ["min", "max", "min_label", "max_label"]
    static let templateKeys = ["id", "name", "fields"]
    static let fieldKeys = ["id", "label", "type", "required", "choices", "help"]
    static let groupKeys = ["id", "name", "facilitator", "lead", "members", "templates"]
}
