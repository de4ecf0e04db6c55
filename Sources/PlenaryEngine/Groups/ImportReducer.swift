/// Merging a facilitator laptop's results from the moderator screen (`i`): pick a file, the runner reads it,
/// the merge is recorded like any command.
enum ImportReducer {
    static func reduce(_ state: inout WorkshopState, _ action: ImportAction) -> [Effect] {
        let now = state.now
        switch action {
        case .open:
            // Only the plenary merges; a group terminal's keys never ask.
            guard state.role == .moderator else { return [] }
            guard !state.groups.isEmpty else {
                state.notice = Notice(text: "This session has no working groups to merge.", level: .info,
                                      until: now.adding(seconds: WorkshopReducer.noticeSeconds))
                return []
            }
            state.screen = .importPicker(ImportPicker())
            return [.listResultsFiles]
        case .filesListed(let folder, let names):
            guard case .importPicker(var picker) = state.screen else { return [] }
            picker.folder = folder
            picker.candidates = names
            picker.selection = min(picker.selection, max(0, names.count - 1))
            state.screen = .importPicker(picker)
        case .moveSelection(let delta):
            guard case .importPicker(var picker) = state.screen, let candidates = picker.candidates else { return [] }
            picker.selection = min(max(0, candidates.count - 1), max(0, picker.selection + delta))
            state.screen = .importPicker(picker)
        case .editPath(let edit):
            guard case .importPicker(var picker) = state.screen else { return [] }
            picker.path.apply(edit)
            state.screen = .importPicker(picker)
        case .confirm:
            guard case .importPicker(let picker) = state.screen, let path = picker.chosenPath else { return [] }
            return [.readImportFile(path)]
        case .fileRead(let path, let result):
            guard case .importPicker = state.screen else { return [] }
            let name = WorkshopFiles.fileName(of: path)
            switch result {
            case .failure(let error):
                state.notice = Notice(text: "Cannot read \(path): \(error.reason).", level: .error, until: nil)
                return []
            case .success(let bytes):
                switch GroupImport.plan(bytes: bytes, fileName: name, into: state) {
                case .failure(let refusal):
                    state.notice = Notice(text: refusal.description, level: .error, until: nil)
                    return []
                case .success(let plan):
                    guard let command = plan.command else {
                        state.screen = .agenda
                        state.notice = Notice(text: "\(name): nothing new: \(plan.summary).", level: .info,
                                              until: now.adding(seconds: WorkshopReducer.noticeSeconds))
                        return []
                    }
                    let recording = WorkshopReducer.record(command, in: &state)
                    guard recording.isRecorded else { return [] }
                    state.screen = .agenda
                    state.notice = Notice(text: "Merged \(name): \(plan.summary) (\(plan.groups.joined(separator: ", "))). R shows them.",
                                          level: .success, until: now.adding(seconds: WorkshopReducer.noticeSeconds * 2))
                    return recording.effects
                }
            }
        }
        return []
    }
}
