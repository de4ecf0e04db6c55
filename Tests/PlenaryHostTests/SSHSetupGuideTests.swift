import Testing
@testable import PlenaryHost

/// What `plenary ssh-setup` prints (docs/remote-voting.md): literal lines, since an administrator copies them.
@Suite struct SSHSetupGuideTests {
    let guide = SSHSetupGuide(program: "/usr/local/bin/plenary", sessionPath: "/srv/plenary/sevilla.yaml",
                              socketPath: "/srv/plenary/sevilla.sock", user: "vote", group: "vote", moderator: "anna",
                              closedFolders: [], socketIsChosen: false)

    @Test func theWholeGuideForTheDefaultAccount() {
        #expect(guide.lines == [
            "# Participants' laptops over SSH: `ssh vote@<this laptop>` opens the voter screen of",
            "# /srv/plenary/sevilla.yaml and nothing else. Nothing has been changed: review these steps and run",
            "# them yourself; docs/remote-voting.md explains each one.",
            "",
            "# 1. The account participants log into, and the group that may reach the host's socket.",
            "#    Its shell must be a real one: sshd runs the forced command through it, and the forced",
            "#    command is what keeps participants out of that shell.",
            "sudo useradd --system --user-group --no-create-home --home-dir / --shell /bin/sh vote",
            "sudo passwd -d vote    # no password: anyone who can reach this laptop gets a voter screen",
            "# or: sudo passwd vote  # one shared password, announced in the room",
            "sudo usermod -a -G vote anna    # you: the host gives its socket to the group; log in again after",
            "",
            "# 2. Let the group reach the socket and read the session file, and write nothing there.",
            "chgrp vote /srv/plenary/sevilla.yaml /srv/plenary",
            "chmod g+x,g-w,o-w /srv/plenary",
            "chmod g+r,g-w,o-w /srv/plenary/sevilla.yaml",
            "",
            "# 3. sshd: save this block as /etc/ssh/sshd_config.d/plenary-vote.conf (or append it at the",
            "#    END of /etc/ssh/sshd_config), then check it and reload: sudo sshd -t && sudo systemctl reload ssh",
            "#    A room that connects at once needs MaxStartups 100 before any Match line (sshd's default,",
            "#    10 unauthenticated connections, turns some laptops away).",
            "Match User vote",
            "    ForceCommand /usr/local/bin/plenary attach /srv/plenary/sevilla.yaml --voter --socket /srv/plenary/sevilla.sock",
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
            "",
            "# 4. Run the workshop so that the group can attach; participants then type ssh vote@<address>",
            "#    (put how_to_vote: \"ssh vote@<address>\" in the session file and the projector shows it).",
            "/usr/local/bin/plenary run /srv/plenary/sevilla.yaml --allow-group vote",
        ])
    }

    @Test func aSeparateGroupASocketElsewhereAndClosedFoldersAreSpelledOut() {
        var guide = guide
        guide.group = "plenary-voters"
        guide.socketPath = "/run/plenary/sevilla.sock"
        guide.socketIsChosen = true
        guide.closedFolders = ["/home/anna"]
        let lines = guide.lines
        #expect(lines.contains("sudo groupadd --force --system plenary-voters"))
        #expect(lines.contains("sudo useradd --system --gid plenary-voters --no-create-home --home-dir / --shell /bin/sh vote"))
        #expect(lines.contains("chgrp plenary-voters /srv/plenary/sevilla.yaml /srv/plenary /run/plenary"))
        #expect(lines.contains("chmod g+x,g-w,o-w /srv/plenary /run/plenary"))
        #expect(lines.contains("# These folders above it keep the group out: /home/anna."))
        #expect(lines.last == "/usr/local/bin/plenary run /srv/plenary/sevilla.yaml --allow-group plenary-voters --socket /run/plenary/sevilla.sock")
    }

    /// sshd runs ForceCommand through the account's shell: paths with spaces or quotes must reach plenary whole.
    @Test func theForcedCommandQuotesPathsForTheShell() {
        var guide = guide
        guide.sessionPath = "/srv/Anna's workshops/sevilla.yaml"
        #expect(guide.forcedCommand == "/usr/local/bin/plenary attach '/srv/Anna'\\''s workshops/sevilla.yaml' --voter --socket /srv/plenary/sevilla.sock")
    }
}
