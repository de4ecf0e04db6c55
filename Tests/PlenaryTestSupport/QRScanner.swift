import Foundation

/// Reads a QR code the way a phone would: an image of the modules goes to `zbarimg` (Debian's zbar-tools, installed
/// by `scripts/test`), which must find the code and decode it. Tests use it on screens drawn in memory and on
/// `capture-pane` screenshots of the real binary.
public enum QRScanner {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Decodes the code in `modules` (rows of dark/light, quiet zone included), scaled up `pixelsPerModule` times.
    /// Throws when zbarimg is missing or finds no code, so a test never passes without a scan.
    public static func decode(modules: [[Bool]], pixelsPerModule: Int = 6) throws -> String {
        guard let width = modules.map(\.count).max(), width > 0 else { throw Failure(description: "no modules to scan") }
        var image = "P1\n\(width * pixelsPerModule) \(modules.count * pixelsPerModule)\n"
        for row in modules {
            let line = (0..<width).map { column in
                let dark = column < row.count && row[column]
                return String(repeating: dark ? "1 " : "0 ", count: pixelsPerModule)
            }.joined()
            for _ in 0..<pixelsPerModule { image += line + "\n" }
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plenary-qr-\(UUID().uuidString).pbm")
        try image.write(to: path, atomically: true, encoding: .ascii)
        defer { try? FileManager.default.removeItem(at: path) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["zbarimg", "--quiet", "--raw", path.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        do { try process.run() } catch {
            throw Failure(description: "zbarimg could not be started (install zbar-tools, or run scripts/test): \(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "zbarimg found no QR code (exit \(process.terminationStatus))")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
    }
}
