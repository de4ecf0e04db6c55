import Glibc
import PlenaryEngine

/// The account behind a Unix-socket connection, from the kernel (`SO_PEERCRED`), fixed when the client connected:
/// a client cannot claim another account the way it could claim a role in its hello.
enum PeerCredentials {
    static func account(of descriptor: Int32) -> PeerAccount {
        // struct ucred { pid_t pid; uid_t uid; gid_t gid; }: Glibc's Swift overlay does not export it (it needs
        // _GNU_SOURCE), and a tuple of the same three 32-bit fields has its layout.
        var credentials: (pid: Int32, uid: UInt32, gid: UInt32) = (0, 0, 0)
        var length = socklen_t(MemoryLayout.size(ofValue: credentials))
        guard getsockopt(descriptor, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0,
              length == socklen_t(MemoryLayout.size(ofValue: credentials)) else { return .otherAccount }
        let uid = credentials.uid
        return uid == geteuid() || uid == 0 ? .hostAccount : .otherAccount
    }
}
