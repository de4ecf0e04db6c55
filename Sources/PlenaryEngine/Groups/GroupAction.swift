/// Working groups: the list, one group, its entries and the entry form, the shortlist and report-back.
public enum GroupAction: Sendable, Equatable {
    case openList
    case moveSelection(by: Int)
    case show(String)
    /// This terminal belongs to one group's facilitator (`--group`).
    case becomeFacilitator(group: String)
    case moveEntrySelection(by: Int)
    /// Adds an entry from the group's n-th template (0-based) and opens it.
    case addEntry(templateIndex: Int)
    case openEntry
    case deleteEntry
    case undo
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
    case showHelp
    /// The day's agenda, read-only, over the group screen.
    case showAgenda
    /// Marks or unmarks the selected entry for prioritisation.
    case toggleShortlist
    /// Proposes a poll of this type from the marked entries (across groups): its question (and a dot vote's dots)
    /// can be changed before it opens.
    case pollFromShortlist(PollType)
    case editShortlistPoll(ShortlistPollDraft.Edit)
    /// Creates the proposed poll and opens it; the marks are cleared.
    case openShortlistPoll
    /// Back to the group without a poll; the marks stay.
    case cancelShortlistPoll
    /// The report-back view for the plenary: one group's entries, page by page.
    case openReportBack
    case showReportBack(group: Int, page: Int)
}
