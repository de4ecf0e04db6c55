/// Why the host's socket could not be set up, worded as what to do about it.
public enum SocketSetupError: Error, Equatable, CustomStringConvertible {
    /// Others may write to the folder, so they could replace the socket with their own and read the ballots.
    case unsafeFolder(folder: String)
    /// Another host answers on this socket.
    case alreadyServed(path: String)
    /// Something that is not a socket is in the way; it is never deleted.
    case notASocket(path: String)
    /// `sun_path` holds 107 bytes.
    case pathTooLong(path: String)
    case system(operation: String, path: String, errno: Int32)
    /// `--allow-group NAME` names no group on this computer.
    case unknownGroup(name: String)
    /// Only a member of a group may give it a file.
    case notInGroup(name: String)
    /// With `--allow-group`, the group's members could replace the socket in this folder.
    case folderWritableByGroup(folder: String, group: String)
    /// With `--allow-group`, the group's members could not reach the socket in this folder.
    case folderClosedToGroup(folder: String, group: String)

    public var description: String { "plenary: " + explanation }

    /// What went wrong and what to do, without the program's name: the moderator screen shows it as a notice.
    public var explanation: String {
        switch self {
        case .unsafeFolder(let folder):
            "\(folder) can be written by other users, so one of them could replace the host's socket. Run the workshop from a folder only you can write (chmod o-w \(folder)), or put the socket elsewhere with --socket PATH."
        case .alreadyServed(let path):
            "another plenary host is already running this workshop (it answers on \(path)). Attach to it with `plenary attach`, or quit it first."
        case .notASocket(let path):
            "\(path) exists and is not a socket; it was left alone. Move it away, or choose another place with --socket PATH."
        case .pathTooLong(let path):
            "the socket path \(path) is longer than the 107 bytes a Unix socket allows. Choose a shorter one with --socket PATH."
        case .unknownGroup(let name):
            "there is no group \(name) on this computer. Create it and put the vote account in it; `plenary ssh-setup FILE --group \(name)` prints the commands."
        case .notInGroup(let name):
            "you are not a member of group \(name), so the socket cannot be given to it. Add yourself (sudo usermod -a -G \(name) $USER), log in again, then start the workshop again."
        case .folderWritableByGroup(let folder, let group):
            "members of group \(group) can write to \(folder), so one of them could replace the host's socket. Take that right away (chmod g-w \(folder)), or put the socket elsewhere with --socket PATH."
        case .folderClosedToGroup(let folder, let group):
            "members of group \(group) cannot enter \(folder), so they could not reach the socket. Let them in without write access (chgrp \(group) \(folder) && chmod g+x,g-w \(folder)), or put the socket elsewhere with --socket PATH."
        case .system(let operation, let path, let errno):
            "could not \(operation) \(path): \(String(cString: strerror(errno)))."
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
