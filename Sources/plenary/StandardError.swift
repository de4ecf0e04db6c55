import Glibc

/// Writes diagnostics where scripts expect them, unbuffered, so they appear even when the program exits right after.
enum StandardError {
    static func write(_ text: String, newline: Bool = true) {
        var line = text
        if newline, !line.hasSuffix("\n") { line += "\n" }
        var bytes = Array(line.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 { break }
            offset += written
        }
        bytes.removeAll()
    }
}
