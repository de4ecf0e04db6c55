import Testing
import PlenaryEngine
import PlenaryTestSupport
@testable import PlenaryUI

/// The changed plan on screen (issue 15): the agenda says it differs from the file and shows the re-planned times;
/// the plan editor lists planned minutes and fixed slots, and asks for a title or minutes in place.
@Suite struct PlanEditorViewTests {
    static let size = TerminalSize(columns: 80, rows: 24)

    /// The room running 3 minutes late (slot 3, 12:41:07), with a 10-minute message inserted after the current slot.
    static func changed() throws -> WorkshopState {
        var state = try Fixtures.runningLate
        _ = WorkshopReducer.reduce(&state, .agenda(.openPlanEditor), now: state.now)
        for action: WorkshopAction in [.agenda(.startPlanPrompt(.insertTitle)), .agenda(.editPlanPrompt(.insert("Minister’s message"))),
                                       .agenda(.submitPlanPrompt), .agenda(.editPlanPrompt(.backspace)),
                                       .agenda(.editPlanPrompt(.backspace)), .agenda(.editPlanPrompt(.insert("10"))),
                                       .agenda(.submitPlanPrompt)] {
            _ = WorkshopReducer.reduce(&state, action, now: state.now)
        }
        return state
    }

    @Test func theAgendaShowsTheInsertedSlotAndThatThePlanChanged() throws {
        var state = try Self.changed()
        _ = WorkshopReducer.reduce(&state, .app(.dismissOverlay), now: state.now)
        expectLines(ModeratorScreen.render(state, size: Self.size), [
            " From S3 Benchmarking to Cluster-Led Action          12:41:07   ▼ 3 min behind",
            " WIDEX & IRM-HUB Workshop on Regional Cooperation · Sevilla · 2025-03-11",
            "────────────────────────────────────────────────────────────────────────────────",
            " AGENDA  plan changed: 1 edit   │ NOW · Talk                           slot 3/8",
            " ✓ 12:02 Workshop registration.…│ IRM-HUB framing: S3 benchmark and SWOT logic",
            " ✓ 12:33 Welcome and objectives │ Ángela Negrete Benedí, ECCP",
            " ▶ 12:38 IRM-HUB framing: S3 be…│ Planned 12:35–12:40 (5 min) · started 12:38",
            "   12:43 WIDEX framing: industr…│",
            "   12:48 Minister’s message     │  ███  █    ███ ███",
            "   12:58 Working groups         │  █ █ ██  █ █     █",
            "   13:33 Wrap-up and conclusions│  █ █  █    ███  ██",
            "   13:43 Networking lunch       │  █ █  █  █   █   █",
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
            " 4 actions recorded",
            " Space start/pause  n/→ next  p/← back  ? help  q quit  +/- 1 min  g jump  E end",
        ])
    }

    @Test func thePlanEditorListsMinutesAndFixedSlotsWithTheNewSlotSelected() throws {
        expectLines(ModeratorScreen.render(try Self.changed(), size: Self.size), [
            " From S3 Benchmarking to Cluster-Led Action          12:41:07   ▼ 3 min behind",
            " WIDEX & IRM-HUB Workshop on Regional Cooperation · Sevilla · 2025-03-11",
            "────────────────────────────────────────────────────────────────────────────────",
            " AGENDA  plan changed: 1 edit   │ NOW · Talk                           slot 3/8",
            " ✓ 12:02 Workshop registration.…│ IRM-HUB framing: S3 benchmark and SWOT logic",
            " ✓ 1┌─ Change the plan (1 change in effect) ───────────────────────────────┐",
            " ▶ 1│                                                                      │8",
            "   1│  ✓ 12:02  30 min        Workshop registration. Networking & welcome… │",
            "   1│  ✓ 12:33   5 min        Welcome and objectives                       │",
            "   1│  ▶ 12:38   5 min        IRM-HUB framing: S3 benchmark and SWOT logic │",
            "   1│    12:43   5 min        WIDEX framing: industrial clustering action… │",
            "   1│    12:48  10 min        Minister’s message                           │",
            "    │    12:58  35 min        Working groups                               │",
            "    │    13:33  10 min        Wrap-up and conclusions                      │",
            "    │    13:43  90 min fixed  Networking lunch                             │",
            "    │ Speakers: none (s adds one)                                          │",
            "    │ Day ends 15:00 (planned 15:00)                                       │h:",
            "    │ i insert  x drop  [ ] move  t title  m min  s speaker  f fix  u undo │,",
            "    └──────────────────────────────────────────────────────────────────────┘",
            "                                │ Next  12:43  WIDEX framing: industrial clust…",
            "                                │ Day ends 15:00, planned 15:00 (on time)",
            "────────────────────────────────────────────────────────────────────────────────",
            " 4 actions recorded",
            " Space start/pause  n/→ next  p/← back  ? help  q quit  +/- 1 min  g jump  E end",
        ])
    }

    @Test func theMinutesQuestionOpensInTheEditor() throws {
        var state = try Self.changed()
        _ = WorkshopReducer.reduce(&state, .agenda(.movePlanSelection(by: 2)), now: state.now)
        _ = WorkshopReducer.reduce(&state, .agenda(.startPlanPrompt(.minutes)), now: state.now)
        expectLines(ModeratorScreen.render(state, size: Self.size), [
            " From S3 Benchmarking to Cluster-Led Action          12:41:07   ▼ 3 min behind",
            " WIDEX & IRM-HUB Workshop on Regional Cooperation · Sevilla · 2025-03-11",
            "────────────────────────────────────────────────────────────────────────────────",
            " AGE┌─ Change the plan (1 change in effect) ───────────────────────────────┐3/8",
            " ✓ 1│                                                                      │ic",
            " ✓ 1│  ✓ 12:02  30 min        Workshop registration. Networking & welcome… │",
            " ▶ 1│  ✓ 12:33   5 min        Welcome and objectives                       │8",
            "   1│  ▶ 12:38   5 min        IRM-HUB framing: S3 benchmark and SWOT logic │",
            "   1│    12:43   5 min        WIDEX framing: industrial clustering action… │",
            "   1│    12:48  10 min        Minister’s message                           │",
            "   1│    12:58  35 min        Working groups                               │",
            "   1│    13:33  10 min        Wrap-up and conclusions                      │",
            "    │    13:43  90 min fixed  Networking lunch                             │",
            "    │ Speakers: none (s adds one)                                          │",
            "    │ Day ends 15:00 (planned 15:00)                                       │",
            "    │                                                                      │",
            "    │ Planned minutes:                                                     │h:",
            "    │ > 10                                                                 │,",
            "    │ Enter ok   Esc cancel                                                │",
            "    └──────────────────────────────────────────────────────────────────────┘st…",
            "                                │ Day ends 15:00, planned 15:00 (on time)",
            "────────────────────────────────────────────────────────────────────────────────",
            " 4 actions recorded",
            " Space start/pause  n/→ next  p/← back  ? help  q quit  +/- 1 min  g jump  E end",
        ])
    }

    /// A TBC speaker confirmed in place: the selected slot's speakers under the list, the name asked below.
    @Test func theSpeakerQuestionShowsTheSlotsTBCSpeaker() throws {
        var session = Fixtures.sevillaDay
        session.agenda[3].speakers = [Person(name: "Speaker to be confirmed", affiliation: "S3 CoP", tbc: true)]
        var state = try Fixtures.dayState(session, now: Fixtures.at(12, 41, 7),
                                          [(Fixtures.at(12, 2), .start), (Fixtures.at(12, 33), .next), (Fixtures.at(12, 38), .next)])
        for action: WorkshopAction in [.agenda(.openPlanEditor), .agenda(.startSpeakerPrompt), .agenda(.editPlanPrompt(.insert("Ana Ruiz")))] {
            _ = WorkshopReducer.reduce(&state, action, now: state.now)
        }
        expectLines(ModeratorScreen.render(state, size: Self.size), [
            " From S3 Benchmarking to Cluster-Led Action          12:41:07   ▼ 3 min behind",
            " WIDEX & IRM-HUB Workshop on Regional Cooperation · Sevilla · 2025-03-11",
            "────────────────────────────────────────────────────────────────────────────────",
            " AGENDA                         │ NOW · Talk                           slot 3/7",
            " ✓ 1┌─ Change the plan ────────────────────────────────────────────────────┐ic",
            " ✓ 1│                                                                      │",
            " ▶ 1│  ✓ 12:02  30 min        Workshop registration. Networking & welcome… │8",
            "   1│  ✓ 12:33   5 min        Welcome and objectives                       │",
            "   1│  ▶ 12:38   5 min        IRM-HUB framing: S3 benchmark and SWOT logic │",
            "   1│    12:43   5 min        WIDEX framing: industrial clustering action… │",
            "   1│    12:48  35 min        Working groups                               │",
            "    │    13:23  10 min        Wrap-up and conclusions                      │",
            "    │    13:33  90 min fixed  Networking lunch                             │",
            "    │ Speakers: Speaker to be confirmed (S3 CoP) TBC                       │",
            "    │ Day ends 15:00 (planned 15:00)                                       │",
            "    │                                                                      │",
            "    │ Name of speaker 1 of 1 (TBC now; Tab: another speaker):              │h:",
            "    │ > Ana Ruiz                                                           │,",
            "    │ Enter ok   Esc cancel                                                │",
            "    └──────────────────────────────────────────────────────────────────────┘st…",
            "                                │ Day ends 15:00, planned 15:00 (on time)",
            "────────────────────────────────────────────────────────────────────────────────",
            " 3 actions recorded",
            " Space start/pause  n/→ next  p/← back  ? help  q quit  +/- 1 min  g jump  E end",
        ])
    }
}
