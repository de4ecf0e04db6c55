#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import PlenaryHost

/// The host socket's set-up rules, on real sockets in a private temporary folder.
@Suite struct ListeningSocketTests {
    /// A fresh folder (mode 0700 from mkdtemp), removed with everything in it.
    func withFolder(_ body: (String) throws -> Void) throws {
        var template = Array("/tmp/plenary-host-XXXXXX".utf8CString)
        let folder = String(cString: try #require(mkdtemp(&template)))
        defer {
            chmod(folder, 0o700)
            for name in ["sevilla.sock", "other", "open/sevilla.sock"] { unlink("\(folder)/\(name)") }
            rmdir("\(folder)/open")
            rmdir(folder)
        }
        try body(folder)
    }

    func mode(of path: String) -> mode_t {
        var status = stat()
        lstat(path, &status)
        return status.st_mode
    }

    @Test func theSocketIsMadeMode0600AndRemovedOnClose() throws {
        try withFolder { folder in
            let path = "\(folder)/sevilla.sock"
            let socket = try ListeningSocket.open(path: path)
            #expect(mode(of: path) & S_IFMT == S_IFSOCK)
            #expect(mode(of: path) & 0o777 == 0o600)
            socket.close()
            #expect(access(path, F_OK) != 0, "the socket file is removed on close")
        }
    }

    /// The umask belongs to the whole process: narrowed for a moment, it was kept by a child another thread started
    /// then (four CI runs lost Chromium so: decision 107). The kernel's own record of it (`Umask:` in
    /// /proc/self/status, read without changing it) is watched while another thread opens and closes sockets.
    @Test func openingASocketNeverChangesTheProcessUmask() throws {
        func currentUmask() throws -> String {
            let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
            return try #require(status.split(separator: "\n").first { $0.hasPrefix("Umask:") }).description
        }
        let before = try currentUmask()
        try withFolder { folder in
            let opener = SocketOpener(path: "\(folder)/sevilla.sock", times: 300)
            Thread.detachNewThread { opener.run() }
            var readings = 0, changed: [String] = []
            while opener.finished.wait(timeout: .now()) == .timedOut {
                let now = try currentUmask()
                if now != before { changed.append(now) }
                readings += 1
            }
            #expect(opener.opened == 300, "\(opener.failure ?? "")")
            #expect(readings > 0)
            #expect(changed.count == 0, "of \(readings) readings while sockets were opened, first changed: \(changed.first ?? "")")
        }
        #expect(try currentUmask() == before)
    }

    @Test func theDefaultPathSitsBesideTheResultsFile() {
        #expect(ListeningSocket.defaultPath(forResults: "/w/sevilla.results.json") == "/w/sevilla.sock")
        #expect(ListeningSocket.defaultPath(forResults: "/w/out.json") == "/w/out.sock")
    }

    @Test func aLiveHostIsRefusedAndKeepsItsSocket() throws {
        try withFolder { folder in
            let path = "\(folder)/sevilla.sock"
            let first = try ListeningSocket.open(path: path)
            defer { first.close() }
            #expect(throws: SocketSetupError.alreadyServed(path: path)) { try ListeningSocket.open(path: path) }
            #expect(mode(of: path) & S_IFMT == S_IFSOCK, "the live host's socket is still there")
            let refusal = SocketSetupError.alreadyServed(path: path).description
            #expect(refusal.contains("already running") && refusal.contains("plenary attach"))
        }
    }

    @Test func aStaleSocketFromACrashIsReplaced() throws {
        try withFolder { folder in
            let path = "\(folder)/sevilla.sock"
            // A socket file nobody listens on, as a host killed with -9 leaves it.
            let crashed = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            #expect(UnixAddress.with(path) { bind(crashed, $0, $1) } == 0)
            close(crashed)
            #expect(mode(of: path) & S_IFMT == S_IFSOCK)
            let host = try ListeningSocket.open(path: path)
            defer { host.close() }
            guard case .connected(let client) = UnixAddress.connect(to: path) else {
                Issue.record("the new host does not answer")
                return
            }
            close(client)
        }
    }

    @Test func aFolderOthersCanWriteIsRefusedWithWhatToDo() throws {
        try withFolder { folder in
            let open = "\(folder)/open"
            mkdir(open, 0o700)
            chmod(open, 0o1777)
            #expect(throws: SocketSetupError.unsafeFolder(folder: open)) { try ListeningSocket.open(path: "\(open)/sevilla.sock") }
            #expect(access("\(open)/sevilla.sock", F_OK) != 0, "nothing is created there")
            #expect(SocketSetupError.unsafeFolder(folder: open).description.contains("--socket PATH"))
        }
    }

    @Test func somethingElseInTheWayIsLeftAlone() throws {
        try withFolder { folder in
            let path = "\(folder)/other"
            let file = creat(path, 0o600)
            close(file)
            #expect(throws: SocketSetupError.notASocket(path: path)) { try ListeningSocket.open(path: path) }
            #expect(mode(of: path) & S_IFMT == S_IFREG)
        }
    }

    @Test func aPathTooLongForAUnixSocketIsRefused() {
        let path = "/tmp/" + String(repeating: "x", count: 120) + ".sock"
        #expect(throws: SocketSetupError.pathTooLong(path: path)) { try ListeningSocket.open(path: path) }
    }

    @Test func closingDoesNotRemoveASocketThatReplacedOurs() throws {
        try withFolder { folder in
            let path = "\(folder)/sevilla.sock"
            let first = try ListeningSocket.open(path: path)
            unlink(path)
            let second = try ListeningSocket.open(path: path)
            defer { second.close() }
            first.close()
            #expect(mode(of: path) & S_IFMT == S_IFSOCK, "the newer host's socket stays")
        }
    }
}

/// Opens and closes one socket path on its own thread; what it did is read after `finished` is signalled.
private final class SocketOpener: @unchecked Sendable {
    let path: String
    let times: Int
    let finished = DispatchSemaphore(value: 0)
    private(set) var opened = 0
    private(set) var failure: String?

    init(path: String, times: Int) {
        self.path = path
        self.times = times
    }

    func run() {
        defer { finished.signal() }
        do {
            for _ in 0..<times {
                try ListeningSocket.open(path: path).close()
                opened += 1
            }
        } catch {
            failure = "\(error)"
        }
    }
}
