import Testing
import PlenaryEngine
import PlenaryHost
import PlenaryTestSupport
@testable import PlenaryWeb

@Suite struct WebPagesTests {
    /// A session whose texts try to break out of the page.
    func room(open: [String]) throws -> WebInbox.Room {
        var session = Fixtures.sevilla()
        session.title = "Cluster <b>day</b> & \"friends\""
        session.polls = [
            PollDefinition(id: "format", question: "Which <script>alert(1)</script> format?", type: .single,
                           options: ["Panel", "Café <i>table</i>", "O'Brien's"]),
            PollDefinition(id: "rank", question: "Rank the challenges", type: .ranking, options: ["Skills", "Funding"]),
            PollDefinition(id: "code", question: "Coded", type: .single, options: ["A", "B"], admission: .codes),
        ]
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        for id in open { try Fixtures.run(&state, [(Fixtures.at(12, 1), .poll(.open(poll: id)))]) }
        return WebInbox.Room(view: RoomView(of: state, for: .voter), rounds: Dictionary(uniqueKeysWithValues: open.map { ($0, 1) }))
    }

    @Test func participantAndSessionTextIsEscapedEverywhere() throws {
        let page = WebPages.polls(room: try room(open: ["format"]), csrf: "abc", voted: { _, _ in false })
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<b>day"))
        #expect(page.contains("Which &lt;script&gt;alert(1)&lt;/script&gt; format?"))
        #expect(page.contains("Café &lt;i&gt;table&lt;/i&gt;"))
        #expect(page.contains("O&#39;Brien&#39;s"))
        #expect(page.contains("<title>Cluster &lt;b&gt;day&lt;/b&gt; &amp; &quot;friends&quot;</title>"))
        // No inline script or style: the policy forbids them, so nothing typed can become one.
        #expect(!page.contains("<script>"))
        #expect(!page.contains("style="))
    }

    @Test func eachOpenPollIsAFormWithTheTokenUntilThePhoneHasVoted() throws {
        let open = try room(open: ["format", "rank"])
        let page = WebPages.polls(room: open, csrf: "abc", voted: { poll, _ in poll.id == "format" })
        #expect(page.contains("Recorded. Thank you"))
        #expect(page.components(separatedBy: "<form method=\"post\" action=\"/vote\">").count == 2, "only the ranking is a form")
        #expect(page.contains("<input type=\"hidden\" name=\"csrf\" value=\"abc\">"))
        #expect(page.contains("<select name=\"positions[]\" required>"))
        #expect(page.components(separatedBy: "<select name=\"positions[]\"").count == 3, "one place per option")
    }

    @Test func aCodedPollAsksForTheCodeAndNothingOpenSaysSo() throws {
        let coded = WebPages.polls(room: try room(open: ["code"]), csrf: "abc", voted: { _, _ in false })
        #expect(coded.contains("Your voting code, as printed on your slip"))
        let none = WebPages.polls(room: try room(open: []), csrf: "abc", voted: { _, _ in false })
        #expect(none.contains("No poll is open right now"))
        #expect(!none.contains("<form"))
    }

    @Test func theJoinPageSaysWhatWasWrong() {
        let page = WebPages.join(title: "Day <1>", problem: "That is not this room's code.")
        #expect(page.contains("<h1>Day &lt;1&gt;</h1>"))
        #expect(page.contains("role=\"alert\">That is not this room&#39;s code.</p>"))
        #expect(page.contains("<label for=\"room\">"))
    }

    /// The page shows a poll's totals exactly when an attached voter's terminal does: not while hidden, not after a
    /// close without a reveal, and once the moderator reveals them.
    @Test func resultsFollowTheRevealRulesOfTheTerminals() throws {
        var session = Fixtures.sevilla()
        session.polls = [PollDefinition(id: "format", question: "Which format?", type: .single, options: ["Panel", "World café"])]
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        func page() -> String {
            WebPages.polls(room: WebInbox.Room(view: RoomView(of: state, for: .voter), rounds: ["format": 1]),
                           csrf: "abc", voted: { _, _ in true })
        }
        try Fixtures.run(&state, [(Fixtures.at(12, 1), .poll(.open(poll: "format"))),
                                  (Fixtures.at(12, 2), .poll(.cast(poll: "format", ballot: .single(option: 1))))])
        #expect(!page().contains("Results:"), "hidden while open")
        try Fixtures.run(&state, [(Fixtures.at(12, 3), .poll(.close(poll: "format")))])
        #expect(!page().contains("Results:"), "closed but not revealed")
        #expect(RoomView(of: state, for: .voter).polls.allSatisfy { $0.results == nil })
        try Fixtures.run(&state, [(Fixtures.at(12, 4), .poll(.reveal(poll: "format", shown: true)))])
        let revealed = page()
        #expect(revealed.contains("<h2>Results: Which format?</h2>"))
        #expect(revealed.contains("<p>1 answer</p>"))
        #expect(revealed.contains("<li>World café: "))
        try Fixtures.run(&state, [(Fixtures.at(12, 5), .poll(.reveal(poll: "format", shown: false)))])
        #expect(!page().contains("Results:"), "hidden again")
    }

    /// The script's hooks are in the no-JS markup: the ranking's place selects in one box (the script lists them to
    /// reorder and keeps the selects as what is posted), the points inputs with their total and a hidden, polite
    /// live region for the running sum.
    @Test func rankingAndPointsCarryTheHooksTheScriptEnhances() throws {
        let rank = try #require(try room(open: ["rank"]).view?.polls.first { $0.id == "rank" })
        let ranking = WebPages.form(for: rank, csrf: "abc").joined(separator: "\n")
        #expect(ranking.contains("<div class=\"ranking\">"))
        #expect(ranking.contains("<span>Funding</span></label>"))
        var budget = rank
        budget.type = .allocation
        budget.points = 60
        let points = WebPages.form(for: budget, csrf: "abc").joined(separator: "\n")
        #expect(points.contains("<div class=\"allocation\" data-total=\"60\">"))
        #expect(points.contains("<p class=\"sum\" aria-live=\"polite\" hidden></p>"))
        #expect(WebPages.style.contains("[hidden] { display: none !important; }"), "hidden beats the rows' flex display")
        #expect(WebPages.script.contains("' of ' + total + ' points'"))
    }
}
