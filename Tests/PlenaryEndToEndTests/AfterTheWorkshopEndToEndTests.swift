import Foundation
import PlenaryEngine
import Testing
import PlenaryTestSupport

/// The commands for after the workshop, run as a user runs them: `report` in every format on results files of
/// both schema versions, `export --csv` read back by Python's csv module, and `new` whose file `validate` accepts.
@Suite(.serialized)
struct AfterTheWorkshopEndToEndTests {
    static func fixture(_ name: String) -> String {
        SessionFiles.repositoryRoot.appendingPathComponent("Tests/PlenaryCoreTests/Fixtures/\(name)").path
    }

    static func temporaryFolder() throws -> String {
        var template = Array("/tmp/plenary-after-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw HarnessError("mkdtemp failed") }
        return String(cString: made)
    }

    static func plenary(_ arguments: String..., input: String? = nil, in folder: String? = nil) throws -> SubprocessResult {
        try plenary(arguments, input: input, in: folder)
    }

    static func plenary(_ arguments: [String], input: String? = nil, in folder: String? = nil) throws -> SubprocessResult {
        try Subprocess.run([try TmuxPane.plenaryExecutable.path] + arguments, environment: ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"],
                           workingDirectory: folder, input: input)
    }

    @Test(arguments: ["demo-v1.json", "demo-v2.json"])
    func reportsInEveryFormat(_ name: String) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let markdown = try Self.plenary("report", Self.fixture(name))
        #expect(markdown.status == 0, "\(markdown)")
        #expect(markdown.stdout.hasPrefix("# Plenary demo — a four-minute tour\n"))
        #expect(markdown.stdout.contains("| 1 | Critical raw materials recycling | Policy and investment alignment | 1.67 avg |"))

        let text = try Self.plenary("report", Self.fixture(name), "--format", "text", "--width", "52")
        #expect(text.status == 0, "\(text)")
        let lines = text.stdout.split(separator: "\n")
        #expect(lines.first == "Plenary demo — a four-minute tour")
        #expect(lines.allSatisfy { $0.terminalWidth <= 52 }, "\(lines.filter { $0.terminalWidth > 52 })")

        let html = try Self.plenary("report", Self.fixture(name), "--format", "html", "--output", folder + "/report.html")
        #expect(html.status == 0 && html.stdout.isEmpty, "\(html)")
        let page = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("<h2>Shortlist</h2>"))
    }

    static var hasChromium: Bool {
        Subprocess.executablePath(for: "chromium") != nil || Subprocess.executablePath(for: "chromium-browser") != nil
    }

    /// The HTML report renders in a real browser (Debian's chromium, headless) to a page with content on it.
    @Test(.enabled(if: hasChromium, "needs chromium (apt-get install chromium; scripts/test installs it)"))
    func htmlReportRendersInChromium() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let html = try Self.plenary("report", Self.fixture("demo-v2.json"), "--format", "html", "--output", folder + "/r.html")
        #expect(html.status == 0, "\(html)")
        let script = SessionFiles.repositoryRoot.appendingPathComponent("scripts/check-html-chromium").path
        let render = try Subprocess.run([script, folder + "/r.html", folder + "/r.png"], timeout: .seconds(120))
        #expect(render.status == 0, "\(render)")
        let png = try Data(contentsOf: URL(fileURLWithPath: folder + "/r.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
        // A blank page of this size compresses to about 10 KB; the report's text and bars make it far larger.
        #expect(png.count > 40_000, "the screenshot looks empty (\(png.count) bytes)")
    }

    /// `e` on the moderator screen writes the report and CSV files next to the results file and says so.
    @Test func theExportKeyWritesNextToTheResults() throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("demo.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pane = try TmuxPane(command: [try TmuxPane.plenaryExecutable.path, "run", file], columns: 110, rows: 30)
        defer { pane.close() }
        try pane.waitFor("Press Space")
        try pane.sendKeys("Space")
        try pane.waitFor("NOW · ")
        try pane.sendText("e")
        try pane.waitFor("Exported to \(folder)/")
        #expect(try pane.quitPlenary() == 0)
        let markdown = try String(contentsOfFile: folder + "/demo.report.md", encoding: .utf8)
        #expect(markdown.hasPrefix("# Plenary demo — a four-minute tour\n"))
        #expect(FileManager.default.fileExists(atPath: folder + "/demo.report.html"))
        #expect(FileManager.default.fileExists(atPath: folder + "/demo.poll-format.csv"))
        #expect(FileManager.default.fileExists(atPath: folder + "/demo.template-swot.csv"))
    }

    @Test func aFileThatIsNotResultsIsRefused() throws {
        let session = SessionFiles.path("demo.yaml")
        let result = try Self.plenary("report", session)
        #expect(result.status == 1)
        #expect(result.stderr.contains("is not a Plenary results file"), "\(result)")
        let missing = try Self.plenary("export", "/nonexistent/x.results.json", "--csv", "/tmp")
        #expect(missing.status == 1 && missing.stderr.contains("does not exist"), "\(missing)")
    }

    /// Python's csv module reads back exactly what the results file holds: options and counts, answers with commas
    /// and CJK, list fields with their items on separate lines in one cell.
    @Test func csvFilesRoundTripThroughPythonsCSVReader() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let export = try Self.plenary("export", Self.fixture("demo-v2.json"), "--csv", folder + "/csv")
        #expect(export.status == 0, "\(export)")
        #expect(export.stdout.contains("11 CSV files written"))
        let check = """
            import csv, json, sys
            results = json.load(open(sys.argv[1], encoding="utf-8"))
            folder = sys.argv[2]
            def read(name):
                raw = open(f"{folder}/{name}", "rb").read()
                assert raw.startswith(b"\\xef\\xbb\\xbf"), name + ": no byte-order mark"
                assert b"\\r\\n" in raw and raw.endswith(b"\\r\\n"), name + ": records must end in CR LF"
                with open(f"{folder}/{name}", encoding="utf-8-sig", newline="") as handle:
                    return list(csv.reader(handle, strict=True))
            polls = {p["id"]: p for p in results["polls"]}
            for poll in results["polls"]:
                if poll["type"] in ("single", "multiple"):
                    rows = read(f"poll-{poll['id']}.csv")
                    assert [r[0] for r in rows[1:]] == poll["options"], rows
                    assert [int(r[1]) for r in rows[1:]] == [o["count"] for o in poll["rounds"][0]["options"]], rows
            answers = read("poll-one-word.csv")
            assert [r[1] for r in answers[1:]] == polls["one-word"]["rounds"][0]["answers"], answers
            budget = read("poll-budget.csv")
            assert budget[0] == ["option", "round 1 points", "round 1 share %", "round 2 points", "round 2 share %"], budget
            entries = [e for g in results["groups"] for e in g["entries"] if e["template"] == "action-concept"]
            table = read("template-action-concept.csv")
            assert table[0][:6] == ["group", "entry", "order", "author", "created", "edited"], table[0]
            for row, entry in zip(table[1:], entries):
                assert row[1] == entry["id"]
                for cell, field in zip(row[6:], entry["fields"]):
                    assert cell == ("\\n".join(field["items"]) if "items" in field else field["text"]), (cell, field)
            overview = read("polls.csv")
            assert len(overview) == 1 + sum(len(p["rounds"]) for p in results["polls"]), overview
            print("round trip ok")
            """
        try check.write(toFile: folder + "/check.py", atomically: true, encoding: .utf8)
        let result = try Subprocess.run(["python3", folder + "/check.py", Self.fixture("demo-v2.json"), folder + "/csv"])
        #expect(result.status == 0 && result.stdout.contains("round trip ok"), "\(result)")
    }

    @Test func newWritesAValidSessionAndNeverOverwrites() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let made = try Self.plenary("new", "w.yaml", "--title", "Rovaniemi: S3P & Interreg", "--date", "2025-06-04",
                                    "--timezone", "Europe/Helsinki", "--start", "9:00", "--slots", "6",
                                    "--template", "key-message", "--template", "free-notes", in: folder)
        #expect(made.status == 0, "\(made)")
        let validate = try Self.plenary("validate", "w.yaml", in: folder)
        #expect(validate.status == 0 && validate.stdout == "w.yaml: ok (6 slots, 2 polls, 2 working groups)\n", "\(validate)")
        let before = try String(contentsOfFile: folder + "/w.yaml", encoding: .utf8)
        let again = try Self.plenary("new", "w.yaml", "--title", "Other", in: folder)
        #expect(again.status == 1 && again.stderr.contains("already exists"), "\(again)")
        #expect(try String(contentsOfFile: folder + "/w.yaml", encoding: .utf8) == before)
        let bad = try Self.plenary("new", "x.yaml", "--template", "kanban", in: folder)
        #expect(bad.status != 0 && bad.stderr.contains("unknown template \"kanban\""), "\(bad)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.yaml"))
    }
}
