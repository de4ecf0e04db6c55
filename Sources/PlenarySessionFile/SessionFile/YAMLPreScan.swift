/// A cheap pass over the raw text before libyaml and Yams see it.
///
/// Yams composes documents recursively (one stack frame pair per nesting level, up to libyaml's limit
/// of 1000) and expands aliases by sharing nodes, which a billion-laughs file turns into exponential
/// work as soon as anything walks or hashes the tree. A session file needs neither deep nesting nor
/// aliases, so this scanner refuses both up front, iteratively and in linear time.
///
/// It is a tokenizer, not a parser: it tracks flow brackets, quotes, comments, block scalars and plain
/// scalar continuation lines well enough to find node starts. Its depth estimate is within a factor
/// of two of the real nesting, which is all a safety limit needs.
struct YAMLPreScan {
    struct Finding: Equatable {
        /// 1-based, like libyaml marks (columns in Unicode scalars).
        var line: Int
        var column: Int
        var message: String
    }

    /// Deepest nesting accepted. A session file needs about 5.
    static let maxDepth = 64

    /// Splits like libyaml: LF, CR LF, CR, NEL, LS and PS all end a line.
    static func lines(_ text: String) -> [[Unicode.Scalar]] {
        var result: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                if !previousWasCR { result.append(current); current = [] }
                previousWasCR = false
            case "\r":
                result.append(current); current = []
                previousWasCR = true
            case "\u{85}", "\u{2028}", "\u{2029}":
                result.append(current); current = []
                previousWasCR = false
            default:
                current.append(scalar)
                previousWasCR = false
            }
        }
        result.append(current)
        return result
    }

    static func scan(_ text: String) -> [Finding] {
        var scanner = YAMLPreScan()
        scanner.run(lines(text))
        return scanner.findings
    }

    private var findings: [Finding] = []
    private var flowDepth = 0
    /// Open quote character when a quoted scalar continues on the next line.
    private var quote: Unicode.Scalar? = nil
    /// Content lines of a block scalar (`|`, `>`) are indented more than this column (0-based).
    private var blockScalarParent: Int? = nil
    /// Continuation lines of a multi-line plain scalar are indented more than this column.
    private var plainParent: Int? = nil
    /// Indentation columns of the open block collections.
    private var indents: [Int] = []
    /// Block nesting of the current line (indentation levels plus `- ` indicators).
    private var blockDepth = 0
    /// In a flow collection: the next character may start a node.
    private var flowTokenStart = false
    private var tooDeep = false

    private static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" }
    private static func isFlowIndicator(_ c: Unicode.Scalar) -> Bool { c == "," || c == "[" || c == "]" || c == "{" || c == "}" }

    private mutating func run(_ lines: [[Unicode.Scalar]]) {
        for (lineIndex, s) in lines.enumerated() {
            scanLine(s, line: lineIndex + 1)
            if tooDeep { return }
        }
    }

    private mutating func checkDepth(line: Int, column: Int) {
        if blockDepth + flowDepth > Self.maxDepth, !tooDeep {
            tooDeep = true
            findings.append(Finding(line: line, column: column + 1,
                message: "nesting is too deep (more than \(Self.maxDepth) levels)"))
        }
    }

    /// Records `&name` or `*name` starting at `i`; returns the index after the name.
    private mutating func anchorOrAlias(_ s: [Unicode.Scalar], _ i: Int, line: Int) -> Int {
        var j = i + 1
        while j < s.count, !Self.isSpace(s[j]), !(flowDepth > 0 && Self.isFlowIndicator(s[j])) { j += 1 }
        let token = String(String.UnicodeScalarView(s[i..<j]))
        let message = s[i] == "*"
            ? "aliases are not allowed in a session file (found \"\(token)\"); write the value out in full"
            : "anchors are not allowed in a session file (found \"\(token)\")"
        findings.append(Finding(line: line, column: i + 1, message: message))
        return j
    }

    /// Index after a tag (`!foo`, `!!str`, `!<...>`) starting at `i`.
    private func skipTag(_ s: [Unicode.Scalar], _ i: Int) -> Int {
        var j = i + 1
        while j < s.count, !Self.isSpace(s[j]), !(flowDepth > 0 && Self.isFlowIndicator(s[j])) { j += 1 }
        return j
    }

    private mutating func scanLine(_ s: [Unicode.Scalar], line: Int) {
        let n = s.count
        var indent = 0
        while indent < n, s[indent] == " " { indent += 1 }
        let blank = s.allSatisfy(Self.isSpace)

        if let parent = blockScalarParent {
            if blank || indent > parent { return }
            blockScalarParent = nil
        }

        var i = 0
        /// Block context: the next non-space character may start a node.
        var nodeStart = false
        /// Column of the node that owns what follows (key, `- ` or `? `), for block and plain scalars.
        var parentColumn = indent
        /// Column where the last node on this line started (a quoted key's opening quote).
        var lastNodeColumn = indent

        if quote == nil && flowDepth == 0 {
            if blank { return }
            if s[indent] == "#" { return }
            if let parent = plainParent {
                if indent > parent { return }
                plainParent = nil
            }
            if indent == 0, s[0] == "%" { return }
            i = indent
            if indent == 0, n >= 3, (s[0] == "-" && s[1] == "-" && s[2] == "-") || (s[0] == "." && s[1] == "." && s[2] == "."),
               n == 3 || Self.isSpace(s[3]) {
                indents = []
                i = 3
            } else {
                while let last = indents.last, last > indent { indents.removeLast() }
                if indents.last != indent { indents.append(indent) }
            }
            blockDepth = indents.count
            checkDepth(line: line, column: indent)
            nodeStart = true
        }

        while i < n, !tooDeep {
            let c = s[i]

            // Inside a quoted scalar (possibly continued from an earlier line).
            if let q = quote {
                if q == "'" {
                    if c == "'" {
                        if i + 1 < n, s[i + 1] == "'" { i += 2; continue }
                        quote = nil
                        flowTokenStart = false
                    }
                } else if c == "\\" {
                    i += 2; continue
                } else if c == "\"" {
                    quote = nil
                    flowTokenStart = false
                }
                i += 1
                continue
            }

            // Flow context: brackets nest, commas separate, anything may span lines.
            if flowDepth > 0 {
                switch c {
                case " ", "\t":
                    break
                case "#" where i == 0 || Self.isSpace(s[i - 1]):
                    return
                case "[", "{":
                    flowDepth += 1
                    flowTokenStart = true
                    checkDepth(line: line, column: i)
                case "]", "}":
                    flowDepth -= 1
                    flowTokenStart = false
                    if flowDepth == 0 { nodeStart = false }
                case ",":
                    flowTokenStart = true
                case ":", "?":
                    if i + 1 == n || Self.isSpace(s[i + 1]) || Self.isFlowIndicator(s[i + 1]) || flowTokenStart {
                        flowTokenStart = true
                    } else {
                        flowTokenStart = false
                    }
                case "\"" where flowTokenStart, "'" where flowTokenStart:
                    quote = c
                case "&" where flowTokenStart:
                    i = anchorOrAlias(s, i, line: line)
                    continue
                case "*" where flowTokenStart:
                    i = anchorOrAlias(s, i, line: line)
                    flowTokenStart = false
                    continue
                case "!" where flowTokenStart:
                    i = skipTag(s, i)
                    continue
                default:
                    flowTokenStart = false
                }
                i += 1
                continue
            }

            // Block context, after a complete node on this line: only `:` or a comment matter.
            if !nodeStart {
                if c == ":", i + 1 == n || Self.isSpace(s[i + 1]) {
                    nodeStart = true
                    parentColumn = lastNodeColumn
                } else if c == "#", i == 0 || Self.isSpace(s[i - 1]) {
                    return
                }
                i += 1
                continue
            }

            // Block context, where a node may start.
            let next: Unicode.Scalar? = i + 1 < n ? s[i + 1] : nil
            let followedBySpace = next == nil || Self.isSpace(next!)
            switch c {
            case " ", "\t":
                i += 1
            case "#":
                return
            case "-" where followedBySpace, "?" where followedBySpace:
                if c == "-" {
                    blockDepth += 1
                    checkDepth(line: line, column: i)
                }
                parentColumn = i
                i += 1
            case ":" where followedBySpace:
                i += 1
            case "&":
                i = anchorOrAlias(s, i, line: line)
            case "*":
                i = anchorOrAlias(s, i, line: line)
                nodeStart = false
            case "!":
                i = skipTag(s, i)
            case "[", "{":
                flowDepth = 1
                flowTokenStart = true
                checkDepth(line: line, column: i)
                lastNodeColumn = i
                i += 1
            case "\"", "'":
                quote = c
                lastNodeColumn = i
                nodeStart = false
                i += 1
            case "|", ">":
                blockScalarParent = parentColumn
                return
            default:
                // A plain scalar: a key if `: ` follows on this line, else a value that may continue below.
                let start = i
                var j = i
                var isKey = false
                while j < n {
                    if s[j] == ":", j + 1 == n || Self.isSpace(s[j + 1]) { isKey = true; break }
                    if s[j] == "#", Self.isSpace(s[j - 1]) { return }
                    j += 1
                }
                if isKey {
                    parentColumn = start
                    lastNodeColumn = start
                    i = j + 1
                } else {
                    plainParent = parentColumn
                    return
                }
            }
        }
    }
}
