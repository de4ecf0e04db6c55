import Foundation
import Testing
import PlenaryTestSupport

/// `plenary run FILE --rehearse`: the agenda on a clock of its own, from its planned start and up to 60 times
/// faster, recorded in files of its own while the real record stays untouched.
@Suite(.serialized)
struct RehearsalEndToEndTests {
    /// The header clock, "12:03:00", as seconds since midnight; nil while no clock is on screen.
    static func headerClock(_ screen: String) -> Int? {
        guard let first = screen.split(separator: "\n").first,
              let match = first.firstMatch(of: /(\d\d):(\d\d):(\d\d)/),
              let hours = Int(match.1), let minutes = Int(match.2), let seconds = Int(match.3) else { return nil }
        return hours * 3600 + minutes * 60 + seconds
    }

    @Test func atSpeedSixtyItSaysRehearsalRunsFastAndWritesOnlyItsOwnFiles() throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("widex-irm-hub-sevilla.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pane = try TmuxPane(command: [try TmuxPane.plenaryExecutable.path, "run", file, "--rehearse", "--speed", "60"],
                                columns: 100, rows: 30)
        defer { pane.close() }
        // The notice is on the first frame's last lines: waiting for it waits for the whole frame.
        let first = try pane.waitFor("Rehearsal at 60x speed, recorded apart: widex-irm-hub-sevilla.rehearsal.*")
        #expect(first.contains("REHEARSAL"), "\(first)")
        // The agenda's planned start (12:00), whatever the time of the test run; at 60 times it is soon past (half a
        // real minute on a loaded machine is half an hour).
        let start = try #require(Self.headerClock(first), "no clock in:\n\(first)")
        #expect((12 * 3600)..<(12 * 3600 + 30 * 60) ~= start, "\(first)")
        try pane.sendText(" ")
        // Three rehearsal minutes go by in about three real seconds, on the header clock and the slot's timer.
        try pane.waitFor("the clock to run three minutes on", timeout: .seconds(8)) { screen in
            (Self.headerClock(screen) ?? 0) >= start + 3 * 60
        }
        try pane.waitFor("the slot to have run two minutes", timeout: .seconds(8)) { screen in
            screen.firstMatch(of: /0[2-9]:\d\d elapsed/) != nil
        }
        #expect(try pane.quitPlenary() == 0)
        let after = try pane.capture()
        #expect(after.contains("Resume with: "), "\(after)")
        #expect(after.contains("--rehearse --speed 60"), "\(after)")

        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["widex-irm-hub-sevilla.rehearsal.journal.jsonl", "widex-irm-hub-sevilla.rehearsal.results.json",
                          "widex-irm-hub-sevilla.yaml"], "\(names)")
        let results = try ModeratorEndToEndTests.results(folder + "/widex-irm-hub-sevilla.rehearsal.results.json")
        let workshop = try #require(results["workshop"] as? [String: Any])
        #expect(workshop["rehearsal"] as? Bool == true)
        #expect((workshop["startedAt"] as? String)?.contains("T12:0") == true, "\(workshop)")

        let report = try AfterTheWorkshopEndToEndTests.plenary("report", folder + "/widex-irm-hub-sevilla.rehearsal.results.json")
        #expect(report.status == 0, "\(report)")
        #expect(report.stdout.contains("this is a rehearsal"), "\(report)")
    }

    @Test func aSpeedWithoutRehearseOrOutOfRangeIsAUsageError() throws {
        let demo = SessionFiles.path("demo.yaml")
        let alone = try AfterTheWorkshopEndToEndTests.plenary("run", demo, "--speed", "10")
        #expect(alone.status == 64, "\(alone)")
        #expect(alone.stderr.contains("--speed is only for a rehearsal: add --rehearse"), "\(alone)")
        let fast = try AfterTheWorkshopEndToEndTests.plenary("run", demo, "--rehearse", "--speed", "61")
        #expect(fast.status == 64, "\(fast)")
        #expect(fast.stderr.contains("--speed must be a whole number from 1 to 60, not 61"), "\(fast)")
        let time = try AfterTheWorkshopEndToEndTests.plenary("run", demo, "--rehearse", "25:00")
        #expect(time.status == 64, "\(time)")
        #expect(time.stderr.contains("25:00 is not a time of day"), "\(time)")
        let socket = try AfterTheWorkshopEndToEndTests.plenary("run", demo, "--rehearse", "--socket", "/tmp/x.sock")
        #expect(socket.status == 64, "\(socket)")
        #expect(socket.stderr.contains("a rehearsal hosts no attached terminals"), "\(socket)")
        let real = try AfterTheWorkshopEndToEndTests.plenary("run", demo, "--results", "/tmp/demo.rehearsal.results.json")
        #expect(real.status == 64, "\(real)")
        #expect(real.stderr.contains("is a rehearsal's file: add --rehearse"), "\(real)")
    }
}
