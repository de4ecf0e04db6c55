#if canImport(Glibc)
import Glibc
#endif

/// The group `plenary run --allow-group NAME` hands the host's socket to (mode 0660), so that an account in it (the
/// `vote` account that `ssh vote@laptop` logs into, docs/remote-voting.md) can attach a voter kiosk.
public struct SocketGroup: Equatable, Sendable {
    public let name: String
    public let id: gid_t

    public init(name: String, id: gid_t) {
        self.name = name
        self.id = id
    }

    /// Looks the group up and checks that this process belongs to it: only a member may give a file to a group
    /// (root could, but a workshop should not run as root, and one rule for everybody is easier to explain).
    public static func resolve(_ name: String) throws(SocketSetupError) -> SocketGroup {
        guard let id = groupID(named: name) else { throw .unknownGroup(name: name) }
        guard memberships().contains(id) else { throw .notInGroup(name: name) }
        return SocketGroup(name: name, id: id)
    }

    /// The group's id, or nil when there is no such group.
    public static func groupID(named name: String) -> gid_t? {
        var entry = group()
        var found: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        let status = getgrnam_r(name, &entry, &buffer, buffer.count, &found)
        guard status == 0, found != nil else { return nil }
        return entry.gr_gid
    }

    /// The group's name, or nil when the id has none.
    public static func groupName(of id: gid_t) -> String? {
        var entry = group()
        var found: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getgrgid_r(id, &entry, &buffer, buffer.count, &found) == 0, found != nil, let name = entry.gr_name else { return nil }
        return String(cString: name)
    }

    /// The effective group and the supplementary ones: the groups this process may give its files to.
    public static func memberships() -> Set<gid_t> {
        let count = getgroups(0, nil)
        var groups = [gid_t](repeating: 0, count: Int(max(count, 0)))
        let filled = groups.isEmpty ? 0 : getgroups(Int32(groups.count), &groups)
        return Set(groups.prefix(Int(max(filled, 0)))).union([getegid()])
    }

    /// Whether members of this group can pass through a folder with this status (search permission), by the group
    /// bits when the folder belongs to the group, else by the bits for others.
    func canSearch(_ folder: stat) -> Bool {
        folder.st_gid == id ? folder.st_mode & S_IXGRP != 0 : folder.st_mode & S_IXOTH != 0
    }

    /// Whether members of this group can create or remove names in a folder with this status: then one of them
    /// could put their own socket in the host's place.
    func canWrite(_ folder: stat) -> Bool {
        folder.st_gid == id ? folder.st_mode & S_IWGRP != 0 : folder.st_mode & S_IWOTH != 0
    }
}
