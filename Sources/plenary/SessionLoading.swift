import ArgumentParser
import PlenaryEngine
import PlenarySessionFile
import PlenaryStorage

/// Reads the session a command works on, printing every problem the way `plenary validate` does.
enum SessionLoading {
    /// `file`, or the built-in demo when nil (or when a results file names the demo).
    static func load(_ file: String?) throws -> (Session, String) {
        if let file, file != BuiltInDemo.fileName || PosixFileSystem().exists(file) {
            switch SessionFile.load(path: file) {
            case .success(let session): return (session, file)
            case .failure(let errors):
                for error in errors.errors { StandardError.write(error.description) }
                throw ExitCode(1)
            }
        }
        switch SessionFile.parse(yaml: BuiltInDemo.yaml, file: BuiltInDemo.fileName) {
        case .success(let session): return (session, BuiltInDemo.fileName)
        case .failure(let errors):
            for error in errors.errors { StandardError.write(error.description) }
            throw ExitCode(1)
        }
    }
}
