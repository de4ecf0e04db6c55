import Foundation

/// Finds executables that SwiftPM built next to this test binary (the products directory, e.g.
/// `.build/debug` or `--scratch-path X` → `X/debug`), so tests drive the binary of this very build.
enum BuiltProducts {
    /// Candidate products directories, most reliable first.
    static var directories: [URL] {
        var candidates: [URL] = []
        // Linux: the test binary is `<products>/<Package>PackageTests.xctest`.
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
        }
        // macOS: `xctest` loads `<products>/<Package>PackageTests.xctest` as a bundle.
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        if let first = CommandLine.arguments.first, first.contains("/") {
            candidates.append(URL(fileURLWithPath: first).standardizedFileURL.deletingLastPathComponent())
        }
        var seen = Set<String>()
        return candidates.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }

    /// `<products>/<name>`; throws, naming the folders searched, when it was not built.
    static func executable(named name: String) throws -> URL {
        let searched = directories
        for directory in searched {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        throw HarnessError(
            "cannot find the built `\(name)` executable next to the test binary (looked in: "
                + searched.map(\.path).joined(separator: ", ")
                + "); run the tests with `swift test` so SwiftPM builds it")
    }
}
