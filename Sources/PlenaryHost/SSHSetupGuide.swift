/// What `plenary ssh-setup` prints: the commands and the sshd block that give participants `ssh vote@<laptop>` landing
/// in the voter kiosk of one workshop (docs/remote-voting.md). Text only: an administrator reviews and runs it, so
/// nothing on the computer changes behind the moderator's back.
public struct SSHSetupGuide: Equatable, Sendable {
    /// Absolute path of the plenary binary that sshd will run.
    public var program: String
    /// Absolute path of the session file.
    public var sessionPath: String
    /// Absolute path of the host's socket.
    public var socketPath: String
    /// The account participants log into.
    public var user: String
    /// The group the host gives its socket to (`run --allow-group`).
    public var group: String
    /// Who runs the workshop: they must be in the group.
    public var moderator: String
    /// Folders above the workshop's that keep the group out (no search permission for it).
    public var closedFolders: [String]
    /// Whether the socket is not where `plenary run` puts it by itself, so the run command needs `--socket`.
    public var socketIsChosen: Bool

    public init(program: String, sessionPath: String, socketPath: String, user: String, group: String,
                moderator: String, closedFolders: [String], socketIsChosen: Bool) {
        self.socketIsChosen = socketIsChosen
        self.program = program
        self.sessionPath = sessionPath
        self.socketPath = socketPath
        self.user = user
        self.group = group
        self.moderator = moderator
        self.closedFolders = closedFolders
    }

    /// The command sshd forces on every login of the account, words quoted for the shell sshd runs it with.
    public var forcedCommand: String {
        [program, "attach", sessionPath, "--voter", "--socket", socketPath].map(Self.shellQuoted).joined(separator: " ")
    }

    /// The `Match User` block, one directive per line, for sshd_config.d or the end of sshd_config.
    public var sshdBlock: [String] {
        [
            "Match User \(user)",
            "    ForceCommand \(forcedCommand)",
            "    PermitTTY yes",
            "    DisableForwarding yes",
            "    AllowAgentForwarding no",
            "    AllowTcpForwarding no",
            "    AllowStreamLocalForwarding no",
            "    X11Forwarding no",
            "    PermitTunnel no",
            "    PermitUserRC no",
            "    PasswordAuthentication yes",
            "    PermitEmptyPasswords yes",
            "    SetEnv LANG=C.UTF-8",
        ]
    }

    /// Every line `plenary ssh-setup` prints.
    public var lines: [String] {
        let folders = Self.uniqueFolders([Self.folder(of: sessionPath), Self.folder(of: socketPath)])
        let account = group == user
            ? ["sudo useradd --system --user-group --no-create-home --home-dir / --shell /bin/sh \(user)"]
            : ["sudo groupadd --force --system \(group)",
               "sudo useradd --system --gid \(group) --no-create-home --home-dir / --shell /bin/sh \(user)"]
        var lines = [
            "# Participants' laptops over SSH: `ssh \(user)@<this laptop>` opens the voter screen of",
            "# \(sessionPath) and nothing else. Nothing has been changed: review these steps and run",
            "# them yourself; docs/remote-voting.md explains each one.",
            "",
            "# 1. The account participants log into, and the group that may reach the host's socket.",
            "#    Its shell must be a real one: sshd runs the forced command through it, and the forced",
            "#    command is what keeps participants out of that shell.",
        ] + account + [
            "sudo passwd -d \(user)    # no password: anyone who can reach this laptop gets a voter screen",
            "# or: sudo passwd \(user)  # one shared password, announced in the room",
            "sudo usermod -a -G \(group) \(moderator)    # you: the host gives its socket to the group; log in again after",
            "",
            "# 2. Let the group reach the socket and read the session file, and write nothing there.",
            "chgrp \(group) \(([sessionPath] + folders).map(Self.shellQuoted).joined(separator: " "))",
            "chmod g+x,g-w,o-w \(folders.map(Self.shellQuoted).joined(separator: " "))",
            "chmod g+r,g-w,o-w \(Self.shellQuoted(sessionPath))",
        ]
        if !closedFolders.isEmpty {
            let quoted = closedFolders.map(Self.shellQuoted).joined(separator: " ")
            lines += [
                "# These folders above it keep the group out: \(closedFolders.joined(separator: ", ")).",
                "# Let everyone pass through them (chmod o+x \(quoted)), or move the workshop to a",
                "# folder such as /srv/plenary.",
            ]
        }
        lines += [
            "",
            "# 3. sshd: save this block as /etc/ssh/sshd_config.d/plenary-\(user).conf (or append it at the",
            "#    END of /etc/ssh/sshd_config), then check it and reload: sudo sshd -t && sudo systemctl reload ssh",
            "#    A room that connects at once needs MaxStartups 100 before any Match line (sshd's default,",
            "#    10 unauthenticated connections, turns some laptops away).",
        ] + sshdBlock + [
            "",
            "# 4. Run the workshop so that the group can attach; participants then type ssh \(user)@<address>",
            "#    (put how_to_vote: \"ssh \(user)@<address>\" in the session file and the projector shows it).",
            [program, "run", sessionPath, "--allow-group", group].map(Self.shellQuoted).joined(separator: " ")
                + (socketIsChosen ? " --socket " + Self.shellQuoted(socketPath) : ""),
        ]
        return lines
    }

    static func folder(of path: String) -> String { ListeningSocket.folder(of: path) }

    static func uniqueFolders(_ folders: [String]) -> [String] {
        var seen: Set<String> = []
        return folders.filter { seen.insert($0).inserted }
    }

    /// A word as the shell reads it back unchanged: bare when it holds only safe characters, else single-quoted.
    public static func shellQuoted(_ word: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+=:,./_-")
        if !word.isEmpty, word.allSatisfy({ safe.contains($0) }) { return word }
        return "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
