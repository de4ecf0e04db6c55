import Foundation
import PlenaryEngine
import PlenarySessionFile

/// One fuzz input is one session file's bytes. Besides "no crash, no hang", it checks what the loader promises:
/// every refusal points at a line and column, and every accepted session plans, starts and saves valid results
/// (`plenary run` trusts all three).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSessionFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch SessionFile.parse(bytes: bytes, file: "fuzz.yaml") {
    case .failure(let problems):
        guard !problems.errors.isEmpty else { fatalError("refused without saying why") }
        for problem in problems.errors where problem.line < 1 || problem.column < 1 || problem.message.isEmpty {
            fatalError("a refusal without a position or message: \(problem)")
        }
    case .success(let session):
        guard case .success(let plan) = PlannedAgenda.plan(session) else {
            fatalError("accepted a session whose agenda cannot be planned")
        }
        let state = WorkshopState(session: session, plan: plan, now: Instant(milliseconds: 1_700_000_000_000))
        let results = ResultsSnapshot(state: state, sessionFile: "fuzz.yaml", generator: "fuzz").encoded()
        guard (try? JSONSerialization.jsonObject(with: Data(results))) != nil else {
            fatalError("the results file of an accepted session is not valid JSON")
        }
    }
    return 0
}
