import Foundation
import Testing
@testable import PlenaryEngine
@testable import PlenaryStorage
import PlenaryTestSupport

/// The moderator screen's side of merging (`i`), choice fields in the form, and the journal lock.
@Suite struct MergeScreenTests {
    let files = WorkshopFiles(sessionPath: "/w/sevilla.yaml")

    func runner(_ fileSystem: MemoryFileSystem, record: String = "plenary") throws -> WorkshopRunner {
        let clock = ManualClock(Fixtures.at(12, 0))
        let opened = try #require(Fixtures.open(GroupMergeTests.session(), fileSystem: fileSystem, files: files, at: clock.now(), record: record))
        return WorkshopRunner(state: opened.state, journal: opened.journal, fileSystem: fileSystem, files: files, clock: clock, generator: "t")
    }

    @Test func thePickerListsOtherResultsFilesAndMergesTheChosenOne() throws {
        var laptop = try GroupMergeTests.laptop("laptop-b")
        try GroupMergeTests.add(&laptop, group: "wg2", ["title": "Fragmented funding", "category": "Funding"])
        let fileSystem = MemoryFileSystem()
        fileSystem.files["/w/wg2.results.json"] = GroupMergeTests.results(laptop)
        fileSystem.write("/w/notes.txt", "not results")
        fileSystem.write("/w/sevilla.20250311-101500.results.json", "an archived copy of this workshop")
        fileSystem.write("/w/sevilla.20250311-101500-2.results.json", "another")
        fileSystem.files["/w/sevilla.wg1.results.json"] = GroupMergeTests.results(try GroupMergeTests.laptop("laptop-a"))
        let runner = try runner(fileSystem)
        runner.send(.importing(.open))
        guard case .importPicker(let picker) = runner.state.screen else { Issue.record("no picker"); return }
        #expect(picker.folder == "/w")
        #expect(picker.candidates == ["sevilla.wg1.results.json", "wg2.results.json"])
        runner.send(.importing(.moveSelection(by: 1)))

        runner.send(.importing(.confirm))
        #expect(runner.state.screen == .agenda)
        #expect(runner.state.notice?.text == "Merged wg2.results.json: 1 entry added (Cluster-led action). R shows them.")
        #expect(runner.state.group("wg2")?.entries.first?.fields["category"] == "Funding")
        #expect(fileSystem.text(files.journalPath)?.contains("\"merge\"") == true)

        runner.send(.importing(.open))
        runner.send(.importing(.moveSelection(by: 1)))
        runner.send(.importing(.confirm))
        #expect(runner.state.notice?.text == "wg2.results.json: nothing new: 1 entry already there.")
        #expect(runner.state.recordedCommands == 1)
    }

    @Test func aTypedPathWinsAndProblemsAreShownWithoutLeavingThePicker() throws {
        let fileSystem = MemoryFileSystem()
        fileSystem.write("/usb/broken.results.json", "{\"schemaVersion\": 2")
        let runner = try runner(fileSystem)
        runner.send(.importing(.open))
        for character in "/usb/broken.results.json" { runner.send(.importing(.editPath(.insert(String(character))))) }
        runner.send(.importing(.confirm))
        guard case .importPicker = runner.state.screen else { Issue.record("the picker closed on an error"); return }
        #expect(runner.state.notice?.level == .error)
        #expect(runner.state.notice?.text.hasPrefix("broken.results.json is not a Plenary results file") == true)

        runner.send(.importing(.editPath(.deleteToStart)))
        for character in "/usb/missing.json" { runner.send(.importing(.editPath(.insert(String(character))))) }
        runner.send(.importing(.confirm))
        #expect(runner.state.notice?.text == "Cannot read /usb/missing.json: No such file.")
        #expect(runner.state.recordedCommands == 0)
    }

    @Test func aJournalHeldByAnotherProgramIsNotOpened() throws {
        let fileSystem = MemoryFileSystem()
        _ = try runner(fileSystem)
        fileSystem.lockedElsewhere = [files.journalPath]
        let before = fileSystem.files
        guard case .success(let plan) = PlannedAgenda.plan(GroupMergeTests.session()) else { return }
        let result = WorkshopStore.open(session: GroupMergeTests.session(), plan: plan, files: files, fileSystem: fileSystem,
                                        now: Fixtures.at(13, 0), stamp: "S", fresh: true, newRecordID: "x")
        guard case .failure(.inUse(let path)) = result else { Issue.record("opened a journal in use"); return }
        #expect(path == files.journalPath)
        #expect(fileSystem.files == before)
        #expect("\(WorkshopStore.OpenError.inUse(path: path))".contains("--results"))
    }

    @Test func choiceFieldsArePickedAndHoldNothingElse() throws {
        var state = try GroupMergeTests.laptop("plenary")
        _ = WorkshopReducer.reduce(&state, .group(.becomeFacilitator(group: "wg2")), now: Fixtures.at(12, 50))
        _ = WorkshopReducer.reduce(&state, .group(.addEntry(templateIndex: 1)), now: Fixtures.at(12, 50))
        _ = WorkshopReducer.reduce(&state, .group(.editField(.insert("Skills gap"))), now: Fixtures.at(12, 50))
        _ = WorkshopReducer.reduce(&state, .group(.changeField(by: 2)), now: Fixtures.at(12, 50))
        guard case .entry(let draft) = state.screen else { Issue.record("no form"); return }
        #expect(draft.choices == ["Funding", "Skills"])
        #expect(draft.choiceIndex == nil)
        _ = WorkshopReducer.reduce(&state, .group(.stepChoice(by: -1)), now: Fixtures.at(12, 50, 1))
        guard case .entry(let wrapped) = state.screen else { return }
        #expect(wrapped.editor.text == "Skills")
        _ = WorkshopReducer.reduce(&state, .group(.pickChoice(0)), now: Fixtures.at(12, 50, 2))
        _ = WorkshopReducer.reduce(&state, .group(.pickChoice(7)), now: Fixtures.at(12, 50, 2))
        let saved = WorkshopReducer.reduce(&state, .tick, now: Fixtures.at(12, 50, 4))
        #expect(saved.first == .appendJournal(.group(.setField(group: "wg2", entry: "wg2-1", field: "category", text: "Funding"))))
        _ = WorkshopReducer.reduce(&state, .group(.pickChoice(nil)), now: Fixtures.at(12, 50, 5))
        let cleared = WorkshopReducer.reduce(&state, .group(.closeEntry), now: Fixtures.at(12, 50, 6))
        #expect(cleared.first == .appendJournal(.group(.setField(group: "wg2", entry: "wg2-1", field: "category", text: ""))))
        // A journal or merged file can still carry other text: the reducer refuses it.
        let refused = WorkshopReducer.reduce(&state, .command(.group(.setField(group: "wg2", entry: "wg2-1", field: "category", text: "Weather"))), now: Fixtures.at(12, 51))
        #expect(refused.isEmpty)
        #expect(state.notice?.text == "\"Weather\" is not one of the choices for Category: Funding, Skills.")
    }

    @Test func reportBackStartsAtTheFirstGroupWithEntries() throws {
        var state = try GroupMergeTests.laptop("plenary")
        try GroupMergeTests.add(&state, group: "wg2", ["title": "Only here"])
        _ = WorkshopReducer.reduce(&state, .group(.openReportBack), now: Fixtures.at(13, 0))
        #expect(state.screen == .reportBack(group: 1, page: 0))
        _ = WorkshopReducer.reduce(&state, .group(.showReportBack(group: 5, page: 0)), now: Fixtures.at(13, 0))
        #expect(state.screen == .reportBack(group: 1, page: 0))
        _ = WorkshopReducer.reduce(&state, .app(.dismissOverlay), now: Fixtures.at(13, 0))
        #expect(state.screen == .agenda)
    }
}

/// The one read helper: whatever path is typed in the merge picker, the workshop never freezes, and a relative
/// path means a file in the folder the picker lists.
@Suite struct MergeInputReadingTests {
    let files: WorkshopFiles
    let folder: String

    init() throws {
        var template = Array("/tmp/plenary-merge-XXXXXX".utf8CString)
        folder = String(cString: try #require(mkdtemp(&template)))
        files = WorkshopFiles(sessionPath: folder + "/sevilla.yaml")
    }

    func runner() throws -> WorkshopRunner {
        let clock = ManualClock(Fixtures.at(12, 0))
        let session = GroupMergeTests.session()
        let opened = try WorkshopStore.open(session: session, plan: PlannedAgenda.plan(session).get(), files: files, fileSystem: PosixFileSystem(),
                                            now: clock.now(), stamp: "S", fresh: false, newRecordID: "plenary").get()
        return WorkshopRunner(state: opened.state, journal: opened.journal, fileSystem: PosixFileSystem(), files: files, clock: clock, generator: "t")
    }

    func merge(_ runner: WorkshopRunner, typing path: String) -> Notice? {
        runner.send(.importing(.open))
        for character in path { runner.send(.importing(.editPath(.insert(String(character))))) }
        runner.send(.importing(.confirm))
        return runner.state.notice
    }

    /// Each of these used to block the screen (a FIFO with no writer, /dev/zero read for ever) or read a folder.
    @Test func aFIFOADeviceAFolderAndAHugeFileAreRefusedAtOnce() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let runner = try runner()
        defer { runner.close() }
        let fifo = folder + "/pipe.results.json"
        #expect(mkfifo(fifo, 0o600) == 0)
        let huge = folder + "/huge.results.json"
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        #expect(truncate(huge, off_t(ReadRule.results.limit + 1)) == 0)
        let cases = [(fifo, "is a FIFO (a pipe), not a regular file"), ("/dev/zero", "is a device, not a regular file"),
                     (folder, "is a folder, not a file"), (huge, "too large (16 MB; at most 16 MB)")]
        for (path, reason) in cases {
            let started = DispatchTime.now()
            let notice = merge(runner, typing: path)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            #expect(notice?.text == "Cannot read \(path): \(reason).", "\(path)")
            #expect(seconds < 1, "\(path) took \(seconds) s")
            guard case .importPicker = runner.state.screen else { Issue.record("the picker closed"); return }
            runner.send(.app(.dismissOverlay))
        }
        #expect(runner.state.recordedCommands == 0)
    }

    @Test func aRelativeTypedPathIsInThePickersFolder() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var laptop = try GroupMergeTests.laptop("laptop-b")
        try GroupMergeTests.add(&laptop, group: "wg2", ["title": "Fragmented funding", "category": "Funding"])
        try FileManager.default.createDirectory(atPath: folder + "/usb", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: folder + "/usb/wg2.results.json", contents: Data(GroupMergeTests.results(laptop))))
        let runner = try runner()
        defer { runner.close() }
        let notice = merge(runner, typing: "usb/wg2.results.json")
        #expect(notice?.text == "Merged wg2.results.json: 1 entry added (Cluster-led action). R shows them.")
    }
}
