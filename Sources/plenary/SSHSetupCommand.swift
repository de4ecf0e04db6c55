import ArgumentParser
import Glibc
import PlenaryEngine
import PlenaryHost
import PlenaryStorage

struct SSHSetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ssh-setup",
        abstract: "Print how to let participants vote from their own laptops with `ssh vote@<this laptop>`.",
        discussion: """
            Prints the commands that create the account participants log into and its group, the folder \
            permissions, and the sshd `Match User` block whose ForceCommand opens this workshop's voter kiosk \
            (`plenary attach FILE --voter`) with no shell and no forwarding. Paths are absolute: this binary, the \
            session file and the host's socket. It changes nothing by itself: review the lines, then run them as \
            an administrator. Then host the workshop with `plenary run FILE --allow-group NAME`. \
            docs/remote-voting.md explains each step and the choice between no password and a shared one.

            Examples:
              plenary ssh-setup sevilla.yaml
              plenary ssh-setup sevilla.yaml --user vote --group plenary-voters
            """
    )

    @Argument(help: "Session file (YAML) of the workshop participants will vote in.", completion: .file(extensions: ["yaml", "yml"]))
    var file: String

    @Option(name: .long, help: ArgumentHelp("The account participants log into.", valueName: "name"))
    var user = "vote"

    @Option(name: .long, help: ArgumentHelp("The group that may reach the host's socket (default: the account's own group, named like it).", valueName: "name"))
    var group: String?

    @Option(name: .long, help: ArgumentHelp("The host's socket, when `plenary run` is given --socket or --results (default: <session>.sock beside the session file).", valueName: "path"),
            completion: .file())
    var socket: String?

    func run() throws {
        for (option, name) in [("--user", user), ("--group", group ?? user)] where !Self.isAccountName(name) {
            throw UsageError.report("\(option) \"\(name)\" is not a usable account or group name (lower-case letters, digits, - and _, starting with a letter)", for: Self.self)
        }
        let (session, sessionPath) = try SessionLoading.load(file)
        guard sessionPath == file else {
            throw UsageError.report("\(file) does not exist: participants vote in a session file's workshop", for: Self.self)
        }
        guard let absoluteSession = Self.realPath(sessionPath) else {
            StandardError.write("plenary: cannot resolve \(sessionPath): \(String(cString: strerror(errno)))")
            throw ExitCode(1)
        }
        if session.voterPIN == nil {
            StandardError.write("plenary: warning: \(sessionPath) has no voter_pin; a voter kiosk needs one. Add it with: plenary pin >> \(sessionPath)")
        }
        let socketPath = socket.map(Self.absolute) ?? ListeningSocket.defaultPath(forResults: WorkshopFiles(sessionPath: absoluteSession).resultsPath)
        let groupName = group ?? user
        let guide = SSHSetupGuide(
            program: Self.realPath("/proc/self/exe") ?? Self.absolute(CommandLine.arguments[0]),
            sessionPath: absoluteSession, socketPath: socketPath, user: user, group: groupName,
            moderator: Self.currentUserName(),
            closedFolders: Self.closedFolders(above: [absoluteSession, socketPath], group: groupName),
            socketIsChosen: socket != nil)
        print(guide.lines.joined(separator: "\n"))
    }

    /// Names useradd and groupadd accept everywhere, and that need no quoting in sshd_config or a shell.
    static func isAccountName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLowercase, name.count <= 32 else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// The folders above the workshop's folders (up to /) that members of `group` could not pass through: search
    /// permission by the group bits when the folder belongs to the group, else by the bits for others. Before the
    /// group exists only the bits for others count.
    static func closedFolders(above paths: [String], group: String) -> [String] {
        let groupID = SocketGroup.groupID(named: group)
        var closed: [String] = []
        for path in paths {
            var folder = parent(of: parent(of: path))
            while true {
                var status = stat()
                if stat(folder, &status) == 0 {
                    let open = status.st_gid == groupID ? status.st_mode & S_IXGRP != 0 : status.st_mode & S_IXOTH != 0
                    if !open, !closed.contains(folder) { closed.append(folder) }
                }
                if folder == "/" { break }
                folder = parent(of: folder)
            }
        }
        return closed.sorted()
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "/" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `path` from the working directory, without resolving links (the socket need not exist yet).
    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let here = getcwd(nil, 0) else { return path }
        defer { free(here) }
        let folder = String(cString: here)
        return (folder == "/" ? "" : folder) + "/" + (path.hasPrefix("./") ? String(path.dropFirst(2)) : path)
    }

    static func currentUserName() -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "$USER"
    }
}
