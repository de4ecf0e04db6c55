/// The agenda's moves that may ask first, ending, and the jump picker.
enum AgendaReducer {
    static func reduce(_ state: inout WorkshopState, _ action: AgendaAction) -> [Effect] {
        switch action {
        case .requestMove(let move):
            if let slot = WorkshopReducer.fixedSlotStartedEarly(by: move, in: state) {
                state.screen = .confirmEarlyStart(slot: slot, move: move)
                return []
            }
            return WorkshopReducer.record(move, in: &state).effects
        case .requestEnd:
            if state.hasEnded {
                WorkshopReducer.inform(&state, "The workshop has already ended.", .info)
            } else if !state.hasStarted {
                WorkshopReducer.inform(&state, "The workshop has not started yet: press Space to start it.", .info)
            } else {
                state.screen = .confirmEnd
            }
        case .openJumpPicker:
            state.screen = .jumpPicker(selection: state.currentIndex)
        case .moveJumpSelection(let delta):
            if case .jumpPicker(let selection) = state.screen {
                let last = state.session.agenda.count - 1
                state.screen = .jumpPicker(selection: min(last, max(0, selection + delta)))
            }
        case .setJumpSelection(let index):
            if case .jumpPicker = state.screen {
                state.screen = .jumpPicker(selection: min(state.session.agenda.count - 1, max(0, index)))
            }
        }
        return []
    }
}
