/// The one place that decides what each role sees (issue 14). A field added to `WorkshopState` reaches no client
/// until it is added here, on purpose.
extension RoomView {
    public init(of state: WorkshopState, for role: ClientRole) {
        let schedule = LiveSchedule(state: state)
        title = state.session.title
        subtitle = state.session.subtitle
        howToVote = state.session.howToVote
        roomNotice = state.roomNotice
        webPage = state.webPage
        phase = Self.phase(of: state)
        slot = Self.currentSlot(of: state, schedule: schedule)
        polls = state.polls.compactMap { Self.poll($0, language: state.session.language) }
        qa = RoomQABoard(of: state, listing: role == .voter)
        switch role {
        case .voter, .audience:
            agenda = nil
            groups = nil
        case .group(let id):
            agenda = Self.agenda(of: state, schedule: schedule, withNotes: false)
            groups = state.groups.filter { $0.id == id }.map(Self.group)
        case .moderator:
            agenda = Self.agenda(of: state, schedule: schedule, withNotes: true)
            groups = state.groups.map(Self.group)
        }
    }

    private static func phase(of state: WorkshopState) -> Phase {
        switch state.phase {
        case .notStarted: .notStarted
        case .running: state.isPaused ? .paused : .running
        case .ended: .ended
        }
    }

    private static func currentSlot(of state: WorkshopState, schedule: LiveSchedule) -> CurrentSlot {
        let slot = state.currentSlot
        let counting = state.hasStarted && !state.hasEnded && !state.isPaused
        return CurrentSlot(
            index: state.currentIndex, title: slot.title, kind: slot.kind.label, track: slot.track,
            speakers: slot.speakers.map(\.name),
            endsAtMilliseconds: counting ? state.now.milliseconds + schedule.remainingSeconds * 1000 : nil,
            remainingSeconds: schedule.remainingSeconds)
    }

    /// Open polls, and closed ones whose results the room has been shown; drafts and hidden results never.
    private static func poll(_ poll: PollState, language: String) -> Poll? {
        guard poll.status == .open || (poll.status == .closed && poll.showsResults) else { return nil }
        let definition = poll.definition
        return Poll(
            id: definition.id, question: definition.question, type: definition.type, options: definition.options,
            maxPicks: definition.maxPicks, scale: definition.scale, maxLength: definition.maxLength,
            points: definition.points, needsCode: definition.admission == .codes, isOpen: poll.status == .open,
            ballotCount: poll.ballotCount, handCount: poll.handCount > 0 ? poll.handCount : nil,
            results: poll.showsResults ? results(of: poll, language: language) : nil,
            maxPerOption: definition.maxPerOption)
    }

    /// Totals only: `PollResults.answers` (every open answer) stays on the host.
    private static func results(of poll: PollState, language: String) -> Results {
        let computed = PollTally.results(of: poll.currentRound, for: poll.definition, language: language)
        return Results(
            ballotCount: computed.ballotCount, handCount: computed.handCount > 0 ? computed.handCount : nil,
            rows: computed.rows.map { Results.Row(label: $0.label, value: $0.value, fraction: $0.fraction, valueText: $0.valueText) },
            scaleMean: computed.scale?.mean, scaleMedian: computed.scale?.median)
    }

    private static func agenda(of state: WorkshopState, schedule: LiveSchedule, withNotes: Bool) -> [AgendaLine] {
        zip(state.session.agenda, schedule.slots).map { slot, timing in
            AgendaLine(
                title: slot.title, kind: slot.kind.label, status: status(timing.status),
                projectedStartMilliseconds: timing.projectedStart.milliseconds,
                projectedEndMilliseconds: timing.projectedEnd.milliseconds,
                notes: withNotes ? slot.notes : nil)
        }
    }

    private static func status(_ status: LiveSchedule.Status) -> AgendaLine.Status {
        switch status {
        case .done: .done
        case .skipped: .skipped
        case .current: .current
        case .upcoming: .upcoming
        }
    }

    private static func group(_ group: GroupState) -> Group {
        Group(id: group.id, name: group.definition.name, entries: group.entries.map {
            Group.Entry(id: $0.id, template: $0.template, fields: $0.fields, author: $0.author)
        })
    }
}
