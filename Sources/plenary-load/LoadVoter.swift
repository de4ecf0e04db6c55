import PlenaryEngine
import PlenaryProtocol

/// One simulated voter screen of `plenary-load`: its connection to the host and its own bookkeeping of which poll it
/// has cast on and with what answer. The identity lives here only, in the load client: the host and its journal
/// never learn which voter sent a ballot (docs/ballot-secrecy.md); each answer's text names the voter so the proof
/// can find it in the results.
struct LoadVoter {
    enum Outcome: Equatable {
        case acknowledged
        case refused(String)
        /// Sent, then the connection dropped before the answer: maybe recorded, maybe not. Never sent again, as
        /// `plenary attach` does not resend (docs/protocol.md).
        case unknown
    }

    struct InFlight {
        let id: Int
        let poll: String
        let answer: String
        let sentAtMicroseconds: Int64
    }

    let number: Int
    var descriptor: Int32 = -1
    var attached = false
    var decoder = FrameDecoder(limit: ProtocolLimits.hostMessageLimit)
    var outgoing: [UInt8] = []
    var inFlight: InFlight?
    var outcomes: [String: Outcome] = [:]
    var openPolls: Set<String> = []
    /// Monotonic microseconds before which it does not try to connect again.
    var reconnectAtMicroseconds: Int64 = 0

    init(number: Int) {
        self.number = number
    }

    var isConnected: Bool { descriptor >= 0 }

    /// The answer this voter gives on a poll: unique in the whole run, so the proof can count it in the results.
    func answer(forPollAt index: Int) -> String { "v\(number)p\(index)" }

    /// The connection went away: what was sent and not answered is unknown from now on.
    mutating func disconnected() {
        if let pending = inFlight { outcomes[pending.poll] = .unknown }
        inFlight = nil
        attached = false
        decoder = FrameDecoder(limit: ProtocolLimits.hostMessageLimit)
        outgoing = []
        openPolls = []
        descriptor = -1
    }
}
