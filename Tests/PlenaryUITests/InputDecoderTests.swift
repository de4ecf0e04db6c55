import Testing
@testable import PlenaryUI

/// What a terminal sends, byte by byte, and the keys it becomes.
@Suite struct InputDecoderTests {
    /// A terminal's input: what it sent, in order; `.nothing` where it paused. Records how long each read could wait.
    final class FakeTerminal {
        let queue: [InputDecoder.Input]
        var next = 0
        var waits: [InputDecoder.Wait] = []

        init(_ queue: [InputDecoder.Input]) { self.queue = queue }

        func read(_ wait: InputDecoder.Wait) -> InputDecoder.Input {
            waits.append(wait)
            guard next < queue.count else { return .nothing }
            next += 1
            return queue[next - 1]
        }
    }

    /// The characters of `text` as the terminal sends them.
    static func sent(_ text: String) -> [InputDecoder.Input] {
        text.unicodeScalars.map { .character($0.value) }
    }

    /// Every key decoded from `input`, up to the first read that gives nothing.
    static func keys(_ input: [InputDecoder.Input]) -> [KeyEvent] {
        let terminal = FakeTerminal(input)
        var decoder = InputDecoder()
        var keys: [KeyEvent] = []
        while let key = decoder.nextKey(read: terminal.read) { keys.append(key) }
        return keys
    }

    @Test func charactersAndControlKeys() {
        #expect(Self.keys(Self.sent("aé東\t\r\u{7F}\u{3}\u{1C}")) == [
            .character("a"), .character("é"), .character("東"), .tab, .enter, .backspace, .control("c"), .control("\\"),
        ])
        #expect(Self.keys([.character(0x85), .character(0x2028)]) == [.unknown, .unknown])
        #expect(Self.keys([.key(.up), .key(.resize)]) == [.up, .resize])
    }

    /// `bytes` as the driver reads them (`wgetch` gives bytes, not characters).
    static func bytes(_ bytes: [UInt8]) -> [InputDecoder.Input] {
        bytes.map { .byte($0) }
    }

    @Test func utf8IsPutTogetherFromBytes() {
        #expect(Self.keys(Self.bytes(Array("aé東😀\r".utf8))) == [
            .character("a"), .character("é"), .character("東"), .character("😀"), .enter,
        ])
        // Alt with an accented letter; a paste of bytes.
        #expect(Self.keys(Self.bytes([0x1B, 0xC3, 0xA9])) == [.alt("é")])
        #expect(Self.keys(Self.bytes(Array("\u{1B}[200~Café\u{1B}[201~".utf8))) == [.paste("Café")])
    }

    /// A bad byte is one U+FFFD and never takes the keys after it: before, `wget_wch` waited for the rest of the
    /// character and swallowed them. Each maximal bad part is one U+FFFD (Unicode's recommended practice).
    @Test func badBytesAreReplacedAndTheKeysAfterThemKept() {
        let replacement = KeyEvent.character("\u{FFFD}")
        let cases: [([UInt8], Int)] = [
            ([0xFF], 1), ([0x80], 1), ([0xC3], 1), ([0xC0, 0xAF], 2), ([0xED, 0xA0, 0x80], 3),
            ([0xE2, 0x82], 1), ([0xF0, 0x9F, 0x98], 1), ([0xF4, 0x90, 0x80, 0x80], 4), ([0xF5], 1),
        ]
        for (bad, replacements) in cases {
            let keys = Self.keys(Self.bytes(bad + [0x1B, 0x71, 0x79]))
            // Esc q arrive together: Alt-q, as any two keys typed ahead within the Esc delay.
            #expect(keys == Array(repeating: replacement, count: replacements) + [.alt("q"), .character("y")], "\(bad)")
            // Esc on its own, then q y: Esc, q, y.
            let terminal = FakeTerminal(Self.bytes(bad + [0x1B]) + [.nothing] + Self.bytes([0x71, 0x79]))
            var decoder = InputDecoder()
            var keys2: [KeyEvent] = []
            while terminal.next < terminal.queue.count {
                if let key = decoder.nextKey(read: terminal.read) { keys2.append(key) }
            }
            #expect(keys2 == Array(repeating: replacement, count: replacements) + [.escape, .character("q"), .character("y")], "\(bad)")
        }
        // A key ncurses named after half a character: the half is replaced, the key kept.
        #expect(Self.keys([.byte(0xC3), .key(.up)]) == [replacement, .up])
        // Inside a paste too, and the paste still ends at its marker.
        #expect(Self.keys(Self.bytes(Array("\u{1B}[200~a".utf8) + [0xFF] + Array("b\u{1B}[201~x".utf8)))
                == [.paste("a\u{FFFD}b"), .character("x")])
    }

    @Test func theRestOfACharacterIsWaitedForOnlyBriefly() {
        let terminal = FakeTerminal(Self.bytes([0xC3]))
        var decoder = InputDecoder()
        #expect(decoder.nextKey(read: terminal.read) == .character("\u{FFFD}"))
        #expect(terminal.waits == [.key, .sequence])
    }

    @Test func escAloneIsEscapeAndEscWithALetterIsAlt() {
        // Esc, then a pause (the next key was not buffered): Esc, then the key.
        #expect(Self.keys([.character(27), .nothing, .character(0x64)]) == [.escape, .character("d")])
        #expect(Self.keys(Self.sent("\u{1B}d\u{1B}B\u{1B}\u{7F}\u{1B}\u{8}")) == [.alt("d"), .alt("B"), .altBackspace, .altBackspace])
        #expect(Self.keys([.character(27), .key(.backspace)]) == [.altBackspace])
        // Esc followed by another kind of key stays Esc then that key.
        #expect(Self.keys([.character(27), .key(.up), .character(27), .character(13)]) == [.escape, .up, .escape, .enter])
        #expect(Self.keys(Self.sent("\u{1B}\u{1B}x")) == [.escape, .alt("x")])
    }

    @Test func theAltTestOnlyLooksAtWhatIsAlreadyBuffered() {
        let terminal = FakeTerminal([.character(27), .character(0x64)])
        var decoder = InputDecoder()
        #expect(decoder.nextKey(read: terminal.read) == .alt("d"))
        #expect(terminal.waits == [.key, .buffered])
    }

    @Test func unknownSequencesAreReadWholeAndDropped() {
        // A mouse report, an unknown function key and an SS3 key: nothing of them is typed.
        #expect(Self.keys(Self.sent("\u{1B}[<0;12;5M\u{1B}[99~\u{1B}OPx")) == [.unknown, .unknown, .unknown, .character("x")])
        // Esc [ or Esc O with nothing after them is Alt-[ or Alt-O.
        #expect(Self.keys(Self.sent("\u{1B}[")) == [.alt("[")])
        #expect(Self.keys(Self.sent("\u{1B}O")) == [.alt("O")])
        // Cut short by another key: the sequence is dropped, the key is kept.
        #expect(Self.keys(Self.sent("\u{1B}[1;\r")) == [.unknown, .enter])
        // Endless parameters end after 32 bytes.
        let keys = Self.keys(Self.sent("\u{1B}[" + String(repeating: "1", count: 40)))
        #expect(keys.first == .unknown)
    }

    @Test func arrowsWithModifiersFromTerminalsTerminfoDoesNotDescribe() {
        #expect(Self.keys(Self.sent("\u{1B}[1;5D\u{1B}[1;5C\u{1B}[1;5A\u{1B}[1;5B")) == [
            .controlArrow(.left), .controlArrow(.right), .controlArrow(.up), .controlArrow(.down),
        ])
        #expect(Self.keys(Self.sent("\u{1B}[1;3D\u{1B}[1;3C\u{1B}[1;7D")) == [.altArrow(.left), .altArrow(.right), .controlArrow(.left)])
        // Plain arrows in either mode; rxvt's Ctrl-arrows; Shift-arrows mean nothing here.
        #expect(Self.keys(Self.sent("\u{1B}[D\u{1B}OA\u{1B}Od\u{1B}Oc\u{1B}[1;2D")) == [.left, .up, .controlArrow(.left), .controlArrow(.right), .unknown])
    }

    @Test func aBracketedPasteIsOneEventWithItsLineBreaksAsNewlines() {
        let keys = Self.keys(Self.sent("\u{1B}[200~first d\r\nsecond\ra\tq\u{1B}[2J\u{3}\u{1B}[201~x"))
        #expect(keys == [.paste("first d\nsecond\na\tq\u{1B}[2J\u{3}"), .character("x")])
    }

    @Test func pasteReadsWaitForThePasteAndStopWhenTheDriverSaysSo() {
        // The end marker never comes: the paste ends where the driver stopped waiting, and what follows is keys again.
        let terminal = FakeTerminal(Self.sent("\u{1B}[200~half a past") + [.nothing] + Self.sent("q"))
        var decoder = InputDecoder()
        #expect(decoder.nextKey(read: terminal.read) == .paste("half a past"))
        #expect(terminal.waits.last == .paste)
        #expect(decoder.nextKey(read: terminal.read) == .character("q"))
    }

    @Test func anEscInsideAPasteThatIsNotTheEndStaysText() {
        #expect(Self.keys(Self.sent("\u{1B}[200~a\u{1B}[20b\u{1B}\u{1B}[201~")) == [.paste("a\u{1B}[20b\u{1B}")])
        // Keys ncurses recognised inside the paste are not text.
        #expect(Self.keys(Self.sent("\u{1B}[200~a") + [.key(.up)] + Self.sent("b\u{1B}[201~")) == [.paste("ab")])
        // A paste cut off right after an Esc.
        #expect(Self.keys(Self.sent("\u{1B}[200~a\u{1B}[2")) == [.paste("a\u{1B}[2")])
    }

    @Test func aHugePasteIsCutWithAVisibleNotice() {
        let size = InputDecoder.pasteLimit + 5_000
        var input = Self.sent("\u{1B}[200~")
        input += Array(repeating: .character(0x61), count: size)
        input += Self.sent("\u{1B}[201~z")
        let keys = Self.keys(input)
        #expect(keys.count == 2)
        guard case .paste(let text) = keys.first else {
            Issue.record("no paste: \(keys.prefix(3))")
            return
        }
        #expect(text.hasSuffix(InputDecoder.truncationNotice))
        #expect(text.utf8.count == InputDecoder.pasteLimit + InputDecoder.truncationNotice.utf8.count)
        // The rest of the paste was read and dropped: the key after it is a key.
        #expect(keys.last == .character("z"))
    }

    @Test func discardingForgetsWhatWasReadAhead() {
        // Esc then Enter: the Enter was read to look behind the Esc, and is given back…
        let terminal = FakeTerminal([.character(27), .character(13)])
        var decoder = InputDecoder()
        #expect(decoder.nextKey(read: terminal.read) == .escape)
        // …unless typeahead is dropped (between voters), which must drop it too.
        decoder.discardPending()
        #expect(decoder.nextKey(read: terminal.read) == nil)
    }
}
