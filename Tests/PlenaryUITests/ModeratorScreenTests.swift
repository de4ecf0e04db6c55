import Testing
import PlenaryEngine
import PlenarySessionFile
@testable import PlenaryUI
import PlenaryTestSupport

/// Golden screens: the moderator view rendered for fixed moments, compared as literal text.
@Suite struct ModeratorScreenTests {
    @Test func aRoomRunningLateAt80x24() throws {
        let grid = ModeratorScreen.render(try Fixtures.runningLate, size: TerminalSize(columns: 80, rows: 24))
        expectLines(grid, [
            " From S3 Benchmarking to Cluster-Led Action          12:41:07   ▼ 3 min behind",
            " WIDEX & IRM-HUB Workshop on Regional Cooperation · Sevilla · 2025-03-11",
            "────────────────────────────────────────────────────────────────────────────────",
            " AGENDA                         │ NOW · Talk                           slot 3/7",
            " ✓ 12:02 Workshop registration.…│ IRM-HUB framing: S3 benchmark and SWOT logic",
            " ✓ 12:33 Welcome and objectives │ Ángela Negrete Benedí, ECCP",
            " ▶ 12:38 IRM-HUB framing: S3 be…│ Planned 12:35–12:40 (5 min) · started 12:38",
            "   12:43 WIDEX framing: industr…│",
            "   12:48 Working groups         │  ███  █    ███ ███",
            "   13:23 Wrap-up and conclusions│  █ █ ██  █ █     █",
            "   13:33 Networking lunch       │  █ █  █    ███  ██",
            "                                │  █ █  █  █   █   █",
            "                                │  ███ ███   ███ ███",
            "                                │",
            "                                │ left of 05:00 · 03:07 elapsed",
            "                                │ Notes",
            "                                │ High-level overview of the IRM-HUB approach:",
            "                                │ what the S3 benchmark looks at (policy mix,",
            "                                │ instruments, ESIF capabilities).",
            "                                │ Next  12:43  WIDEX framing: industrial clust…",
            "                                │ Day ends 15:00, planned 15:00 (on time)",
            "────────────────────────────────────────────────────────────────────────────────",
            " 3 actions recorded",
            " Space start/pause  n/→ next  p/← back  ? help  q quit  +/- 1 min  g jump  E end",
        ])
    }

    /// A projector-wide terminal gives the agenda the width its titles need: none is cut.
    @Test func aWideScreenShowsEveryTitleWhole() throws {
        let state = try Fixtures.runningLate
        let grid = ModeratorScreen.render(state, size: TerminalSize(columns: 200, rows: 40))
        let rows = grid.lines
        for slot in state.session.agenda {
            #expect(rows.contains { $0.contains(slot.title) }, "\(slot.title) is cut")
        }
    }

    @Test func theSameMomentAt120x40() throws {
        let grid = ModeratorScreen.render(try Fixtures.runningLate, size: TerminalSize(columns: 120, rows: 40))
        expectLines(grid, [
            " From S3 Benchmarking to Cluster-Led Action                                                  12:41:07   ▼ 3 min behind",
            " WIDEX & IRM-HUB Workshop on Regional Cooperation · Sevilla · 2025-03-11",
            "────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
            " AGENDA                                         │ NOW · Talk                                                   slot 3/7",
            " ✓ 12:02 Workshop registration. Networking & we…│ IRM-HUB framing: S3 benchmark and SWOT logic",
            " ✓ 12:33 Welcome and objectives                 │ Ángela Negrete Benedí, ECCP",
            " ▶ 12:38 IRM-HUB framing: S3 benchmark and SWOT…│ Planned 12:35–12:40 (5 min) · started 12:38",
            "   12:43 WIDEX framing: industrial clustering a…│",
            "   12:48 Working groups                         │  ███  █    ███ ███",
            "   13:23 Wrap-up and conclusions                │  █ █ ██  █ █     █",
            "   13:33 Networking lunch                       │  █ █  █    ███  ██",
            "                                                │  █ █  █  █   █   █",
            "                                                │  ███ ███   ███ ███",
            "                                                │",
            "                                                │ left of 05:00 · 03:07 elapsed",
            "                                                │ Notes",
            "                                                │ High-level overview of the IRM-HUB approach: what the S3 benchmark",
            "                                                │ looks at (policy mix, instruments, ESIF capabilities).",
            "                                                │",
            "                                                │",
            "                                                │",
            "                                                │",
            "                                                │",
            "                                                │",
            "                                                │",
            "                                                │",
            "                                                │",
            "                                                │",
            "                                                │",
            "                                                │",
            "                                                │",
            "                                                │",
            "                                                │",
            "                                                │",
            "                                                │",
            "                                                │ Next  12:43  WIDEX framing: industrial clustering action concepts",
            "                                                │ Day ends 15:00, planned 15:00 (on time)",
            "────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
            " 3 actions recorded",
            " Space start/pause  n/→ next  p/← back  ? help  q quit  +/- 1 min  g jump  E end",
        ])
    }

    @Test func beforeTheStart() throws {
        let grid = ModeratorScreen.render(try Fixtures.dayState(now: Fixtures.at(11, 50)), size: TerminalSize(columns: 80, rows: 24))
        expectLines(grid, [
            " From S3 Benchmarking to Cluster-Led Action                 11:50:00   on time",
            " WIDEX & IRM-HUB Workshop on Regional Cooperation · Sevilla · 2025-03-11",
            "────────────────────────────────────────────────────────────────────────────────",
            " AGENDA                         │ FIRST UP · Registration              slot 1/7",
            " ▶ 12:00 Workshop registration.…│ Workshop registration. Networking & welcome",
            "   12:30 Welcome and objectives │ coffee",
            "   12:35 IRM-HUB framing: S3 be…│ Planned 12:00–12:30 (30 min)",
            "   12:40 WIDEX framing: industr…│",
            "   12:45 Working groups         │  ███ ███   ███ ███",
            "   13:20 Wrap-up and conclusions│    █ █ █ █ █ █ █ █",
            "   13:30 Networking lunch       │   ██ █ █   █ █ █ █",
            "                                │    █ █ █ █ █ █ █ █",
            "                                │  ███ ███   ███ ███",
            "                                │",
            "                                │ Press Space to start the workshop",
            "                                │",
            "                                │",
            "                                │",
            "                                │",
            "                                │ Next  12:30  Welcome and objectives",
            "                                │ Day ends 15:00, planned 15:00 (on time)",
            "────────────────────────────────────────────────────────────────────────────────",
            " 0 actions recorded",
            " Space start/pause  n/→ next  p/← back  ? help  q quit  +/- 1 min  g jump  E end",
        ])
    }

    @Test func anOverrunningSlot() throws {
        let grid = ModeratorScreen.render(try Fixtures.dayState(now: Fixtures.at(12, 44, 30), [(Fixtures.at(12, 2), .start), (Fixtures.at(12, 33), .next), (Fixtures.at(12, 38), .next)]), size: TerminalSize(columns: 80, rows: 24))
        expectLines(grid, [
            " From S3 Benchmarking to Cluster-Led Action          12:44:30   ▼ 5 min behind",
            " WIDEX & IRM-HUB Workshop on Regional Cooperation · Sevilla · 2025-03-11",
            "────────────────────────────────────────────────────────────────────────────────",
            " AGENDA                         │ NOW · Talk                           slot 3/7",
            " ✓ 12:02 Workshop registration.…│ IRM-HUB framing: S3 benchmark and SWOT logic",
            " ✓ 12:33 Welcome and objectives │ Ángela Negrete Benedí, ECCP",
            " ▶ 12:38 IRM-HUB framing: S3 be…│ Planned 12:35–12:40 (5 min) · started 12:38",
            "   12:45 WIDEX framing: industr…│",
            "   12:50 Working groups         │      ███  █    ███ ███",
            "   13:25 Wrap-up and conclusions│   █  █ █ ██  █   █ █ █",
            "   13:35 Networking lunch       │  ███ █ █  █     ██ █ █",
            "                                │   █  █ █  █  █   █ █ █",
            "                                │      ███ ███   ███ ███",
            "                                │",
            "                                │ over time by 01:30 · elapsed 06:30",
            "                                │ Notes",
            "                                │ High-level overview of the IRM-HUB approach:",
            "                                │ what the S3 benchmark looks at (policy mix,",
            "                                │ instruments, ESIF capabilities).",
            "                                │ Next  12:45  WIDEX framing: industrial clust…",
            "                                │ Day ends 15:00, planned 15:00 (on time)",
            "────────────────────────────────────────────────────────────────────────────────",
            " 3 actions recorded",
            " Space start/pause  n/→ next  p/← back  ? help  q quit  +/- 1 min  g jump  E end",
        ])
    }

    @Test func pausedAtTheMinimumSize() throws {
        let grid = ModeratorScreen.render(try Fixtures.dayState(now: Fixtures.at(12, 10), [(Fixtures.at(12, 0), .start), (Fixtures.at(12, 5), .pause)]), size: TerminalSize(columns: 60, rows: 16))
        expectLines(grid, [
            " From S3 Benchmarking to Clust…  12:10:00   ▼ 5 min behind",
            " WIDEX & IRM-HUB Workshop on Regional Cooperation · Sevill…",
            "────────────────────────────────────────────────────────────",
            " AGENDA                   │ NOW · Registration     slot 1/7",
            " ▶ 12:00 Workshop registr…│ Workshop registration.",
            "   12:35 Welcome and obje…│ Networking & welcome coffee",
            "   12:40 IRM-HUB framing:…│ Planned 12:00–12:30 (30 min) ·…",
            "   12:45 WIDEX framing: i…│",
            "   12:50 Working groups   │ 25:00",
            "   13:25 Wrap-up and conc…│ ⏸ PAUSED · Space to resume",
            "   13:35 Networking lunch │",
            "                          │ Next  12:35  Welcome and objec…",
            "                          │ Day ends 15:00, planned 15:00 …",
            "────────────────────────────────────────────────────────────",
            " 2 actions recorded",
            " Space start/pause  n/→ next  p/← back  ? help  q quit",
        ])
    }

    /// Two lines of title and two of speakers at the minimum size: the timer used to be drawn over "Next"
    /// ("Next o12:30"). The gap under "Planned" gives way so the timer, its label and "Next" each keep a row; with a
    /// slot poll as well, the speakers' second line goes too.
    @Test func aCrowdedSlotAtTheMinimumSizeKeepsTheTimerOffNext() throws {
        var session = Fixtures.sevillaDay
        session.agenda[0].speakers = [
            Person(name: "Ángela Negrete Benedí", affiliation: "ECCP"), Person(name: "Carlos Ruiz", affiliation: "IRM-HUB"),
            Person(name: "Marta Ortega", affiliation: "Junta de Andalucía"),
        ]
        session.agenda[0].polls = []
        let grid = ModeratorScreen.render(try Fixtures.dayState(session, now: Fixtures.at(12, 14, 1), [(Fixtures.at(12, 0), .start)]),
                                          size: TerminalSize(columns: 60, rows: 16))
        expectLines(grid, [
            " From S3 Benchmarking to Cluster-Led …  12:14:01   on time",
            " WIDEX & IRM-HUB Workshop on Regional Cooperation · Sevill…",
            "────────────────────────────────────────────────────────────",
            " AGENDA                   │ NOW · Registration     slot 1/7",
            " ▶ 12:00 Workshop registr…│ Workshop registration.",
            "   12:30 Welcome and obje…│ Networking & welcome coffee",
            "   12:35 IRM-HUB framing:…│ Ángela Negrete Benedí, ECCP;",
            "   12:40 WIDEX framing: i…│ Carlos Ruiz, IRM-HUB; Marta…",
            "   12:45 Working groups   │ Planned 12:00–12:30 (30 min) ·…",
            "   13:20 Wrap-up and conc…│ 15:59",
            "   13:30 Networking lunch │ left of 30:00 · 14:01 elapsed",
            "                          │ Next  12:30  Welcome and objec…",
            "                          │ Day ends 15:00, planned 15:00 …",
            "────────────────────────────────────────────────────────────",
            " 1 action recorded",
            " Space start/pause  n/→ next  p/← back  ? help  q quit",
        ])
    }

    @Test func aCrowdedSlotWithAPollAtTheMinimumSizeShortensTheSpeakers() throws {
        var session = Fixtures.sevillaDay
        session.polls = [PollDefinition(id: "format", question: "Format?", type: .single, options: ["A", "B"])]
        session.agenda[0].speakers = [
            Person(name: "Ángela Negrete Benedí", affiliation: "ECCP"), Person(name: "Carlos Ruiz", affiliation: "IRM-HUB"),
            Person(name: "Marta Ortega", affiliation: "Junta de Andalucía"),
        ]
        session.agenda[0].polls = ["format"]
        let grid = ModeratorScreen.render(try Fixtures.dayState(session, now: Fixtures.at(12, 14, 1), [(Fixtures.at(12, 0), .start)]),
                                          size: TerminalSize(columns: 60, rows: 16))
        let panel = grid.lines[3...12].map { String($0.split(separator: "│", maxSplits: 1).last ?? "") }
        #expect(panel == [
            " NOW · Registration     slot 1/7",
            " Workshop registration.",
            " Networking & welcome coffee",
            " Ángela Negrete Benedí, ECCP;…",
            " Planned 12:00–12:30 (30 min) ·…",
            " 15:59",
            " left of 30:00 · 14:01 elapsed",
            " Poll  DRAFT  Format?        (P)",
            " Next  12:30  Welcome and objec…",
            " Day ends 15:00, planned 15:00 …",
        ])
    }

    /// docs/session-format.md: `|` keeps the notes' lines as written (a list of deadlines, one a line), `>` folds
    /// them into a paragraph that wraps to the panel. Lines used to be joined unless they were bullets.
    @Test func notesKeepTheLinesTheSessionFileGivesThem() throws {
        let yaml = """
            plenary: 1
            title: Notes
            timezone: Europe/Madrid
            agenda:
              - title: Calls
                start: "12:00"
                duration: 30
                notes: |
                  I3 Strand 1: 5 December, 17:00.
                  EMFAF Blue Economy: 18 February.

                  Next Talks: 11 December.
              - title: Folded
                duration: 30
                notes: >
                  A long paragraph typed over
                  several short lines in the file.
            """
        let session = try SessionFile.parse(yaml: yaml, file: "notes.yaml").get()
        let size = TerminalSize(columns: 80, rows: 24)
        func panel(_ state: WorkshopState) -> [String] {
            ModeratorScreen.render(state, size: size).lines[3...20].map {
                String(String($0.split(separator: "│", maxSplits: 1).last ?? "").drop { $0 == " " })
            }
        }
        let first = panel(try Fixtures.dayState(session, now: Fixtures.at(12, 1), [(Fixtures.at(12, 0), .start)]))
        let notes = try #require(first.firstIndex(of: "Notes"))
        #expect(Array(first[(notes + 1)...(notes + 4)]) == [
            "I3 Strand 1: 5 December, 17:00.", "EMFAF Blue Economy: 18 February.", "", "Next Talks: 11 December.",
        ])
        let second = panel(try Fixtures.dayState(session, now: Fixtures.at(12, 31), [(Fixtures.at(12, 0), .start), (Fixtures.at(12, 30), .next)]))
        let folded = try #require(second.firstIndex(of: "Notes"))
        #expect(Array(second[(folded + 1)...(folded + 2)]) == ["A long paragraph typed over several short", "lines in the file."])
    }

    /// An ad-hoc poll's question shows its count against the limit as it is typed, and text that does not fit
    /// is refused with a visible warning (it used to stop silently at 200 characters).
    @Test func theNewPollFormCountsTheQuestionAndSaysWhenItIsFull() throws {
        var state = try Fixtures.dayState(now: Fixtures.at(12, 1))
        var draft = PollDraft()
        _ = draft.apply(.line(.insert("Which instrument helps most?")))
        state.screen = .newPoll(draft)
        let size = TerminalSize(columns: 80, rows: 24)
        var lines = ModeratorScreen.render(state, size: size).lines
        #expect(lines[5] == " Question  Which instrument helps most?                                  28/200")
        _ = draft.apply(.line(.insert(String(repeating: "x", count: 172))))
        _ = draft.apply(.line(.insert("!")))
        state.screen = .newPoll(draft)
        lines = ModeratorScreen.render(state, size: size).lines
        #expect(lines[5].hasSuffix(" 200/200"))
        #expect(lines[20] == " Not added: a question holds at most 200 characters (1 more would not fit)")
        #expect(draft.question.text.count == 200)
        // An option counts too, against its own limit.
        _ = draft.apply(.next)
        _ = draft.apply(.next)
        _ = draft.apply(.line(.insert("INNOSUP")))
        state.screen = .newPoll(draft)
        lines = ModeratorScreen.render(state, size: size).lines
        #expect(lines.contains { $0.contains("INNOSUP") && $0.hasSuffix(" 7/120") })
    }

    /// An open answer's count turns into a warning when the answer is full or a paste does not fit.
    @Test func theBallotCountWarnsWhenTheAnswerIsFull() throws {
        let poll = PollDefinition(id: "word", question: "One word?", type: .open, maxLength: 12)
        var draft = BallotDraft(poll: poll)
        draft.apply(.line(.insert("open data")), poll: poll)
        var grid = CellGrid(size: TerminalSize(columns: 60, rows: 3))
        BallotFormView.drawText(draft.text, into: &grid, x: 0, y: 0, width: 60, glyphs: .unicode)
        #expect(grid.lines[1] == "  9/12 characters")
        draft.apply(.line(.paste("and more")), poll: poll)
        grid = CellGrid(size: TerminalSize(columns: 60, rows: 3))
        BallotFormView.drawText(draft.text, into: &grid, x: 0, y: 0, width: 60, glyphs: .unicode)
        #expect(grid.lines[1] == "  9/12 characters · not added: 8 more would not fit")
        #expect(grid[2, 1].style == .warning)
    }

    @Test func afterTheEnd() throws {
        let grid = ModeratorScreen.render(try Fixtures.dayState(now: Fixtures.at(13, 40), [(Fixtures.at(12, 0), .start), (Fixtures.at(12, 30), .jump(slot: 5)), (Fixtures.at(13, 35), .end)]), size: TerminalSize(columns: 80, rows: 24))
        expectLines(grid, [
            " From S3 Benchmarking to Cluster-Led Action                   13:40:00   ended",
            " WIDEX & IRM-HUB Workshop on Regional Cooperation · Sevilla · 2025-03-11",
            "────────────────────────────────────────────────────────────────────────────────",
            " AGENDA                         │ ENDED · Wrap-up                      slot 6/7",
            " ✓ 12:00 Workshop registration.…│ Wrap-up and conclusions",
            " – 12:30 Welcome and objectives │ Planned 13:20–13:30 (10 min) · started 12:30",
            " – 12:35 IRM-HUB framing: S3 be…│",
            " – 12:40 WIDEX framing: industr…│ The workshop has ended. q quits; --fresh sta…",
            " – 12:45 Working groups         │",
            " ✓ 12:30 Wrap-up and conclusions│",
            " – 13:30 Networking lunch       │",
            "                                │",
            "                                │",
            "                                │",
            "                                │",
            "                                │",
            "                                │",
            "                                │",
            "                                │",
            "                                │",
            "                                │ Ended 13:35, planned 15:00 (1 h 25 min ahead)",
            "────────────────────────────────────────────────────────────────────────────────",
            " 3 actions recorded",
            " Space start/pause  n/→ next  p/← back  ? help  q quit  +/- 1 min  g jump  E end",
        ])
    }

    @Test func belowTheMinimumSizeAsksToEnlarge() throws {
        let grid = ModeratorScreen.render(try Fixtures.runningLate, size: TerminalSize(columns: 59, rows: 24))
        expectLines(grid, [
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
            "                 Please enlarge the window",
            "               Plenary needs at least 60×16",
            "                         now 59×24",
        ])
    }

    @Test func wideAndHostileTextKeepsColumnsAligned() throws {
        var session = Fixtures.sevillaDay
        session.agenda[1].title = "東京 · Ωmega \u{1B}[2J café"
        session.agenda[2].speakers = [Person(name: "Zoë Lee 李娜", affiliation: "Région Värmland")]
        let state = try Fixtures.dayState(session, now: Fixtures.at(12, 41, 7), [
            (Fixtures.at(12, 2), .start), (Fixtures.at(12, 33), .next), (Fixtures.at(12, 38), .next),
        ])
        let grid = ModeratorScreen.render(state, size: TerminalSize(columns: 80, rows: 24))
        expectLines(grid, [
            " From S3 Benchmarking to Cluster-Led Action          12:41:07   ▼ 3 min behind",
            " WIDEX & IRM-HUB Workshop on Regional Cooperation · Sevilla · 2025-03-11",
            "────────────────────────────────────────────────────────────────────────────────",
            " AGENDA                         │ NOW · Talk                           slot 3/7",
            " ✓ 12:02 Workshop registration.…│ IRM-HUB framing: S3 benchmark and SWOT logic",
            " ✓ 12:33 東京 · Ωmega ␛[2J café │ Zoë Lee 李娜, Région Värmland",
            " ▶ 12:38 IRM-HUB framing: S3 be…│ Planned 12:35–12:40 (5 min) · started 12:38",
            "   12:43 WIDEX framing: industr…│",
            "   12:48 Working groups         │  ███  █    ███ ███",
            "   13:23 Wrap-up and conclusions│  █ █ ██  █ █     █",
            "   13:33 Networking lunch       │  █ █  █    ███  ██",
            "                                │  █ █  █  █   █   █",
            "                                │  ███ ███   ███ ███",
            "                                │",
            "                                │ left of 05:00 · 03:07 elapsed",
            "                                │ Notes",
            "                                │ High-level overview of the IRM-HUB approach:",
            "                                │ what the S3 benchmark looks at (policy mix,",
            "                                │ instruments, ESIF capabilities).",
            "                                │ Next  12:43  WIDEX framing: industrial clust…",
            "                                │ Day ends 15:00, planned 15:00 (on time)",
            "────────────────────────────────────────────────────────────────────────────────",
            " 3 actions recorded",
            " Space start/pause  n/→ next  p/← back  ? help  q quit  +/- 1 min  g jump  E end",
        ])
        #expect(!grid.cells.contains { $0.text.unicodeScalars.contains { $0.value == 0x1B } })
    }

    /// Issue 11, item 16: `n` at 13:12 on the wrap-up, with the fixed lunch planned at 13:30.
    @Test func startingAFixedSlotEarlyAsksFirst() throws {
        var state = try Fixtures.dayState(now: Fixtures.at(13, 12), [
            (Fixtures.at(12, 0), .start), (Fixtures.at(12, 30), .next), (Fixtures.at(12, 35), .next),
            (Fixtures.at(12, 40), .next), (Fixtures.at(12, 45), .next), (Fixtures.at(13, 0), .next),
        ])
        _ = WorkshopReducer.reduce(&state, .agenda(.requestMove(.next)), now: state.now)
        let grid = ModeratorScreen.render(state, size: TerminalSize(columns: 80, rows: 24))
        expectLines(grid, [
            " From S3 Benchmarking to Cluster-Led Action          13:12:00   ▲ 18 min ahead",
            " WIDEX & IRM-HUB Workshop on Regional Cooperation · Sevilla · 2025-03-11",
            "────────────────────────────────────────────────────────────────────────────────",
            " AGENDA                         │ NOW · Wrap-up                        slot 6/7",
            " ✓ 12:00 Workshop registration.…│ Wrap-up and conclusions",
            " ✓ 12:30 Welcome and objectives │ Planned 13:20–13:30 (10 min) · started 13:00",
            " ✓ 12:35 IRM-HUB framing: S3 be…│",
            " ✓ 12:40 WIDEX framing: industr…│      ███ ███   ███ ███",
            " ✓ 12:45 Working g┌─ Start a fixed slot early? ─────────────┐",
            " ▶ 13:00 Wrap-up a│                                         │",
            "   13:30 Networkin│ Networking lunch                        │",
            "                  │ is planned at 13:30, 18 min from now.   │",
            "                  │                                         │",
            "                  │ y start it now   n or Esc not yet       │d 12:00",
            "                  └─────────────────────────────────────────┘",
            "                                │",
            "                                │",
            "                                │",
            "                                │",
            "                                │ Next  13:30  Networking lunch",
            "                                │ Day ends 15:00, planned 15:00 (on time)",
            "────────────────────────────────────────────────────────────────────────────────",
            " 6 actions recorded",
            " Space start/pause  n/→ next  p/← back  ? help  q quit  +/- 1 min  g jump  E end",
        ])
    }

    /// Issue 11, item 18: a clock an hour behind neither stops the header clock nor goes unsaid, at 80 columns.
    @Test func aClockBehindTheJournalIsSaidAndTheHeaderClockRunsOn() throws {
        var state = try Fixtures.runningLate
        let size = TerminalSize(columns: 80, rows: 24)
        _ = WorkshopReducer.reduce(&state, .tick, now: Fixtures.at(11, 41, 8))
        var lines = ModeratorScreen.render(state, size: size).lines
        #expect(lines[0] == " From S3 Benchmarking to Cluster-Led Action          12:41:07   ▼ 3 min behind")
        #expect(lines[22] == " Computer clock 60 min behind the journal: counting on from 12:41:07.")
        _ = WorkshopReducer.reduce(&state, .tick, now: Fixtures.at(11, 41, 9))
        lines = ModeratorScreen.render(state, size: size).lines
        #expect(lines[0] == " From S3 Benchmarking to Cluster-Led Action          12:41:08   ▼ 3 min behind")
        #expect(lines[22] == " Computer clock 60 min behind the journal: counting on from 12:41:07.")
    }

    @Test func quitAsksFirst() throws {
        var state = try Fixtures.runningLate
        _ = WorkshopReducer.reduce(&state, .app(.requestQuit), now: state.now)
        let grid = ModeratorScreen.render(state, size: TerminalSize(columns: 80, rows: 24))
        expectLines(grid, [
            " From S3 Benchmarking to Cluster-Led Action          12:41:07   ▼ 3 min behind",
            " WIDEX & IRM-HUB Workshop on Regional Cooperation · Sevilla · 2025-03-11",
            "────────────────────────────────────────────────────────────────────────────────",
            " AGENDA                         │ NOW · Talk                           slot 3/7",
            " ✓ 12:02 Workshop registration.…│ IRM-HUB framing: S3 benchmark and SWOT logic",
            " ✓ 12:33 Welcome and objectives │ Ángela Negrete Benedí, ECCP",
            " ▶ 12:38 IRM-HUB framing: S3 be…│ Planned 12:35–12:40 (5 min) · started 12:38",
            "   12:43 WIDEX framing: industr…│",
            "   12:48 Worki┌─ Quit Plenary? ─────────────────────────────────┐",
            "   13:23 Wrap-│                                                 │",
            "   13:33 Netwo│ Everything is already saved; running the same   │",
            "              │ command again resumes where you left off.       │",
            "              │                                                 │",
            "              │ y quit   n or Esc stay                          │",
            "              └─────────────────────────────────────────────────┘",
            "                                │ Notes",
            "                                │ High-level overview of the IRM-HUB approach:",
            "                                │ what the S3 benchmark looks at (policy mix,",
            "                                │ instruments, ESIF capabilities).",
            "                                │ Next  12:43  WIDEX framing: industrial clust…",
            "                                │ Day ends 15:00, planned 15:00 (on time)",
            "────────────────────────────────────────────────────────────────────────────────",
            " 3 actions recorded",
            " Space start/pause  n/→ next  p/← back  ? help  q quit  +/- 1 min  g jump  E end",
        ])
    }

}
