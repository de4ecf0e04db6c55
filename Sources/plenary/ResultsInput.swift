import ArgumentParser
import Glibc
import PlenaryEngine
import PlenaryStorage

/// Reads a results file for the commands that work after the workshop (`report`, `export`), with messages that
/// say what to do when it is not one.
enum ResultsInput {
    static func load(_ path: String) throws -> ResultsSnapshot {
        let bytes: [UInt8]?
        do {
            bytes = try PosixFileSystem().contents(of: path, rule: .results)
        } catch {
            StandardError.write("plenary: cannot read \(path): \(error.reason)")
            throw ExitCode(1)
        }
        guard let bytes else {
            StandardError.write("plenary: \(path) does not exist (results files are named <session>.results.json)")
            throw ExitCode(1)
        }
        let snapshot: ResultsSnapshot
        do {
            snapshot = try ResultsSnapshot.decode(bytes)
        } catch {
            StandardError.write("plenary: \(path) is not a Plenary results file (\(bytes.isEmpty ? "it is empty" : "not the expected JSON"))")
            throw ExitCode(1)
        }
        if snapshot.schemaVersion > ResultsSnapshot.schemaVersion {
            StandardError.write("plenary: warning: \(path) was written by a newer Plenary (results version "
                + "\(snapshot.schemaVersion)); what this version does not know is left out")
        }
        return snapshot
    }

    /// Writes `bytes` so a reader sees the old file or the new one, never half of it.
    static func write(_ bytes: [UInt8], to path: String) throws {
        do {
            try PosixFileSystem().replaceAtomically(path, with: bytes)
        } catch {
            StandardError.write("plenary: \(error)")
            throw ExitCode(1)
        }
    }

    /// Columns of the terminal on standard output: COLUMNS, then the terminal itself, else 80.
    static var terminalColumns: Int {
        if let columns = Environment.current["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        if isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
