import Foundation
import Testing
@testable import PlenaryReports

/// Every seed session's scripted run (`ScriptedWorkshop`) gives exactly the committed Markdown and text reports in
/// `Golden/`. After an intended change, regenerate them and read the diff before committing:
///
///     PLENARY_UPDATE_GOLDEN=1 swift test --filter ReportGoldenTests
@Suite struct ReportGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var updating: Bool { ProcessInfo.processInfo.environment["PLENARY_UPDATE_GOLDEN"] == "1" }

    static var sessionNames: [String] {
        (try? ScriptedWorkshop.sessionFiles.map(\.name)) ?? []
    }

    @Test(arguments: sessionNames)
    func reportsMatchTheGoldenFiles(_ name: String) throws {
        let session = try #require(try ScriptedWorkshop.sessionFiles.first { $0.name == name }?.session)
        let snapshot = try ScriptedWorkshop.results(of: session, name: name)
        let report = WorkshopReport(snapshot)
        try compare(MarkdownReport.render(report), golden: "\(name).md")
        try compare(PlainTextReport.render(report, width: 80), golden: "\(name).txt")
    }

    @Test func everySessionFileHasGoldenReports() throws {
        #expect(Self.sessionNames.count >= 6)
        for name in Self.sessionNames {
            #expect(FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent("\(name).md").path), "\(name).md")
        }
    }

    func compare(_ actual: String, golden name: String) throws {
        let url = Self.folder.appendingPathComponent(name)
        if Self.updating {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard actual != expected else { return }
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = Array(zip(actualLines, expectedLines)).firstIndex { $0 != $1 } ?? min(actualLines.count, expectedLines.count)
        Issue.record("""
            \(name) differs from the golden file at line \(line + 1):
              expected: \(line < expectedLines.count ? String(expectedLines[line]) : "(end of file)")
              actual:   \(line < actualLines.count ? String(actualLines[line]) : "(end of file)")
            Regenerate with PLENARY_UPDATE_GOLDEN=1 swift test --filter ReportGoldenTests if the change is intended.
            """)
    }
}
