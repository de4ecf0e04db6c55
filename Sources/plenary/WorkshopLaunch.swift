import ArgumentParser
import Glibc
import PlenaryEngine
import PlenaryStorage
import PlenaryCurses
import PlenaryHost
import PlenaryUI

/// A workshop started on this terminal: what `plenary run` does once its arguments are read and checked.
///
/// Apart from `RunCommand` so that `plenary run FILE`, the command every workshop starts with, can start one without
/// ArgumentParser reading `RunCommand`'s fourteen arguments and options by reflection first, about a tenth of a
/// start (`Plenary.main`, decision 105). Every other command line is read by ArgumentParser as before.
struct WorkshopLaunch {
    var file: String?
    var rehearsalStart: String?
    var rehearse = false
    var speed: Int?
    var results: String?
    var fresh = false
    var noColor = false
    var ascii = false
    var voter = false
    var group: String?
    var pinHash: String?
    var socket: String?
    var web: String?
    var allowGroup: String?

    /// The launch `plenary run` or `plenary run FILE` asks for, when that is all the command line says (the first
    /// argument "run", then at most one that is not an option), as ArgumentParser would read it: nothing to check,
    /// every option at its default. Nil for anything else, which goes through ArgumentParser.
    static func plain(_ arguments: [String]) -> WorkshopLaunch? {
        guard arguments.first == "run", arguments.count <= 2 else { return nil }
        guard let file = arguments.dropFirst().first else { return WorkshopLaunch() }
        return file.hasPrefix("-") ? nil : WorkshopLaunch(file: file)
    }

    func run() throws {
        HeapSettings.returnLargeBuffersWhenFreed()
        SignalTrap.install()
        let wallClock = SystemClock()
        var (session, sessionPath) = try SessionLoading.load(file)
        if let pinHash {
            session.voterPIN = try PINHashOption.parse(pinHash, for: RunCommand.self).text
        }
        if let group, !session.groups.contains(where: { $0.id == group }) {
            let known = session.groups.map(\.id).joined(separator: ", ")
            throw UsageError.report("no working group \"\(group)\" in this session\(known.isEmpty ? "" : " (groups: \(known))")", for: RunCommand.self)
        }
        if voter, session.voterPIN == nil {
            throw UsageError.report("--voter needs the moderator PIN: add voter_pin to the session file or pass --pin-hash (make one with `plenary pin`)", for: RunCommand.self)
        }
        guard case .success(let plan) = PlannedAgenda.plan(session) else {
            // The loader already checks the plan; this only guards against a loader bug.
            throw ValidationError("the agenda's times are inconsistent: run `plenary validate` on it")
        }
        let files = WorkshopFiles(sessionPath: sessionPath, resultsPath: results, group: group, rehearsal: rehearse)
        let fileSystem = PosixFileSystem()
        // Refuse before creating any file: a run that cannot use its code sheet, or show a screen, leaves nothing behind.
        let codeBook = try loadCodeBook(files: files, fileSystem: fileSystem)
        do {
            try CursesTerminal.checkUsable()
        } catch {
            StandardError.write("\(error)")
            throw ExitCode(1)
        }
        let wallNow = wallClock.now()
        // Kept files are named by the computer's time, even in a rehearsal: that is when they were set aside.
        let stamp = Self.stamp(wallNow)
        let calendar = LocalCalendar(timeZoneIdentifier: session.timeZone)
        // validate() checked the start time.
        let now = rehearse ? RehearsalClock.startInstant(plan: plan, calendar: calendar, wallNow: wallNow, at: rehearsalStart) ?? wallNow : wallNow
        if socket != nil, voter || group != nil {
            throw UsageError.report("--socket is for the moderator screen, which hosts the room; a voter or group terminal does not listen", for: RunCommand.self)
        }
        if allowGroup != nil, voter || group != nil {
            throw UsageError.report("--allow-group is for the moderator screen, which hosts the room; a voter or group terminal does not listen", for: RunCommand.self)
        }
        if allowGroup != nil, file == nil {
            throw UsageError.report("--allow-group needs a session file: the group's kiosks attach with `plenary attach FILE --voter`", for: RunCommand.self)
        }
        // Before the journal is opened: a second host of the same workshop is refused without touching its files.
        var listener: ListeningSocket?
        var hostNotice: String?
        if !voter, group == nil, !rehearse {
            var socketGroup: SocketGroup?
            if let allowGroup {
                // Asked for by name: every problem with it refuses the run, since the group's voters could not attach.
                do {
                    socketGroup = try SocketGroup.resolve(allowGroup)
                } catch {
                    StandardError.write("\(error)")
                    throw ExitCode(1)
                }
            }
            if let socketGroup, let problem = Self.sessionUnreadable(sessionPath, by: socketGroup) {
                StandardError.write("plenary: \(problem)")
                throw ExitCode(1)
            }
            do {
                listener = try ListeningSocket.open(path: socket ?? ListeningSocket.defaultPath(forResults: files.resultsPath),
                                                    group: socketGroup)
            } catch where socket == nil && allowGroup == nil && web == nil && !Self.refusesTheWorkshop(error) {
                // The socket only serves attached terminals: a workshop run from /tmp or a shared stick still runs,
                // without them, and says why and how to get them.
                StandardError.write("\(error)")
                hostNotice = "No terminals can attach: \(error.explanation)"
            } catch {
                StandardError.write("\(error)")
                throw ExitCode(1)
            }
        }
        defer { listener?.close() }
        let opened: WorkshopStore.Opened
        switch WorkshopStore.open(session: session, plan: plan, files: files, fileSystem: fileSystem,
                                  now: now, stamp: stamp, fresh: fresh,
                                  newRecordID: SecretHash.hex(WorkshopRunner.systemRandomBytes(8))) {
        case .success(let value): opened = value
        case .failure(let error):
            StandardError.write("plenary: \(error)")
            throw ExitCode(1)
        }
        // A resumed rehearsal counts on from its last record (its time stood still while Plenary was not running).
        let clock: any Clock = rehearse ? RehearsalClock(base: wallClock, start: opened.state.now, speed: speed ?? 1) : wallClock
        // Every skipped record on the terminal itself (left on the normal screen, seen after quitting), and the
        // first few on the screen's notice line.
        if let skipped = opened.skippedSummary(listing: .max) { StandardError.write("plenary: warning: \(skipped)") }
        let skippedOnScreen = opened.skippedSummary(listing: 2)
        let storeMessages = opened.messages
        let journal = opened.journal
        // The state moves into the runner: a second reference here would make the first ballot of each round after
        // a resume copy every ballot before it (100k: 2.4 MB and 4 ms on the key path, decision 105).
        let runner = WorkshopRunner(state: (consume opened).state, journal: journal, fileSystem: fileSystem,
                                    files: files, clock: clock, generator: "plenary \(Plenary.version)",
                                    homeDirectory: getenv("HOME").map { String(cString: $0) }, resultsInBackground: true)
        // Written off the key path soon after the first frame: a resume of 100k answers shows its screen first.
        runner.scheduleResults()
        if rehearse { runner.send(.app(.markRehearsal(speed: speed ?? 1))) }
        if let book = codeBook {
            runner.send(.voterMode(.loadCodeBook(book)))
        }
        if voter {
            runner.send(.voterMode(.resume))
        } else if let group {
            runner.send(.group(.becomeFacilitator(group: group)))
        }
        var messages = storeMessages
        if let hostNotice { messages.append(hostNotice) }
        var webGateway: WebGateway?
        var webInbox: WebInbox?
        if let web, case .success(let address) = WebListenAddress.parse(web) {
            guard let inbox = WebInbox() else {
                StandardError.write("plenary: cannot serve the voting page: out of file descriptors")
                throw ExitCode(1)
            }
            // The page is served by `plenary-web` beside this program (decision 94); it fails here, before the screen.
            let gateway: WebGateway
            do {
                gateway = try WebGateway.start(executable: WebGateway.executableBesideThisProgram(), address: address,
                                               roomCode: WebGateway.newRoomCode(), inbox: inbox)
            } catch {
                runner.close()
                StandardError.write("plenary: \(error)")
                throw ExitCode(1)
            }
            let page = WebPageAddress(url: address.shownURL(port: gateway.port), roomCode: gateway.roomCode)
            if !address.isLoopback {
                StandardError.write("plenary: the voting page is open to the local network at \(page.url) (room code \(page.roomCode)): anyone who reaches this laptop can see the open polls and vote with the room code")
            }
            runner.send(.app(.announceWebPage(page)))
            messages.append("Phones vote at \(page.url) (room code \(page.roomCode)); W on a poll shows the QR code.")
            webGateway = gateway
            webInbox = inbox
        }
        defer { webGateway?.stop() }
        if rehearse {
            // Short enough for 80 columns with a long session name: the clock is in the header, the rest in the README.
            let pace = (speed ?? 1) == 1 ? "at real speed" : "at \(speed ?? 1)x speed"
            let name = WorkshopFiles.fileName(of: files.resultsPath)
            let base = name.hasSuffix(".results.json") ? String(name.dropLast(".results.json".count)) : name
            messages.append("Rehearsal \(pace), recorded apart: \(base).*")
        } else if let date = session.date, date != runner.state.calendar.date(of: now), !runner.state.hasStarted {
            messages.append("This agenda is dated \(date); its times are planned for today.")
        }
        if let skipped = skippedOnScreen {
            runner.send(.app(.notify((messages + [skipped]).concatenated(separator: " "), .warning)))
        } else if !messages.isEmpty {
            runner.send(.app(.notify(messages.concatenated(separator: " "), .info)))
        }

        let terminal = try ScreenOpening.terminal(noColor: noColor, rawMode: false, beforeExit: runner.close)
        let glyphs = ScreenOpening.glyphs(ascii: ascii)
        let attach = "\(CommandLine.arguments.first ?? "plenary") attach \(file ?? sessionPath)\(socket.map { " --socket \($0)" } ?? "") --moderator"
        let host = listener.map {
            RoomHost(listener: $0, runner: runner, clock: clock, glyphs: glyphs, inputDescriptor: STDIN_FILENO,
                     attachCommand: attach, webInbox: webInbox,
                     // Only the web load proof sets it, to measure one fdatasync per ballot (decision 92).
                     groupCommit: getenv("PLENARY_PROOF_SYNC_EACH_BALLOT") == nil,
                     clearSignal: SignalTrap.clearPendingSignal)
        }
        let app = ModeratorApp(runner: runner, terminal: terminal, clock: clock, glyphs: glyphs,
                               pendingSignal: SignalTrap.pendingSignal, host: host)
        let exit = app.run()
        // Clients are told before the journal closes; a quit or a signal may be followed by a restart.
        host?.stop(reason: runner.state.hasEnded ? "The workshop has ended." : "The host stopped.",
                   reconnect: !runner.state.hasEnded)
        // A signal can come mid-typing: record the open field before leaving (kill -9 loses at most 2 s of it).
        runner.send(.group(.flushDraft))
        // Waits for a results write in flight, then writes the state if the file lags it (decision 60).
        runner.close()
        terminal.restore()

        let state = runner.state
        if let failure = state.storageFailure {
            // The red banner went with the screen; the last save (just above) may be the one that failed.
            StandardError.write("plenary: \(failure.message)")
        }
        let count = state.recordedActions
        print("Results: \(files.resultsPath) (\(count) action\(count == 1 ? "" : "s") recorded)")
        // Name the program as it was started, so the hint works after `swift run` too.
        let program = CommandLine.arguments.first ?? "plenary"
        let again = "\(program) run\(file.map { " \($0)" } ?? "")\(results.map { " --results \($0)" } ?? "")\(group.map { " --group \($0)" } ?? "")"
            + "\(socket.map { " --socket \($0)" } ?? "")\(allowGroup.map { " --allow-group \($0)" } ?? "")"
            + (rehearse ? " --rehearse" + (speed.map { " --speed \($0)" } ?? "") : "")
        print(state.hasEnded ? "The workshop has ended. To run it again from the start: \(again) --fresh" : "Resume with: \(again)")
        if case .signal(let signal) = exit {
            throw ExitCode(SignalTrap.exitCode(for: signal))
        }
    }

    /// The code sheet's hashes and which codes were used, if `plenary codes` made a sheet for this session.
    private func loadCodeBook(files: WorkshopFiles, fileSystem: PosixFileSystem) throws -> CodeBook? {
        do {
            guard let sheet = try fileSystem.contents(of: files.codesPath) else { return nil }
            var book: CodeBook
            switch UsedCodesFile.decodeSheet(sheet) {
            case .success(let value): book = value
            case .failure(.unreadable):
                StandardError.write("plenary: \(files.codesPath) is not a code sheet made by `plenary codes`")
                throw ExitCode(1)
            case .failure(.outdated):
                StandardError.write("plenary: \(files.codesPath) was made by an older Plenary: its short codes could be guessed back from the file. Make a new sheet and hand out its codes instead: plenary codes \(files.sessionPath) --count N --replace")
                throw ExitCode(1)
            }
            if let usedBytes = try fileSystem.contents(of: files.usedCodesPath) {
                guard let used = UsedCodesFile.decodeUsed(usedBytes) else {
                    StandardError.write("plenary: \(files.usedCodesPath) is damaged; nothing was changed. Move it aside only if you accept that used codes could vote again.")
                    throw ExitCode(1)
                }
                book.used = used
            }
            return book
        } catch let error as StorageError {
            StandardError.write("plenary: \(error)")
            throw ExitCode(1)
        }
    }

    /// "20261121-224510": sortable, safe in file names, in this computer's local time (`TZ` or /etc/localtime), the
    /// time its file manager and `ls -l` show beside the kept files, not the session's zone or UTC.
    static func stamp(_ instant: Instant) -> String {
        tzset()
        var seconds = time_t(instant.milliseconds / 1000)
        var local = tm()
        guard localtime_r(&seconds, &local) != nil else { return "\(instant.milliseconds / 1000)" }
        func digits(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return digits(local.tm_year + 1900, 4) + digits(local.tm_mon + 1, 2) + digits(local.tm_mday, 2) + "-"
            + digits(local.tm_hour, 2) + digits(local.tm_min, 2) + digits(local.tm_sec, 2)
    }

    /// Why members of `group` could not read the session file that `plenary attach FILE --voter` loads, or nil when
    /// they can (by the group bits when the file belongs to the group, else by the bits for others).
    static func sessionUnreadable(_ path: String, by group: SocketGroup) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        let readable = status.st_gid == group.id ? status.st_mode & S_IRGRP != 0 : status.st_mode & S_IROTH != 0
        if readable { return nil }
        return "members of group \(group.name) cannot read \(path), which their `plenary attach` loads. Let them read it (chgrp \(group.name) \(path) && chmod g+r \(path)), then start the workshop again."
    }

    /// Another host on this workshop is the one refusal that must stop the run: two hosts would both write its journal.
    static func refusesTheWorkshop(_ error: SocketSetupError) -> Bool {
        if case .alreadyServed = error { return true }
        return false
    }
}
