import Testing
import PlenaryTestSupport

/// Every results file an end-to-end scenario reads back must match docs/results.schema.json, so a field added to
/// the results without documenting it fails here (see `ModeratorEndToEndTests.results`).
enum ResultsSchema {
    static func check(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let script = SessionFiles.repositoryRoot.appendingPathComponent("scripts/validate-results").path
        let result = try Subprocess.run(["python3", script, path])
        #expect(result.status == 0, "results file does not match docs/results.schema.json:\n\(result)",
                sourceLocation: sourceLocation)
    }
}
