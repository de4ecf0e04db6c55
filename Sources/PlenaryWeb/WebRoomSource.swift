import PlenaryEngine
import PlenaryHost
import PlenaryProtocol

/// Where `WebServer` reads the room and hands in phones' requests. In the `plenary-web` gateway it is the host
/// across a socket pair (`RemoteWebRoom`, decision 94); in tests it is the host's own `WebInbox`, in process.
public protocol WebRoomSource: Sendable {
    /// What the pages show now.
    var currentRoom: WebRoom { get }
    /// Wakes the pages' event streams at each new room version.
    var changes: RoomVersionSignal { get }
    func hasVoted(device: String, poll: String, round: Int) -> Bool
    /// Items of `board` this phone has upvoted.
    func upvoted(device: String, board: String) -> Set<Int>
    /// Hands a request to the host; `reply` is called once, after the host judged it (and recorded it on disk).
    func submit(_ request: WebRequest, reply: @escaping @Sendable (WebOutcome) -> Void)
}

/// The in-process source: the host's inbox itself.
extension WebInbox: WebRoomSource {}
