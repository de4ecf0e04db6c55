import Glibc

/// The process environment, read once at start-up.
enum Environment {
    static var current: [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }

    /// True when the locale can show Unicode (LC_ALL, then LC_CTYPE, then LANG, as setlocale reads them).
    static var localeIsUTF8: Bool {
        let environment = current
        let value = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        return mentionsUTF8(value)
    }

    /// True when `value` contains "utf-8" or "utf8" in any case ("C.UTF-8", "en_US.utf8"). Compared as bytes:
    /// `String.contains` here would be Foundation's, which brings CoreFoundation's string code into every start.
    static func mentionsUTF8(_ value: String) -> Bool {
        let lower = Array(value.lowercased().utf8)
        for needle in [Array("utf-8".utf8), Array("utf8".utf8)] where lower.count >= needle.count {
            for start in 0...(lower.count - needle.count) where lower[start..<start + needle.count].elementsEqual(needle) {
                return true
            }
        }
        return false
    }
}
