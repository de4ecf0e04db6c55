/// What an attached moderator screen sends besides requests: the keys typed on it and its size, so the host runs the
/// moderator screen for it exactly as for its own terminal (decision 69). Only a moderator grant may send these
/// (`RoleGate.screenInputRefusal`); nothing here is acknowledged: what a key did shows in the next frame.
public enum ScreenInput: Sendable, Equatable {
    /// One key, in the wire form `RemoteKey` (in the host module) reads; a key this build does not know is ignored.
    case key(String)
    case resize(ScreenSize)
}
