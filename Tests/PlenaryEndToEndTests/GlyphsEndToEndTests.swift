import Foundation
import Glibc
import Testing
import PlenaryTestSupport

/// What reaches the terminal in a locale without UTF-8 and under `--ascii`: every byte Plenary writes, recorded
/// by `script(1)` between the program and tmux, must be ASCII, whatever the session's names hold.
@Suite(.serialized)
struct GlyphsEndToEndTests {
    /// Runs the demo session through the screens that draw glyphs (agenda, help, a poll's results bars, a group,
    /// the jump picker, a dialog) and returns every byte the program wrote, and the last screen.
    static func recordTour(environment: [String: String], arguments: [String] = []) throws
        -> (bytes: [UInt8], results: String, screen: String) {
        let (folder, file) = try ModeratorEndToEndTests.copySession("demo.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let raw = folder + "/terminal-output.raw"
        let command = ([try TmuxPane.plenaryExecutable.path, "run", file] + arguments).map(TmuxPane.shellQuoted)
            .joined(separator: " ")
        let pane = try TmuxPane(command: ["script", "-q", "-f", "-e", "-c", command, raw], columns: 100, rows: 30,
                                environment: environment)
        defer { pane.close() }
        try pane.waitFor("AGENDA")
        try pane.sendText(" ")
        try pane.sendText("?")
        try pane.waitFor("Keys")
        try pane.sendKeys("Escape")
        try pane.sendText("P")
        try pane.sendKeys("Enter")
        try pane.waitFor("workshop format")
        try pane.sendText("o")
        try pane.sendText("b")
        try pane.sendText("1")
        try pane.sendKeys("Enter")
        try pane.waitFor("Ballot recorded")
        try pane.sendText("r")
        let results = try pane.waitFor("100%")
        try pane.sendKeys("Escape")
        try pane.sendText("w")
        try pane.sendKeys("Enter")
        try pane.waitFor("WORKING GROUP")
        try pane.sendKeys("Escape")
        try pane.sendKeys("Escape")
        try pane.sendText("g")
        try pane.waitFor("Enter jump")
        let screen = try pane.capture()
        try pane.sendKeys("Escape")
        #expect(try pane.quitPlenary() == 0)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: raw)))
        return (bytes, results, screen)
    }

    static func nonASCII(_ bytes: [UInt8]) -> String {
        let offsets = bytes.indices.filter { bytes[$0] >= 0x80 }
        guard let first = offsets.first else { return "" }
        let context = bytes[max(0, first - 40)..<min(bytes.count, first + 40)]
        return "\(offsets.count) bytes >= 0x80, the first at \(first): \(String(decoding: context, as: UTF8.self).debugDescription)"
    }

    @Test(.enabled(if: TmuxPane.isAvailable))
    func aLocaleWithoutUTF8GetsOnlyASCIIBytes() throws {
        let (bytes, results, screen) = try Self.recordTour(environment: ["LANG": "C"])
        #expect(bytes.count > 1000, "the recording holds the session's screens")
        let found = Self.nonASCII(bytes)
        #expect(found.isEmpty, Comment(rawValue: found))
        // Plenary's separators and cut marks are ASCII, not "?"; a letter the locale cannot show is its base letter,
        // and a character with none is one "?" per column, so the columns still line up.
        #expect(screen.contains("with no start times - Anywhere: Sevilla, Malaga, Z..."))
        #expect(screen.contains("Alvaro Nunez, Plenary demo team; Zoe Kowalczyk, Region"))
        #expect(screen.contains("(Nunez, Zoe, Ile-de-France) and the venue's ? ?  show"))
        #expect(screen.contains("+- Jump to slot ---"), "boxes are drawn in ASCII")
        #expect(screen.contains("| ^ v choose   Enter jump   Esc cancel"))
        #expect(results.contains("1 - 100%"))
    }

    @Test(.enabled(if: TmuxPane.isAvailable))
    func asciiInAUTF8LocaleDrawsInASCIIAndLeavesNamesAlone() throws {
        let (bytes, results, screen) = try Self.recordTour(environment: ["LANG": "C.UTF-8"], arguments: ["--ascii"])
        let text = String(decoding: bytes, as: UTF8.self)
        // The only non-ASCII is what the session's author wrote.
        let allowed = Set(try String(contentsOf: SessionFiles.repositoryRoot.appendingPathComponent("sessions/demo.yaml"),
                                     encoding: .utf8))
        let strangers = Set(text.filter { !$0.isASCII && !allowed.contains($0) })
        #expect(strangers.isEmpty, "drawn under --ascii: \(strangers.sorted())")
        #expect(screen.contains("Álvaro Núñez, Plenary demo team; Zoë Kowalczyk"))
        #expect(screen.contains("with no start times - Anywhere: Sevilla, Málaga, Z..."))
        #expect(results.contains("1 - 100%"))
    }
}
