import Foundation
import PlenaryEngine
import PlenarySessionFile
import PlenaryStorage

/// The shipped session files in `sessions/`, read from the repository the tests were built from.
public enum SessionFiles {
    /// The repository's root: this file is `Tests/PlenaryTestSupport/SessionFiles.swift`.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let folder = repositoryRoot.appendingPathComponent("sessions")

    /// The path of `sessions/<name>` (`name` with its `.yaml`).
    public static func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }

    /// Every `*.yaml` in `sessions/`, as paths, sorted.
    public static func paths() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map(path)
    }

    /// `sessions/<name>` loaded as `plenary run` loads it; a file that does not load is a thrown `FixtureError`
    /// naming its first problem.
    public static func load(_ name: String) throws -> Session {
        switch SessionFile.load(path: path(name)) {
        case .success(let session): return session
        case .failure(let error): throw FixtureError("sessions/\(name) does not load: \(error)")
        }
    }

    /// Every session file, by name without `.yaml`.
    public static func all() throws -> [(name: String, session: Session)] {
        try paths().map { path in
            let name = URL(fileURLWithPath: path).lastPathComponent
            return (String(name.dropLast(".yaml".count)), try load(name))
        }
    }
}
