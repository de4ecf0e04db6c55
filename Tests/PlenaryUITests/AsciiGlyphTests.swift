import Foundation
import PlenaryEngine
import PlenarySessionFile
import PlenaryStorage
import Testing
@testable import PlenaryUI
import PlenaryTestSupport

/// Under `--ascii` (and in a non-UTF-8 locale) Plenary's own drawing is plain ASCII: every separator, dash,
/// ellipsis, arrow, bullet, box and block goes through the glyph set. Only what the session's author wrote
/// (names, titles, the venue's 東京) may bring other characters to the screen.
@Suite struct AsciiGlyphTests {
    static func demoSession() throws -> (Session, String) {
        let text = try String(contentsOfFile: SessionFiles.path("demo.yaml"), encoding: .utf8)
        guard case .success(var session) = SessionFile.parse(yaml: text, file: "demo.yaml") else {
            throw GlyphTestError.demoDoesNotParse
        }
        session.voterPIN = Fixtures.pinHash
        return (session, text)
    }

    enum GlyphTestError: Error { case demoDoesNotParse, demoDoesNotOpen }

    /// The demo driven through every screen and overlay by keys, as the app loop would, one frame per step.
    final class Tour {
        let clock: ManualClock
        let runner: WorkshopRunner
        var size: TerminalSize
        let glyphs: Glyphs
        var frames: [CellGrid] = []

        init(session: Session, size: TerminalSize, glyphs: Glyphs) throws {
            clock = ManualClock(Fixtures.at(12, 0))
            let fs = MemoryFileSystem()
            let files = WorkshopFiles(sessionPath: "demo.yaml")
            guard case .success(let plan) = PlannedAgenda.plan(session),
                  case .success(let opened) = WorkshopStore.open(session: session, plan: plan, files: files, fileSystem: fs,
                                                                  now: clock.now(), stamp: "S", fresh: false, newRecordID: "record-1")
            else { throw GlyphTestError.demoDoesNotOpen }
            runner = WorkshopRunner(state: opened.state, journal: opened.journal, fileSystem: fs, files: files,
                                    clock: clock, generator: "test")
            self.size = size
            self.glyphs = glyphs
            draw()
        }

        func draw() {
            frames.append(ModeratorScreen.render(runner.state, size: size, glyphs: glyphs))
        }

        func press(_ keys: KeyEvent...) {
            for key in keys {
                if let action = ModeratorKeyMap.action(for: key, in: runner.state, size: size) {
                    runner.send(action)
                }
                draw()
                // As the app loop does: work put off until the screen said so (a PIN check), then the frame after it.
                runner.performDeferredWork()
                draw()
            }
        }

        func type(_ text: String) {
            for character in text { press(.character(character)) }
        }

        func wait(seconds: Int64) {
            clock.current = clock.current.adding(seconds: seconds)
            runner.send(.tick)
            draw()
        }

        var screenText: String { frames.map { $0.lines.joined(separator: "\n") }.joined(separator: "\n") }
    }

    /// Help, dialogs, pickers, every poll type (ballot, hand count, results), a new poll, groups, an entry form,
    /// report-back, the import picker, the slot timer running late and over time, and the voter screens.
    static func runTour(size: TerminalSize, glyphs: Glyphs) throws -> Tour {
        let (session, _) = try demoSession()
        let tour = try Tour(session: session, size: size, glyphs: glyphs)
        tour.press(.character("?"), .escape, .character("g"), .down, .escape, .character("q"), .escape,
                   .character("E"), .escape, .character(" "))
        // The six demo polls in list order: open each, type a ballot, reveal, back.
        for index in 0..<6 {
            tour.press(.character("P"))
            for _ in 0..<index { tour.press(.down) }
            tour.press(.enter, .character("o"), .character("b"))
            switch index {
            case 3: tour.type("together")
            case 5: tour.press(.right, .right, .right)
            default: tour.press(.character("1"), .character(" "))
            }
            tour.press(.enter, .escape, .character("r"), .character("h"), .down, .character("3"), .enter,
                       .escape, .character("c"), .escape)
        }
        tour.press(.character("a"))
        tour.type("Lunch or coffee?")
        tour.press(.tab, .right, .right, .tab, .escape)
        tour.press(.character("w"), .enter, .character("1"))
        tour.type("Shared testbeds for circular plastics across three regions")
        tour.press(.tab, .tab)
        tour.wait(seconds: 1)
        tour.press(.escape, .character("u"), .character("3"), .escape, .character("2"))
        tour.type("Strong research base")
        tour.press(.escape, .character("?"), .escape, .character("s"), .escape, .escape)
        tour.press(.character("R"), .pageDown, .pageDown, .right, .escape)
        tour.press(.character("i"), .escape, .character("e"))
        // The slot timer: running, the last minutes, over time, paused; the room behind plan.
        tour.wait(seconds: 40)
        tour.wait(seconds: 60)
        tour.press(.character(" "))
        tour.wait(seconds: 10)
        tour.press(.character(" "), .character("n"), .character("+"), .character("n"))
        tour.wait(seconds: 400)
        tour.press(.character("g"), .up, .escape)
        // The voter screens: privacy, each question, review, recorded, the PIN prompt.
        tour.press(.character("p"), .character("P"), .enter, .character("o"), .escape, .character("v"), .enter)
        for _ in 0..<8 { tour.press(.character("1"), .enter) }
        tour.press(.control("x"))
        tour.type("246810")
        tour.press(.enter, .character("E"), .character("y"))
        return tour
    }

    /// Characters on screen that neither ASCII nor the session's own text can explain, with the line they are on.
    static func foreignCharacters(in tour: Tour, allowed: Set<Character>) -> [String] {
        var found: [String] = []
        for frame in tour.frames {
            for line in frame.lines {
                let strangers = line.filter { !$0.isASCII && !allowed.contains($0) }
                if !strangers.isEmpty, !found.contains(where: { $0.hasSuffix("in: " + line) }) {
                    found.append("\(String(strangers).debugDescription) in: " + line)
                }
            }
        }
        return found
    }

    @Test(arguments: [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 60, rows: 16),
                      TerminalSize(columns: 132, rows: 40)])
    func everyScreenOfTheDemoDrawsInAsciiApartFromTheSessionsOwnText(size: TerminalSize) throws {
        let (_, yaml) = try Self.demoSession()
        let tour = try Self.runTour(size: size, glyphs: .ascii)
        let text = tour.screenText
        // The tour did reach the screens it means to check.
        for landmark in ["Keys", "Quit Plenary?", "End the workshop?", "Press Enter to vote", "ENTER A BALLOT"] {
            #expect(text.contains(landmark), "the tour never showed \(landmark)")
        }
        let foreign = Self.foreignCharacters(in: tour, allowed: Set(yaml))
        #expect(foreign.isEmpty, Comment(rawValue: "non-ASCII drawing under --ascii:\n" + foreign.joined(separator: "\n")))
    }

    @Test func theTourUsesUnicodeGlyphsWithoutAscii() throws {
        // The same tour in Unicode does draw non-ASCII glyphs, so the test above is not vacuous.
        let (_, yaml) = try Self.demoSession()
        let tour = try Self.runTour(size: TerminalSize(columns: 80, rows: 24), glyphs: .unicode)
        #expect(!Self.foreignCharacters(in: tour, allowed: Set(yaml)).isEmpty)
    }

    @Test func cutTextEndsWithThreeDotsUnderAscii() throws {
        let title = "Welcome and quick polls for everyone in the room"
        var grid = CellGrid(size: TerminalSize(columns: 20, rows: 1))
        grid.putClipped(title, x: 0, y: 0, width: 20, ellipsis: Glyphs.ascii.ellipsis)
        #expect(grid.lines == ["Welcome and quick..."])
    }

    @Test func theTooSmallMessageIsAsciiUnderAscii() throws {
        let grid = ModeratorScreen.render(try Self.demoSession().0.emptyState(), size: TerminalSize(columns: 40, rows: 10),
                                          glyphs: .ascii)
        #expect(grid.lines.joined().allSatisfy { $0.isASCII })
        #expect(grid.lines.joined().contains("60x16"))
    }
}

private extension Session {
    func emptyState() throws -> WorkshopState {
        try Fixtures.state(self, now: Fixtures.at(12, 0))
    }
}
