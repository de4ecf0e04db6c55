import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An OpenSSH server of the test's own on 127.0.0.1: its config, host key, client key, authorized keys and pid file
/// in a temporary folder, a free port, run in the foreground (`-D -e -f config`) so it is this test's child and
/// stops with it. No system file is read or written, except the privilege-separation folder /run/sshd that sshd
/// insists on (an empty folder, made when missing, as the ssh service would).
final class PrivateSSHD {
    static let sshd = "/usr/sbin/sshd"
    let folder: String
    let port: Int
    /// The account that logs in: the one running the tests (root in CI), whose keys sshd accepts from `folder`.
    let user: String
    private let pid: pid_t
    private var isStopped = false

    /// What is missing to run a private sshd and its clients, with what to install, or nil when nothing is. Makes
    /// sshd's empty privilege-separation folder when it is missing and this is root.
    static func prepare() -> String? {
        for (program, package) in [(sshd, "openssh-server"), ("ssh", "openssh-client"), ("ssh-keygen", "openssh-client"), ("tmux", "tmux")]
        where Subprocess.executablePath(for: program) == nil {
            return "\(program) is not installed: apt-get install \(package) (scripts/test and CI install it)"
        }
        var status = stat()
        if stat("/run/sshd", &status) != 0 {
            guard geteuid() == 0 else {
                return "sshd needs its privilege-separation folder /run/sshd: sudo mkdir -p /run/sshd, or run the tests as root as CI does"
            }
            mkdir("/run/sshd", 0o755)
        }
        return nil
    }

    /// Starts sshd with `extraConfig` (such as a `Match User` block) after the test's own settings, and waits
    /// until it accepts connections.
    init(extraConfig: [String]) throws {
        var template = Array("/tmp/plenary-sshd-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw HarnessError("mkdtemp failed") }
        folder = String(cString: made)
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { throw HarnessError("this user has no name") }
        user = String(cString: name)
        port = try Self.freePort()
        for key in ["host_key", "user_key"] {
            let made = try Subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "plenary-test", "-f", folder + "/" + key])
            guard made.status == 0 else { throw HarnessError("ssh-keygen failed: \(made.stderr)") }
        }
        try FileManager.default.copyItem(atPath: folder + "/user_key.pub", toPath: folder + "/authorized_keys")
        let config = [
            "Port \(port)",
            "ListenAddress 127.0.0.1",
            "HostKey \(folder)/host_key",
            "PidFile \(folder)/sshd.pid",
            "AuthorizedKeysFile \(folder)/authorized_keys",
            "PubkeyAuthentication yes",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "PermitRootLogin prohibit-password",
            "StrictModes no",
            "UsePAM no",
            // A room that connects at once: the default (10 unauthenticated) would turn some clients away.
            "MaxStartups 100",
            "LogLevel VERBOSE",
        ] + extraConfig
        try (config.joined(separator: "\n") + "\n").write(toFile: folder + "/sshd_config", atomically: false, encoding: .utf8)
        let checked = try Subprocess.run([Self.sshd, "-t", "-f", folder + "/sshd_config"])
        guard checked.status == 0 else { throw HarnessError("sshd rejects the config: \(checked.stderr)\n\(config.joined(separator: "\n"))") }
        pid = try Subprocess.spawn([Self.sshd, "-D", "-e", "-f", folder + "/sshd_config"], stderr: .file(folder + "/sshd.log"))
        let deadline = ContinuousClock.now + .seconds(10)
        while !Self.accepts(port: port) {
            guard ContinuousClock.now < deadline else {
                stop()
                throw HarnessError("sshd did not start listening on 127.0.0.1:\(port): \(log)")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    deinit { stop() }

    /// What sshd logged (to show when something fails).
    var log: String { (try? String(contentsOfFile: folder + "/sshd.log", encoding: .utf8)) ?? "" }

    /// The ssh client's command line for this server: no user or system config, no known-hosts file, key only.
    func client(_ options: [String] = []) -> [String] {
        ["ssh", "-F", "/dev/null", "-p", String(port), "-i", folder + "/user_key",
         "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes",
         "-o", "LogLevel=ERROR"] + options + ["\(user)@127.0.0.1"]
    }

    /// Stops sshd (its sessions end with it) and removes the folder. Safe to call twice.
    func stop() {
        guard !isStopped else { return }
        isStopped = true
        kill(pid, SIGTERM)
        Subprocess.waitForExit(pid)
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A port nobody listens on now: the kernel picks one for a socket bound to port 0.
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw HarnessError("socket: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(descriptor, pointer, length) == 0 else { return -1 }
                return getsockname(descriptor, pointer, &length)
            }
        }
        guard bound == 0 else { throw HarnessError("cannot find a free port: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func accepts(port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
