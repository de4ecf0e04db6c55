import PlenaryEngine

/// Keys on the voter screen, one table per step. Everything not listed is ignored: no key leads anywhere but the
/// next step, and only Ctrl-X followed by the moderator's PIN leaves.
public enum VoterKeys {
    static func keys(for voter: VoterSession) -> ScreenKeys {
        if voter.pinEntry != nil { return pin }
        switch voter.step {
        case .privacy, .recorded: return leave + waiting
        case .code: return leave + code
        case .ballot: return leave + ballot
        case .review: return leave + review
        case .board(let place): return leave + board(VoterBoardKeys.table(for: place))
        }
    }

    /// A board's keys at the shared terminal: the attached kiosk's table, the board's name rule as its context.
    static func board(_ table: KeyTable<Bool, QAVoterInput>) -> ScreenKeys {
        table.pullback({ context in
            guard let voter = context.state.voter, case .board(let place) = voter.step else { return nil }
            return context.state.qaBoard(place.boardID)?.definition.names == .optional
        }, { .voter(.board($0)) })
    }

    static let leave = ScreenKeys([
        ScreenKey([.ctrl("x")], "Back to the moderator screen, after the PIN", always: .voter(.requestExit)),
    ])

    public static let pin = ScreenKeys([
        ScreenKey([.key(.enter)], "Check the PIN", always: .voter(.proceed)),
        ScreenKey([.key(.escape)], "Back to the voter screen", always: .voter(.back)),
        ScreenKey([.key(.backspace)], "Erase a character", always: .voter(.editPIN(.backspace))),
        ScreenKey([.printable], "Typed into the PIN") { key, _ in
            guard case .character(let character) = key else { return nil }
            return .voter(.editPIN(.insert(String(character))))
        },
        // A PIN has no spaces (setting one refuses them); a pasted one loses them and its line break.
        ScreenKey([.paste], "Goes into the PIN without its spaces") { key, _ in
            guard case .paste(let text) = key else { return nil }
            return .voter(.editPIN(.insert(String(text.filter { !$0.isWhitespace }))))
        },
    ])

    public static let waiting = ScreenKeys([
        ScreenKey([.key(.enter)], "Start voting", always: .voter(.proceed)),
    ])

    public static let code = ScreenKeys([
        ScreenKey([.key(.enter)], "Check the code", always: .voter(.proceed)),
        ScreenKey([.key(.escape)], "Back", always: .voter(.back)),
        ScreenKey([.key(.backspace)], "Erase a character", always: .voter(.editCode(.backspace))),
        ScreenKey([.printable], "Typed into the code") { key, _ in
            guard case .character(let character) = key else { return nil }
            return .voter(.editCode(.insert(String(character))))
        },
        ScreenKey([.paste], "Goes into the code") { key, _ in
            guard case .paste(let text) = key else { return nil }
            return .voter(.editCode(.paste(text)))
        },
    ])

    public static let ballot = ScreenKeys([
        ScreenKey([.key(.enter)], "Next question", always: .voter(.proceed)),
        // The screen promises "Esc skips this question"; the reducer skips on `.back`.
        ScreenKey([.key(.escape)], "Skip this question", always: .voter(.back)),
    ]) + BallotKeys.edits.pullback({ context in
        guard let voter = context.state.voter, case .ballot(let index, _) = voter.step else { return nil }
        return context.state.poll(voter.pollIDs[index])?.definition.type == .open
    }, { .voter(.editBallot($0)) })

    public static let review = ScreenKeys([
        ScreenKey([.key(.enter), .char("y"), .char("Y")], "Cast the ballot", always: .voter(.proceed)),
        ScreenKey([.key(.escape), .key(.backspace), .char("n"), .char("N")], "Back to the questions", always: .voter(.back)),
    ])
}
