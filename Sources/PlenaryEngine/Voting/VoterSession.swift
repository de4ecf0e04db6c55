/// The shared voter terminal: where the current voter is in their turn, and the lock that keeps them there.
public struct VoterSession: Sendable, Equatable {
    /// Polls this turn goes through, in order (the open polls when voter mode began).
    public var pollIDs: [String]
    public var step: Step
    /// Set while the moderator's PIN is being typed to leave voter mode.
    public var pinEntry: LineEditor?
    /// Set from Enter on the PIN prompt until the runner has checked it (`.checkPIN`, about 0.3 s): keys meanwhile
    /// are ignored, and the screen says "Checking".
    public var isCheckingPIN: Bool
    public var failedPINAttempts: Int
    /// PIN entry refused until then, after too many wrong attempts.
    public var lockedUntil: Instant?
    /// One-line feedback on the voter screen ("Choose one of options 1–3.").
    public var message: String?
    /// Turns completed since voter mode began, for the moderator. A turn whose every question was skipped
    /// is not counted: nobody voted.
    public var completedTurns: Int
    /// Ballots cast in the current turn: the last screen says "recorded" only when there was one.
    public var ballotsThisTurn: Int
    /// Last key of the current turn, to send an abandoned turn back to the privacy screen.
    public var lastInputAt: Instant?
    /// Turns started in this run: each turn is a new participant on the Q&A boards (`QAParticipant.kiosk`), so the
    /// next person may upvote what the last one did, and nobody twice (decision 88).
    public var admissions: Int
    /// Questions sent and upvotes given or taken back this turn, for the last screen's words.
    public var boardActionsThisTurn: Int
    /// Rows a page of a board's list moves (the screen's list height, set by the loop).
    public static let boardPageRows = 10

    public static let maximumPINAttempts = 5
    public static let lockoutSeconds: Int64 = 30
    /// How long "Your vote is recorded" stays before the privacy screen returns.
    public static let thankYouSeconds: Int64 = 5
    /// Keys this soon after a review or thank-you screen appears are ignored: a held Enter or a pasted newline
    /// must never confirm a ballot the voter has not seen, or skip the screen that tells them it counted.
    public static let settleMilliseconds: Int64 = 700
    /// A turn left this long without a key goes back to the privacy screen (a voter walked away).
    public static let abandonSeconds: Int64 = 120
    /// Room for a 12-character code typed with spaces or dashes between its groups, and a slip.
    public static let codeEntryLimit = 24

    public enum Step: Sendable, Equatable {
        /// Nothing of the previous voter shows: "Press Enter to vote".
        case privacy
        /// Typing a one-time code (polls with `admission: codes`).
        case code(LineEditor)
        /// Filling in the ballot for `pollIDs[index]`.
        case ballot(index: Int, draft: BallotDraft)
        /// Checking the answer before it counts; `shownAt` lets a held or pasted Enter not confirm it.
        case review(index: Int, draft: BallotDraft, shownAt: Instant)
        case recorded(until: Instant)
        /// The room's Q&A or ideas board, after the polls (or alone when none is open): its list, or a new item
        /// being written.
        case board(QAVoterBoard)
    }

    public init(pollIDs: [String]) {
        self.pollIDs = pollIDs
        self.step = .privacy
        self.pinEntry = nil
        self.isCheckingPIN = false
        self.failedPINAttempts = 0
        self.lockedUntil = nil
        self.message = nil
        self.completedTurns = 0
        self.ballotsThisTurn = 0
        self.lastInputAt = nil
        self.admissions = 0
        self.boardActionsThisTurn = 0
    }

    /// This turn's participant on the boards.
    public var participant: QAParticipant { .kiosk(admission: admissions) }
}

/// What the voter (or the moderator at the voter terminal) does.
public enum VoterInput: Sendable, Equatable {
    /// Enter: start, go on, confirm.
    case proceed
    /// Esc: change the answer (from review), skip a question (from a ballot), cancel the PIN prompt.
    case back
    case editBallot(BallotDraft.Edit)
    case editCode(LineEdit)
    /// The moderator's way out: asks for the PIN.
    case requestExit
    case editPIN(LineEdit)
    /// On the room's Q&A or ideas board.
    case board(QAVoterInput)
}
