import PlenaryEngine
import PlenaryReports

/// The room's Q&A or ideas board on the phones' page (issue 16): a form to send a question or idea, then the
/// approved items, most upvoted first, each with one button to upvote it or take the upvote back. Plain forms, so
/// it works without JavaScript; every item's text is escaped.
enum WebBoardSection {
    /// Items listed on a phone: the most upvoted; the rest are on the projector and the moderator's queue.
    static let listLimit = 50

    static func lines(for board: RoomQABoard, csrf: String, upvoted: Set<Int>) -> [String] {
        let noun = board.kind.itemNoun
        let id = HTMLReport.escape(board.id)
        let token = HTMLReport.escape(csrf)
        var lines = [
            "<section class=\"board\" aria-labelledby=\"board-title\">",
            "<h2 id=\"board-title\">\(HTMLReport.escape(board.title))</h2>",
            "<form method=\"post\" action=\"/board\">",
            "<input type=\"hidden\" name=\"csrf\" value=\"\(token)\">",
            "<input type=\"hidden\" name=\"board\" value=\"\(id)\">",
            "<input type=\"hidden\" name=\"act\" value=\"submit\">",
            "<label for=\"board-text\">Your \(noun) (at most \(board.maxLength) characters)</label>",
            "<textarea id=\"board-text\" name=\"text\" rows=\"3\" maxlength=\"\(board.maxLength)\" required></textarea>",
        ]
        if board.names == .optional {
            lines += ["<label for=\"board-name\">Your name (optional; leave it empty to stay anonymous)</label>",
                      "<input id=\"board-name\" name=\"name\" maxlength=\"\(QAText.nameLimit)\" autocomplete=\"name\">"]
        }
        lines.append("<button type=\"submit\">Send</button>")
        if board.premoderation { lines.append("<p class=\"note\">It shows here once the moderator approves it.</p>") }
        lines.append("</form>")
        let items = board.items ?? (board.highlighted.map { [$0] } ?? []) + board.top
        if items.isEmpty {
            lines.append("<p>Nothing on the board yet.</p>")
        } else {
            lines.append("<ol class=\"items\">")
            for item in items.prefix(listLimit) {
                let mine = upvoted.contains(item.number)
                var entry = "<li><p>\(HTMLReport.escape(item.text))"
                if let name = item.name { entry += " <span class=\"note\">(\(HTMLReport.escape(name)))</span>" }
                if item.answered { entry += " <span class=\"note\">answered</span>" }
                entry += "</p>"
                if board.upvotes {
                    let votes = CountedNoun.phrase(item.votes, "upvote")
                    entry += "<form method=\"post\" action=\"/board\">"
                        + "<input type=\"hidden\" name=\"csrf\" value=\"\(token)\">"
                        + "<input type=\"hidden\" name=\"board\" value=\"\(id)\">"
                        + "<input type=\"hidden\" name=\"item\" value=\"\(item.number)\">"
                        + "<input type=\"hidden\" name=\"act\" value=\"\(mine ? "withdraw" : "upvote")\">"
                        + "<button type=\"submit\" aria-pressed=\"\(mine)\">\(mine ? "▲ Upvoted · take back" : "▲ Upvote") (\(votes))</button>"
                        + "</form>"
                }
                entry += "</li>"
                lines.append(entry)
            }
            lines.append("</ol>")
        }
        lines.append("</section>")
        return lines
    }
}
