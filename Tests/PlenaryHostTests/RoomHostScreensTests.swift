#if canImport(Glibc)
import Glibc
#endif
import Testing
@_spi(Testing) import PlenaryEngine
import PlenaryStorage
import PlenaryProtocol
import PlenaryUI
import PlenaryTestSupport
@testable import PlenaryHost

/// The host's side of attached screens on a real socket, with the real client link: a moderator screen is admitted
/// by the PIN (checked off the loop), gets frames of the moderator screen and hands its keys to the app loop; a
/// facilitator's keys record its entry on the host.
@Suite(.serialized) struct RoomHostScreensTests {
    /// Real time: the host's waits end by the clock.
    struct WallClock: Clock {
        func now() -> Instant {
            var spec = timespec()
            clock_gettime(CLOCK_REALTIME, &spec)
            return Instant(milliseconds: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
        }
    }

    final class Room {
        let folder: String
        let host: RoomHost
        let runner: WorkshopRunner
        var inputs: [ModeratorInput] = []

        init() throws {
            var template = Array("/tmp/plenary-room-XXXXXX".utf8CString)
            folder = String(cString: try #require(mkdtemp(&template)))
            var session = Fixtures.sevillaDay
            session.templates = [CaptureTemplate(id: "challenge", name: "Challenge", fields: [TemplateField(id: "title", label: "Title", kind: .text)])]
            session.groups = [WorkingGroup(id: "wg1", name: "Clusters", templates: ["challenge"]),
                              WorkingGroup(id: "wg2", name: "Regions", templates: ["challenge"])]
            let files = WorkshopFiles(sessionPath: "sevilla.yaml")
            let fs = MemoryFileSystem()
            guard case .success(let plan) = PlannedAgenda.plan(session),
                  case .success(var opened) = WorkshopStore.open(session: session, plan: plan, files: files, fileSystem: fs,
                                                                  now: WallClock().now(), stamp: "S", fresh: false, newRecordID: "record-1")
            else { throw FixtureError("the fixture session does not open") }
            opened.state.voterPIN = SecretHash(testingSecret: "2468", salt: Array(repeating: 7, count: 16), iterations: 10)
            runner = WorkshopRunner(state: opened.state, journal: opened.journal, fileSystem: fs, files: files, clock: WallClock(), generator: "test")
            host = RoomHost(listener: try ListeningSocket.open(path: folder + "/sevilla.sock"), runner: runner, clock: WallClock(),
                            attachCommand: "plenary attach sevilla.yaml --moderator")
        }

        deinit {
            host.stop(reason: "The test ended.", reconnect: false)
            rmdir(folder)
        }

        func link(_ role: ClientRole, pin: String? = nil, ascii: Bool = false) -> HostLink {
            HostLink(socketPath: folder + "/sevilla.sock", role: role, clock: WallClock(), pin: pin,
                     screenSize: ScreenSize(columns: 90, rows: 28), ascii: ascii)
        }

        /// Runs the host and the link in turn until `done` holds for what the link heard (at most about 5 s).
        @discardableResult
        func pump(_ link: HostLink, until done: ([HostLink.Event]) -> Bool) -> [HostLink.Event] {
            var heard: [HostLink.Event] = []
            for _ in 0..<250 {
                heard += link.tick()
                if let input = host.waitForInput(terminal: nil, timeoutMilliseconds: 20, pendingSignal: { nil }) { inputs.append(input) }
                heard += link.readFromHost()
                if done(heard) { break }
            }
            return heard
        }
    }

    static func frames(_ events: [HostLink.Event]) -> [String] {
        events.compactMap { event in
            if case .message(.screen(let frame)) = event { frame.cells.map { $0.joined() }.joined(separator: "\n") } else { nil }
        }
    }

    static func stopped(_ events: [HostLink.Event]) -> String? {
        events.lazy.compactMap { event in
            if case .message(.stopping(let reason, false)) = event { reason } else { nil }
        }.first
    }

    @Test func aModeratorScreenIsAdmittedByThePINDrawnAtItsSizeAndItsKeysReachTheApp() throws {
        let room = try Room()
        let wrong = room.link(.moderator, pin: "1357")
        let refused = room.pump(wrong) { $0.contains { if case .refused = $0 { true } else { false } } }
        #expect(refused.contains { if case .refused(reason: "Wrong moderator PIN.") = $0 { true } else { false } })
        wrong.close()

        let link = room.link(.moderator, pin: "2468")
        let heard = room.pump(link) { !Self.frames($0).isEmpty }
        let frame = try #require(Self.frames(heard).first)
        #expect(frame.contains("AGENDA"))
        #expect(frame.split(separator: "\n").count == 28)
        #expect(!heard.contains { if case .message(.view) = $0 { true } else { false } }, "frames, not views")

        _ = link.send(.screen(.key(RemoteKey.encode(.character(" ")))))
        room.pump(link) { _ in !room.inputs.isEmpty }
        let input = try #require(room.inputs.first)
        #expect(input.key == .character(" "))
        #expect(input.size == TerminalSize(columns: 90, rows: 28))
        guard case .attached(let connection) = input.source else { Issue.record("not from an attached screen"); return }

        room.host.detach(connection, reason: "Detached.")
        #expect(Self.stopped(room.pump(link) { Self.stopped($0) != nil }) == "Detached.")
        link.close()
    }

    /// Two moderator screens are one workshop: a key on one shows on both.
    @Test func twoModeratorScreensStayInStep() throws {
        let room = try Room()
        let first = room.link(.moderator, pin: "2468")
        let second = room.link(.moderator, pin: "2468")
        room.pump(first) { !Self.frames($0).isEmpty }
        room.pump(second) { !Self.frames($0).isEmpty }
        _ = first.send(.screen(.key(RemoteKey.encode(.character("?")))))
        room.pump(first) { _ in !room.inputs.isEmpty }
        let input = try #require(room.inputs.first)
        // What ModeratorApp does with it: the key map, then the runner.
        room.runner.send(try #require(ModeratorKeyMap.action(for: input.key, in: room.runner.state, size: input.size)))
        let seen = room.pump(second) { Self.frames($0).contains { $0.contains("Keys") } }
        #expect(Self.frames(seen).contains { $0.contains("Show this help") })
        first.close()
        second.close()
    }

    @Test func aFacilitatorsKeysRecordItsEntryOnTheHost() throws {
        let room = try Room()
        let link = room.link(.group("wg2"), ascii: true)
        let first = try #require(Self.frames(room.pump(link) { !Self.frames($0).isEmpty }).first)
        #expect(first.contains("Regions") && first.unicodeScalars.allSatisfy(\.isASCII), "asked for ASCII:\n\(first)")
        for key in [KeyEvent.character("1"), .character("P"), .character("o"), .escape] {
            _ = link.send(.screen(.key(RemoteKey.encode(key))))
        }
        let heard = room.pump(link) { Self.frames($0).contains { $0.contains("1. [Challenge] Po") } }
        #expect(Self.frames(heard).contains { $0.contains("1. [Challenge] Po") })
        #expect(room.runner.state.group("wg2")?.entries.map { $0.fields["title"] } == ["Po"])
        #expect(room.runner.state.group("wg1")?.entries.isEmpty == true)
        #expect(room.inputs.isEmpty, "a facilitator's keys never reach the moderator's screen")
        link.close()
    }
}
