import Testing
import PlenaryEngine
@testable import PlenaryUI

/// Golden screens for poll results, one per poll type at 80×24 (the whole screen) and in a 60×16
/// region, plus the empty state, ASCII, wide and accented text, and a clipping property.
@Suite struct PollResultsViewTests {
    private typealias F = PollResultsFixtures

    private func render(_ poll: PollDefinition, _ results: PollResults, glyphs: Glyphs = .unicode,
                        screen: TerminalSize = TerminalSize(columns: 80, rows: 24),
                        x: Int = 0, y: Int = 0, width: Int = 80, height: Int = 24) -> CellGrid {
        var grid = CellGrid(size: screen)
        PollResultsView.draw(poll: poll, results: results, into: &grid, x: x, y: y, width: width, height: height, glyphs: glyphs)
        return grid
    }

    // MARK: - Each poll type at 80×24

    /// Two options are longer than 40% of the width, so every label stands above its bar.
    @Test func singleChoiceWithLongOptions() {
        expectLines(render(F.cooperationStage, F.cooperationStageResults), [
            "Where is your region in interregional cooperation today?",
            "23 ballots",
            "",
            "Mapping complementarities and partners",
            "████████████████████████████▏                                            9 · 39%",
            "",
            "Exploring opportunities",
            "█████████████████████▉                                                   7 · 30%",
            "",
            "Running first joint pilots",
            "███████████████▋                                                         5 · 22%",
            "",
            "Scaling up joint investments",
            "██████▎                                                                   2 · 9%",
        ])
    }

    /// Short options: label, bar and value on one line; a zero shows no bar.
    @Test func singleChoiceWithShortOptions() {
        let grid = render(F.mainBarrier, F.mainBarrierResults)
        expectLines(grid, [
            "Which barrier to interregional cooperation matters most for your region or",
            "cluster?",
            "20 ballots",
            "",
            "Funding and co-investment      ████████████████▍                         8 · 40%",
            "",
            "Finding complementary partners ████████████▎                             6 · 30%",
            "",
            "Administrative capacity        ████████▎                                 4 · 20%",
            "",
            "Involving SMEs                 ████▏                                     2 · 10%",
            "",
            "Different regional priorities                                             0 · 0%",
        ])
        let styles = grid.styleLines
        #expect(styles[0].prefix(grid.lines[0].count).allSatisfy { $0 == "T" }, "the question is a title")
        #expect(styles[2].hasPrefix("dddddddddd."), "the ballot count is dimmed")
        #expect(styles[4] == String(repeating: ".", count: 31) + String(repeating: "c", count: 17) + String(repeating: ".", count: 32))
    }

    @Test func multipleChoice() {
        expectLines(render(F.clusterSupport, F.clusterSupportResults), [
            "What resources or support do clusters need to maximise their contribution to S3",
            "goals?",
            "31 ballots · up to 3 picks each",
            "",
            "Funding and investment",
            "██████████████████████████████████████████████████▍                     22 · 71%",
            "",
            "Matchmaking and smart partnering",
            "██████████████████████████████████████▉                                 17 · 55%",
            "",
            "Policy alignment with regional authorities",
            "██████████████████████████████████▍                                     15 · 48%",
            "",
            "Capacity building and training",
            "███████████████████████████▌                                            12 · 39%",
            "",
            "Data and mapping (S3 Observatory)",
            "████████████████████▋                                                    9 · 29%",
            "",
            "A role in S3 governance",
            "██▎                                                                       1 · 3%",
        ])
    }

    @Test func ranking() {
        expectLines(render(F.challenges, F.challengesResults), [
            "Rank the main challenges you meet when initiating interregional cooperation",
            "(most critical first)",
            "Average score (6 = first) · 18 ballots",
            "",
            "Funding beyond projects",
            "██████████████████████████████████████████████████████████▊              4.9 pts",
            "",
            "Building capacity for interregional cooperation",
            "████████████████████████████████████████████████████▊                    4.4 pts",
            "",
            "Aligning ecosystems",
            "███████████████████████████████████████████▎                             3.6 pts",
            "",
            "Matchmaking with regions in other Member States",
            "█████████████████████████████████████▎                                   3.1 pts",
            "",
            "Engaging regional stakeholders",
            "████████████████████████████████▍                                        2.7 pts",
            "",
            "Governance, monitoring and assessment",
            "███████████████████████████▋                                             2.3 pts",
        ])
    }

    @Test func allocation() {
        expectLines(render(F.budget, F.budgetResults), [
            "Share 100 points between the actions the partnership should fund first",
            "Points · 100 per ballot · 12 ballots",
            "",
            "Joint pilot projects █████████████████▎                            460 pts · 38%",
            "",
            "Matchmaking events   ███████████▋                                  310 pts · 26%",
            "",
            "Shared data platform ██████████▌                                   280 pts · 23%",
            "",
            "Staff exchanges      █████▋                                        150 pts · 13%",
        ])
    }

    @Test func ratingScale() {
        expectLines(render(F.readiness, F.readinessResults), [
            "How ready is your region or cluster to join an interregional action on raw",
            "materials this year?",
            "Mean 3.8 · median 4 · 23 ballots",
            "",
            "1 · Not ready      ██▎                                                    1 · 4%",
            "",
            "2                  ████▋                                                  2 · 9%",
            "",
            "3                  ███████████▌                                          5 · 22%",
            "",
            "4                  ██████████████████▍                                   8 · 35%",
            "",
            "5 · Ready to start ████████████████▏                                     7 · 30%",
        ])
    }

    /// Terms on the left, the newest answers on the right; the ninth answer fills the column exactly.
    @Test func openTextInTwoColumns() {
        let grid = render(F.clusterRole, F.clusterRoleResults)
        expectLines(grid, [
            "What should be the primary focus and the role of clusters in contributing to",
            "Smart Specialisation Strategies (S3)?",
            "12 ballots",
            "",
            "Top terms                        │ Answers (A–Z)",
            "clusters    ██████████████████ 5 │ • A permanent interregional partnership with",
            "regions     ██████████████▍    4 │   its own budget",
            "SMEs        ██████████▊        3 │ • Aligning ecosystems across borders",
            "funding     ██████████▊        3 │ • Bridge between SMEs and regional",
            "matchmaking ███████▎           2 │   authorities",
            "ecosystems  ███▋               1 │ • Bring industry needs into the",
            "                                 │   entrepreneurial discovery process",
            "                                 │ • Clusters should co-design the S3 priorities",
            "                                 │   with the region, not only be consulted at",
            "                                 │   the end",
            "                                 │ • Funding beyond projects so that the",
            "                                 │   cooperation survives the end of each call",
            "                                 │ • Help Widening regions find partners",
            "                                 │   (Kraków, Sevilla, Tartu)",
            "                                 │ • Matchmaking with regions in other Member",
            "                                 │   States, not only neighbours",
            "                                 │ • Monitoring: clusters see early which S3",
            "                                 │   priorities actually attract investment",
            "                                 │ … 3 more",
        ])
        #expect(Array(grid.styleLines[5])[33] == "-", "the column rule is a border")
    }

    @Test func noBallotsYet() {
        let zeroed = F.cooperationStageResults.rows.map { row in
            var row = row
            row.value = 0
            row.fraction = 0
            return row
        }
        let grid = render(F.cooperationStage, PollResults(ballotCount: 0, rows: zeroed))
        expectLines(grid, [
            "Where is your region in interregional cooperation today?",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "                                 No ballots yet",
        ])
        #expect(grid.styleLines[12].contains("dddddddddddddd"))
    }

    /// Answers A–Z whatever their case and accents ("apple" is not sent after "Zebra").
    @Test func answersAreSortedIgnoringCaseAndAccents() {
        let answers = ["banana", "Zebra", "éclair", "apple", "Échelle", "ocean", "Ölmühle"]
        let grid = render(F.clusterRole, PollResults(ballotCount: 7, rows: [], answers: answers), width: 40, height: 12)
        expectLines(grid, [
            "What should be the primary focus and the",
            "role of clusters in contributing to Sma…",
            "7 ballots",
            "",
            "Answers (A–Z)",
            "• apple",
            "• banana",
            "• Échelle",
            "• éclair",
            "• ocean",
            "• Ölmühle",
            "• Zebra",
        ])
    }

    // MARK: - Regions, narrow and ASCII

    /// Open text below 70 columns: terms, then answers; the answer that does not fit whole is cut.
    @Test func openTextInOneColumnIn60x16Region() {
        let grid = render(F.clusterRole, F.clusterRoleResults, x: 10, y: 4, width: 60, height: 16)
        expectLines(grid, [
            "",
            "",
            "",
            "",
            "          What should be the primary focus and the role of clusters in",
            "          contributing to Smart Specialisation Strategies (S3)?",
            "          12 ballots",
            "",
            "          Top terms",
            "          clusters    ██████████████████████████████████████████████ 5",
            "          regions     ████████████████████████████████████▊          4",
            "          SMEs        ███████████████████████████▋                   3",
            "          … 3 more",
            "",
            "          Answers (A–Z)",
            "          • A permanent interregional partnership with its own budget",
            "          • Aligning ecosystems across borders",
            "          • Bridge between SMEs and regional authorities",
            "          • Bring industry needs into the entrepreneurial discovery…",
            "          … 8 more",
        ])
    }

    /// A scale with no rows from the tally: the bars come from the distribution, with the end labels.
    @Test func asciiRatingScaleFromTheDistribution() {
        let results = PollResults(ballotCount: 23, rows: [], scale: F.readinessResults.scale)
        expectLines(render(F.readiness, results, glyphs: .ascii, screen: TerminalSize(columns: 60, rows: 16), width: 60, height: 16), [
            "How ready is your region or cluster to join an interregional",
            "action on raw materials this year?",
            "Mean 3.8 - median 4 - 23 ballots",
            "",
            "1 - Not ready      #                                  1 - 4%",
            "",
            "2                  ###                                2 - 9%",
            "",
            "3                  #######                           5 - 22%",
            "",
            "4                  ###########                       8 - 35%",
            "",
            "5 - Ready to start ##########                        7 - 30%",
        ])
    }

    // MARK: - Clipping

    /// Every poll type at every size from 0×0 to 120×40, in a grid filled with "x" around the
    /// rectangle: nothing outside changes, no wide character is split, every line fits.
    @Test(arguments: PollResultsFixtures.all.indices)
    func neverDrawsOutsideItsRectangle(fixture: Int) {
        let (poll, results) = F.all[fixture]
        for width in 0...120 {
            for height in 0...40 {
                let glyphs: Glyphs = (width + height) % 2 == 0 ? .unicode : .ascii
                var grid = framedGrid(x: 2, y: 1, width: width, height: height)
                PollResultsView.draw(poll: poll, results: results, into: &grid, x: 2, y: 1, width: width, height: height, glyphs: glyphs)
                if let problem = outsideProblem(grid, x: 2, y: 1, width: width, height: height) {
                    Issue.record("\(poll.id) at \(width)×\(height): \(problem)")
                    return
                }
            }
        }
    }

    /// Japanese, Korean, accents and a combining accent: labels stand above their bars at 40
    /// columns, and at every width from 1 to 80 each line fits and no wide character is split.
    @Test func wideAndAccentedTextFitsAtEveryWidth() {
        let screen = TerminalSize(columns: 40, rows: 12)
        expectLines(render(F.partnerRegions, F.partnerRegionsResults, screen: screen, width: 40, height: 12), [
            "¿Con qué regiones fuera de la UE quiere",
            "cooperar? 域外の協力先は？",
            "16 ballots · any number of picks",
            "",
            "日本（関西・九州のクラスター）",
            "██████████████████               9 · 56%",
            "Québec – Montréal AI cluster",
            "██████████████                   7 · 44%",
            "한국 배터리 가치사슬",
            "████████                         4 · 25%",
            "Türkiye – İzmir bölgesi",
            "██                                1 · 6%",
        ])
        expectLines(render(F.clusterRole, F.partnerAnswers, screen: TerminalSize(columns: 71, rows: 8), width: 71, height: 8), [
            "What should be the primary focus and the role of clusters in contribut…",
            "3 ballots",
            "Top terms                    │ Answers (A–Z)",
            "クラスター  ██████████████ 2 │ • Coopération avec le Québec sur l’IA",
            "coopération ███████        1 │ • 九州の半導体クラスターとの共同パイロッ",
            "                             │   ト",
            "                             │ • 한국 배터리 클러스터와 협력",
            "                             │",
        ])
        for (poll, results) in [(F.partnerRegions, F.partnerRegionsResults), (F.clusterRole, F.partnerAnswers)] {
            for width in 1...80 {
                for height in [3, 8, 12] {
                    let grid = render(poll, results, screen: TerminalSize(columns: width, rows: height), width: width, height: height)
                    for line in grid.lines { #expect(line.terminalWidth <= width, "\(poll.id) at \(width)×\(height)") }
                    #expect(gridAlignmentProblem(grid) == nil, "\(poll.id) at \(width)×\(height)")
                }
            }
        }
    }

    // MARK: - Details

    @Test func contextLineSaysWhatTheBarsMeasure() {
        func context(_ poll: PollDefinition, _ results: PollResults, _ glyphs: Glyphs = .unicode) -> String {
            PollResultsView.context(poll: poll, results: results, glyphs: glyphs)
        }
        let one = PollResults(ballotCount: 1, rows: [])
        #expect(context(F.cooperationStage, one) == "1 ballot")
        #expect(context(F.clusterSupport, F.clusterSupportResults) == "31 ballots · up to 3 picks each")
        var anyNumber = F.clusterSupport
        anyNumber.maxPicks = nil
        #expect(context(anyNumber, one) == "1 ballot · any number of picks")
        var onePick = F.clusterSupport
        onePick.maxPicks = 1
        #expect(context(onePick, one) == "1 ballot · up to 1 pick each")
        #expect(context(F.challenges, F.challengesResults) == "Average score (6 = first) · 18 ballots")
        #expect(context(F.challenges, F.challengesResults, .ascii) == "Average score (6 = first) - 18 ballots")
        var thousand = F.budget
        thousand.points = 1000
        #expect(context(thousand, F.budgetResults) == "Points · 1000 per ballot · 12 ballots")
        #expect(context(F.readiness, F.readinessResults) == "Mean 3.8 · median 4 · 23 ballots")
        let even = PollResults(ballotCount: 2, rows: [], scale: ScaleStatistics(mean: 4, median: 3.5, distribution: [0, 0, 1, 1, 0]))
        #expect(context(F.readiness, even) == "Mean 4.0 · median 3.5 · 2 ballots")
        let negative = PollResults(ballotCount: 3, rows: [], scale: ScaleStatistics(mean: -0.46, median: -0.04, distribution: []))
        #expect(context(F.readiness, negative) == "Mean -0.5 · median 0 · 3 ballots")
        #expect(context(F.readiness, one) == "1 ballot", "no statistics, no mean")
    }

    @Test func scaleBarsCarryTheEndLabels() {
        let bare = PollResults(ballotCount: 3, rows: (1...5).map { F.row("\($0)", 1, 0.2, "1") })
        #expect(PollResultsView.scaleRows(poll: F.readiness, results: bare, glyphs: .unicode).map(\.label) ==
                ["1 · Not ready", "2", "3", "4", "5 · Ready to start"])
        #expect(PollResultsView.scaleRows(poll: F.readiness, results: F.readinessResults, glyphs: .unicode) == F.readinessResults.rows,
                "labels from the tally are kept")
        var noLabels = F.readiness
        noLabels.scale = RatingScale(min: 0, max: 2)
        let derived = PollResultsView.scaleRows(
            poll: noLabels, results: PollResults(ballotCount: 4, rows: [], scale: ScaleStatistics(mean: 1, median: 1, distribution: [1, 2, 1])),
            glyphs: .ascii)
        #expect(derived.map(\.label) == ["0", "1", "2"])
        #expect(derived.map(\.valueText) == ["1 - 25%", "2 - 50%", "1 - 25%"])
        #expect(derived.map(\.fraction) == [0.25, 0.5, 0.25])
    }

    /// Counts from a show of hands have no ballots behind them, but they are results.
    @Test func handCountsWithoutBallotsAreShown() {
        let hands = PollResults(ballotCount: 0, rows: [F.row("Physical", 14, 0.7, "14 · 70%"), F.row("Online", 6, 0.3, "6 · 30%")])
        let poll = PollDefinition(id: "format", question: "Which workshop format works best?", type: .single, options: ["Physical", "Online"])
        expectLines(render(poll, hands, screen: TerminalSize(columns: 40, rows: 6), width: 40, height: 6), [
            "Which workshop format works best?",
            "0 ballots",
            "Physical ███████████████▍       14 · 70%",
            "",
            "Online   ██████▋                 6 · 30%",
        ])
    }

    /// Three lines: no question, the statistics, and as much of the chart as fits.
    @Test func shortRectanglesKeepTheNumbers() {
        expectLines(render(F.readiness, F.readinessResults, screen: TerminalSize(columns: 50, rows: 3), width: 50, height: 3), [
            "Mean 3.8 · median 4 · 23 ballots",
            "1 · Not ready      █                        1 · 4%",
            "… 4 more",
        ])
        expectLines(render(F.readiness, F.readinessResults, screen: TerminalSize(columns: 50, rows: 1), width: 50, height: 1), [
            "Mean 3.8 · median 4 · 23 ballots",
        ])
    }

    /// No terms yet: the answers take the whole width; the newest first; blank answers are not listed;
    /// an answer that does not fit whole ends with "…" where its shown lines end.
    @Test func openTextWithoutTermsListsTheAnswers() {
        let results = PollResults(ballotCount: 5, rows: [], answers: [
            "Aligning ecosystems", "   ", "Funding beyond projects\nand beyond calls", "Matchmaking with regions in other Member States",
            "Building capacity for interregional cooperation",
        ])
        expectLines(render(F.clusterRole, results, screen: TerminalSize(columns: 30, rows: 10), width: 30, height: 10), [
            "What should be the primary",
            "focus and the role of cluster…",
            "5 ballots",
            "Answers (A–Z)",
            "• Aligning ecosystems",
            "• Building capacity for",
            "  interregional cooperation",
            "• Funding beyond projects",
            "  and beyond calls",
            "… 1 more",
        ])
    }

    @Test func asciiOpenText() {
        expectLines(render(F.clusterRole, F.clusterRoleResults, glyphs: .ascii), [
            "What should be the primary focus and the role of clusters in contributing to",
            "Smart Specialisation Strategies (S3)?",
            "12 ballots",
            "",
            "Top terms                        | Answers (A-Z)",
            "clusters    ################## 5 | - A permanent interregional partnership with",
            "regions     ##############     4 |   its own budget",
            "SMEs        ###########        3 | - Aligning ecosystems across borders",
            "funding     ###########        3 | - Bridge between SMEs and regional",
            "matchmaking #######            2 |   authorities",
            "ecosystems  ####               1 | - Bring industry needs into the",
            "                                 |   entrepreneurial discovery process",
            "                                 | - Clusters should co-design the S3 priorities",
            "                                 |   with the region, not only be consulted at",
            "                                 |   the end",
            "                                 | - Funding beyond projects so that the",
            "                                 |   cooperation survives the end of each call",
            "                                 | - Help Widening regions find partners",
            "                                 |   (Kraków, Sevilla, Tartu)",
            "                                 | - Matchmaking with regions in other Member",
            "                                 |   States, not only neighbours",
            "                                 | - Monitoring: clusters see early which S3",
            "                                 |   priorities actually attract investment",
            "                                 | ... 3 more",
        ])
    }
}

/// Polls and hand-built results from the EU cluster workshops, for the chart and results-view goldens.
/// Built by hand on purpose: these tests do not depend on `PollTally`.
enum PollResultsFixtures {
    static func row(_ label: String, _ value: Double, _ fraction: Double, _ valueText: String, option: Int? = nil) -> PollResults.Row {
        PollResults.Row(label: label, optionIndex: option, value: value, fraction: fraction, valueText: valueText)
    }

    // MARK: Single choice

    static let cooperationStage = PollDefinition(
        id: "cooperation-stage", question: "Where is your region in interregional cooperation today?", type: .single,
        options: ["Exploring opportunities", "Mapping complementarities and partners", "Running first joint pilots",
                  "Scaling up joint investments"])

    static let cooperationStageResults = PollResults(ballotCount: 23, rows: [
        row("Mapping complementarities and partners", 9, 9.0 / 23, "9 · 39%", option: 1),
        row("Exploring opportunities", 7, 7.0 / 23, "7 · 30%", option: 0),
        row("Running first joint pilots", 5, 5.0 / 23, "5 · 22%", option: 2),
        row("Scaling up joint investments", 2, 2.0 / 23, "2 · 9%", option: 3),
    ])

    static let mainBarrier = PollDefinition(
        id: "main-barrier", question: "Which barrier to interregional cooperation matters most for your region or cluster?",
        type: .single,
        options: ["Finding complementary partners", "Funding and co-investment", "Different regional priorities",
                  "Administrative capacity", "Involving SMEs"])

    static let mainBarrierResults = PollResults(ballotCount: 20, rows: [
        row("Funding and co-investment", 8, 0.4, "8 · 40%", option: 1),
        row("Finding complementary partners", 6, 0.3, "6 · 30%", option: 0),
        row("Administrative capacity", 4, 0.2, "4 · 20%", option: 3),
        row("Involving SMEs", 2, 0.1, "2 · 10%", option: 4),
        row("Different regional priorities", 0, 0, "0 · 0%", option: 2),
    ])

    // MARK: Multiple choice

    static let clusterSupport = PollDefinition(
        id: "cluster-support", question: "What resources or support do clusters need to maximise their contribution to S3 goals?",
        type: .multiple,
        options: ["Funding and investment", "Capacity building and training", "Policy alignment with regional authorities",
                  "Data and mapping (S3 Observatory)", "Matchmaking and smart partnering", "A role in S3 governance"],
        maxPicks: 3)

    static let clusterSupportResults = PollResults(ballotCount: 31, rows: [
        row("Funding and investment", 22, 22.0 / 31, "22 · 71%", option: 0),
        row("Matchmaking and smart partnering", 17, 17.0 / 31, "17 · 55%", option: 4),
        row("Policy alignment with regional authorities", 15, 15.0 / 31, "15 · 48%", option: 2),
        row("Capacity building and training", 12, 12.0 / 31, "12 · 39%", option: 1),
        row("Data and mapping (S3 Observatory)", 9, 9.0 / 31, "9 · 29%", option: 3),
        row("A role in S3 governance", 1, 1.0 / 31, "1 · 3%", option: 5),
    ])

    // MARK: Ranking

    static let challenges = PollDefinition(
        id: "challenges-ranking",
        question: "Rank the main challenges you meet when initiating interregional cooperation (most critical first)",
        type: .ranking,
        options: [
            "Building capacity for interregional cooperation",
            "Aligning ecosystems",
            "Funding beyond projects",
            "Matchmaking with regions in other Member States",
            "Engaging regional stakeholders",
            "Governance, monitoring and assessment",
        ])

    static let challengesResults = PollResults(ballotCount: 18, rows: [
        row("Funding beyond projects", 4.9, 4.9 / 6, "4.9 pts", option: 2),
        row("Building capacity for interregional cooperation", 4.4, 4.4 / 6, "4.4 pts", option: 0),
        row("Aligning ecosystems", 3.6, 3.6 / 6, "3.6 pts", option: 1),
        row("Matchmaking with regions in other Member States", 3.1, 3.1 / 6, "3.1 pts", option: 3),
        row("Engaging regional stakeholders", 2.7, 2.7 / 6, "2.7 pts", option: 4),
        row("Governance, monitoring and assessment", 2.3, 2.3 / 6, "2.3 pts", option: 5),
    ])

    // MARK: Allocation

    static let budget = PollDefinition(
        id: "budget", question: "Share 100 points between the actions the partnership should fund first", type: .allocation,
        options: ["Joint pilot projects", "Matchmaking events", "Shared data platform", "Staff exchanges"])

    static let budgetResults = PollResults(ballotCount: 12, rows: [
        row("Joint pilot projects", 460, 0.3833, "460 pts · 38%", option: 0),
        row("Matchmaking events", 310, 0.2583, "310 pts · 26%", option: 1),
        row("Shared data platform", 280, 0.2333, "280 pts · 23%", option: 2),
        row("Staff exchanges", 150, 0.125, "150 pts · 13%", option: 3),
    ])

    // MARK: Rating scale

    static let readiness = PollDefinition(
        id: "readiness", question: "How ready is your region or cluster to join an interregional action on raw materials this year?",
        type: .scale, scale: RatingScale(min: 1, max: 5, minLabel: "Not ready", maxLabel: "Ready to start"))

    static let readinessResults = PollResults(
        ballotCount: 23,
        rows: [
            row("1 · Not ready", 1, 1.0 / 23, "1 · 4%"),
            row("2", 2, 2.0 / 23, "2 · 9%"),
            row("3", 5, 5.0 / 23, "5 · 22%"),
            row("4", 8, 8.0 / 23, "8 · 35%"),
            row("5 · Ready to start", 7, 7.0 / 23, "7 · 30%"),
        ],
        scale: ScaleStatistics(mean: 3.78, median: 4, distribution: [1, 2, 5, 8, 7]))

    // MARK: Open text

    static let clusterRole = PollDefinition(
        id: "cluster-role",
        question: "What should be the primary focus and the role of clusters in contributing to Smart Specialisation Strategies (S3)?",
        type: .open, maxLength: 280)

    /// Oldest first, as given.
    static let clusterRoleAnswers = [
        "Bridge between SMEs and regional authorities",
        "Bring industry needs into the entrepreneurial discovery process",
        "Matchmaking with regions in other Member States, not only neighbours",
        "Monitoring: clusters see early which S3 priorities actually attract investment",
        "Funding beyond projects so that the cooperation survives the end of each call",
        "Skills!",
        "Aligning ecosystems across borders",
        "Clusters should co-design the S3 priorities with the region, not only be consulted at the end",
        "A permanent interregional partnership with its own budget",
        "Translate S3 into concrete joint investments; today the strategy stays on paper and companies do not see what it means for them",
        "Help Widening regions find partners (Kraków, Sevilla, Tartu)",
        "Scale-up support",
    ]

    static let clusterRoleResults = PollResults(
        ballotCount: 12,
        rows: [
            row("clusters", 5, 1, "5"),
            row("regions", 4, 0.8, "4"),
            row("SMEs", 3, 0.6, "3"),
            row("funding", 3, 0.6, "3"),
            row("matchmaking", 2, 0.4, "2"),
            row("ecosystems", 1, 0.2, "1"),
        ],
        answers: clusterRoleAnswers)

    // MARK: Wide and accented text

    static let partnerRegions = PollDefinition(
        id: "partner-regions", question: "¿Con qué regiones fuera de la UE quiere cooperar? 域外の協力先は？", type: .multiple,
        options: ["日本（関西・九州のクラスター）", "한국 배터리 가치사슬", "Québec – Montréal AI cluster", "Türkiye – İzmir bölgesi"])

    static let partnerRegionsResults = PollResults(ballotCount: 16, rows: [
        row("日本（関西・九州のクラスター）", 9, 9.0 / 16, "9 · 56%", option: 0),
        row("Québec – Montre\u{301}al AI cluster", 7, 7.0 / 16, "7 · 44%", option: 2),
        row("한국 배터리 가치사슬", 4, 4.0 / 16, "4 · 25%", option: 1),
        row("Türkiye – İzmir bölgesi", 1, 1.0 / 16, "1 · 6%", option: 3),
    ])

    static let partnerAnswers = PollResults(
        ballotCount: 3,
        rows: [row("クラスター", 2, 1, "2"), row("coopération", 1, 0.5, "1")],
        answers: ["九州の半導体クラスターとの共同パイロット", "Coopération avec le Québec sur l’IA", "한국 배터리 클러스터와 협력"])

    /// Every poll with its results, for the property loops.
    static let all: [(PollDefinition, PollResults)] = [
        (cooperationStage, cooperationStageResults),
        (partnerRegions, partnerRegionsResults),
        (clusterRole, partnerAnswers),
        (clusterSupport, clusterSupportResults),
        (challenges, challengesResults),
        (budget, budgetResults),
        (readiness, readinessResults),
        (clusterRole, clusterRoleResults),
        (cooperationStage, PollResults(ballotCount: 0, rows: [])),
    ]
}
