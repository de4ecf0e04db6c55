import PlenaryEngine

/// One Q&A or ideas board in the report (issue 16): what it was, how many items, the answered ones and the
/// unanswered ones most upvoted first (the top items a follow-up mail should pick up). Hidden and merged items and
/// items never approved are counted, not listed.
public struct QAReportSection: Sendable, Equatable {
    public var title: String
    public var summary: String
    public var answered: [String]
    public var unanswered: [String]
    /// Unanswered items beyond the ones listed.
    public var moreUnanswered: Int

    /// How many unanswered items a report lists.
    public static let listed = 10

    public init(title: String, summary: String, answered: [String], unanswered: [String], moreUnanswered: Int) {
        self.title = title
        self.summary = summary
        self.answered = answered
        self.unanswered = unanswered
        self.moreUnanswered = moreUnanswered
    }

    init(_ board: ResultsSnapshot.QABoardResult, slotTitle: String?) {
        title = board.title + (slotTitle.map { " (\($0))" } ?? "")
        let noun = board.kind == "ideas" ? "idea" : "question"
        let counts = board.counts
        let total = board.items.count
        var parts = ["\(counts.answered) answered", "\(counts.approved) unanswered"]
        if counts.pending > 0 { parts.append("\(counts.pending) never approved") }
        if counts.hidden > 0 { parts.append("\(counts.hidden) hidden") }
        if counts.merged > 0 { parts.append("\(counts.merged) merged as duplicates") }
        summary = WorkshopReport.count(total, noun) + ": " + parts.joined(separator: ", ")
        let open = board.items.filter { $0.mergedInto == nil && !$0.hidden }
        func line(_ item: ResultsSnapshot.QABoardResult.Item) -> String {
            var text = item.text
            if let name = item.name { text += " — \(name)" }
            if board.upvotes { text += " (\(WorkshopReport.count(item.votes, "upvote")))" }
            return text
        }
        let byVotes: (ResultsSnapshot.QABoardResult.Item, ResultsSnapshot.QABoardResult.Item) -> Bool = {
            $0.votes != $1.votes ? $0.votes > $1.votes : $0.number < $1.number
        }
        answered = open.filter { $0.status == "answered" }.sorted(by: byVotes).map(line)
        let waiting = open.filter { $0.status == "approved" }.sorted(by: byVotes)
        unanswered = waiting.prefix(Self.listed).map(line)
        moreUnanswered = max(0, waiting.count - Self.listed)
    }
}
