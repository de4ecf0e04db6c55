import Foundation
import Testing
import PlenaryTestSupport

/// The engine (`Sources/PlenaryEngine`) stays pure: the runner in PlenaryStorage brings it the clock, the file
/// system and random bytes. SwiftPM already refuses an import of a module the target does not depend on; this
/// reads the sources for what a dependency list cannot see: the C library, Foundation's file, process and clock
/// APIs, and the system random source.
struct EngineLayeringTests {
    /// Each forbidden use, as a pattern matched against code with its `//` comments removed, and why.
    static let forbidden: [(pattern: String, why: String)] = [
        (#"^\s*(@testable\s+)?import\s+(Glibc|Musl|Darwin|Yams|PlenarySessionFile|PlenaryReports|PlenaryStorage)\b"#,
         "the C library (files, clocks), YAML and the upper layers stay out of the engine"),
        (#"\b(FileManager|FileHandle|fopen|fdopen|fsync|fdatasync|contentsOfFile|writeToFile)\b"#, "file I/O belongs to PlenaryStorage"),
        (#"\bData\(contentsOf|\.write\(to(File)?:|String\(contentsOf"#, "file I/O belongs to PlenaryStorage"),
        (#"\bSystemRandomNumberGenerator\b|\.random\(|\.randomElement\(|\bshuffled?\(|\barc4random"#,
         "randomness is injected (the runner's randomBytes)"),
        (#"\bDate\(\)|\bDate\.now\b|\bclock_gettime\b|\bgettimeofday\b|\bContinuousClock\b|\bSuspendingClock\b"#,
         "the clock is injected (WorkshopClock)"),
        (#"\b(ProcessInfo|getenv|CommandLine)\b"#, "the environment is read by the executable"),
    ]

    static func engineSources() throws -> [URL] {
        let root = SessionFiles.repositoryRoot.appendingPathComponent("Sources/PlenaryEngine")
        guard let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return walk.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
    }

    /// Every line of `text` that uses something forbidden, as "line: why: code".
    static func violations(in text: String) throws -> [String] {
        let rules = try forbidden.map { (try NSRegularExpression(pattern: $0.pattern), $0.why) }
        var found: [String] = []
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            let code = line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? line
            let range = NSRange(code.startIndex..., in: code)
            for (rule, why) in rules where rule.firstMatch(in: code, range: range) != nil {
                found.append("\(index + 1): \(why): \(code.trimmingCharacters(in: .whitespaces))")
            }
        }
        return found
    }

    @Test func theEngineSourcesAreFound() throws {
        let files = try Self.engineSources().map(\.lastPathComponent)
        #expect(files.contains("WorkshopReducer.swift"))
        #expect(files.contains("WorkshopState.swift"))
        #expect(!files.contains("WorkshopRunner.swift"))
    }

    @Test func theEngineUsesNoFileIORandomnessClockOrUpperLayer() throws {
        for file in try Self.engineSources() {
            let text = try String(contentsOf: file, encoding: .utf8)
            for violation in try Self.violations(in: text) {
                Issue.record("\(file.path):\(violation)")
            }
        }
    }

    /// The rules catch what they are meant to (a rule that never matches would pass silently), and leave comments
    /// and the engine's own words such as `case open` alone.
    @Test func theRulesCatchEachKindOfUse() throws {
        let caught = [
            "import Glibc", "import Yams", "@testable import PlenaryStorage",
            "let data = FileManager.default.contents(atPath: path)", "let f = fopen(path, \"r\")",
            "try bytes.write(to: url)", "var generator = SystemRandomNumberGenerator()", "let n = Int.random(in: 0...9)",
            "let order = answers.shuffled()", "let now = Date()", "let home = ProcessInfo.processInfo.environment",
        ]
        for line in caught {
            #expect(try Self.violations(in: line).count == 1, "\(line)")
        }
        let allowed = [
            "import Foundation", "case open(poll: String)", "// never Date() in the core",
            "let day = Date(timeIntervalSince1970: seconds)", "public static func codes(count: Int, randomBytes: () -> UInt8)",
        ]
        for line in allowed {
            #expect(try Self.violations(in: line).isEmpty, "\(line)")
        }
    }
}
