#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import PlenaryHost

/// `plenary run --allow-group NAME`: the socket handed to a group (0660) so a `vote` account can attach, and the
/// refusals when that cannot be done safely. Real sockets in a private temporary folder, with this process's own group.
@Suite struct SocketGroupTests {
    func withFolder(mode: mode_t, _ body: (String) throws -> Void) throws {
        var template = Array("/tmp/plenary-group-XXXXXX".utf8CString)
        let folder = String(cString: try #require(mkdtemp(&template)))
        defer {
            chmod(folder, 0o700)
            unlink("\(folder)/sevilla.sock")
            rmdir(folder)
        }
        // mkdtemp's folder belongs to this process's effective group, so the group bits below are that group's.
        chmod(folder, mode)
        try body(folder)
    }

    func ownGroup() throws -> SocketGroup {
        let name = try #require(SocketGroup.groupName(of: getegid()), "this process's group has no name")
        return try SocketGroup.resolve(name)
    }

    func status(of path: String) -> stat {
        var result = stat()
        lstat(path, &result)
        return result
    }

    @Test func theSocketBelongsToTheGroupWithMode0660AndAnswers() throws {
        let group = try ownGroup()
        try withFolder(mode: 0o710) { folder in
            let path = "\(folder)/sevilla.sock"
            let socket = try ListeningSocket.open(path: path, group: group)
            defer { socket.close() }
            #expect(status(of: path).st_mode & S_IFMT == S_IFSOCK)
            #expect(status(of: path).st_mode & 0o777 == 0o660)
            #expect(status(of: path).st_gid == group.id)
            guard case .connected(let client) = UnixAddress.connect(to: path) else {
                Issue.record("the group's socket does not answer")
                return
            }
            close(client)
        }
    }

    @Test func aGroupThatDoesNotExistIsRefusedWithWhatToDo() {
        let name = "plenary-no-such-group"
        #expect(throws: SocketSetupError.unknownGroup(name: name)) { try SocketGroup.resolve(name) }
        #expect(SocketSetupError.unknownGroup(name: name).description.contains("plenary ssh-setup FILE --group \(name)"))
    }

    @Test func aGroupThisUserIsNotInIsRefusedWithWhatToDo() throws {
        let mine = SocketGroup.memberships()
        var other: String?
        setgrent()
        while let entry = getgrent() {
            if !mine.contains(entry.pointee.gr_gid), let name = entry.pointee.gr_name {
                other = String(cString: name)
                break
            }
        }
        endgrent()
        let name = try #require(other, "every group on this computer has this user in it")
        #expect(throws: SocketSetupError.notInGroup(name: name)) { try SocketGroup.resolve(name) }
        #expect(SocketSetupError.notInGroup(name: name).description.contains("usermod -a -G \(name)"))
    }

    @Test func aFolderTheGroupCanWriteIsRefusedAndNothingIsCreated() throws {
        let group = try ownGroup()
        try withFolder(mode: 0o770) { folder in
            let path = "\(folder)/sevilla.sock"
            #expect(throws: SocketSetupError.folderWritableByGroup(folder: folder, group: group.name)) {
                try ListeningSocket.open(path: path, group: group)
            }
            #expect(access(path, F_OK) != 0)
            #expect(SocketSetupError.folderWritableByGroup(folder: folder, group: group.name).description.contains("chmod g-w \(folder)"))
        }
    }

    @Test func aFolderTheGroupCannotEnterIsRefusedWithWhatToDo() throws {
        let group = try ownGroup()
        try withFolder(mode: 0o700) { folder in
            let path = "\(folder)/sevilla.sock"
            #expect(throws: SocketSetupError.folderClosedToGroup(folder: folder, group: group.name)) {
                try ListeningSocket.open(path: path, group: group)
            }
            #expect(access(path, F_OK) != 0)
            #expect(SocketSetupError.folderClosedToGroup(folder: folder, group: group.name).description
                .contains("chgrp \(group.name) \(folder) && chmod g+x,g-w \(folder)"))
        }
    }

    /// The same folder without a group stays the owner's alone (0600), as before `--allow-group` existed.
    @Test func withoutAGroupTheSocketStaysTheOwnersAlone() throws {
        try withFolder(mode: 0o710) { folder in
            let path = "\(folder)/sevilla.sock"
            let socket = try ListeningSocket.open(path: path)
            defer { socket.close() }
            #expect(status(of: path).st_mode & 0o777 == 0o600)
        }
    }

    /// A folder of another group counts by the bits for others: passable when o+x, never when others may write.
    @Test func aFolderOfAnotherGroupCountsByTheBitsForOthers() {
        let group = SocketGroup(name: "vote", id: 4242)
        var folder = stat()
        folder.st_gid = 100
        folder.st_mode = S_IFDIR | 0o751
        #expect(group.canSearch(folder) && !group.canWrite(folder))
        folder.st_mode = S_IFDIR | 0o750
        #expect(!group.canSearch(folder))
        folder.st_gid = 4242
        #expect(group.canSearch(folder) && !group.canWrite(folder))
        folder.st_mode = S_IFDIR | 0o770
        #expect(group.canWrite(folder))
    }
}
