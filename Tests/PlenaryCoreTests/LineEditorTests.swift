import Testing
@testable import PlenaryCore

@Suite struct LineEditorTests {
    @Test func typingMovingAndDeleting() {
        var editor = LineEditor()
        editor.apply(.insert("Région Värmland"))
        editor.apply(.wordLeft)
        #expect(editor.cursor == 7)
        editor.apply(.insert("de "))
        #expect(editor.text == "Région de Värmland")
        editor.apply(.home)
        editor.apply(.deleteForward)
        editor.apply(.end)
        editor.apply(.backspace)
        #expect(editor.text == "égion de Värmlan")
        editor.apply(.deleteWordBackward)
        #expect(editor.text == "égion de ")
        editor.apply(.left)
        editor.apply(.deleteToStart)
        #expect(editor.text == " ")
    }

    @Test func controlCharactersNeverEnterAndNewlinesBecomeSpaces() {
        var editor = LineEditor()
        editor.apply(.insert("a\u{1B}[2Jb\nc\u{7}"))
        #expect(editor.text == "ab c")
    }

    @Test func aLineBreakIsOneSpaceAndBidiOverridesNeverEnter() {
        var editor = LineEditor()
        editor.apply(.insert("a\r\nb\u{202E}c\td"))
        #expect(editor.text == "a bc d")
    }

    @Test func aPasteLosesTheLineBreaksAtItsEndsAndItsControls() {
        var editor = LineEditor("x", limit: 20)
        editor.apply(.home)
        editor.apply(.paste("\r\nfirst\nsecond\u{1B}[2J\n"))
        #expect(editor.text == "first secondx")
        #expect(editor.cursor == 12)
        // Cut to the room the limit leaves, like typing.
        editor.apply(.paste("12345678"))
        #expect(editor.text == "first second1234567x")
    }

    @Test func emojiAndCombiningMarksAreSingleCharacters() {
        var editor = LineEditor("e\u{301}👩‍🔬")
        editor.apply(.backspace)
        #expect(editor.text == "e\u{301}")
        editor.apply(.backspace)
        #expect(editor.text.isEmpty)
    }

    @Test func theLimitCutsPastedText() {
        var editor = LineEditor(limit: 5)
        editor.apply(.insert("東京 Zürich"))
        #expect(editor.text == "東京 Zü")
    }
}
