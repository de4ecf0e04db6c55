import Testing
import PlenaryEngine
import PlenaryStorage
import PlenaryTestSupport
@testable import PlenaryUI

/// The projector's screen (issue 14), drawn from the audience's `RoomView` of a real workshop state.
@Suite struct AudienceScreenTests {
    static let note = "SECRET-NOTE"
    static let hiddenOption = "Hidden-option"
    static let small = TerminalSize(columns: 80, rows: 24)
    static let medium = TerminalSize(columns: 120, rows: 40)
    static let projector = TerminalSize(columns: 300, rows: 80)

    static func session() -> Session {
        var session = Fixtures.sevilla()
        session.subtitle = "Workshop on Regional Cooperation"
        session.howToVote = "Kiosks at the back · or ssh vote@10.0.0.5"
        session.agenda[0].notes = note
        session.agenda[0].speakers = [Person(name: "Ana Negrete"), Person(name: "Santiago Cuesta")]
        session.polls = [
            PollDefinition(id: "format", question: "Which format for the next meeting?", type: .single, options: ["Physical", "Online", "Hybrid"]),
            PollDefinition(id: "topics", question: "Topics to follow up?", type: .multiple, options: ["Funding", "Partners", "SMEs"], maxPicks: 2),
            PollDefinition(id: "ready", question: "How ready is your region?", type: .scale,
                           scale: RatingScale(min: 1, max: 5, minLabel: "Not ready", maxLabel: "Ready")),
            PollDefinition(id: "rank", question: "Rank the priorities", type: .ranking, options: ["Skills", "Energy", "Health"]),
            PollDefinition(id: "ideas", question: "One word for today?", type: .open),
            PollDefinition(id: "secret", question: "Hidden?", type: .single, options: [hiddenOption, "Other"]),
        ]
        return session
    }

    /// The audience's view after `commands` (applied at 12:01), seen at `now`.
    static func view(_ commands: [WorkshopCommand], session: Session = session(), now: Instant = Fixtures.at(12, 10)) throws -> RoomView {
        var state = try Fixtures.state(session, now: Fixtures.at(12, 0))
        for command in commands {
            #expect(WorkshopReducer.apply(command, to: &state, at: Fixtures.at(12, 1)) == nil, "\(command)")
        }
        state.now = now
        return RoomView(of: state, for: .audience)
    }

    static func revealed(_ poll: String, _ ballots: [Ballot]) -> [WorkshopCommand] {
        [.start, .poll(.open(poll: poll))] + ballots.map { .poll(.cast(poll: poll, ballot: $0)) }
            + [.poll(.close(poll: poll)), .poll(.reveal(poll: poll, shown: true))]
    }

    func render(_ view: RoomView, _ size: TerminalSize = small, now: Instant = Fixtures.at(12, 10), glyphs: Glyphs = .unicode) -> CellGrid {
        AudienceScreen.render(view, now: now, size: size, glyphs: glyphs)
    }

    /// Before the start: the first slot, no countdown, "starting soon" in the bar.
    @Test func beforeTheStartAt80x24() throws {
        expectLines(render(try Self.view([]), Self.small), [
            " From S3 Benchmarking to Cluster-Led Action                      starting soon",
            " Workshop on Regional Cooperation",
            "────────────────────────────────────────────────────────────────────────────────",
            "",
            "  FIRST UP · Registration",
            "  Registration",
            "  Ana Negrete · Santiago Cuesta",
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
            "",
            "",
            "",
            "",
            "",
            " How to vote: Kiosks at the back · or ssh vote@10.0.0.5",
        ])
    }

    /// A slot running with no poll: the countdown in block digits, centred.
    @Test func aSlotRunningWithSpeakersAt80x24() throws {
        expectLines(render(try Self.view([.start]), Self.small), [
            " From S3 Benchmarking to Cluster-Led Action",
            " Workshop on Regional Cooperation",
            "────────────────────────────────────────────────────────────────────────────────",
            "",
            "  NOW · Registration",
            "  Registration",
            "  Ana Negrete · Santiago Cuesta",
            "",
            "                               ███  █    ███ ███",
            "                                 █ ██  █ █ █ █ █",
            "                               ███  █    █ █ █ █",
            "                               █    █  █ █ █ █ █",
            "                               ███ ███   ███ ███",
            "                               left in this slot",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            " How to vote: Kiosks at the back · or ssh vote@10.0.0.5",
        ])
    }

    /// An open poll whose results wait for the reveal: the question, the options and the count only.
    @Test func anOpenPollWithItsLiveCountAt80x24() throws {
        expectLines(render(try Self.view([.start, .poll(.open(poll: "format")), .poll(.cast(poll: "format", ballot: .single(option: 1)))]), Self.small), [
            " From S3 Benchmarking to Cluster-Led Action",
            " Workshop on Regional Cooperation",
            "────────────────────────────────────────────────────────────────────────────────",
            "",
            "  NOW · Registration",
            "  Registration",
            "  Ana Negrete · Santiago Cuesta",
            "",
            "  21:00  left in this slot",
            "",
            "  ────────────────────────────────────────────────────────────────────────────",
            "  VOTING OPEN · 1 ballot so far",
            "  Which format for the next meeting?",
            "",
            "  • Physical",
            "  • Online",
            "  • Hybrid",
            "",
            "",
            "",
            "",
            "",
            "",
            " How to vote: Kiosks at the back · or ssh vote@10.0.0.5",
        ])
    }

    /// Revealed single choice: bars by count.
    @Test func singleChoiceBarsAt80x24() throws {
        expectLines(render(try Self.view(Self.revealed("format", [.single(option: 1), .single(option: 1), .single(option: 0)])), Self.small), [
            " From S3 Benchmarking to Cluster-Led Action",
            " Workshop on Regional Cooperation",
            "────────────────────────────────────────────────────────────────────────────────",
            "",
            "  NOW · Registration",
            "  Registration",
            "  Ana Negrete · Santiago Cuesta",
            "",
            "  21:00  left in this slot",
            "",
            "  ────────────────────────────────────────────────────────────────────────────",
            "  RESULTS",
            "  Which format for the next meeting?",
            "  3 ballots",
            "  Online   ███████████████████████████████████████▍                    2 · 67%",
            "",
            "  Physical ███████████████████▋                                        1 · 33%",
            "",
            "  Hybrid                                                                0 · 0%",
            "",
            "",
            "",
            "",
            " How to vote: Kiosks at the back · or ssh vote@10.0.0.5",
        ])
    }

    /// Revealed multiple choice: bars and the picks rule.
    @Test func multipleChoiceBarsAt80x24() throws {
        expectLines(render(try Self.view(Self.revealed("topics", [.multiple(options: [0, 1]), .multiple(options: [1])])), Self.small), [
            " From S3 Benchmarking to Cluster-Led Action",
            " Workshop on Regional Cooperation",
            "────────────────────────────────────────────────────────────────────────────────",
            "",
            "  NOW · Registration",
            "  Registration",
            "  Ana Negrete · Santiago Cuesta",
            "",
            "  21:00  left in this slot",
            "",
            "  ────────────────────────────────────────────────────────────────────────────",
            "  RESULTS",
            "  Topics to follow up?",
            "  2 ballots · up to 2 picks each",
            "  Partners ██████████████████████████████████████████████████████████ 2 · 100%",
            "",
            "  Funding  █████████████████████████████                               1 · 50%",
            "",
            "  SMEs                                                                  0 · 0%",
            "",
            "",
            "",
            "",
            " How to vote: Kiosks at the back · or ssh vote@10.0.0.5",
        ])
    }

    /// Revealed rating scale: mean and median, one bar per value.
    @Test func scaleMeanAt80x24() throws {
        expectLines(render(try Self.view(Self.revealed("ready", [.scale(value: 4), .scale(value: 5), .scale(value: 2)])), Self.small), [
            " From S3 Benchmarking to Cluster-Led Action",
            " Workshop on Regional Cooperation",
            "────────────────────────────────────────────────────────────────────────────────",
            "",
            "  NOW · Registration",
            "  Registration",
            "  Ana Negrete · Santiago Cuesta",
            "",
            "  21:00  left in this slot",
            "",
            "  ────────────────────────────────────────────────────────────────────────────",
            "  RESULTS",
            "  How ready is your region?",
            "  Mean 3.7 · median 4 · 3 ballots",
            "  1 · Not ready                                                         0 · 0%",
            "  2             ██████████████████                                     1 · 33%",
            "  3                                                                     0 · 0%",
            "  4             ██████████████████                                     1 · 33%",
            "  5 · Ready     ██████████████████                                     1 · 33%",
            "",
            "",
            "",
            "",
            " How to vote: Kiosks at the back · or ssh vote@10.0.0.5",
        ])
    }

    /// Revealed ranking: average scores.
    @Test func rankingAt80x24() throws {
        expectLines(render(try Self.view(Self.revealed("rank", [.ranking(order: [1, 0, 2]), .ranking(order: [1, 2, 0])])), Self.small), [
            " From S3 Benchmarking to Cluster-Led Action",
            " Workshop on Regional Cooperation",
            "────────────────────────────────────────────────────────────────────────────────",
            "",
            "  NOW · Registration",
            "  Registration",
            "  Ana Negrete · Santiago Cuesta",
            "",
            "  21:00  left in this slot",
            "",
            "  ────────────────────────────────────────────────────────────────────────────",
            "  RESULTS",
            "  Rank the priorities",
            "  Average score (3 = first) · 2 ballots",
            "  Energy █████████████████████████████████████████████████████████████ 3.0 pts",
            "",
            "  Skills ██████████████████████████████▌                               1.5 pts",
            "",
            "  Health ██████████████████████████████▌                               1.5 pts",
            "",
            "",
            "",
            "",
            " How to vote: Kiosks at the back · or ssh vote@10.0.0.5",
        ])
    }

    /// Revealed open text: the word list only (the answers stay on the host).
    @Test func wordListAt80x24() throws {
        expectLines(render(try Self.view(Self.revealed("ideas", [.open(text: "cooperation"), .open(text: "Cooperation works")])), Self.small), [
            " From S3 Benchmarking to Cluster-Led Action",
            " Workshop on Regional Cooperation",
            "────────────────────────────────────────────────────────────────────────────────",
            "",
            "  NOW · Registration",
            "  Registration",
            "  Ana Negrete · Santiago Cuesta",
            "",
            "  21:00  left in this slot",
            "",
            "  ────────────────────────────────────────────────────────────────────────────",
            "  RESULTS",
            "  One word for today?",
            "  2 ballots",
            "  Top terms",
            "  cooperation ██████████████████████████████████████████████████████████████ 2",
            "  works       ███████████████████████████████                                1",
            "",
            "",
            "",
            "",
            "",
            "",
            " How to vote: Kiosks at the back · or ssh vote@10.0.0.5",
        ])
    }

    /// A slot running with no poll: the countdown in block digits, centred.
    @Test func aSlotRunningWithSpeakersAt120x40() throws {
        expectLines(render(try Self.view([.start]), Self.medium), [
            " From S3 Benchmarking to Cluster-Led Action",
            " Workshop on Regional Cooperation",
            "────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
            "",
            "    NOW · Registration",
            "    Registration",
            "    Ana Negrete · Santiago Cuesta",
            "",
            "                                                   ███  █    ███ ███",
            "                                                     █ ██  █ █ █ █ █",
            "                                                   ███  █    █ █ █ █",
            "                                                   █    █  █ █ █ █ █",
            "                                                   ███ ███   ███ ███",
            "                                                   left in this slot",
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
            "",
            "",
            "",
            " How to vote: Kiosks at the back · or ssh vote@10.0.0.5",
        ])
    }

    /// An open poll whose results wait for the reveal: the question, the options and the count only.
    @Test func anOpenPollWithItsLiveCountAt120x40() throws {
        expectLines(render(try Self.view([.start, .poll(.open(poll: "format")), .poll(.cast(poll: "format", ballot: .single(option: 1)))]), Self.medium), [
            " From S3 Benchmarking to Cluster-Led Action",
            " Workshop on Regional Cooperation",
            "────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
            "",
            "    NOW · Registration",
            "    Registration",
            "    Ana Negrete · Santiago Cuesta",
            "",
            "                                                   ███  █    ███ ███",
            "                                                     █ ██  █ █ █ █ █",
            "                                                   ███  █    █ █ █ █",
            "                                                   █    █  █ █ █ █ █",
            "                                                   ███ ███   ███ ███",
            "                                                   left in this slot",
            "",
            "    ────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
            "    VOTING OPEN · 1 ballot so far",
            "    Which format for the next meeting?                                                                        ██",
            "                                                                                                              ██",
            "    • Physical                                                                                              ████",
            "    • Online                                                                                                ████",
            "    • Hybrid                                                                                                  ██",
            "                                                                                                              ██",
            "                                                                                                              ██",
            "                                                                                                              ██",
            "                                                                                                            ██████",
            "                                                                                                            ██████",
            "                                                                                                            ballot",
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
            " How to vote: Kiosks at the back · or ssh vote@10.0.0.5",
        ])
    }

    /// Revealed single choice: bars by count.
    @Test func singleChoiceBarsAt120x40() throws {
        expectLines(render(try Self.view(Self.revealed("format", [.single(option: 1), .single(option: 1), .single(option: 0)])), Self.medium), [
            " From S3 Benchmarking to Cluster-Led Action",
            " Workshop on Regional Cooperation",
            "────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
            "",
            "    NOW · Registration",
            "    Registration",
            "    Ana Negrete · Santiago Cuesta",
            "",
            "                                                   ███  █    ███ ███",
            "                                                     █ ██  █ █ █ █ █",
            "                                                   ███  █    █ █ █ █",
            "                                                   █    █  █ █ █ █ █",
            "                                                   ███ ███   ███ ███",
            "                                                   left in this slot",
            "",
            "    ────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
            "    RESULTS",
            "    Which format for the next meeting?",
            "    3 ballots",
            "",
            "    Online   ███████████████████████████████████████████████████████████████▍                                2 · 67%",
            "",
            "    Physical ███████████████████████████████▋                                                                1 · 33%",
            "",
            "    Hybrid                                                                                                    0 · 0%",
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
            "",
            "",
            "",
            " How to vote: Kiosks at the back · or ssh vote@10.0.0.5",
        ])
    }

    /// Revealed rating scale: mean and median, one bar per value.
    @Test func scaleMeanAt120x40() throws {
        expectLines(render(try Self.view(Self.revealed("ready", [.scale(value: 4), .scale(value: 5), .scale(value: 2)])), Self.medium), [
            " From S3 Benchmarking to Cluster-Led Action",
            " Workshop on Regional Cooperation",
            "────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
            "",
            "    NOW · Registration",
            "    Registration",
            "    Ana Negrete · Santiago Cuesta",
            "",
            "                                                   ███  █    ███ ███",
            "                                                     █ ██  █ █ █ █ █",
            "                                                   ███  █    █ █ █ █",
            "                                                   █    █  █ █ █ █ █",
            "                                                   ███ ███   ███ ███",
            "                                                   left in this slot",
            "",
            "    ────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
            "    RESULTS",
            "    How ready is your region?",
            "    Mean 3.7 · median 4 · 3 ballots",
            "",
            "    1 · Not ready                                                                                             0 · 0%",
            "",
            "    2             ██████████████████████████████                                                             1 · 33%",
            "",
            "    3                                                                                                         0 · 0%",
            "",
            "    4             ██████████████████████████████                                                             1 · 33%",
            "",
            "    5 · Ready     ██████████████████████████████                                                             1 · 33%",
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
            " How to vote: Kiosks at the back · or ssh vote@10.0.0.5",
        ])
    }

    /// A slot running with no poll: the countdown in block digits, centred.
    @Test func aSlotRunningWithSpeakersAt300x80() throws {
        expectLines(render(try Self.view([.start]), Self.projector), [
            " From S3 Benchmarking to Cluster-Led Action",
            " Workshop on Regional Cooperation",
            "────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
            "",
            "    NOW · Registration",
            "    Registration",
            "    Ana Negrete · Santiago Cuesta",
            "",
            "                                                                                                                            █████████      ███            █████████   █████████",
            "                                                                                                                            █████████      ███            █████████   █████████",
            "                                                                                                                            █████████      ███            █████████   █████████",
            "                                                                                                                                  ███   ██████      ███   ███   ███   ███   ███",
            "                                                                                                                                  ███   ██████      ███   ███   ███   ███   ███",
            "                                                                                                                                  ███   ██████      ███   ███   ███   ███   ███",
            "                                                                                                                            █████████      ███            ███   ███   ███   ███",
            "                                                                                                                            █████████      ███            ███   ███   ███   ███",
            "                                                                                                                            █████████      ███            ███   ███   ███   ███",
            "                                                                                                                            ███            ███      ███   ███   ███   ███   ███",
            "                                                                                                                            ███            ███      ███   ███   ███   ███   ███",
            "                                                                                                                            ███            ███      ███   ███   ███   ███   ███",
            "                                                                                                                            █████████   █████████         █████████   █████████",
            "                                                                                                                            █████████   █████████         █████████   █████████",
            "                                                                                                                            █████████   █████████         █████████   █████████",
            "                                                                                                                                             left in this slot",
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
            " How to vote: Kiosks at the back · or ssh vote@10.0.0.5",
        ])
    }

    /// An open poll whose results wait for the reveal: the question, the options and the count only.
    @Test func anOpenPollWithItsLiveCountAt300x80() throws {
        expectLines(render(try Self.view([.start, .poll(.open(poll: "format")), .poll(.cast(poll: "format", ballot: .single(option: 1)))]), Self.projector), [
            " From S3 Benchmarking to Cluster-Led Action",
            " Workshop on Regional Cooperation",
            "────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
            "",
            "    NOW · Registration",
            "    Registration",
            "    Ana Negrete · Santiago Cuesta",
            "",
            "                                                                                                                            █████████      ███            █████████   █████████",
            "                                                                                                                            █████████      ███            █████████   █████████",
            "                                                                                                                            █████████      ███            █████████   █████████",
            "                                                                                                                                  ███   ██████      ███   ███   ███   ███   ███",
            "                                                                                                                                  ███   ██████      ███   ███   ███   ███   ███",
            "                                                                                                                                  ███   ██████      ███   ███   ███   ███   ███",
            "                                                                                                                            █████████      ███            ███   ███   ███   ███",
            "                                                                                                                            █████████      ███            ███   ███   ███   ███",
            "                                                                                                                            █████████      ███            ███   ███   ███   ███",
            "                                                                                                                            ███            ███      ███   ███   ███   ███   ███",
            "                                                                                                                            ███            ███      ███   ███   ███   ███   ███",
            "                                                                                                                            ███            ███      ███   ███   ███   ███   ███",
            "                                                                                                                            █████████   █████████         █████████   █████████",
            "                                                                                                                            █████████   █████████         █████████   █████████",
            "                                                                                                                            █████████   █████████         █████████   █████████",
            "                                                                                                                                             left in this slot",
            "",
            "    ────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
            "    VOTING OPEN · 1 ballot so far",
            "    Which format for the next meeting?                                                                                                                                                                                                                                                            ██",
            "                                                                                                                                                                                                                                                                                                  ██",
            "    • Physical                                                                                                                                                                                                                                                                                  ████",
            "    • Online                                                                                                                                                                                                                                                                                    ████",
            "    • Hybrid                                                                                                                                                                                                                                                                                      ██",
            "                                                                                                                                                                                                                                                                                                  ██",
            "                                                                                                                                                                                                                                                                                                  ██",
            "                                                                                                                                                                                                                                                                                                  ██",
            "                                                                                                                                                                                                                                                                                                ██████",
            "                                                                                                                                                                                                                                                                                                ██████",
            "                                                                                                                                                                                                                                                                                                ballot",
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
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            " How to vote: Kiosks at the back · or ssh vote@10.0.0.5",
        ])
    }

    /// Revealed single choice: bars by count.
    @Test func singleChoiceBarsAt300x80() throws {
        expectLines(render(try Self.view(Self.revealed("format", [.single(option: 1), .single(option: 1), .single(option: 0)])), Self.projector), [
            " From S3 Benchmarking to Cluster-Led Action",
            " Workshop on Regional Cooperation",
            "────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
            "",
            "    NOW · Registration",
            "    Registration",
            "    Ana Negrete · Santiago Cuesta",
            "",
            "                                                                                                                            █████████      ███            █████████   █████████",
            "                                                                                                                            █████████      ███            █████████   █████████",
            "                                                                                                                            █████████      ███            █████████   █████████",
            "                                                                                                                                  ███   ██████      ███   ███   ███   ███   ███",
            "                                                                                                                                  ███   ██████      ███   ███   ███   ███   ███",
            "                                                                                                                                  ███   ██████      ███   ███   ███   ███   ███",
            "                                                                                                                            █████████      ███            ███   ███   ███   ███",
            "                                                                                                                            █████████      ███            ███   ███   ███   ███",
            "                                                                                                                            █████████      ███            ███   ███   ███   ███",
            "                                                                                                                            ███            ███      ███   ███   ███   ███   ███",
            "                                                                                                                            ███            ███      ███   ███   ███   ███   ███",
            "                                                                                                                            ███            ███      ███   ███   ███   ███   ███",
            "                                                                                                                            █████████   █████████         █████████   █████████",
            "                                                                                                                            █████████   █████████         █████████   █████████",
            "                                                                                                                            █████████   █████████         █████████   █████████",
            "                                                                                                                                             left in this slot",
            "",
            "    ────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
            "    RESULTS",
            "    Which format for the next meeting?",
            "    3 ballots",
            "",
            "    Online   ███████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████▍                                                                                            2 · 67%",
            "",
            "    Physical ███████████████████████████████████████████████████████████████████████████████████████████▋                                                                                                                                                                                        1 · 33%",
            "",
            "    Hybrid                                                                                                                                                                                                                                                                                        0 · 0%",
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
            " How to vote: Kiosks at the back · or ssh vote@10.0.0.5",
        ])
    }

    /// Revealed open text: the word list only (the answers stay on the host).
    @Test func wordListAt300x80() throws {
        expectLines(render(try Self.view(Self.revealed("ideas", [.open(text: "cooperation"), .open(text: "Cooperation works")])), Self.projector), [
            " From S3 Benchmarking to Cluster-Led Action",
            " Workshop on Regional Cooperation",
            "────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
            "",
            "    NOW · Registration",
            "    Registration",
            "    Ana Negrete · Santiago Cuesta",
            "",
            "                                                                                                                            █████████      ███            █████████   █████████",
            "                                                                                                                            █████████      ███            █████████   █████████",
            "                                                                                                                            █████████      ███            █████████   █████████",
            "                                                                                                                                  ███   ██████      ███   ███   ███   ███   ███",
            "                                                                                                                                  ███   ██████      ███   ███   ███   ███   ███",
            "                                                                                                                                  ███   ██████      ███   ███   ███   ███   ███",
            "                                                                                                                            █████████      ███            ███   ███   ███   ███",
            "                                                                                                                            █████████      ███            ███   ███   ███   ███",
            "                                                                                                                            █████████      ███            ███   ███   ███   ███",
            "                                                                                                                            ███            ███      ███   ███   ███   ███   ███",
            "                                                                                                                            ███            ███      ███   ███   ███   ███   ███",
            "                                                                                                                            ███            ███      ███   ███   ███   ███   ███",
            "                                                                                                                            █████████   █████████         █████████   █████████",
            "                                                                                                                            █████████   █████████         █████████   █████████",
            "                                                                                                                            █████████   █████████         █████████   █████████",
            "                                                                                                                                             left in this slot",
            "",
            "    ────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
            "    RESULTS",
            "    One word for today?",
            "    2 ballots",
            "",
            "    Top terms",
            "    cooperation ██████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████ 2",
            "    works       ███████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████████                                                                                                                                            1",
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
            "",
            "",
            " How to vote: Kiosks at the back · or ssh vote@10.0.0.5",
        ])
    }

    /// ASCII glyphs: no box drawing, no bullets, no middle dots in Plenary's own words.
    @Test func asciiGlyphs() throws {
        expectLines(render(try Self.view([.start, .poll(.open(poll: "format"))]), glyphs: .ascii), [
            " From S3 Benchmarking to Cluster-Led Action",
            " Workshop on Regional Cooperation",
            "--------------------------------------------------------------------------------",
            "",
            "  NOW - Registration",
            "  Registration",
            "  Ana Negrete - Santiago Cuesta",
            "",
            "  21:00  left in this slot",
            "",
            "  ----------------------------------------------------------------------------",
            "  VOTING OPEN - 0 ballots so far",
            "  Which format for the next meeting?",
            "",
            "  - Physical",
            "  - Online",
            "  - Hybrid",
            "",
            "",
            "",
            "",
            "",
            "",
            " How to vote: Kiosks at the back · or ssh vote@10.0.0.5",
        ])
    }

    /// A CJK title keeps the bar aligned (two columns per character).
    @Test func cjkTitle() throws {
        var session = Self.session()
        session.title = "東京ワークショップ Regional Cooperation"
        expectLines(render(try Self.view([.start], session: session)), [
            " 東京ワークショップ Regional Cooperation",
            " Workshop on Regional Cooperation",
            "────────────────────────────────────────────────────────────────────────────────",
            "",
            "  NOW · Registration",
            "  Registration",
            "  Ana Negrete · Santiago Cuesta",
            "",
            "                               ███  █    ███ ███",
            "                                 █ ██  █ █ █ █ █",
            "                               ███  █    █ █ █ █",
            "                               █    █  █ █ █ █ █",
            "                               ███ ███   ███ ███",
            "                               left in this slot",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            " How to vote: Kiosks at the back · or ssh vote@10.0.0.5",
        ])
    }

    /// Past the planned end the countdown counts up with a "+", in the alert style.
    @Test func overTime() throws {
        let grid = render(try Self.view([.start]), now: Fixtures.at(12, 32))
        expectLines(grid, [
            " From S3 Benchmarking to Cluster-Led Action",
            " Workshop on Regional Cooperation",
            "────────────────────────────────────────────────────────────────────────────────",
            "",
            "  NOW · Registration",
            "  Registration",
            "  Ana Negrete · Santiago Cuesta",
            "",
            "                                 ███  █    ███ ███",
            "                              █  █ █ ██  █ █ █ █ █",
            "                             ███ █ █  █    █ █ █ █",
            "                              █  █ █  █  █ █ █ █ █",
            "                                 ███ ███   ███ ███",
            "                                   over time",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            " How to vote: Kiosks at the back · or ssh vote@10.0.0.5",
        ])
        #expect(grid.styleLines[9].contains("A"))
    }

    /// Nothing the audience may not see reaches the grid at any size: the slot's note, a closed poll never revealed,
    /// an open poll's tally before its reveal.
    @Test(arguments: [small, medium, projector])
    func noNoteAndNoHiddenResultIsEverDrawn(size: TerminalSize) throws {
        let commands: [WorkshopCommand] = [
            .start, .poll(.open(poll: "secret")), .poll(.cast(poll: "secret", ballot: .single(option: 0))), .poll(.close(poll: "secret")),
            .poll(.open(poll: "format")), .poll(.cast(poll: "format", ballot: .single(option: 0))),
        ]
        let text = render(try Self.view(commands), size).lines.joined(separator: "\n")
        for secret in [Self.note, Self.hiddenOption, "Hidden?", "%"] {
            #expect(!text.contains(secret), "\(secret) on the projector")
        }
        #expect(text.contains("VOTING OPEN · 1 ballot so far"))
        // With nothing open, the closed poll never revealed is still not the one shown.
        let closedOnly = render(try Self.view(Array(commands.prefix(4))), size).lines.joined(separator: "\n")
        for secret in [Self.note, Self.hiddenOption, "Hidden?", "%", "RESULTS"] {
            #expect(!closedOnly.contains(secret), "\(secret) on the projector")
        }
    }

    @Test func belowTheMinimumItAsksForALargerWindow() throws {
        let grid = render(try Self.view([.start]), TerminalSize(columns: 59, rows: 16))
        #expect(grid.lines.contains { $0.contains("Please enlarge the window") })
    }

    /// The scaling rule: whole steps up to the rows and half the width given.
    @Test func digitsGrowByWholeSteps() {
        #expect(AudienceScreen.digitScale("21:00", rows: 4, width: 76) == 0)
        #expect(AudienceScreen.digitScale("21:00", rows: 9, width: 76) == 1)
        #expect(AudienceScreen.digitScale("21:00", rows: 19, width: 292) == 3)
        #expect(AudienceScreen.digitScale("21:00", rows: 100, width: 60) == 1)
    }
}
