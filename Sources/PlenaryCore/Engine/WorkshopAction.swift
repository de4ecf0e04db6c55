/// Everything that can happen to the state: recorded commands, screen navigation and storage feedback.
public enum WorkshopAction: Sendable, Equatable {
    /// Changes the record; journaled before it is shown.
    case command(WorkshopCommand)
    /// The clock moved on (the runner sends one every second).
    case tick
    case showHelp
    /// Closes whatever overlay is open (help, picker, confirmation).
    case dismissOverlay
    /// A move between slots asked for on the agenda (next, back, a jump): it asks first when it would start a fixed
    /// slot before its planned time, and otherwise records the command at once.
    case requestMove(WorkshopCommand)
    case requestQuit
    case confirmQuit
    case requestEnd
    case openJumpPicker
    case moveJumpSelection(by: Int)
    case setJumpSelection(Int)
    /// A storage operation failed; `message` says what and where.
    case storageFailed(StorageFailure)
    /// The results file was written again after an earlier failure.
    case storageRecovered
    /// Lists every poll.
    case openPollList
    case movePollSelection(by: Int)
    /// Shows one poll on the moderator screen.
    case showPoll(String)
    /// Opens the form to type in one ballot for a poll.
    case startBallot(String)
    case editBallot(BallotDraft.Edit)
    /// Casts the ballot in the form (journaled as `.poll(.cast)`).
    case submitBallot
    case startHandCount(String)
    case editHandCount(BallotDraft.Edit)
    case submitHandCount
    /// Opens the form for a poll made up on the spot.
    case startNewPoll
    case editNewPoll(PollDraft.Edit)
    /// Hands the terminal to voters for the open polls (asks for a PIN first if none is set).
    case startVoterMode
    /// Starts straight in voter mode (`--voter`, e.g. after a supervisor restarted the program).
    case resumeVoterMode
    /// The code sheet's hashes and the used set, read at start.
    case loadCodeBook(CodeBook)
    case voter(VoterInput)
    /// A line for the voter screen from outside the voter flow (a storage problem).
    case voterMessage(String)
    case editNewPIN(LineEdit)
    case submitNewPIN
    /// The runner hashed the new PIN.
    case voterPINReady(SecretHash)
    /// The result of `.checkPIN`: leave voter mode, or count a wrong attempt.
    case voterPINChecked(matches: Bool)
    /// Working groups: list, one group, its entries and the entry form.
    case openGroupList
    case moveGroupSelection(by: Int)
    case showGroup(String)
    /// This terminal belongs to one group's facilitator (`--group`).
    case becomeFacilitator(group: String)
    case moveEntrySelection(by: Int)
    /// Adds an entry from the group's n-th template (0-based) and opens it.
    case addEntry(templateIndex: Int)
    case openEntry
    case deleteEntry
    case undoGroup
    case moveEntry(by: Int)
    case editField(TextEdit)
    /// On a choice field: the next or previous choice (wrapping round).
    case stepChoice(by: Int)
    /// On a choice field: choice number `index` (0-based); nil clears the field.
    case pickChoice(Int?)
    /// Moves to another field, journaling the one left.
    case changeField(by: Int)
    case closeEntry
    /// Records the open field now (the program is about to stop).
    case flushDraft
    /// Every key of the group screens, over the group screen.
    case showGroupHelp
    /// Marks or unmarks the selected entry for prioritisation.
    case toggleShortlist
    /// Turns the marked entries (across groups) into a poll of this type, opened at once.
    case pollFromShortlist(PollType)
    /// Merging a facilitator laptop's results: `i` opens the picker; the runner lists and reads files.
    case openImport
    case resultsFilesListed(folder: String, names: [String])
    case moveImportSelection(by: Int)
    case editImportPath(LineEdit)
    case confirmImport
    case importFileRead(path: String, Result<[UInt8], StorageError>)
    /// The report-back view for the plenary: one group's entries, page by page.
    case openReportBack
    case showReportBack(group: Int, page: Int)
    /// A message for the moderator (recovery reports, where files went).
    case notify(String, Notice.Level)
    /// Writes the report and the CSV tables next to the results file (`e`); records nothing.
    case export
}

public struct StorageFailure: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The journal could not take a record: nothing more can be acknowledged.
        case journal
        /// The results snapshot was not replaced; the previous file is intact and the journal has everything.
        case results
    }

    public var kind: Kind
    public var message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }
}
