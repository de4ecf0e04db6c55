import Testing
import PlenaryEngine
@testable import PlenaryUI

/// How long a 100 KB paste takes from the terminal's bytes to the drawn form: decoding, the edit, a frame, and a
/// key typed after it. Prints the figures (debug builds are several times slower than release); asserts only
/// that the text arrived whole, never a time.
@Suite struct PasteBenchmarkTests {
    /// About 100 KB of workshop notes: accented words, a CJK word, a line break every few sentences.
    static let notes: String = {
        let sentence = "Las agrupaciones de Andalucía y Kainuu comparten datos de reciclaje de materias primas críticas 東京. "
        var text = ""
        var count = 0
        while text.utf8.count < 100_000 {
            text += sentence
            count += 1
            if count % 4 == 0 { text += "\n" }
        }
        return text
    }()

    static func milliseconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return String(Int(value.rounded())) + " ms"
    }

    @Test(arguments: [0, 2])
    func aHundredKilobytePasteIsOneEventAndOneFrame(field: Int) throws {
        let clock = ContinuousClock()
        let size = TerminalSize(columns: 100, rows: 30)
        let bytes = InputDecoderTests.sent("\u{1B}[200~" + Self.notes.replacingNewlines + "\u{1B}[201~")
        let terminal = InputDecoderTests.FakeTerminal(bytes)
        var decoder = InputDecoder()
        var key: KeyEvent?
        let decoding = clock.measure { key = decoder.nextKey(read: terminal.read) }
        #expect(key == .paste(Self.notes))

        var state = try TextInputKeyMapTests.formState(field: field)
        let editing = clock.measure {
            TextInputKeyMapTests.reduce(&state, ModeratorKeyMap.action(for: key ?? .unknown, in: state, size: size))
        }
        let expected = field == 0 ? TextEditor.cleaned(Self.notes, multiline: false) : Self.notes
        #expect(TextInputKeyMapTests.fieldText(state) == expected)

        var grid = CellGrid(size: size)
        let frame = clock.measure { grid = ModeratorScreen.render(state, size: size) }
        #expect(grid.lines.contains { $0.contains("crític") })
        let typing = clock.measure {
            TextInputKeyMapTests.reduce(&state, ModeratorKeyMap.action(for: .character("x"), in: state, size: size))
            TextInputKeyMapTests.reduce(&state, ModeratorKeyMap.action(for: .up, in: state, size: size))
            grid = ModeratorScreen.render(state, size: size)
        }
        print("""
            100 KB paste into a \(field == 0 ? "one-line" : "multi-line") field (\(Self.notes.count) characters): \
            decode \(Self.milliseconds(decoding)), edit \(Self.milliseconds(editing)), first frame \(Self.milliseconds(frame)), \
            then a key, ↑ and a frame \(Self.milliseconds(typing))
            """)
    }
}

private extension String {
    /// As a terminal pastes it: each line break a carriage return.
    var replacingNewlines: String {
        String(map { $0 == "\n" ? "\r" : $0 })
    }
}
