import PlenaryEngine
import PlenaryStorage

/// What the host tells an attached kiosk, as the kiosk needs it (the wire form is `HostMessage` in PlenaryProtocol,
/// which this pure module does not import).
public enum KioskMessage: Sendable, Equatable {
    case welcome(recordID: String)
    case view(RoomView)
    case acknowledged(id: Int)
    case refusal(id: Int, message: String)
    /// Refused for its voting code: ask for the code again.
    case codeRefusal(id: Int, message: String)
    case stopping(reason: String, reconnect: Bool)
}
