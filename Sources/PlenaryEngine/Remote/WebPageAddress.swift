/// Where the room's phones vote (issue 17): the page's address on the venue's network and the room code shown beside
/// it. `joinURL` carries the code, so a phone that scans the QR code joins at once; a person typing the address is
/// asked for the code.
public struct WebPageAddress: Sendable, Equatable, Codable {
    /// e.g. `http://192.168.1.20:8080/`
    public var url: String
    public var roomCode: String

    public init(url: String, roomCode: String) {
        self.url = url
        self.roomCode = roomCode
    }

    public var joinURL: String { url + "join?room=" + roomCode }
}
