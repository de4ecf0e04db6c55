/// The whole state of a running workshop: the one value the reducer changes and the views draw.
public struct WorkshopState: Sendable, Equatable {
    /// The session file, with the running agenda: changed only by `plan` commands (`PlanReducer`).
    public internal(set) var session: Session
    /// The running agenda's planned times: the file's, with the changes applied.
    public internal(set) var plan: PlannedAgenda
    /// How the running agenda differs from the file, and what undo puts back.
    public internal(set) var planChanges = PlanChanges()
    /// The session file's fingerprint, kept from the file: a changed agenda is still the same workshop for merging.
    public let sessionFingerprint: String
    public let calendar: LocalCalendar
    /// The last moment the runner reported, corrected so it never runs backwards.
    public var now: Instant
    /// Added to the runner's clock when it fell behind a time already seen (the journal's last record, say).
    public var clockCorrection: ClockCorrection
    public var phase: Phase
    /// Set when this run of the program ended the workshop: `E` may take the end back until the program quits. Not
    /// journaled, so a resumed workshop that had ended stays ended (issue 15: undone "within the same run").
    public var endCanBeUndone = false
    /// The slot on screen: running once the workshop started, otherwise the one that will start first.
    public var currentIndex: Int
    public var progress: [SlotProgress]
    /// Set while the current slot's timer is paused.
    public var pausedSince: Instant?
    public var screen: Screen
    public var notice: Notice?
    /// A line for every attached screen (kiosks, projector) about the room itself: the moderator's screen is
    /// detached. Not recorded; cleared once a moderator screen acts again.
    public var roomNotice: String?
    /// Shown as a banner until resolved; a journal failure makes the workshop read-only.
    public var storageFailure: StorageFailure?
    /// Every poll: the session's, then those created during the workshop.
    public var polls: [PollState]
    /// Every working group with its captured entries.
    public var groups: [GroupState]
    /// Q&A and ideas boards: the workshop's, then each slot's (issue 16).
    public var qa: [QABoardState]
    /// Entries marked for a prioritisation poll, in the order they were marked; journaled (`shortlist`), so the marks
    /// survive quit and resume.
    public var shortlist: [String]
    /// Who types on this terminal: the moderator, or a group's facilitator (`--group`).
    public var role: TerminalRole
    /// The group a facilitator terminal belongs to: its home screen, where closing anything returns.
    public var facilitatorGroup: String?
    /// Set while this terminal is the locked-down voter screen.
    public var voter: VoterSession?
    /// The moderator PIN that leaves voter mode (from the session file, or set for this run).
    public var voterPIN: SecretHash?
    /// One-time codes for polls with `admission: codes`, when a code sheet was made.
    public var codeBook: CodeBook?
    /// Number of commands in the journal (the next record's sequence number is this plus one).
    public var recordedCommands: Int
    /// Journal records the replay could not apply (a ballot for a poll that does not exist, say): they keep their
    /// sequence numbers but are not actions that happened.
    public var skippedRecords: Int = 0
    /// Actions recorded and in effect: what the screen and the results file count.
    public var recordedActions: Int { recordedCommands - skippedRecords }
    /// A rehearsal (`plenary run --rehearse`): the clock is the rehearsal's, the files are its own, the header says so.
    /// Set to the rehearsal clock's speed (rehearsal seconds per real second).
    public var rehearsalSpeed: Int?
    public var isRehearsal: Bool { rehearsalSpeed != nil }
    /// Where phones vote this run (`--web`), or nil when the page is not served.
    public var webPage: WebPageAddress?
    /// This record's id (from the journal header): merged entries name it as their origin.
    public var recordID: String

    public init(session: Session, plan: PlannedAgenda, now: Instant) {
        self.session = session
        self.plan = plan
        self.sessionFingerprint = session.fingerprint
        self.calendar = LocalCalendar(timeZoneIdentifier: session.timeZone)
        self.now = now
        self.clockCorrection = ClockCorrection()
        self.phase = .notStarted
        self.currentIndex = 0
        self.progress = Array(repeating: SlotProgress(), count: session.agenda.count)
        self.pausedSince = nil
        self.screen = .agenda
        self.notice = nil
        self.storageFailure = nil
        self.recordedCommands = 0
        self.recordID = "unrecorded"
        self.polls = session.polls.map { PollState(definition: $0) }
        self.groups = session.groups.map { GroupState(definition: $0) }
        self.qa = session.qa.map { QABoardState(definition: $0) }
        self.role = .moderator
        self.shortlist = []
        self.voter = nil
        self.voterPIN = session.voterPIN.flatMap(SecretHash.init(text:))
        self.codeBook = nil
    }

    public enum TerminalRole: String, Sendable, Equatable {
        case moderator
        case facilitator
    }

    public enum Phase: Sendable, Equatable {
        case notStarted
        case running(since: Instant)
        case ended(at: Instant)
    }

    public enum Screen: Sendable, Equatable {
        case agenda
        /// The keys of the screen it covers, which it returns to.
        indirect case help(over: Screen)
        /// Where phones vote (`--web`): the address, room code and a QR code to project, over the screen it returns to.
        indirect case joinCode(over: Screen)
        case confirmQuit
        case confirmEnd
        /// `E` after this run ended the workshop: take the end back?
        case confirmReopen
        /// `move` would start fixed slot `slot` before its planned time: start it now, or keep the current slot.
        case confirmEarlyStart(slot: Int, move: WorkshopCommand)
        case jumpPicker(selection: Int)
        /// Changing the running agenda: `selection` is the slot the keys act on; `prompt` asks for a title or minutes.
        case planEditor(selection: Int, prompt: PlanPrompt?)
        /// All polls, the current slot's first.
        case pollList(selection: Int)
        /// One poll: its state, ballot count and (once revealed) results.
        case poll(id: String)
        /// The moderator types in one ballot.
        case ballot(BallotDraft)
        /// The moderator types in counts from a show of hands.
        case handCount(HandCountDraft)
        /// The moderator writes an ad-hoc poll.
        case newPoll(PollDraft)
        /// All working groups.
        case groupList(selection: Int)
        /// One group's entries.
        case group(id: String, selection: Int)
        /// One entry open in its template's form.
        case entry(EntryDraft)
        /// The moderator chooses a PIN before handing the terminal to voters (typed twice; never stored in plain).
        case setPIN(editor: LineEditor, first: String?)
        /// The group screens' keys, over the group screen it returns to.
        case groupHelp(id: String, selection: Int)
        /// The day's agenda, read-only, over the group screen it returns to (a facilitator has no agenda screen).
        case groupAgenda(id: String, selection: Int)
        /// Choosing a facilitator laptop's results file to merge.
        case importPicker(ImportPicker)
        /// Group entries shown to the room, one group (index) and page at a time.
        case reportBack(group: Int, page: Int)
        /// A poll proposed from the marked entries, its question (and a dot vote's dots) open to change before it opens.
        case shortlistPoll(ShortlistPollDraft)
        /// The queue of a Q&A or ideas board (`Q`).
        case qa(QAScreen)
    }

    public var isReadOnly: Bool { storageFailure?.kind == .journal }
    public var isPaused: Bool { pausedSince != nil }
    public var hasStarted: Bool { phase != .notStarted }
    public var hasEnded: Bool {
        if case .ended = phase { return true }
        return false
    }

    public var currentSlot: Slot { session.agenda[currentIndex] }

    public func poll(_ id: String) -> PollState? { polls.first { $0.id == id } }
    /// What a poll asks, without a copy of its rounds: a caller about to record a ballot must hold no reference to
    /// the ballot array the record appends to, or the append copies every ballot before it (decision 56).
    public func pollDefinition(_ id: String) -> PollDefinition? { polls.first { $0.id == id }?.definition }
    public func group(_ id: String) -> GroupState? { groups.first { $0.id == id } }
    public func template(_ id: String) -> CaptureTemplate? { session.templates.first { $0.id == id } }

    /// Polls in the order the poll list shows them: the current slot's first, then the rest as declared.
    public var pollsForList: [PollState] {
        let here = Set(currentSlot.polls)
        return polls.filter { here.contains($0.id) } + polls.filter { !here.contains($0.id) }
    }
}

/// What actually happened to one slot.
public struct SlotProgress: Sendable, Equatable {
    /// Periods the slot was on (more than one when the moderator came back to it).
    public var runs: [Run] = []
    /// Paused time inside those runs, in milliseconds.
    public var pausedMilliseconds: Int64 = 0
    /// Minutes added (or removed) with + and -, in seconds.
    public var adjustmentSeconds: Int = 0

    public struct Run: Sendable, Equatable {
        public var start: Instant
        public var end: Instant?
    }

    public var actualStart: Instant? { runs.first?.start }
    /// End of the last run, if the slot is not running.
    public var actualEnd: Instant? { runs.last?.end }
    public var hasRun: Bool { !runs.isEmpty }
}

public struct Notice: Sendable, Equatable {
    public enum Level: Sendable, Equatable {
        case info, success, warning, error
    }

    public var text: String
    public var level: Level
    /// Hidden after this moment (errors stay until replaced).
    public var until: Instant?

    public init(text: String, level: Level, until: Instant?) {
        self.text = text
        self.level = level
        self.until = until
    }
}
