import PlenaryCore

/// Keys on the voter screen. Everything not listed is ignored: no key leads anywhere but the next step,
/// and only Ctrl-X followed by the moderator's PIN leaves.
enum VoterKeyMap {
    static func action(for key: KeyEvent, in voter: VoterSession, state: WorkshopState) -> WorkshopAction? {
        if voter.pinEntry != nil {
            switch key {
            case .enter: return .voter(.proceed)
            case .escape: return .voter(.back)
            case .backspace: return .voter(.editPIN(.backspace))
            case .character(let character): return .voter(.editPIN(.insert(String(character))))
            // A PIN has no spaces (setting one refuses them); a pasted one loses them and its line break.
            case .paste(let text): return .voter(.editPIN(.insert(String(text.filter { !$0.isWhitespace }))))
            default: return nil
            }
        }
        if key == .control("x") { return .voter(.requestExit) }
        switch voter.step {
        case .privacy, .recorded:
            return key == .enter ? .voter(.proceed) : nil
        case .code:
            switch key {
            case .enter: return .voter(.proceed)
            case .escape: return .voter(.back)
            case .backspace: return .voter(.editCode(.backspace))
            case .character(let character): return .voter(.editCode(.insert(String(character))))
            case .paste(let text): return .voter(.editCode(.paste(text)))
            default: return nil
            }
        case .ballot(let index, _):
            if key == .enter { return .voter(.proceed) }
            // The screen promises "Esc skips this question"; the reducer skips on `.back`.
            if key == .escape { return .voter(.back) }
            let isText = state.poll(voter.pollIDs[index])?.definition.type == .open
            return BallotKeys.edit(for: key, isText: isText).map { .voter(.editBallot($0)) }
        case .review:
            switch key {
            case .enter, .character("y"), .character("Y"): return .voter(.proceed)
            case .escape, .backspace, .character("n"), .character("N"): return .voter(.back)
            default: return nil
            }
        }
    }
}
