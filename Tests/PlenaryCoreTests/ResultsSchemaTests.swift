import Foundation
import Glibc
import Testing
@testable import PlenaryEngine
import PlenaryTestSupport

/// docs/results.schema.json describes the results file exactly: the kept files of both versions and the results of
/// every session's scripted run pass, and a field the schema does not document fails. Checked by Python's
/// `jsonschema` through scripts/validate-results (`scripts/test` installs it).
@Suite(.serialized) struct ResultsSchemaTests {
    static let root = SessionFiles.repositoryRoot
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Runs scripts/validate-results on `paths`: its exit status and what it printed. Through `system`, with the
    /// output in a file: no pipes to drain and no child-process bookkeeping shared with the end-to-end tests.
    static func validate(_ paths: [String]) throws -> (status: Int32, output: String) {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("output.txt").path
        let words = ["python3", root.appendingPathComponent("scripts/validate-results").path] + paths
        let status = system(words.map(quoted).joined(separator: " ") + " > \(quoted(output)) 2>&1")
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        let exitCode = (status >> 8) & 0xFF
        if exitCode == 2 || status == -1 { Issue.record("validate-results could not run: \(text)") }
        return (exitCode, text)
    }

    /// One shell word.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plenary-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func keptResultsFilesOfBothVersionsPass() throws {
        let paths = ["demo-v1.json", "demo-v2.json"].map { Self.fixtures.appendingPathComponent($0).path }
        let result = try Self.validate(paths)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func everySessionsScriptedResultsPass() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (name, session) in try ScriptedWorkshop.sessionFiles {
            let url = folder.appendingPathComponent("\(name).json")
            try Data(ScriptedWorkshop.results(of: session, name: name).encoded()).write(to: url)
            paths.append(url.path)
        }
        let result = try Self.validate(paths)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.components(separatedBy: ": ok").count - 1 == paths.count)
    }

    @Test(arguments: [
        "workshop.extra", "slots.0.extra", "polls.0.extra", "polls.0.rounds.0.extra", "polls.0.rounds.0.options.0.extra",
        "groups.0.extra", "groups.0.entries.0.extra", "groups.0.entries.0.fields.0.extra", "extra",
    ])
    func anUndocumentedFieldFails(_ path: String) throws {
        let result = try validateChanged("demo-v2.json") { document in
            Self.set(&document, path.split(separator: ".").map(String.init), to: 1)
        }
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("'extra' was unexpected"), "\(result.output)")
    }

    @Test func versionTwoFieldsAreRefusedInVersionOneAndRequiredInVersionTwo() throws {
        let early = try validateChanged("demo-v1.json") { Self.set(&$0, ["workshop", "record"], to: "abc") }
        #expect(early.status == 1, "\(early.output)")
        let missing = try validateChanged("demo-v2.json") { document in
            var workshop = document["workshop"] as? [String: Any] ?? [:]
            workshop["fingerprint"] = nil
            document["workshop"] = workshop
        }
        #expect(missing.status == 1, "\(missing.output)")
        #expect(missing.output.contains("'fingerprint' is a required property"), "\(missing.output)")
    }

    /// Version 4 (issue 15): hands apart from ballots and speakers as objects, refused in earlier versions; speakers
    /// as text refused in version 4.
    @Test(arguments: [
        ["polls", "0", "rounds", "0", "hands"], ["polls", "0", "rounds", "0", "combinedVoterCount"],
        ["polls", "0", "rounds", "0", "options", "0", "ballots"], ["polls", "0", "rounds", "0", "options", "0", "hands"],
    ])
    func versionFourCountsAreRefusedInVersionTwo(_ path: [String]) throws {
        let early = try validateChanged("demo-v2.json") { Self.set(&$0, path, to: 1) }
        #expect(early.status == 1, "\(early.output)")
        let four = try validateChanged("demo-v2.json") { document in
            Self.set(&document, ["schemaVersion"], to: 4)
            Self.set(&document, ["slots", "0", "speakers"], to: [["name": "Ana Ruiz"]])
            Self.set(&document, ["slots", "3", "speakers"], to: [] as [Any])
            Self.set(&document, path, to: 1)
        }
        #expect(four.status == 0, "\(four.output)")
    }

    @Test func speakersAreTextBeforeVersionFourAndObjectsFromIt() throws {
        let objectInTwo = try validateChanged("demo-v2.json") {
            Self.set(&$0, ["slots", "0", "speakers"], to: [["name": "Ana Ruiz", "role": "Director"]])
        }
        #expect(objectInTwo.status == 1, "\(objectInTwo.output)")
        let textInFour = try validateChanged("demo-v2.json") { Self.set(&$0, ["schemaVersion"], to: 4) }
        #expect(textInFour.status == 1, "\(textInFour.output)")
        let unknownField = try validateChanged("demo-v2.json") { document in
            Self.set(&document, ["schemaVersion"], to: 4)
            Self.set(&document, ["slots", "0", "speakers"], to: [["name": "Ana Ruiz", "title": "Dr"]])
            Self.set(&document, ["slots", "3", "speakers"], to: [] as [Any])
        }
        #expect(unknownField.status == 1, "\(unknownField.output)")
    }

    func validateChanged(_ fixture: String, _ change: (inout [String: Any]) -> Void) throws -> (status: Int32, output: String) {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent(fixture))
        var document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        change(&document)
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("changed.json")
        try JSONSerialization.data(withJSONObject: document).write(to: url)
        return try Self.validate([url.path])
    }

    /// Sets the value at a path of keys and array positions ("polls", "0", "extra").
    static func set(_ object: inout [String: Any], _ path: [String], to value: Any) {
        guard let key = path.first else { return }
        if path.count == 1 {
            object[key] = value
            return
        }
        if var child = object[key] as? [String: Any] {
            set(&child, Array(path.dropFirst()), to: value)
            object[key] = child
        } else if var array = object[key] as? [Any], let index = Int(path[1]), var child = array[index] as? [String: Any] {
            set(&child, Array(path.dropFirst(2)), to: value)
            array[index] = child
            object[key] = array
        }
    }
}
