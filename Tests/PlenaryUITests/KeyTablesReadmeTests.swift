import Foundation
import Testing
@testable import PlenaryUI

/// The README's key tables (between `<!-- keys:NAME -->` and `<!-- /keys -->`) are written from the bindings;
/// this fails when a binding changed and the README was not regenerated. To rewrite them:
///
///     PLENARY_UPDATE_KEYS=1 swift test --filter KeyTablesReadmeTests     (scripts/generate-cli-docs runs it)
@Suite struct KeyTablesReadmeTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    @Test func theReadmesKeyTablesAreTheBindings() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        for (name, _) in KeyTableMarkdown.tables {
            #expect(text.contains("<!-- keys:\(name) -->\n"), "README.md has no <!-- keys:\(name) --> table")
        }
        let current = KeyTableMarkdown.update(text)
        if ProcessInfo.processInfo.environment["PLENARY_UPDATE_KEYS"] == "1", current != text {
            try current.write(to: Self.readme, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == text, "README.md's key tables are out of date: run scripts/generate-cli-docs")
    }

    /// Each table row, read back from the README, is a binding of that screen: same keys, same words.
    @Test(arguments: KeyTableMarkdown.tables.map(\.name))
    func everyRowNamesTheBindingsKeysAndDescription(name: String) throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        guard let start = text.range(of: "<!-- keys:\(name) -->\n"), let end = text.range(of: "<!-- /keys -->", range: start.upperBound..<text.endIndex) else {
            Issue.record("README.md has no \(name) table")
            return
        }
        let rows = text[start.upperBound..<end.lowerBound].split(separator: "\n").dropFirst(2).map { line in
            line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let bindings = KeyTableMarkdown.tables.first { $0.name == name }!.rows
        #expect(rows.count == bindings.count, "\(name): \(rows.count) rows in the README, \(bindings.count) bindings")
        for (row, binding) in zip(rows, bindings) {
            #expect(row.count >= 4 && row[1].replacingOccurrences(of: "`", with: "") == binding.keys && row[2] == binding.description,
                    "\(name): README row \(row) is not \(binding.keys) | \(binding.description)")
        }
    }
}
