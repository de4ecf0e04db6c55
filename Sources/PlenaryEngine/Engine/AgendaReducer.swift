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
            if state.hasEnded, state.endCanBeUndone {
                state.screen = .confirmReopen
            } else if state.hasEnded {
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
        case .openPlanEditor:
            let first = state.hasStarted ? state.currentIndex + 1 : state.currentIndex
            state.screen = .planEditor(selection: min(state.session.agenda.count - 1, first), prompt: nil)
        case .movePlanSelection(let delta):
            if case .planEditor(let selection, nil) = state.screen {
                state.screen = .planEditor(selection: clampedSlot(selection + delta, in: state), prompt: nil)
            }
        case .requestPlanChange(let edit):
            return recordPlanChange(edit, in: &state)
        case .startPlanPrompt(let purpose):
            // The agenda may have changed under the editor (another screen dropped a slot): ask about slots that exist.
            guard case .planEditor(let selection, nil) = state.screen, state.session.agenda.indices.contains(selection)
            else { return [] }
            let slot = state.session.agenda[selection]
            let text: String = switch purpose {
            case .title: slot.title
            case .minutes: String(state.plan.entries[selection].durationMinutes)
            case .speakerName(_, _, let current?) where !current.tbc: current.name
            case .speakerRole(_, _, let current?): current.role ?? ""
            case .insertTitle, .insertMinutes, .speakerName, .speakerRole, .speakerAffiliation: ""
            }
            state.screen = .planEditor(selection: selection, prompt: PlanPrompt(purpose: purpose, editor: LineEditor(text)))
        case .editPlanPrompt(let edit):
            guard case .planEditor(let selection, var prompt?) = state.screen else { return [] }
            if prompt.takesDigitsOnly, case .insert(let text) = edit, !text.allSatisfy({ ("0"..."9").contains($0) }) { return [] }
            prompt.editor.apply(edit)
            state.screen = .planEditor(selection: selection, prompt: prompt)
        case .cyclePlanKind(let step):
            guard case .planEditor(let selection, var prompt?) = state.screen, prompt.purpose == .insertTitle else { return [] }
            let kinds = SlotKind.allCases
            let index = kinds.firstIndex(of: prompt.kind) ?? 0
            prompt.kind = kinds[(index + step % kinds.count + kinds.count) % kinds.count]
            state.screen = .planEditor(selection: selection, prompt: prompt)
        case .startSpeakerPrompt:
            guard case .planEditor(let selection, nil) = state.screen, state.session.agenda.indices.contains(selection)
            else { return [] }
            let speakers = state.session.agenda[selection].speakers
            state.screen = .planEditor(selection: selection, prompt: speakerPrompt(speakers, index: speakers.firstIndex(where: \.tbc) ?? speakers.count))
        case .cyclePlanSpeaker(let step):
            guard case .planEditor(let selection, let prompt?) = state.screen, case .speakerName(let index, _, _) = prompt.purpose,
                  state.session.agenda.indices.contains(selection) else { return [] }
            let speakers = state.session.agenda[selection].speakers
            let choices = speakers.count + 1
            state.screen = .planEditor(selection: selection,
                                       prompt: speakerPrompt(speakers, index: ((index + step) % choices + choices) % choices))
        case .submitPlanPrompt:
            guard case .planEditor(let selection, let prompt?) = state.screen else { return [] }
            let text = prompt.editor.text
            switch prompt.purpose {
            case .insertTitle:
                guard !text.allSatisfy(\.isWhitespace) else {
                    WorkshopReducer.refuse(&state, "A slot needs a title.")
                    return []
                }
                state.screen = .planEditor(selection: selection,
                                           prompt: PlanPrompt(purpose: .insertMinutes(title: text, kind: prompt.kind),
                                                              editor: LineEditor("10"), kind: prompt.kind))
            case .insertMinutes(let title, let kind):
                return recordPlanChange(.insert(after: selection, title: title, kind: kind, minutes: Int(text) ?? 0), in: &state)
            case .title:
                return recordPlanChange(.setTitle(slot: selection, title: text), in: &state)
            case .minutes:
                return recordPlanChange(.setMinutes(slot: selection, minutes: Int(text) ?? 0), in: &state)
            case .speakerName(let index, _, let current):
                guard !text.allSatisfy(\.isWhitespace) else {
                    WorkshopReducer.refuse(&state, "A speaker needs a name.")
                    return []
                }
                state.screen = .planEditor(selection: selection,
                                           prompt: PlanPrompt(purpose: .speakerRole(index: index, name: text, current: current),
                                                              editor: LineEditor(current?.role ?? "")))
            case .speakerRole(let index, let name, let current):
                state.screen = .planEditor(selection: selection,
                                           prompt: PlanPrompt(purpose: .speakerAffiliation(index: index, name: name, role: text),
                                                              editor: LineEditor(current?.affiliation ?? "")))
            case .speakerAffiliation(let index, let name, let role):
                return recordPlanChange(.setSpeaker(slot: selection, index: index, name: name, role: role, affiliation: text), in: &state)
            }
        case .cancelPlanPrompt:
            if case .planEditor(let selection, _) = state.screen { state.screen = .planEditor(selection: selection, prompt: nil) }
        }
        return []
    }

    /// Records `edit` from the plan editor: on success the prompt closes and the selection stays on the slot acted on
    /// (a moved slot, a new slot); a refusal keeps the prompt open so the moderator can correct it.
    private static func recordPlanChange(_ edit: AgendaEdit, in state: inout WorkshopState) -> [Effect] {
        guard case .planEditor(let selection, _) = state.screen else { return [] }
        let recording = WorkshopReducer.record(.plan(edit), in: &state)
        guard recording.isRecorded else { return [] }
        let next: Int = switch edit {
        case .insert(let after, _, _, _): after + 1
        case .move(let slot, let delta): slot + delta
        default: selection
        }
        state.screen = .planEditor(selection: clampedSlot(next, in: state), prompt: nil)
        return recording.effects
    }

    /// The question for speaker `index` of `speakers` (a new speaker when it is their number): a TBC speaker's
    /// placeholder name is not offered as the name, a confirmed speaker's is.
    private static func speakerPrompt(_ speakers: [Person], index: Int) -> PlanPrompt {
        let current = speakers.indices.contains(index) ? speakers[index] : nil
        let name = current.flatMap { $0.tbc ? nil : $0.name } ?? ""
        return PlanPrompt(purpose: .speakerName(index: index, count: speakers.count, current: current), editor: LineEditor(name))
    }

    private static func clampedSlot(_ index: Int, in state: WorkshopState) -> Int {
        min(state.session.agenda.count - 1, max(0, index))
    }
}
