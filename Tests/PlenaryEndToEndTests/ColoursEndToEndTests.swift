import Foundation
import Glibc
import Testing

/// The colours the real binary sends, read back from tmux: text on the terminal's own background keeps the
/// terminal's own colour (no ANSI colour reads on both white and black), and colour comes only as bands that set
/// their text colour with them. See docs/DECISIONS.md, 41.
@Suite(.serialized)
struct ColoursEndToEndTests {
    /// A printed character and the SGR state it was drawn with.
    struct Ink: CustomStringConvertible {
        var character: Character
        var foreground: String?
        var background: String?
        var reverse: Bool
        var line: Int
        var description: String { "\"\(character)\" on line \(line): fg \(foreground ?? "default"), bg \(background ?? "default")" }
    }

    /// Follows the SGR sequences of `capture-pane -e` (its state runs on across lines) and lists every visible
    /// character with the colours it was drawn in.
    static func inks(_ screen: String) -> [Ink] {
        var result: [Ink] = []
        var foreground: String?, background: String?, reverse = false
        for (number, line) in screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line)
            while let character = rest.first {
                if character == "\u{1B}", let end = rest.firstIndex(of: "m") {
                    var codes = rest[rest.index(rest.startIndex, offsetBy: 2)..<end].split(separator: ";").map { Int($0) ?? 0 }
                    if codes.isEmpty { codes = [0] }
                    var index = 0
                    while index < codes.count {
                        let code = codes[index]
                        switch code {
                        case 0: foreground = nil; background = nil; reverse = false
                        case 7: reverse = true
                        case 27: reverse = false
                        case 30...37, 90...97: foreground = String(code)
                        case 39: foreground = nil
                        case 40...47, 100...107: background = String(code)
                        case 49: background = nil
                        case 38, 48:
                            let value = codes.dropFirst(index + 1).prefix(2).map(String.init).joined(separator: ";")
                            if code == 38 { foreground = "38;" + value } else { background = "48;" + value }
                            index += 2
                        default: break
                        }
                        index += 1
                    }
                    rest = rest[rest.index(after: end)...]
                    continue
                }
                if !character.isWhitespace {
                    result.append(Ink(character: character, foreground: foreground, background: background, reverse: reverse, line: number))
                }
                rest = rest.dropFirst()
            }
        }
        return result
    }

    @Test(.enabled(if: TmuxPane.isAvailable))
    func colouredTextAlwaysComesWithItsOwnBackground() throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("demo.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pane = try TmuxPane(command: [try TmuxPane.plenaryExecutable.path, "run", file], columns: 100, rows: 30)
        defer { pane.close() }
        var screens: [String] = []
        try pane.waitFor("AGENDA")
        try pane.sendText(" ")
        try pane.waitFor("started")
        screens.append(try pane.captureWithEscapes())
        try pane.sendText("P")
        try pane.waitFor("this slot")
        screens.append(try pane.captureWithEscapes())
        try pane.sendKeys("Enter")
        try pane.sendText("o")
        try pane.sendText("b")
        try pane.sendText("1")
        try pane.sendKeys("Enter")
        try pane.waitFor("Ballot recorded")
        try pane.sendText("r")
        try pane.waitFor("100%")
        screens.append(try pane.captureWithEscapes())
        try pane.sendKeys("Escape")
        try pane.waitFor("AGENDA")
        try pane.sendText("?")
        try pane.waitFor("Keys")
        screens.append(try pane.captureWithEscapes())
        try pane.sendKeys("Escape")
        #expect(try pane.quitPlenary() == 0)

        let inks = screens.flatMap(Self.inks)
        #expect(inks.count > 500)
        let colouredOnDefault = inks.filter { $0.foreground != nil && $0.background == nil && !$0.reverse }
        #expect(colouredOnDefault.isEmpty, "coloured text on the terminal's own background: \(colouredOnDefault.prefix(5))")
        // The bands are there: the current slot black on cyan, "on time" black on green, the header white on blue.
        let bands = Set(inks.compactMap { ink in ink.background.map { "\(ink.foreground ?? "default") on \($0)" } })
        #expect(bands.isSuperset(of: ["30 on 46", "30 on 42", "37 on 44"]), "\(bands.sorted())")
    }
}
