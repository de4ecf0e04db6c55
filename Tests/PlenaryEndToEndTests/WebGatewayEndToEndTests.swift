import Foundation
import Testing

/// Decision 94: the voting page is served by `plenary-web`, a child of `plenary run --web`. Without it installed
/// beside `plenary` the run stops before its screen, naming the file; and the gateway never outlives its host, not
/// even a host killed with kill -9 (no orphan still listening on the port).
@Suite(.enabled(if: TmuxPane.isAvailable), .serialized) struct WebGatewayEndToEndTests {
    @Test func aMissingGatewayStopsTheRunBeforeTheScreenNamingTheFile() throws {
        let (folder, file) = try ModeratorEndToEndTests.copySession("demo.yaml")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A copy, not a link: the gateway is looked for beside the running executable itself.
        let alone = folder + "/plenary"
        try FileManager.default.copyItem(atPath: try TmuxPane.plenaryExecutable.path, toPath: alone)
        let port = try PrivateSSHD.freePort()
        // In a terminal, as a moderator starts it: the error must come instead of the screen, not under it.
        let host = try TmuxPane(command: [alone, "run", file, "--web", "127.0.0.1:\(port)"], columns: 250, rows: 30)
        defer { host.close() }
        #expect(try host.waitForExit() == 1)
        let screen = try host.capture()
        #expect(screen.contains("plenary: cannot serve the voting page: \(folder)/plenary-web is missing"), "screen: \(screen)")
        #expect(!screen.contains("AGENDA"))
    }

    @Test func theGatewayDiesWithItsHostEvenAfterKillNine() throws {
        let run = try HostWithPage()
        defer { run.close() }
        let (port, hostPID) = (run.port, run.hostPID)
        let gateway = try #require(Self.children(of: hostPID).first { Self.executable(of: $0).hasSuffix("/plenary-web") },
                                   "plenary-web runs as the host's child")
        #expect(Self.accepts(port: port))

        kill(hostPID, SIGKILL)
        let deadline = ContinuousClock.now + .seconds(10)
        while Self.isRunning(gateway) || Self.accepts(port: port), ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(!Self.isRunning(gateway), "the gateway outlived its host")
        #expect(!Self.accepts(port: port), "something still listens on the voting page's port")
    }

    @Test func quittingTheHostEndsTheGateway() throws {
        let run = try HostWithPage()
        defer { run.close() }
        let (host, port) = (run.host, run.port)
        let gateway = try #require(Self.children(of: run.hostPID).first { Self.executable(of: $0).hasSuffix("/plenary-web") })
        #expect(try host.quitPlenary() == 0)
        #expect(!Self.isRunning(gateway), "the host reaps its gateway before it exits")
        #expect(!Self.accepts(port: port))
    }

    /// Decision 99: a gateway that dies mid-workshop is started again on the same port with the same room code,
    /// and the moderator is told; one that keeps dying is left down after three restarts, and the moderator is told
    /// that too. The host's screen and journal carry on throughout.
    @Test func aGatewayThatDiesIsRestartedOnTheSamePortAndTheModeratorIsTold() throws {
        let run = try HostWithPage()
        defer { run.close() }
        let (host, port, hostPID, folder) = (run.host, run.port, run.hostPID, run.folder)
        let code = try #require(run.firstScreen.firstMatch(of: /room code (\d{4})/)?.1).description

        var gateways: [Int32] = []
        // WebGateway.restartLimit: three restarts within a minute, then the page is left down.
        for attempt in 1...3 {
            let gateway = try #require(Self.gateway(of: hostPID, other: gateways), "attempt \(attempt): no gateway running")
            gateways.append(gateway)
            kill(gateway, SIGKILL)
            let screen = try host.waitFor("Voting page restarted (plenary-web was killed by signal 9)")
            #expect(screen.contains("same address and room code"), "screen: \(screen)")
            let deadline = ContinuousClock.now + .seconds(10)
            while !Self.accepts(port: port), ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.02) }
            #expect(Self.accepts(port: port), "attempt \(attempt): the page is not served again on port \(port)")
            #expect(!Self.isRunning(gateway), "attempt \(attempt): the dead gateway was not reaped")
            // The next notice must be a new one: a recorded action (a minute more) clears this one.
            try host.sendKeys("+")
            try host.waitForAbsence(of: "Voting page restarted")
        }
        #expect(run.firstScreen.contains("room code \(code)"))

        let last = try #require(Self.gateway(of: hostPID, other: gateways))
        kill(last, SIGKILL)
        _ = try host.waitFor("Voting page down: plenary-web was killed by signal 9, its 4th failure")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(Self.gateway(of: hostPID, other: gateways + [last]) == nil, "a gateway that keeps dying is left down")
        #expect(!Self.accepts(port: port))
        // The workshop itself goes on: quitting is clean, and the actions taken meanwhile were recorded.
        #expect(try host.quitPlenary() == 0)
        let journal = try String(contentsOfFile: folder + "/demo.journal.jsonl", encoding: .utf8)
        #expect(journal.components(separatedBy: "\n").filter { $0.contains("\"adjust") }.count == 3, "journal: \(journal)")
    }

    /// `plenary run --web` on the demo session in a 100x32 pane, its page on a free port, once its screen is up.
    struct HostWithPage {
        let folder: String
        let port: Int
        let host: TmuxPane
        let hostPID: Int32
        let firstScreen: String

        init() throws {
            let (folder, file) = try ModeratorEndToEndTests.copySession("demo.yaml")
            self.folder = folder
            port = try PrivateSSHD.freePort()
            let host = try TmuxPane(command: [try TmuxPane.plenaryExecutable.path, "run", file, "--web", "127.0.0.1:\(port)"],
                                    columns: 100, rows: 32)
            self.host = host
            do {
                firstScreen = try host.waitFor("room code")
                hostPID = try #require(Int32((try String(contentsOfFile: host.directory + "/pid", encoding: .utf8))
                    .trimmingCharacters(in: .whitespacesAndNewlines)))
            } catch {
                host.close()
                try? FileManager.default.removeItem(atPath: folder)
                throw error
            }
        }

        func close() {
            host.close()
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    /// A running `plenary-web` child of `host` other than those in `other`, waiting up to 10 s for one to appear.
    static func gateway(of host: Int32, other: [Int32]) -> Int32? {
        let deadline = ContinuousClock.now + .seconds(10)
        repeat {
            if let found = children(of: host).first(where: {
                !other.contains($0) && isRunning($0) && executable(of: $0).hasSuffix("/plenary-web")
            }) {
                return found
            }
            Thread.sleep(forTimeInterval: 0.05)
        } while ContinuousClock.now < deadline
        return nil
    }

    /// Processes whose parent is `pid`, from /proc.
    static func children(of pid: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { candidate in
            guard let stat = try? String(contentsOfFile: "/proc/\(candidate)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == pid
        }
    }

    static func executable(of pid: Int32) -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")) ?? ""
    }

    /// Alive and not a zombie waiting to be reaped.
    static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else {
            return false
        }
        return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
    }

    static func accepts(port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { Foundation.close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }
}
