/// The runner's reports on the journal and the results file.
enum StorageReducer {
    static func reduce(_ state: inout WorkshopState, _ action: StorageAction) -> [Effect] {
        switch action {
        case .failed(let failure):
            // A journal failure (read-only from now on) is never hidden by a later results failure.
            if state.storageFailure?.kind != .journal {
                state.storageFailure = failure
            }
        case .recovered:
            if state.storageFailure?.kind == .results {
                state.storageFailure = nil
                WorkshopReducer.inform(&state, "Results file saved again.", .success)
            }
        }
        return []
    }
}
