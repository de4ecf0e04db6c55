import PlenaryEngine

/// The moderator's screen: header, agenda, current slot, status line and key hints, plus any overlay.
public enum ModeratorScreen {
    /// Smallest size the screen is laid out for; below it a message asks for a larger window.
    public static let minimumSize = TerminalSize(columns: 60, rows: 16)

    public static func render(_ state: WorkshopState, size: TerminalSize, glyphs: Glyphs = .unicode) -> CellGrid {
        guard size.columns >= minimumSize.columns, size.rows >= minimumSize.rows else {
            return TooSmallView.render(size: size, minimum: minimumSize, glyphs: glyphs)
        }
        if let voter = state.voter {
            return VoterScreen.render(state, voter: voter, size: size, glyphs: glyphs)
        }
        if case .help(let under) = state.screen {
            var covered = state
            covered.screen = under
            var grid = render(covered, size: size, glyphs: glyphs)
            HelpOverlay.draw(into: &grid, glyphs: glyphs, bindings: ModeratorKeyMap.help(over: under))
            return grid
        }
        if case .joinCode(let under) = state.screen {
            var covered = state
            covered.screen = under
            var grid = render(covered, size: size, glyphs: glyphs)
            if let page = state.webPage { JoinCodeOverlay.draw(page, into: &grid, glyphs: glyphs) }
            return grid
        }
        var grid = CellGrid(size: size)
        let schedule = LiveSchedule(state: state)
        drawHeader(state, schedule, into: &grid, glyphs: glyphs)

        let bodyTop = 3
        let bodyHeight = size.rows - bodyTop - 3
        grid.put(String(repeating: glyphs.horizontalLine, count: size.columns), x: 0, y: size.rows - 3, style: .border)
        drawStatus(state, into: &grid, y: size.rows - 2, glyphs: glyphs)
        let body = bodyArea(size)
        switch state.screen {
        case .reportBack(let group, let page):
            ReportBackView.draw(state, groupIndex: group, page: page, into: &grid,
                                x: body.x, y: body.y, width: body.width, height: body.height, glyphs: glyphs)
            drawFooter(ModeratorKeys.reportBack.help, into: &grid, y: size.rows - 1, glyphs: glyphs)
            return grid
        case .poll(let id):
            if let poll = state.poll(id) {
                PollScreen.draw(poll, language: state.session.language, into: &grid, x: body.x, y: body.y, width: body.width, height: body.height, glyphs: glyphs)
            }
            drawFooter(ModeratorKeys.poll.help, into: &grid, y: size.rows - 1, glyphs: glyphs)
            return grid
        case .ballot(let draft):
            if let poll = state.poll(draft.pollID) {
                BallotFormView.draw(draft, poll: poll.definition, title: "Enter a ballot", into: &grid,
                                    x: body.x, y: body.y, width: body.width, height: body.height, glyphs: glyphs)
            }
            drawFooter(ModeratorKeyMap.keys(for: state.screen).help, into: &grid, y: size.rows - 1, glyphs: glyphs)
            return grid
        case .handCount(let draft):
            if let poll = state.poll(draft.pollID) {
                HandCountView.draw(draft, poll: poll.definition, into: &grid,
                                   x: body.x, y: body.y, width: body.width, height: body.height, glyphs: glyphs)
            }
            drawFooter(ModeratorKeyMap.keys(for: state.screen).help, into: &grid, y: size.rows - 1, glyphs: glyphs)
            return grid
        case .group(let id, let selection), .groupHelp(let id, let selection), .groupAgenda(let id, let selection):
            if let group = state.group(id) {
                GroupViews.drawGroup(state, schedule, group: group, selection: selection, into: &grid,
                                     x: body.x, y: body.y, width: body.width, height: body.height, glyphs: glyphs)
            }
            drawFooter(GroupKeys.group.help, into: &grid, y: size.rows - 1, glyphs: glyphs)
            if case .groupHelp = state.screen {
                HelpOverlay.draw(into: &grid, glyphs: glyphs, bindings: GroupKeys.group.help + GroupKeys.groupHelp.help,
                                 title: "Working-group keys")
            }
            if case .groupAgenda = state.screen { drawAgendaOverlay(state, schedule, into: &grid, glyphs: glyphs) }
            return grid
        case .shortlistPoll(let draft):
            if let group = state.group(draft.groupID) {
                GroupViews.drawGroup(state, schedule, group: group, selection: draft.selection, into: &grid,
                                     x: body.x, y: body.y, width: body.width, height: body.height, glyphs: glyphs)
            }
            drawFooter(GroupKeys.shortlistPoll.help, into: &grid, y: size.rows - 1, glyphs: glyphs)
            ShortlistPollView.draw(draft, into: &grid, glyphs: glyphs)
            return grid
        case .entry(let draft):
            GroupViews.drawEntry(state, draft: draft, into: &grid, x: body.x, y: body.y, width: body.width, height: body.height, glyphs: glyphs)
            drawFooter(ModeratorKeyMap.keys(for: state.screen).help, into: &grid, y: size.rows - 1, glyphs: glyphs)
            return grid
        case .qa(let screen):
            QAQueueView.draw(state, screen, into: &grid, x: body.x, y: body.y, width: body.width, height: body.height, glyphs: glyphs)
            drawFooter(ModeratorKeyMap.keys(for: state.screen).help, into: &grid, y: size.rows - 1, glyphs: glyphs)
            return grid
        case .newPoll(let draft):
            NewPollView.draw(draft, into: &grid, x: body.x, y: body.y, width: body.width, height: body.height, glyphs: glyphs)
            drawFooter(ModeratorKeys.newPoll.help, into: &grid, y: size.rows - 1, glyphs: glyphs)
            return grid
        default:
            break
        }
        // Two fifths of the screen at most; up to 44 columns, or more on a wide screen when titles need it.
        let agendaWidth = max(26, min(size.columns * 2 / 5, max(44, AgendaPanel.wholeWidth(state, glyphs: glyphs))))
        AgendaPanel.draw(state, schedule, into: &grid, x: 0, y: bodyTop, width: agendaWidth, height: bodyHeight, glyphs: glyphs)
        for row in bodyTop..<(bodyTop + bodyHeight) {
            grid.put(glyphs.verticalLine, x: agendaWidth, y: row, style: .border)
        }
        SlotPanel.draw(state, schedule, into: &grid, x: agendaWidth + 2, y: bodyTop,
                       width: size.columns - agendaWidth - 3, height: bodyHeight, glyphs: glyphs)
        if case .pollList = state.screen {
            drawFooter(ModeratorKeys.pollList.help, into: &grid, y: size.rows - 1, glyphs: glyphs)
        } else {
            drawFooter(ModeratorKeys.agenda.help, into: &grid, y: size.rows - 1, glyphs: glyphs)
        }

        switch state.screen {
        case .agenda, .help, .joinCode: break
        case .confirmQuit:
            DialogBox.confirm(into: &grid, title: "Quit Plenary?", lines: [
                "Everything is already saved; running the same",
                "command again resumes where you left off.",
            ], prompt: "y quit   n or Esc stay", glyphs: glyphs)
        case .confirmEnd:
            DialogBox.confirm(into: &grid, title: "End the workshop?", lines: [
                "The current slot ends now and the day is closed.",
                "Results stay in the results file.",
            ], prompt: "y end it   n or Esc go back", glyphs: glyphs)
        case .confirmReopen:
            DialogBox.confirm(into: &grid, title: "Take back the end of the workshop?", lines: [
                "\u{201C}\(state.currentSlot.title)\u{201D} goes on; the minutes since",
                "the end count to it.",
            ], prompt: "y go on   n or Esc keep it ended", glyphs: glyphs)
        case .confirmEarlyStart(let slot, _):
            let plannedStart = schedule.slots[slot].plannedStart
            let left = plannedStart.seconds(since: state.now)
            let when = left < 30 ? "less than a minute from now" : "\(TimeText.minutes(left)) from now"
            DialogBox.confirm(into: &grid, title: "Start a fixed slot early?", lines: [
                state.session.agenda[slot].title,
                "is planned at \(state.calendar.clockTime(plannedStart)), \(when).",
            ], prompt: "y start it now   n or Esc not yet", glyphs: glyphs)
        case .jumpPicker(let selection):
            JumpPicker.draw(state, schedule, selection: selection, into: &grid, glyphs: glyphs)
        case .planEditor(let selection, let prompt):
            PlanEditorView.draw(state, schedule, selection: selection, prompt: prompt, into: &grid, glyphs: glyphs)
        case .pollList(let selection):
            PollListOverlay.draw(state, selection: selection, into: &grid, glyphs: glyphs)
        case .groupList(let selection):
            GroupViews.drawList(state, selection: selection, into: &grid, glyphs: glyphs)
        case .group, .entry, .groupHelp, .groupAgenda:
            break
        case .setPIN(let editor, let first):
            SetPINView.draw(editor: editor, confirming: first != nil, into: &grid, glyphs: glyphs)
        case .importPicker(let picker):
            ImportPickerView.draw(picker, problem: state.notice?.level == .error ? state.notice.map { glyphs.text($0.text) } : nil, into: &grid, glyphs: glyphs)
        case .poll, .ballot, .handCount, .newPoll, .reportBack, .shortlistPoll, .qa:
            break
        }
        return grid
    }

    /// The agenda column in a box over a group's screen: what a facilitator (who has no agenda screen) sees of the day,
    /// with the projected times.
    private static func drawAgendaOverlay(_ state: WorkshopState, _ schedule: LiveSchedule, into grid: inout CellGrid,
                                          glyphs: Glyphs) {
        // Slots, a blank line, the hint: as tall as the day, as the screen allows.
        let frame = DialogBox.frame(into: &grid, width: min(grid.width - 4, 64), height: state.session.agenda.count + 5,
                                    title: "Agenda", glyphs: glyphs)
        AgendaPanel.draw(state, schedule, into: &grid, x: frame.innerX, y: frame.innerY + 1, width: frame.innerWidth,
                         height: frame.y + frame.height - 3 - (frame.innerY + 1), glyphs: glyphs, titled: false)
        grid.putClipped("any key closes", x: frame.innerX + 1, y: frame.y + frame.height - 2, style: .dim,
                        width: frame.innerWidth - 1, ellipsis: glyphs.ellipsis)
    }

    /// The area between the header and the status line that full-screen views (polls, groups) fill.
    static func bodyArea(_ size: TerminalSize) -> (x: Int, y: Int, width: Int, height: Int) {
        (x: 1, y: 3, width: size.columns - 2, height: size.rows - 6)
    }

    private static func drawHeader(_ state: WorkshopState, _ schedule: LiveSchedule, into grid: inout CellGrid, glyphs: Glyphs) {
        let width = grid.width
        grid.fill(style: .bar, x: 0, y: 0, width: width)
        let clock = state.calendar.clockTimeWithSeconds(state.now)
        // A group's laptop does not run the agenda: against its own clock the day would read hours behind. (A
        // facilitator screen attached to the host shows the room's day, once the room has started it.)
        let (indicator, indicatorStyle) = state.role == .facilitator && !state.hasStarted
            ? ("", StyleRole.bar) : delayIndicator(state, schedule, glyphs: glyphs)
        // Words, not a colour, so it shows under NO_COLOR and in --ascii too.
        let rehearsal = state.isRehearsal ? " REHEARSAL " : ""
        let right = " \(clock)  "
        let rightWidth = rehearsal.terminalWidth + right.terminalWidth + indicator.terminalWidth + 1
        grid.put(" " + state.session.title.truncated(toWidth: max(0, width - rightWidth - 2), ellipsis: glyphs.ellipsis), x: 0, y: 0, style: .bar)
        let rightX = width - rightWidth
        grid.put(rehearsal, x: rightX, y: 0, style: .alert)
        grid.put(right, x: rightX + rehearsal.terminalWidth, y: 0, style: .bar)
        grid.put(indicator, x: rightX + rehearsal.terminalWidth + right.terminalWidth, y: 0, style: indicatorStyle)

        var details: [String] = []
        if let subtitle = state.session.subtitle { details.append(subtitle) }
        if let venue = state.session.venue { details.append(venue) }
        if let date = state.session.date { details.append(date.description) }
        grid.put(" " + details.concatenated(separator: " \(glyphs.middleDot) ").truncated(toWidth: width - 2, ellipsis: glyphs.ellipsis), x: 0, y: 1, style: .dim)
        grid.put(String(repeating: glyphs.horizontalLine, count: width), x: 0, y: 2, style: .border)
    }

    /// "▼ 7 min behind" in the warning colour, "on time" in green...
    static func delayIndicator(_ state: WorkshopState, _ schedule: LiveSchedule, glyphs: Glyphs) -> (String, StyleRole) {
        if state.hasEnded { return (" ended ", .dim) }
        let delay = schedule.delaySeconds
        let text = TimeText.delay(delay)
        if abs(delay) < 60 { return (" \(text) ", .ok) }
        if delay < 0 { return (" \(glyphs.ahead) \(text) ", .ok) }
        return (" \(glyphs.behind) \(text) ", delay >= 10 * 60 ? .alert : .warning)
    }

    private static func drawStatus(_ state: WorkshopState, into grid: inout CellGrid, y: Int, glyphs: Glyphs) {
        if let failure = state.storageFailure {
            grid.fill(style: .alert, x: 0, y: y, width: grid.width)
            grid.putClipped(" ! " + glyphs.text(failure.message), x: 0, y: y, style: .alert, width: grid.width, ellipsis: glyphs.ellipsis)
        } else if let notice = state.notice {
            let style: StyleRole = switch notice.level {
            case .info: .normal
            case .success: .ok
            case .warning: .warning
            case .error: .alert
            }
            grid.putClipped(" " + glyphs.text(notice.text), x: 0, y: y, style: style, width: grid.width, ellipsis: glyphs.ellipsis)
        } else {
            let count = state.recordedActions
            grid.put(" \(count) action\(count == 1 ? "" : "s") recorded", x: 0, y: y, style: .dim)
        }
    }

    private static func drawFooter(_ bindings: [KeyHelp], into grid: inout CellGrid, y: Int, glyphs: Glyphs) {
        var x = 1
        for binding in bindings {
            guard let key = binding.footerKeys.map(glyphs.keyLabel), let hint = binding.hint else { continue }
            let needed = key.terminalWidth + 1 + hint.terminalWidth
            guard x + needed <= grid.width else { break }
            x += grid.put(key, x: x, y: y, style: .key)
            x += grid.put(" " + hint, x: x, y: y, style: .dim)
            x += 2
        }
    }
}
