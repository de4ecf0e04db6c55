import Testing
@testable import PlenaryEngine
@testable import PlenaryUI

#if canImport(Glibc)
import Glibc
#endif

@Suite struct TextWidthTests {
    /// glibc 2.36 `wcwidth` values in C.UTF-8, measured on the reference machine.
    @Test(arguments: [
        ("a", 1), ("~", 1), ("\u{E9}", 1), ("\u{301}", 0), ("Ω", 1), ("Я", 1), ("ا", 1), ("ש", 1), ("\u{5B8}", 0),
        ("東", 2), ("한", 2), ("\u{1100}", 2), ("\u{1160}", 0), ("\u{11A8}", 0), ("ｆ", 2), ("｡", 1), ("\u{3000}", 2),
        ("😀", 2), ("👩", 2), ("🔬", 2), ("🏽", 2), ("⌚", 2), ("☀", 1), ("❤", 1), ("🇪", 1),
        ("\u{FE0F}", 0), ("\u{20E3}", 0), ("\u{200D}", 0), ("\u{200B}", 0), ("\u{200C}", 0), ("\u{FEFF}", 0),
        ("\u{AD}", 1), ("\u{600}", 1), ("\u{E000}", 1), ("\u{25CC}", 1), ("\u{FFFD}", 1), ("\u{2400}", 1),
        ("\u{202E}", 0), ("\u{2067}", 0), ("\u{0}", 0),
        ("\u{1B}", -1), ("\u{7F}", -1), ("\u{85}", -1), ("\u{2028}", -1), ("\u{FFFE}", -1), ("\u{1FAE8}", -1),
    ] as [(Unicode.Scalar, Int)])
    func wcwidthSpotChecks(scalar: Unicode.Scalar, expected: Int) {
        #expect(DisplayWidth.wcwidth(scalar) == expected)
        // Unprintable scalars are measured as the one-column stand-in `sanitized` shows instead.
        #expect(scalar.terminalWidth == (expected < 0 ? 1 : (scalar.value == 0 ? 1 : expected)))
    }

    @Test(arguments: [
        ("e\u{301}", 1), ("\u{C1}", 1), ("東", 2), ("👩‍🔬", 4), ("🇪🇺", 2), ("👍🏽", 4), ("1️⃣", 1), ("☀️", 1),
        ("\u{1100}\u{1161}\u{11A8}", 2), ("\u{301}", 0), ("\u{200B}", 0), ("\u{1B}", 1), ("\r\n", 2),
    ] as [(Character, Int)])
    func characterWidths(character: Character, expected: Int) {
        #expect(character.terminalWidth == expected)
    }

    @Test(arguments: [
        ("", 0), ("Ángela Negrete Benedí", 21), ("Ángela Negrete Bene\u{301}di\u{301}", 21), ("東京", 4),
        ("Ωμέγα Привет", 12), ("العربية", 7), ("שָׁלוֹם", 4), ("한국어", 6), ("ｆｕｌｌ", 8),
        ("👩‍🔬", 4), ("🇪🇺", 2), ("👍🏽", 4), ("☀️ 1️⃣", 3), ("\u{1B}[2J", 4), ("a\u{200B}b", 2), ("a\u{AD}b", 3),
        ("\u{301}", 1), ("\u{202E}abc", 3), ("a\tb", 3), ("\u{1FAE8}", 1),
    ] as [(String, Int)])
    func stringWidths(text: String, expected: Int) {
        #expect(text.terminalWidth == expected)
        #expect(text.terminalWidth == TerminalText.sanitized(text).reduce(0) { $0 + $1.terminalWidth })
    }

    @Test func tableCoversTheCodeSpaceInOrder() {
        let runs = WidthTable.runs
        #expect(runs.first == 0)
        #expect(zip(runs, runs.dropFirst()).allSatisfy { $0 >> 2 < $1 >> 2 && $0 & 3 != $1 & 3 })
        #expect(runs.last! >> 2 <= 0x10FFFF)
    }

    #if canImport(Glibc)
    /// The generated table equals this machine's glibc `wcwidth` for every scalar, when the glibc is
    /// the one the table was generated from (otherwise: regenerate with scripts/generate-width-table.py).
    @Test(.enabled(if: GlibcReference.isTableSource, "table generated from glibc \(WidthTable.glibcVersion)"))
    func agreesWithGlibcForEveryScalar() throws {
        let reference = try #require(GlibcReference.wcwidth)
        let locale = try #require(newlocale(LC_CTYPE_MASK, "C.UTF-8", nil))
        defer { freelocale(locale) }
        let previous = uselocale(locale)  // per thread: safe with tests running in parallel
        defer { uselocale(previous) }
        var mismatches: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = Int(reference(Int32(value)))
            if DisplayWidth.wcwidth(scalar) != expected {
                mismatches.append("U+\(String(value, radix: 16)): \(DisplayWidth.wcwidth(scalar)) != \(expected)")
                if mismatches.count > 20 { break }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }
    #endif
}

#if canImport(Glibc)
enum GlibcReference {
    typealias WidthFunction = @convention(c) (Int32) -> Int32

    /// glibc's `wcwidth`, looked up at run time (the Glibc module does not export it).
    static var wcwidth: WidthFunction? {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth").map { unsafeBitCast($0, to: WidthFunction.self) }
    }

    static var isTableSource: Bool {
        var buffer = [CChar](repeating: 0, count: 64)
        guard confstr(Int32(_CS_GNU_LIBC_VERSION), &buffer, buffer.count) > 0 else { return false }
        let version = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return version == "glibc \(WidthTable.glibcVersion)"
    }
}
#endif
