/// A new session file to fill in (`plenary new`): a valid agenda of the asked length, a sample poll, working groups
/// with the chosen capture templates, and comments that say what each key does, so a moderator can start from it
/// without reading the format first. What it writes always passes `plenary validate` (tests check every template).
public struct SessionScaffold: Sendable, Equatable {
    public var title: String
    /// "2025-03-11", or nil for an undated session.
    public var date: String?
    public var timeZone: String
    public var venue: String?
    /// "09:30": the agenda is tied to the clock; nil: it floats and starts whenever the moderator starts it.
    public var start: String?
    public var slots: Int
    public var slotMinutes: Int
    /// Ids from `templateCatalog`; with any, the agenda gets a working-groups slot and two groups.
    public var templates: [String]
    public var samplePoll: Bool

    public init(title: String, date: String? = nil, timeZone: String = "UTC", venue: String? = nil, start: String? = nil,
                slots: Int = 4, slotMinutes: Int = 30, templates: [String] = [], samplePoll: Bool = true) {
        self.title = title
        self.date = date
        self.timeZone = timeZone
        self.venue = venue
        self.start = start
        self.slots = slots
        self.slotMinutes = slotMinutes
        self.templates = templates
        self.samplePoll = samplePoll
    }

    public static let slotRange = 1...40
    public static let minutesRange = 1...480

    /// The capture templates of the example sessions, by id, as YAML list items.
    public static let templateCatalog: [(id: String, yaml: String)] = [
        ("action-concept", """
              - id: action-concept
                name: Action concept
                fields:
                  - {id: theme, label: Theme / value-chain segment, type: text, required: true}
                  - {id: partners, label: Potential partners / regions, type: list}
                  - {id: outcome, label: Expected outcome, type: long}
                  - {id: first-step, label: First practical step, type: text, help: "Something that can start within a month"}
            """),
        ("swot", """
              - id: swot
                name: SWOT
                fields:
                  - {id: strengths, label: Strengths, type: list}
                  - {id: weaknesses, label: Weaknesses, type: list}
                  - {id: opportunities, label: Opportunities, type: list}
                  - {id: threats, label: Threats, type: list}
            """),
        ("challenge", """
              - id: challenge
                name: Challenge
                fields:
                  - {id: title, label: Challenge, type: text, required: true}
                  - {id: description, label: Description, type: long}
                  - id: category
                    label: Category
                    type: choice              # one of the choices below
                    choices: [Capacity, Funding, Governance, Partners, Other]
            """),
        ("key-message", """
              - id: key-message
                name: Key message / opportunity
                fields:
                  - {id: text, label: Key message or opportunity, type: long, required: true}
                  - {id: source, label: "Source (project, partnership or region)", type: text}
            """),
        ("free-notes", """
              - id: free-notes
                name: Free notes
                fields:
                  - {id: notes, label: Notes, type: long}
            """),
    ]

    public static var templateIDs: [String] { templateCatalog.map(\.id) }

    /// What is wrong with the options, in words for the command line; empty when the file can be written.
    public var problems: [String] {
        var problems: [String] = []
        if title.allSatisfy(\.isWhitespace) { problems.append("the title is empty") }
        if title.contains(where: \.isNewline) { problems.append("the title must be one line") }
        if venue?.contains(where: \.isNewline) == true { problems.append("the venue must be one line") }
        if !Self.slotRange.contains(slots) { problems.append("slots must be between 1 and \(Self.slotRange.upperBound)") }
        if !Self.minutesRange.contains(slotMinutes) { problems.append("slot minutes must be between 1 and \(Self.minutesRange.upperBound)") }
        for id in templates where !Self.templateIDs.contains(id) {
            problems.append("unknown template \"\(id)\" (choose from: \(Self.templateIDs.joined(separator: ", ")))")
        }
        return problems
    }

    /// The session file's text.
    public func yaml() -> String {
        var lines: [String] = [
            "# \(title.replacingLineBreaks(with: " "))",
            "# Made by `plenary new`. Check it with `plenary validate FILE`, run it with `plenary run FILE`.",
            "# Every key is described in docs/session-format.md; keys are snake_case and unknown keys are errors.",
            "plenary: 1",
            "title: \(Self.quoted(title))",
            "# subtitle: One line under the title",
        ]
        lines.append(date.map { "date: \($0)" } ?? Self.commented("# date: 2025-03-11", "the day the agenda is for"))
        lines.append(Self.commented("timezone: \(timeZone)", "agenda times are read in this IANA zone"))
        lines.append(Self.commented("language: en", "used for stop words in open-text word lists"))
        lines.append(venue.map { "venue: \(Self.quoted($0))" } ?? "# venue: \"Room, building, city\"")
        lines += [
            "# organisers: [Organiser one, Organiser two]",
            "# moderator: {name: Your name, affiliation: Your organisation}",
            "",
            "agenda:",
        ]
        lines += agenda()
        if samplePoll {
            lines += [
                "",
                Self.commented("polls:", "single, multiple, scale, open, ranking or allocation"),
                "  - id: expectations",
                "    question: How familiar are you with today's topic?",
                "    type: scale",
                "    scale: {min: 1, max: 5, min_label: New to it, max_label: Expert}",
                "  - id: one-word",
                "    question: One word for what you hope to take home",
                "    type: open",
            ]
        }
        if !templates.isEmpty {
            lines += ["", Self.commented("templates:", "the forms working groups fill in")]
            for id in templates {
                if let template = Self.templateCatalog.first(where: { $0.id == id }) { lines.append(template.yaml) }
            }
            let list = templates.joined(separator: ", ")
            lines += [
                "",
                "groups:",
                "  - id: group-1",
                "    name: Working group 1",
                "    # facilitator: {name: Facilitator's name, affiliation: Organisation}",
                "    templates: [\(list)]",
                "  - id: group-2",
                "    name: Working group 2",
                "    templates: [\(list)]",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Welcome first, wrap-up last, a working-groups slot before the wrap-up when there are templates, talks between.
    func agenda() -> [String] {
        var kinds = Array(repeating: "talk", count: slots)
        kinds[0] = "welcome"
        if slots > 1 { kinds[slots - 1] = "wrap-up" }
        let groupsIndex = templates.isEmpty ? nil : (slots > 2 ? slots - 2 : slots > 1 ? 1 : 0)
        if let groupsIndex { kinds[groupsIndex] = "working-groups" }
        var lines: [String] = []
        var talk = 0
        for (index, kind) in kinds.enumerated() {
            let title: String
            switch kind {
            case "welcome": title = "Welcome and objectives"
            case "wrap-up": title = "Wrap-up and next steps"
            case "working-groups": title = "Working groups"
            default:
                talk += 1
                title = "Talk \(talk)"
            }
            lines.append("  - id: \(kind == "talk" ? "talk-\(talk)" : kind)")
            if index == 0, let start {
                lines.append(Self.commented("    start: \"\(start)\"", "HH:MM; the next slots follow on"))
            }
            lines.append(index == 0 ? Self.commented("    duration: \(slotMinutes)", "minutes, or a length such as 1h30") : "    duration: \(slotMinutes)")
            lines.append("    title: \(title)")
            lines.append("    kind: \(kind)")
            if index == 0 {
                lines.append("    # speakers:")
                lines.append("    #   - {name: Speaker's name, affiliation: Organisation, tbc: true}")
                lines.append("    notes: Shown to the moderator only.")
                if samplePoll { lines.append("    polls: [expectations, one-word]") }
            }
            if index == groupsIndex { lines.append("    groups: [group-1, group-2]") }
            if kind == "wrap-up" { lines.append(Self.commented("    # fixed: true", "keeps its planned end: shrinks when the room is late")) }
        }
        return lines
    }

    /// `line` with `comment` after it, comments lined up in one column.
    static func commented(_ line: String, _ comment: String) -> String {
        line + String(repeating: " ", count: max(1, 36 - line.count)) + "# " + comment
    }

    /// A YAML double-quoted scalar: always safe, whatever the text holds.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
