/// Records what an admitted client asked for. `RoleGate` has already checked the role; this re-checks what the state
/// decides (the poll is still open, the code still unused) because the state may have moved between the two.
enum RemoteReducer {
    static func reduce(_ state: inout WorkshopState, _ action: RemoteAction) -> [Effect] {
        // A client's action happens beside the moderator's screen, not on it: whatever it says stays.
        let notice = state.notice
        defer { state.notice = notice }
        switch action {
        case .cast(let pollID, let ballot, let codeHash):
            return cast(&state, poll: pollID, ballot: ballot, codeHash: codeHash)
        case .groupEdit(let command):
            return WorkshopReducer.record(.group(command), in: &state).effects
        }
    }

    private static func cast(_ state: inout WorkshopState, poll pollID: String, ballot: Ballot, codeHash: String?) -> [Effect] {
        // Plain values, not the poll: a copy of the poll held across the record would make it copy every ballot.
        guard let index = state.polls.firstIndex(where: { $0.id == pollID }), state.polls[index].status == .open else { return [] }
        let admission = state.polls[index].definition.admission
        let roundCount = state.polls[index].rounds.count
        let command = WorkshopCommand.poll(.cast(poll: pollID, ballot: ballot))
        guard admission == .codes else {
            return WorkshopReducer.record(command, in: &state).effects
        }
        let key = CodeBook.ballotKey(poll: pollID, round: roundCount)
        guard let codeHash, var book = state.codeBook, book.hashes.contains(codeHash),
              !book.unused(hash: codeHash, among: [key]).isEmpty else { return [] }
        book.used[key, default: []].insert(codeHash)
        let before = state.codeBook
        state.codeBook = book
        let recording = WorkshopReducer.record(command, in: &state)
        guard recording.isRecorded else {
            state.codeBook = before
            return []
        }
        // The runner writes the used codes before the journal, as for the shared voter terminal.
        return [.saveCodes] + recording.effects
    }
}
