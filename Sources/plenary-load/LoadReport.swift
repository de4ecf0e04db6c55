/// What `plenary-load` prints at the end, as one JSON object for `scripts/proof/host_load.py` to check: which answers
/// were acknowledged, refused or left unknown per poll, and every send→acknowledgement time.
struct LoadReport: Encodable {
    var voters = 0
    var polls: [String] = []
    var acknowledged: [String: [String]] = [:]
    var unknown: [String: [String]] = [:]
    var refused: [String: [String]] = [:]
    /// Distinct refusal and protocol-error messages, so a failure says what the host said.
    var messages: [String] = []
    /// Send→acknowledgement times in microseconds, in the order the acknowledgements came.
    var latencyMicroseconds: [Int64] = []
    var connections = 0
    var reconnects = 0
    /// Every workshop identity a welcome named: one, or the host that came back was another workshop.
    var recordIDs: [String] = []
    var seconds = 0.0
    /// True when the run ended at its deadline with voters still waiting for polls.
    var timedOut = false
}
