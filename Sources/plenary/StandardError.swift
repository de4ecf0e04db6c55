import Glibc
import PlenaryStorage

/// Writes diagnostics where scripts expect them, unbuffered, so they appear even when the program exits right after.
enum StandardError {
    static func write(_ text: String, newline: Bool = true) {
        var line = text
        if newline, !line.hasSuffix("\n") { line += "\n" }
        // Nowhere left to report a failure to write the report of a failure.
        try? WholeWrite.write(Array(line.utf8), to: 2)
    }
}
