import Foundation
import PlenaryEngine
import PlenarySessionFile
import PlenaryStorage
import Testing

/// What a start finds on disk after a kill or from another version, with the real binary in a real terminal.
@Suite(.serialized)
struct StartUpEndToEndTests {
    /// A kill in the first milliseconds of a new workshop leaves an empty journal; under the README's supervisor
    /// loop a start refused as "in use" looped for ever.
    @Test func anEmptyJournalStartsANewWorkshop() throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("demo.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let journal = folder + "/demo.journal.jsonl"
        #expect(FileManager.default.createFile(atPath: journal, contents: Data()))
        let pane = try TmuxPane(command: [try TmuxPane.plenaryExecutable.path, "run", file], columns: 100, rows: 30)
        defer { pane.close() }
        try pane.waitFor("Press Space to start the workshop")
        #expect(try pane.quitPlenary() == 0)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: journal)))
        guard case .success = JournalReader.read(bytes) else { Issue.record("no journal header written"); return }
    }

    /// Records that cannot apply are named, with line and byte offset, on the terminal before the screen and in the
    /// notice on it, and are not counted.
    @Test func recordsThatCannotApplyAreNamedAndNotCounted() throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("demo.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try SessionFile.load(path: file).get()
        var bytes = JournalCodec.encode(.header(JournalHeader(title: session.title, slots: session.agenda.map(\.id),
                                                              createdAt: Instant(milliseconds: 1_700_000_000_000), record: "e2e")))
        let commands: [WorkshopCommand] = [.poll(.open(poll: "format")), .poll(.cast(poll: "no-such-poll", ballot: .single(option: 0))),
                                           .poll(.cast(poll: "format", ballot: .single(option: 0)))]
        let skippedOffset = bytes.count + JournalCodec.encode(.command(seq: 1, at: Instant(milliseconds: 1_700_000_000_000), command: commands[0])).count
        for (index, command) in commands.enumerated() {
            bytes += JournalCodec.encode(.command(seq: index + 1, at: Instant(milliseconds: 1_700_000_000_000), command: command))
        }
        #expect(FileManager.default.createFile(atPath: folder + "/demo.journal.jsonl", contents: Data(bytes)))
        let pane = try TmuxPane(command: [try TmuxPane.plenaryExecutable.path, "run", file], columns: 200, rows: 30)
        defer { pane.close() }
        // The same words are on the terminal before the screen starts: wait for the screen, then for the notice on it.
        try pane.waitFor("Press Space to start the workshop")
        try pane.waitFor("line 3 (byte \(skippedOffset))")
        try pane.sendText("q")
        try pane.waitFor("Quit Plenary?")
        try pane.sendText("y")
        #expect(try pane.waitForExit() == 0)
        let after = try pane.capture()
        #expect(after.contains("plenary: warning: Skipped 1 journal record that cannot apply"), "\(after)")
        #expect(after.contains("(2 actions recorded)"), "\(after)")
    }

    /// A FIFO typed into the merge picker (`i`) used to block the live workshop in open(2) for ever.
    @Test func aFIFOTypedInTheMergePickerIsRefusedAndTheWorkshopGoesOn() throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("demo.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(folder + "/pipe.results.json", 0o600) == 0)
        let pane = try TmuxPane(command: [try TmuxPane.plenaryExecutable.path, "run", file], columns: 120, rows: 30)
        defer { pane.close() }
        try pane.waitFor("Press Space")
        try pane.sendText("i")
        try pane.waitFor("Merge a working group's results")
        // Not listed (only regular files are); typed relative to the folder the picker lists.
        try pane.sendText("pipe.results.json")
        try pane.sendKeys("Enter")
        try pane.waitFor("is a FIFO (a pipe), not a regular file", timeout: .seconds(3))
        try pane.sendKeys("Escape")
        #expect(try pane.quitPlenary() == 0)
    }
}
